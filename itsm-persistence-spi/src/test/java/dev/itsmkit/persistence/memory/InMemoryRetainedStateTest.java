package dev.itsmkit.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.outbox.OutboxEntryId;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.persistence.ChainVerification;
import dev.itsmkit.persistence.PendingDelivery;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.spi.TenantStores;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The in-memory stores keep state only for what was written: reads of unknown (hostile) tenants
 * and channels keep nothing, and purged outbox entries leave nothing behind in the log, the
 * channels or the tenants' views.
 */
class InMemoryRetainedStateTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");

    private static Ticket ticket(TenantId tenant, int n) {
        return Ticket.builder(tenant, TicketId.of("inc-" + n), new TicketNumber(TicketKind.INCIDENT, n))
                .title("t" + n)
                .state(TicketState.of("WIP", StateCategory.OPEN))
                .requester(Party.person("u"))
                .createdAt(T0)
                .updatedAt(T0)
                .build();
    }

    private static OutboxEntry entry(TicketId ticket, long sequence) {
        TicketEvent e = new SlaWarned(ACME, ticket, Party.ITSM_KIT, T0, sequence, 1, "resolution", 1, 50, T0);
        return OutboxEntry.announcing(OutboxEntryId.of("o-" + ticket.value() + "-" + sequence), e, T0);
    }

    @Test
    void aMillionReadsOfRandomTenantsKeepNoState() {
        InMemoryStores stores = InMemoryStores.create();
        stores.forTenant(ACME).begin().save(ticket(ACME, 1), 0).commit();
        assertThat(stores.tenantsHeld()).isEqualTo(1);
        SplittableRandom random = new SplittableRandom(42);
        TicketId id = TicketId.of("inc-1");
        TimeWindow window = new TimeWindow(T0, T0.plusSeconds(1));
        for (int i = 0; i < 1_000_000; i++) {
            TenantStores hostile = stores.forTenant(TenantId.of("t" + Long.toHexString(random.nextLong())));
            assertThat(hostile.tickets().find(id)).isEmpty();
            if (i % 100 == 0) {
                assertThat(hostile.tickets().findByNumber(new TicketNumber(TicketKind.INCIDENT, 1))).isEmpty();
                assertThat(hostile.tickets().query(TicketQuery.all(), 10).items()).isEmpty();
                assertThat(hostile.tickets().count(TicketQuery.all())).isZero();
                assertThat(hostile.auditTrail().forTicket(id)).isEmpty();
                assertThat(hostile.auditTrail().verify(id)).isInstanceOf(ChainVerification.Intact.class);
                assertThat(hostile.auditTrail().between(window, 10).items()).isEmpty();
                assertThat(hostile.clocks().forTicket(id)).isEmpty();
                assertThat(hostile.timers().forTicket(id)).isEmpty();
                assertThat(hostile.outbox().forTicket(id)).isEmpty();
                hostile.begin().cancel(TimerId.of(id, "resolution", 1, 100)).commit();
                assertThat(stores.outboxDelivery().due("c" + i, T0, 10)).isEmpty();
            }
        }
        assertThat(stores.tenantsHeld()).isEqualTo(1);
        assertThat(stores.outbox.channelCount()).isZero();
    }

    @Test
    void storesTakenBeforeATenantsFirstWriteSeeItsData() {
        InMemoryStores stores = InMemoryStores.create();
        TenantStores early = stores.forTenant(ACME);
        var tickets = early.tickets();
        assertThat(tickets.find(TicketId.of("inc-1"))).isEmpty();
        assertThat(stores.tenantsHeld()).isZero();

        stores.forTenant(ACME).begin().save(ticket(ACME, 1), 0).commit();

        assertThat(tickets.find(TicketId.of("inc-1"))).contains(ticket(ACME, 1));
        assertThat(early.tickets().count(TicketQuery.all())).isEqualTo(1);
        early.begin().save(ticket(ACME, 2), 0).commit();
        assertThat(stores.forTenant(ACME).tickets().count(TicketQuery.all())).isEqualTo(2);
        assertThat(early.numbers().next(TicketKind.INCIDENT)).isEqualTo(new TicketNumber(TicketKind.INCIDENT, 1));
        assertThat(stores.tenantsHeld()).isEqualTo(1);
    }

    @Test
    void takingANumberIsAWriteThatKeepsTheTenant() {
        InMemoryStores stores = InMemoryStores.create();
        stores.forTenant(ACME).numbers().next(TicketKind.INCIDENT);
        assertThat(stores.tenantsHeld()).isEqualTo(1);
        assertThat(stores.forTenant(ACME).numbers().next(TicketKind.INCIDENT)).isEqualTo(new TicketNumber(TicketKind.INCIDENT, 2));
    }

    @Test
    void purgedEntriesLeaveNothingBehind() {
        InMemoryStores stores = InMemoryStores.create();
        TicketId ticket = TicketId.of("inc-1");
        for (int n = 1; n <= 1000; n++) {
            stores.forTenant(ACME).begin().enqueue(entry(ticket, n)).commit();
        }
        var delivery = stores.outboxDelivery();
        List<PendingDelivery> due = delivery.due("mail", T0, 1000);
        due.forEach(p -> delivery.acknowledge("mail", p.position()));
        // all but the first: the webhook channel holds 999 positions above its watermark
        due.subList(1, due.size()).forEach(p -> delivery.acknowledge("webhook", p.position()));
        delivery.retryLater("webhook", due.get(0).position(), T0, "down");
        assertThat(stores.outbox.retainedPositions()).isEqualTo(1000);

        assertThat(delivery.purgeAcknowledged(Set.of("mail", "webhook"), T0)).isEqualTo(999);
        assertThat(stores.outbox.size()).isEqualTo(1);
        assertThat(stores.outbox.retainedPositions()).isEqualTo(1);
        assertThat(stores.forTenant(ACME).outbox().forTicket(ticket)).containsExactly(due.get(0).entry());

        delivery.acknowledge("webhook", due.get(0).position());
        assertThat(delivery.purgeAcknowledged(Set.of("mail", "webhook"), T0)).isEqualTo(1);
        assertThat(stores.outbox.size()).isZero();
        assertThat(stores.outbox.retainedPositions()).isZero();
        assertThat(stores.forTenant(ACME).outbox().forTicket(ticket)).isEmpty();
    }
}
