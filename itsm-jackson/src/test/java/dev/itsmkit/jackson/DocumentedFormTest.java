package dev.itsmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.command.ExistingTicketCommand;
import dev.itsmkit.core.command.TicketCommand;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.jackson.internal.Codecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/json.md names every discriminator, and the module and mapper behave as documented. */
class DocumentedFormTest {
    private static final Path DOCS = Path.of("../docs/json.md");

    @Test
    void theDocumentationNamesEveryDiscriminator() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        Map<Class<?>, List<String>> families = Codecs.discriminators();
        assertThat(families).containsKeys(FieldValue.class, dev.itsmkit.core.TicketDetails.class, TicketEvent.class,
                TicketCommand.class);
        assertThat(families.get(TicketCommand.class)).as("one name per command, each a different one")
                .doesNotHaveDuplicates()
                .hasSize(1 + ExistingTicketCommand.class.getPermittedSubclasses().length);
        families.forEach((family, names) -> {
            assertThat(docs).contains("| `" + family.getSimpleName() + "` | `" + names.get(0) + "` |");
            names.forEach(name -> assertThat(docs).as(family.getSimpleName() + " member " + name)
                    .contains("| `" + name + "` |"));
        });
    }

    @Test
    void theDocumentationSaysThatReadingACommandDoesNotValidateIt() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        assertThat(docs).contains("Reading a command does not validate it")
                .contains("CommandValidator.create().validate(command);")
                .contains("`null` to remove the field");
    }

    @Test
    void theModuleAloneGivesTheSameFormAsTheReadyMadeMapper() throws IOException {
        ObjectMapper plain = JsonMapper.builder().addModule(new ItsmKitJacksonModule()).build();
        Ticket ticket = Samples.incident();
        assertThat(plain.writeValueAsString(ticket)).isEqualTo(ItsmJson.mapper().writeValueAsString(ticket));
        assertThat(plain.readValue(plain.writeValueAsString(ticket), Ticket.class)).isEqualTo(ticket);
    }

    @Test
    void theFormDoesNotFollowTheMappersDateSettings() throws IOException {
        ObjectMapper timestamps = JsonMapper.builder().addModule(new ItsmKitJacksonModule())
                .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .enable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        assertThat(timestamps.writeValueAsString(FieldValue.of(Instant.parse("2024-03-01T09:15:00Z"))))
                .isEqualTo("{\"type\":\"timestamp\",\"value\":\"2024-03-01T09:15:00Z\"}");
    }

    @Test
    void theReadyMadeMapperWritesTheApplicationsOwnTimesAsIsoText() throws IOException {
        ObjectMapper json = ItsmJson.mapper();
        assertThat(json.writeValueAsString(Instant.parse("2024-03-01T09:15:00Z"))).isEqualTo("\"2024-03-01T09:15:00Z\"");
        assertThat(json.writeValueAsString(Duration.ofHours(4))).isEqualTo("\"PT4H\"");
    }

    @Test
    void registeringTheModuleTwiceRegistersItOnce() {
        ObjectMapper twice = JsonMapper.builder().addModule(new ItsmKitJacksonModule())
                .addModule(new ItsmKitJacksonModule()).build();
        assertThat(twice.getRegisteredModuleIds()).hasSize(1);
    }
}
