package dev.itsmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.SlaBreached;
import dev.itsmkit.core.outbox.Notice;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.outbox.OutboxEntryId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The JSON form of fixed sample tickets and outbox entries equals the stored golden files, so the form cannot change
 * silently: a change to it shows in the diff of {@code src/test/resources/golden}, where a reviewer sees
 * it. After a deliberate change, regenerate the files with {@code -Dgolden.update=true} and say why in
 * the commit (and in {@code docs/json.md}).
 */
class GoldenFormTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = ItsmJson.mapper();

    private static <T> void matchesGolden(String file, T value, Class<T> type) throws IOException {
        String written = Samples.prettyWriter().writeValueAsString(value) + "\n";
        Path path = GOLDEN.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(path, written, StandardCharsets.UTF_8);
        }
        String golden = Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertThat(written).isEqualTo(golden);
        assertThat(JSON.readValue(golden, type)).isEqualTo(value);
    }

    @Test
    void theSampleIncidentIsWrittenAsTheGoldenFileSays() throws IOException {
        matchesGolden("ticket-incident.json", Samples.incident(), Ticket.class);
    }

    @Test
    void theSampleChangeIsWrittenAsTheGoldenFileSays() throws IOException {
        matchesGolden("ticket-change.json", Samples.change(), Ticket.class);
    }

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final SlaBreached BREACHED = new SlaBreached(TenantId.of("acme"), TicketId.of("tk-1"), Party.ITSM_KIT, AT,
            7, 3, "resolution", 1, AT);

    @Test
    void aNotificationInTheOutboxIsWrittenAsTheGoldenFileSays() throws IOException {
        OutboxEntry entry = OutboxEntry.notifying(OutboxEntryId.of("ob-1"), BREACHED,
                Notice.of("sla-breached", "pager", Party.group("network"), Party.person("alice")), AT);
        matchesGolden("outbox-notification.json", entry, OutboxEntry.class);
    }

    @Test
    void anOutboxEntryWrittenBeforeNoticesExistedReadsAsAnAnnouncement() throws IOException {
        // written by ITSM Kit before outbox entries carried a notice (schema V5); must read forever
        String golden = Files.readString(GOLDEN.resolve("outbox-announcement-v5.json"), StandardCharsets.UTF_8);
        OutboxEntry entry = JSON.readValue(golden, OutboxEntry.class);
        assertThat(entry).isEqualTo(OutboxEntry.announcing(OutboxEntryId.of("ob-1"), BREACHED, AT));
        assertThat(entry.notice()).isEmpty();
        assertThat(Samples.prettyWriter().writeValueAsString(entry) + "\n").isEqualTo(golden.replace("\r\n", "\n"));
    }
}
