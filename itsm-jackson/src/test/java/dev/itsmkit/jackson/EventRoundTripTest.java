package dev.itsmkit.jackson;

import static dev.itsmkit.jackson.EventGenerators.events;
import static dev.itsmkit.jackson.EventGenerators.outboxEntries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.itsmkit.core.event.StateChanged;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.OutboxEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every ticket event and outbox entry survives a JSON round trip unchanged. */
class EventRoundTripTest {
    private static final ObjectMapper JSON = ItsmJson.mapper();

    @Test
    void everyEventSurvivesARoundTripAsItsFamilyAndAsItsOwnType() {
        Set<Class<?>> seen = new HashSet<>();
        qt().withExamples(400).forAll(events()).checkAssert(event -> {
            seen.add(event.getClass());
            assertThat(JsonRoundTripTest.throughBytes(event, TicketEvent.class)).isEqualTo(event);
            @SuppressWarnings("unchecked")
            Class<TicketEvent> own = (Class<TicketEvent>) event.getClass();
            assertThat(JsonRoundTripTest.throughText(event, own)).isEqualTo(event);
        });
        assertThat(seen).as("every kind of event was tried").hasSize(TicketEvent.class.getPermittedSubclasses().length);
    }

    @Test
    void everyOutboxEntrySurvivesARoundTrip() {
        qt().forAll(outboxEntries()).checkAssert(entry ->
                assertThat(JsonRoundTripTest.throughText(entry, OutboxEntry.class)).isEqualTo(entry));
    }

    @Test
    void anEventIsWrittenWithItsTypeAndTheCommonPropertiesFirst() throws IOException {
        qt().withExamples(50).forAll(events()).checkAssert(event -> {
            try {
                String json = JSON.writeValueAsString(event);
                assertThat(json).startsWith("{\"type\":\"").contains("\",\"tenant\":\"" + event.tenant() + "\",\"ticket\":");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void anEventOfAnUnknownTypeIsRefusedNamingTheKnownTypes() {
        String json = "{\"type\":\"ticketDeleted\",\"tenant\":\"acme\"}";
        InvalidTypeIdException e = catchThrowableOfType(InvalidTypeIdException.class,
                () -> JSON.readValue(json, TicketEvent.class));
        assertThat(e.getMessage()).contains("'ticketDeleted' is not a type of ticket event")
                .contains("ticketCreated", "stateChanged", "slaBreached");
    }

    @Test
    void aStateChangeFromAFinalStateIsRefusedByTheCore() {
        String json = "{\"type\":\"stateChanged\",\"tenant\":\"acme\",\"ticket\":\"t1\",\"actor\":\"person:bob\","
                + "\"at\":\"2024-03-01T10:00:00Z\",\"sequence\":3,\"version\":3,"
                + "\"from\":{\"name\":\"CLOSED\",\"category\":\"CLOSED\"},"
                + "\"to\":{\"name\":\"OPEN\",\"category\":\"OPEN\"},\"transition\":\"reopen\"}";
        JsonValidationException e = catchThrowableOfType(JsonValidationException.class,
                () -> JSON.readValue(json, StateChanged.class));
        assertThat(e.getMessage()).contains("a state-changed event at the top level is invalid")
                .contains("can no longer change state");
    }
}
