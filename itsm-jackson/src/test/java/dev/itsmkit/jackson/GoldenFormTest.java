package dev.itsmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.itsmkit.core.Ticket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The JSON form of fixed sample tickets equals the stored golden files, so the form cannot change
 * silently: a change to it shows in the diff of {@code src/test/resources/golden}, where a reviewer sees
 * it. After a deliberate change, regenerate the files with {@code -Dgolden.update=true} and say why in
 * the commit (and in {@code docs/json.md}).
 */
class GoldenFormTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = ItsmJson.mapper();

    private static void matchesGolden(String file, Ticket ticket) throws IOException {
        String written = Samples.prettyWriter().writeValueAsString(ticket) + "\n";
        Path path = GOLDEN.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(path, written, StandardCharsets.UTF_8);
        }
        String golden = Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertThat(written).isEqualTo(golden);
        assertThat(JSON.readValue(golden, Ticket.class)).isEqualTo(ticket);
    }

    @Test
    void theSampleIncidentIsWrittenAsTheGoldenFileSays() throws IOException {
        matchesGolden("ticket-incident.json", Samples.incident());
    }

    @Test
    void theSampleChangeIsWrittenAsTheGoldenFileSays() throws IOException {
        matchesGolden("ticket-change.json", Samples.change());
    }
}
