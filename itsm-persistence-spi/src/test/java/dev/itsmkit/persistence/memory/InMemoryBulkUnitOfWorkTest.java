package dev.itsmkit.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.persistence.spi.UnitOfWork;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A unit of work scans its few tickets and events while small and switches to hash lookups when it
 * grows: the checks must hold on both sides of the switch.
 */
class InMemoryBulkUnitOfWorkTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");
    private static final int TICKETS = 30;

    private static Ticket ticket(int n) {
        return Ticket.builder(ACME, TicketId.of("inc-" + n), new TicketNumber(TicketKind.INCIDENT, n))
                .title("t" + n).state(TicketState.of("WIP", StateCategory.OPEN)).requester(Party.person("u"))
                .createdAt(T0).updatedAt(T0).build();
    }

    private static TicketEvent event(int n, long sequence) {
        return new SlaWarned(ACME, TicketId.of("inc-" + n), Party.ITSM_KIT, T0, sequence, 1, "resolution", 1, 50, T0);
    }

    /** Thirty tickets with five interleaved events each, in one unit of work. */
    private static UnitOfWork bulk(TenantStores acme) {
        UnitOfWork uow = acme.begin();
        for (int n = 1; n <= TICKETS; n++) {
            uow.save(ticket(n), 0);
        }
        for (long sequence = 1; sequence <= 5; sequence++) {
            for (int n = 1; n <= TICKETS; n++) {
                uow.append(event(n, sequence));
            }
        }
        return uow;
    }

    @Test
    void aBulkUnitOfWorkCommitsEverything() {
        InMemoryStores stores = InMemoryStores.create();
        bulk(stores.forTenant(ACME)).commit();
        TenantStores acme = stores.forTenant(ACME);
        assertThat(acme.tickets().count(TicketQuery.all())).isEqualTo(TICKETS);
        for (int n = 1; n <= TICKETS; n++) {
            assertThat(acme.auditTrail().lastSequence(TicketId.of("inc-" + n))).isEqualTo(5);
        }
    }

    @Test
    void aBulkUnitOfWorkRefusesADuplicateSaveAndASequenceGapPastTheSwitch() {
        InMemoryStores stores = InMemoryStores.create();
        UnitOfWork uow = bulk(stores.forTenant(ACME));
        assertThatThrownBy(() -> uow.save(ticket(TICKETS - 1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> uow.append(event(TICKETS - 1, 7))).isInstanceOf(IllegalArgumentException.class);
        uow.append(event(TICKETS - 1, 6));
        uow.commit();
        assertThat(stores.forTenant(ACME).auditTrail().lastSequence(TicketId.of("inc-" + (TICKETS - 1)))).isEqualTo(6);
    }

    @Test
    void aBulkUnitOfWorkThatDoesNotFollowTheStoredTrailWritesNothing() {
        InMemoryStores stores = InMemoryStores.create();
        stores.forTenant(ACME).begin().append(event(TICKETS, 1)).commit();
        UnitOfWork uow = bulk(stores.forTenant(ACME));
        assertThatThrownBy(uow::commit).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(stores.forTenant(ACME).tickets().count(TicketQuery.all())).isZero();
        assertThat(stores.forTenant(ACME).auditTrail().lastSequence(TicketId.of("inc-1"))).isZero();
    }
}
