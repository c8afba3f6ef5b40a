package dev.itsmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.testing.DomainGenerators;
import org.junit.jupiter.api.Test;

/** Tickets, events and histories from the core's own generators survive a JSON round trip. */
class CoreGeneratorsRoundTripTest {
    @Test
    void everyTicketOfTheCoreGeneratorsSurvivesARoundTrip() {
        qt().withExamples(200).forAll(DomainGenerators.tickets()).checkAssert(ticket ->
                assertThat(JsonRoundTripTest.throughBytes(ticket, Ticket.class)).isEqualTo(ticket));
    }

    @Test
    void everyEventOfTheCoreGeneratorsSurvivesARoundTrip() {
        qt().withExamples(300).forAll(DomainGenerators.events()).checkAssert(event ->
                assertThat(JsonRoundTripTest.throughText(event, TicketEvent.class)).isEqualTo(event));
    }
}
