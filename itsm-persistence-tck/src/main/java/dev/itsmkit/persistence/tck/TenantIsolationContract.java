package dev.itsmkit.persistence.tck;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static dev.itsmkit.persistence.tck.Fixtures.GLOBEX;
import static dev.itsmkit.persistence.tck.Fixtures.T0;
import static dev.itsmkit.persistence.tck.Fixtures.clock;
import static dev.itsmkit.persistence.tck.Fixtures.entry;
import static dev.itsmkit.persistence.tck.Fixtures.event;
import static dev.itsmkit.persistence.tck.Fixtures.incident;
import static dev.itsmkit.persistence.tck.Fixtures.next;
import static dev.itsmkit.persistence.tck.Fixtures.timer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.persistence.TenantAccessException;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.spi.TenantStores;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of tenant isolation: a tenant's stores see and change only its own data, whatever
 * ids they are given.
 */
public abstract class TenantIsolationContract extends StoresContract {
    /** Creates the contract. */
    protected TenantIsolationContract() {}

    private Ticket acmeTicketWithEverything() {
        Ticket t = incident(ACME, 1).toBuilder().assignee(Optional.of(Party.person("bob"))).build();
        TicketEvent e = event(t, 1, T0);
        acme().begin().save(t, 0).append(e).save(clock(t, "resolution", Duration.ZERO))
                .schedule(timer(t, 100, T0.plusSeconds(60))).enqueue(entry(e)).commit();
        return t;
    }

    /** Another tenant's ids find nothing: tickets, numbers, events, clocks, timers, outbox, a command's load. */
    @Test
    public void hostileIdsSeeNothing() {
        Ticket t = acmeTicketWithEverything();
        TenantStores hostile = globex();
        assertThat(hostile.tickets().find(t.id())).isEmpty();
        assertThat(hostile.tickets().findByNumber(t.number())).isEmpty();
        assertThat(hostile.tickets().query(TicketQuery.all(), 100).items()).isEmpty();
        assertThat(hostile.tickets().query(TicketQuery.builder().assignee(Party.person("bob")).build(), 100).items()).isEmpty();
        assertThat(hostile.tickets().count(TicketQuery.all())).isZero();
        assertThat(hostile.auditTrail().forTicket(t.id())).isEmpty();
        assertThat(hostile.auditTrail().lastSequence(t.id())).isZero();
        assertThat(hostile.auditTrail().between(new TimeWindow(T0.minusSeconds(1), T0.plusSeconds(1)), 100).items()).isEmpty();
        assertThat(hostile.clocks().forTicket(t.id())).isEmpty();
        assertThat(hostile.clocks().find(t.id(), "resolution", 1)).isEmpty();
        assertThat(hostile.timers().forTicket(t.id())).isEmpty();
        assertThat(hostile.timers().find(timer(t, 100, T0).id())).isEmpty();
        assertThat(hostile.outbox().forTicket(t.id())).isEmpty();
        assertThat(hostile.loadForCommand(t.id())).isEmpty();
    }

    /** Another tenant's values are refused by a unit of work with a typed exception, and nothing is written. */
    @Test
    public void anotherTenantsValuesAreRefused() {
        Ticket t = acmeTicketWithEverything();
        Ticket v2 = next(t, b -> b.title("hijacked"));
        TicketEvent e2 = event(t, 2, T0);
        assertThatThrownBy(() -> globex().begin().save(v2, 1))
                .isInstanceOfSatisfying(TenantAccessException.class, e -> {
                    assertThat(e.scope()).isEqualTo(GLOBEX);
                    assertThat(e.offered()).isEqualTo(ACME);
                });
        assertThatThrownBy(() -> globex().begin().append(e2)).isInstanceOf(TenantAccessException.class);
        assertThatThrownBy(() -> globex().begin().save(clock(t, "resolution", Duration.ofHours(1))))
                .isInstanceOf(TenantAccessException.class);
        assertThatThrownBy(() -> globex().begin().schedule(timer(t, 100, T0))).isInstanceOf(TenantAccessException.class);
        assertThatThrownBy(() -> globex().begin().enqueue(entry(e2))).isInstanceOf(TenantAccessException.class);
        assertThat(acme().tickets().find(t.id())).contains(t);
        assertThat(acme().auditTrail().lastSequence(t.id())).isEqualTo(1);
        assertThat(acme().clocks().forTicket(t.id())).containsExactly(clock(t, "resolution", Duration.ZERO));
    }

    /** Cancelling a timer id of another tenant cancels nothing there. */
    @Test
    public void cancellingAHostileTimerIdCancelsNothing() {
        Ticket t = acmeTicketWithEverything();
        DueTimer timer = timer(t, 100, T0.plusSeconds(60));
        globex().begin().cancel(timer.id()).commit();
        assertThat(acme().timers().find(timer.id())).contains(timer);
    }

    /** The same ids and numbers in two tenants are two unrelated tickets. */
    @Test
    public void theSameIdInTwoTenantsNamesTwoTickets() {
        Ticket mine = acmeTicketWithEverything();
        Ticket theirs = incident(GLOBEX, 1);
        create(theirs);
        assertThat(theirs.id()).isEqualTo(mine.id());
        assertThat(globex().tickets().find(mine.id())).contains(theirs);
        assertThat(acme().tickets().find(mine.id())).contains(mine);
        globex().begin().save(next(theirs, b -> b.title("theirs")), 1).commit();
        assertThat(acme().tickets().find(mine.id())).contains(mine);
    }

    /** Each tenant has its own number sequences. */
    @Test
    public void numbersArePerTenant() {
        acme().numbers().next(TicketKind.INCIDENT);
        acme().numbers().next(TicketKind.INCIDENT);
        assertThat(globex().numbers().next(TicketKind.INCIDENT)).isEqualTo(new TicketNumber(TicketKind.INCIDENT, 1));
    }
}
