package dev.itsmkit.core.outbox;

import static dev.itsmkit.core.DomainGenerators.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.QuickTheory.qt;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.SlaBreached;
import dev.itsmkit.core.event.TicketEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxEntryTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void theIdempotencyKeyNamesTenantTicketAndSequence() {
        SlaBreached event = new SlaBreached(TenantId.of("acme"), TicketId.of("tk-1"), Party.ITSM_KIT, T0, 7, 3, "resolution", 1,
                T0);
        OutboxEntry entry = OutboxEntry.announcing(OutboxEntryId.of("ob-1"), event, T0);
        assertThat(entry.idempotencyKey()).isEqualTo("acme/tk-1/7");
        assertThat(entry.tenant()).isEqualTo(event.tenant());
        assertThat(entry.ticket()).isEqualTo(event.ticket());
    }

    @Test
    void aRedeliveryOrARewrittenEntryHasTheSameKey() {
        qt().forAll(events()).checkAssert(e -> {
            OutboxEntry first = OutboxEntry.announcing(OutboxEntryId.random(), e, T0);
            OutboxEntry again = OutboxEntry.announcing(OutboxEntryId.random(), e, T0.plusSeconds(60));
            assertThat(again.idempotencyKey()).isEqualTo(first.idempotencyKey());
            assertThat(new OutboxEntry(first.id(), first.tenant(), first.ticket(), e, T0, first.idempotencyKey()))
                    .isEqualTo(first);
        });
    }

    @Test
    void eventsOfDifferentTicketsTenantsOrSequencesHaveDifferentKeys() {
        qt().forAll(events(), events()).checkAssert((a, b) -> {
            boolean sameEvent = a.tenant().equals(b.tenant()) && a.ticket().equals(b.ticket()) && a.sequence() == b.sequence();
            assertThat(OutboxEntry.idempotencyKeyOf(a).equals(OutboxEntry.idempotencyKeyOf(b))).isEqualTo(sameEvent);
        });
        // ids may hold ':' '.' '@' '-' '_', never '/': no two (tenant, ticket) pairs make one key
        assertThat(OutboxEntry.idempotencyKeyOf(slaOf("a:b", "c", 1))).isNotEqualTo(OutboxEntry.idempotencyKeyOf(slaOf("a", "b:c", 1)));
    }

    private static TicketEvent slaOf(String tenant, String ticket, long sequence) {
        return new SlaBreached(TenantId.of(tenant), TicketId.of(ticket), Party.ITSM_KIT, T0, sequence, 1, "resolution", 1, T0);
    }

    @Test
    void anEntryRefusesAnEventOfAnotherTicketAndAKeyNotDerivedFromItsEvent() {
        TicketEvent event = slaOf("acme", "tk-1", 4);
        assertThatIllegalArgumentException().isThrownBy(() -> new OutboxEntry(OutboxEntryId.of("ob-1"), TenantId.of("acme"),
                TicketId.of("tk-2"), event, T0, "acme/tk-2/4"))
                .withMessage("an outbox entry of ticket tk-2 of tenant acme must announce an event of that ticket, got one of"
                        + " ticket tk-1 of tenant acme");
        assertThatIllegalArgumentException().isThrownBy(() -> new OutboxEntry(OutboxEntryId.of("ob-1"), TenantId.of("acme"),
                TicketId.of("tk-1"), event, T0, "random-key"))
                .withMessage("the idempotency key of an outbox entry is derived from its event: expected acme/tk-1/4, got random-key");
    }

    @Test
    void anEntryIdIsAnIdentifier() {
        assertThatIllegalArgumentException().isThrownBy(() -> OutboxEntryId.of("ob 1"))
                .withMessageStartingWith("outbox entry id 'ob 1' has white space");
        assertThat(OutboxEntryId.random()).isNotEqualTo(OutboxEntryId.random());
    }
}
