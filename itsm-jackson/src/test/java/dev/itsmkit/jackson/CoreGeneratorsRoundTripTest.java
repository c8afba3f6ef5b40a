package dev.itsmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.cmdb.ConfigurationModel;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.event.TicketEvents;
import dev.itsmkit.core.testing.CmdbGenerators;
import dev.itsmkit.core.testing.DomainGenerators;
import dev.itsmkit.core.testing.DomainGenerators.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tickets, events, whole event histories and configuration models from the core's own generators (itsm-core's test-jar)
 * survive a JSON round trip; the jackson-local generators of {@link JsonGenerators} add the values the
 * core's generators do not make.
 */
class CoreGeneratorsRoundTripTest {
    private static final ObjectMapper JSON = ItsmJson.mapper();

    @Test
    void theseTestsRunInTheNamedModuleAndReadTheCoreGeneratorsFromTheClassPath() {
        // the core's generators sit in a package of their own so that this works: a class of a package
        // of dev.itsmkit.core would be looked up in that module and never found in the test-jar
        assertThat(CoreGeneratorsRoundTripTest.class.getModule().getName()).isEqualTo("dev.itsmkit.jackson");
        assertThat(DomainGenerators.class.getModule().isNamed()).isFalse();
        assertThat(Ticket.class.getModule().getName()).isEqualTo("dev.itsmkit.core");
    }

    @Test
    void everyTicketOfTheCoreGeneratorsSurvivesARoundTrip() {
        qt().withExamples(300).forAll(DomainGenerators.tickets()).checkAssert(ticket ->
                assertThat(JsonRoundTripTest.throughBytes(ticket, Ticket.class)).isEqualTo(ticket));
    }

    @Test
    void everyEventOfTheCoreGeneratorsSurvivesARoundTripAsItsFamilyAndAsItsOwnType() {
        Set<Class<?>> seen = new HashSet<>();
        qt().withExamples(400).forAll(DomainGenerators.events()).checkAssert(event -> {
            seen.add(event.getClass());
            assertThat(JsonRoundTripTest.throughText(event, TicketEvent.class)).isEqualTo(event);
            @SuppressWarnings("unchecked")
            Class<TicketEvent> own = (Class<TicketEvent>) event.getClass();
            assertThat(JsonRoundTripTest.throughBytes(event, own)).isEqualTo(event);
        });
        assertThat(seen).as("every kind of event was tried").hasSize(TicketEvent.class.getPermittedSubclasses().length);
    }

    @Test
    void aWholeHistoryReadBackFromJsonReplaysToTheSameTicket() {
        qt().withExamples(100).forAll(DomainGenerators.histories()).checkAssert(history -> {
            List<TicketEvent> back = throughJson(history);
            assertThat(back).isEqualTo(history.events());
            assertThat(TicketEvents.replay(back)).isEqualTo(history.last());
        });
    }

    @Test
    void everyConfigurationModelOfTheCoreGeneratorsSurvivesARoundTrip() {
        qt().withExamples(100).forAll(CmdbGenerators.configurationModels(TenantId.of("acme"))).checkAssert(model ->
                assertThat(JsonRoundTripTest.throughText(model, ConfigurationModel.class)).isEqualTo(model));
    }

    private static List<TicketEvent> throughJson(History history) {
        try {
            return JSON.readValue(JSON.writeValueAsString(history.events()), new TypeReference<List<TicketEvent>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
