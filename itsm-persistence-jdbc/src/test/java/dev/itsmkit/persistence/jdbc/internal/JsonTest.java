package dev.itsmkit.persistence.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.persistence.jdbc.JdbcStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JsonTest {
    /** itsm-jackson's golden ticket: the stored form of a ticket with fields, links and every kind of value. */
    private static final Path GOLDEN_TICKET = Path.of("../itsm-jackson/src/test/resources/golden/ticket-incident.json");

    @Test
    void aStoredTicketReadsBackToTheSameBytes() throws IOException {
        String stored = Json.write(Json.read(Files.readString(GOLDEN_TICKET), Ticket.class));

        assertThat(Json.write(Json.read(stored, Ticket.class))).isEqualTo(stored);
    }

    @Test
    void storedJsonWithAPropertyGivenTwiceIsRefused() throws IOException {
        String golden = Files.readString(GOLDEN_TICKET);
        String twice = golden.replaceFirst("\\{", "{ \"title\" : \"an earlier title\",");
        assertThat(twice).isNotEqualTo(golden);

        assertThatThrownBy(() -> Json.read(twice, Ticket.class)).isInstanceOf(JdbcStoreException.class)
                .hasRootCauseMessage(rootMessage(twice)).rootCause().hasMessageContaining("'title' appears twice");
    }

    private static String rootMessage(String json) {
        try {
            Json.read(json, Ticket.class);
            throw new AssertionError("accepted a property given twice");
        } catch (JdbcStoreException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return String.valueOf(root.getMessage());
        }
    }
}
