package dev.itsmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path scenario(Path folder, String name, boolean expectOpen) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, "{ \"format\": 1, \"checks\": [ { \"calendar\": \"24x7\", "
                + "\"open\": \"2026-01-01T00:00:00Z\", \"expect\": " + expectOpen + " } ] }");
        return file;
    }

    @Test
    void everyExampleOfTheRepositoryPassesWithExitCodeZero() throws Exception {
        try (var files = Files.list(Path.of("..", "examples", "sla-scenarios"))) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("sla", "check"),
                    files.map(Path::toString).filter(f -> !f.endsWith(".md")).sorted()).toArray(String[]::new);
            assertThat(run(args)).as(out.toString(StandardCharsets.UTF_8)).isZero();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 failed, 0 invalid");
    }

    @Test
    void aFailingCheckExitsWithOneAndAnInvalidFileWithTwo(@TempDir Path folder) throws Exception {
        Path passing = scenario(folder, "passing.json", true);
        Path failing = scenario(folder, "failing.json", false);
        Path invalid = folder.resolve("invalid.json");
        Files.writeString(invalid, "{ \"format\": 1, \"checks\": [ { \"calendar\": \"24x7\", \"opn\": true } ] }");
        assertThat(run("sla", "check", passing.toString())).isZero();
        assertThat(run("sla", "check", passing.toString(), failing.toString())).isEqualTo(1);
        assertThat(run("sla", "check", "--json", failing.toString(), invalid.toString())).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"jsonPath\" : \"$.checks[0].opn\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpPrintsTheUsageAndExitsWithZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: itsm sla check [--json] FILE...");
    }

    @Test
    void usageErrorsSayWhatIsWrongAndExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("itsm: no command given\nUsage:");
        err.reset();
        assertThat(run("sla", "verify", "a.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("itsm: unknown command 'sla verify'");
        err.reset();
        assertThat(run("sla", "check")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("itsm: no scenario file given");
        err.reset();
        assertThat(run("sla", "check", "--yaml", "a.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("itsm: unknown option '--yaml'");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
