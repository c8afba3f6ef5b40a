package dev.itsmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The PostgreSQL adapter behaves like the in-memory default: the demo's day comes out the same on both. */
class ServiceDeskOnPostgresTest {

    @Test
    void theDayOnPostgresqlIsTheDayInMemoryLineForLine() {
        String inMemory = told(out -> new ServiceDeskDemo(out).run());
        String onPostgres = told(out -> ServiceDeskOnPostgres.run(EmbeddedDatabases.create("service_desk_demo", 4), out));

        assertThat(onPostgres.lines()).containsExactlyElementsOf(inMemory.lines().toList());
        assertThat(onPostgres).contains("SLA BREACH").contains("== The SLA report of the day");
    }

    private static String told(Consumer<PrintStream> story) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            story.accept(out);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
