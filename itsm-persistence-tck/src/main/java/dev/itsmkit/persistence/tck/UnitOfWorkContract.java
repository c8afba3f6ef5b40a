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
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.persistence.AuditRecord;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.TenantAccessException;
import dev.itsmkit.persistence.TicketOrder;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.persistence.spi.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link UnitOfWork}: everything of one command is written together or not at all.
 */
public abstract class UnitOfWorkContract extends StoresContract {
    /** Creates the contract. */
    protected UnitOfWorkContract() {}

    private static final String CHANNEL = "tck";

    /** A committed unit of work makes the snapshot, events, clocks, timers and outbox entries visible together. */
    @Test
    public void aCommitWritesEverythingItCollected() {
        Ticket t = incident(ACME, 1);
        TicketEvent e1 = event(t, 1, T0);
        TicketEvent e2 = event(t, 2, T0);
        DueTimer breach = timer(t, 100, T0.plusSeconds(3600));
        acme().begin().save(t, 0).append(e1).append(e2).save(clock(t, "resolution", Duration.ZERO))
                .schedule(breach).enqueue(entry(e1)).enqueue(entry(e2)).commit();

        assertThat(acme().tickets().find(t.id())).contains(t);
        assertThat(acme().auditTrail().forTicket(t.id())).extracting(AuditRecord::event).containsExactly(e1, e2);
        assertThat(acme().clocks().forTicket(t.id())).containsExactly(clock(t, "resolution", Duration.ZERO));
        assertThat(acme().timers().find(breach.id())).contains(breach);
        assertThat(acme().outbox().forTicket(t.id())).containsExactly(entry(e1), entry(e2));
        assertThat(stores.outboxDelivery().due(CHANNEL, T0, 10)).extracting(p -> p.entry()).containsExactly(entry(e1), entry(e2));
    }

    /** A unit of work that fails its version check writes none of its events, clocks, timers or entries. */
    @Test
    public void aStaleVersionRollsBackEverything() {
        Ticket v1 = incident(ACME, 1);
        create(v1);
        acme().begin().save(next(v1, b -> b.title("winner")), 1).commit();
        Ticket loser = next(v1, b -> b.title("loser"));
        TicketEvent e1 = event(v1, 1, T0);
        DueTimer breach = timer(v1, 100, T0);
        UnitOfWork uow = acme().begin().save(loser, 1).append(e1).save(clock(v1, "resolution", Duration.ofMinutes(5)))
                .schedule(breach).enqueue(entry(e1));
        assertThatThrownBy(uow::commit).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(acme().tickets().find(v1.id()).orElseThrow().title()).isEqualTo("winner");
        assertThat(acme().auditTrail().forTicket(v1.id())).isEmpty();
        assertThat(acme().auditTrail().lastSequence(v1.id())).isZero();
        assertThat(acme().clocks().forTicket(v1.id())).isEmpty();
        assertThat(acme().timers().forTicket(v1.id())).isEmpty();
        assertThat(acme().outbox().forTicket(v1.id())).isEmpty();
        assertThat(stores.outboxDelivery().due(CHANNEL, T0.plusSeconds(1_000_000), 10)).isEmpty();
        assertThat(stores.timerClaims().nextWakeUp()).isEmpty();
    }

    /**
     * Everything the stores of both fixture tenants hold about some tickets, read through every read of the SPI:
     * equal before and after a refused commit if and only if the commit left nothing behind.
     */
    private record Picture(List<Object> reads) {}

    private Picture picture(TicketId... ids) {
        List<Object> reads = new ArrayList<>();
        TimeWindow always = new TimeWindow(T0.minusSeconds(1_000_000), T0.plusSeconds(1_000_000));
        for (TenantStores tenant : List.of(acme(), globex())) {
            reads.add(tenant.tickets().count(TicketQuery.all()));
            for (TicketOrder order : TicketOrder.values()) {
                reads.add(tenant.tickets().query(TicketQuery.builder().orderBy(order).build(), 1000).items());
            }
            reads.add(tenant.auditTrail().between(always, 1000).items());
            for (TicketId id : ids) {
                reads.add(tenant.tickets().find(id));
                reads.add(tenant.auditTrail().forTicket(id));
                reads.add(tenant.auditTrail().lastSequence(id));
                reads.add(tenant.auditTrail().verify(id));
                reads.add(tenant.clocks().forTicket(id));
                reads.add(tenant.timers().forTicket(id));
                reads.add(tenant.outbox().forTicket(id));
            }
            for (long n = 1; n <= 3; n++) {
                reads.add(tenant.tickets().findByNumber(new TicketNumber(TicketKind.INCIDENT, n)));
            }
        }
        reads.add(stores.outboxDelivery().due(CHANNEL, T0.plusSeconds(1_000_000), 1000));
        reads.add(stores.timerClaims().nextWakeUp());
        return new Picture(reads);
    }

    /** Adds one of every kind of write for a ticket: its events from {@code firstSequence}, a clock, a timer, two entries. */
    private static UnitOfWork everythingOf(UnitOfWork uow, Ticket t, long firstSequence) {
        TicketEvent e1 = event(t, firstSequence, T0.plusSeconds(5));
        TicketEvent e2 = event(t, firstSequence + 1, T0.plusSeconds(6));
        return uow.append(e1).append(e2).save(clock(t, "resolution", Duration.ofMinutes(9)))
                .save(clock(t, "response", Duration.ofMinutes(2))).schedule(timer(t, 100, T0.plusSeconds(60)))
                .schedule(timer(t, 50, T0.plusSeconds(30))).cancel(timer(t, 75, T0).id()).enqueue(entry(e1)).enqueue(entry(e2));
    }

    /** A ticket with an event, a clock, a timer and an entry, committed; returns its snapshot. */
    private Ticket existingWithEverything(long number) {
        Ticket t = incident(ACME, number);
        TicketEvent e = event(t, 1, T0);
        acme().begin().save(t, 0).append(e).save(clock(t, "resolution", Duration.ZERO))
                .schedule(timer(t, 75, T0.plusSeconds(45))).enqueue(entry(e)).commit();
        return t;
    }

    /**
     * If the second of two tickets is stale, nothing of either is written: not the first's snapshot, nor the
     * events, clocks, timers (scheduled or cancelled) or outbox entries of either.
     */
    @Test
    public void aFailureOnOneTicketRollsBackTheOthers() {
        Ticket a = incident(ACME, 1);
        Ticket b = existingWithEverything(2);
        acme().begin().save(next(b, x -> x.title("winner")), 1).commit();
        Picture before = picture(a.id(), b.id());
        UnitOfWork uow = everythingOf(acme().begin().save(a, 0), a, 1);
        everythingOf(uow.save(next(b, x -> x.title("stale")), 1), b, 2);
        assertThatThrownBy(uow::commit).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(picture(a.id(), b.id())).isEqualTo(before);
        assertThat(acme().tickets().find(a.id())).isEmpty();
        assertThat(acme().tickets().count(TicketQuery.all())).isEqualTo(1);
        assertThat(acme().timers().forTicket(b.id())).containsExactly(timer(b, 75, T0.plusSeconds(45)));
    }

    /**
     * A unit of work refused midway for another tenant's value writes nothing when abandoned; committed anyway,
     * it writes what it had collected and never the refused value.
     */
    @Test
    public void aUnitOfWorkRefusedMidwayForAnotherTenantLeavesNothingBehind() {
        Ticket mine = existingWithEverything(1);
        Ticket theirs = incident(GLOBEX, 1);
        Picture before = picture(mine.id());
        UnitOfWork uow = everythingOf(acme().begin().save(next(mine, x -> x.title("mine")), 1), mine, 2);
        assertThatThrownBy(() -> uow.save(theirs, 0)).isInstanceOf(TenantAccessException.class);
        assertThatThrownBy(() -> uow.append(event(theirs, 1, T0))).isInstanceOf(TenantAccessException.class);
        assertThatThrownBy(() -> uow.enqueue(entry(event(theirs, 1, T0)))).isInstanceOf(TenantAccessException.class);
        assertThat(picture(mine.id())).as("after the refusal, uncommitted").isEqualTo(before);

        uow.commit();
        assertThat(acme().tickets().find(mine.id()).orElseThrow().title()).isEqualTo("mine");
        assertThat(acme().auditTrail().lastSequence(mine.id())).isEqualTo(3);
        assertThat(globex().tickets().find(theirs.id())).isEmpty();
        assertThat(globex().auditTrail().forTicket(theirs.id())).isEmpty();
        assertThat(globex().outbox().forTicket(theirs.id())).isEmpty();
        assertThat(globex().tickets().count(TicketQuery.all())).isZero();
    }

    /** An event that repeats a stored sequence fails the commit, and nothing of the unit of work is written. */
    @Test
    public void aDuplicateEventSequenceRollsBackEverything() {
        Ticket a = existingWithEverything(1);
        Ticket b = existingWithEverything(2);
        Ticket c = incident(ACME, 3);
        Picture before = picture(a.id(), b.id(), c.id());
        UnitOfWork uow = everythingOf(acme().begin().save(next(a, x -> x.title("a2")), 1), a, 2);
        everythingOf(uow.save(c, 0), c, 1);
        // b's stored trail ends at 1: its events here start at 1 again
        everythingOf(uow.save(next(b, x -> x.title("b2")), 1), b, 1);
        assertThatThrownBy(uow::commit).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(picture(a.id(), b.id(), c.id())).isEqualTo(before);
    }

    /** A new ticket whose number another ticket holds fails the commit, and nothing of the unit of work is written. */
    @Test
    public void aDuplicateTicketNumberRollsBackEverything() {
        Ticket a = existingWithEverything(1);
        Ticket twin = Ticket.builder(ACME, TicketId.of("twin"), a.number()).title("twin").state(Fixtures.NEW)
                .requester(Party.person("bob")).createdAt(T0).updatedAt(T0).build();
        Ticket c = incident(ACME, 3);
        Picture before = picture(a.id(), twin.id(), c.id());
        UnitOfWork uow = everythingOf(acme().begin().save(next(a, x -> x.title("a2")), 1), a, 2);
        everythingOf(uow.save(c, 0), c, 1);
        everythingOf(uow.save(twin, 0), twin, 1);
        assertThatThrownBy(uow::commit).isInstanceOf(IllegalArgumentException.class);
        assertThat(picture(a.id(), twin.id(), c.id())).isEqualTo(before);
    }

    /** A stale version of an event-less save still rolls back the events, clocks, timers and entries of others. */
    @Test
    public void aStaleSaveWithoutEventsRollsBackTheEventsOfOthers() {
        Ticket a = existingWithEverything(1);
        Ticket b = existingWithEverything(2);
        acme().begin().save(next(b, x -> x.title("winner")), 1).commit();
        Picture before = picture(a.id(), b.id());
        UnitOfWork uow = everythingOf(acme().begin(), a, 2).save(next(b, x -> x.title("stale")), 1);
        assertThatThrownBy(uow::commit).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(picture(a.id(), b.id())).isEqualTo(before);
    }

    /** Events that do not follow the stored last sequence fail the commit and write nothing. */
    @Test
    public void eventsMustContinueTheStoredSequence() {
        Ticket t = incident(ACME, 1);
        create(t);
        append(ACME, event(t, 1, T0));
        UnitOfWork repeat = acme().begin().save(next(t, b -> b), 1).append(event(t, 1, T0));
        assertThatThrownBy(repeat::commit).isInstanceOfSatisfying(ConcurrentUpdateException.class,
                e -> assertThat(e.actual()).isEqualTo(1));
        UnitOfWork gap = acme().begin().append(event(t, 3, T0));
        assertThatThrownBy(gap::commit).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(acme().tickets().find(t.id()).orElseThrow().version()).isEqualTo(1);
        assertThat(acme().auditTrail().lastSequence(t.id())).isEqualTo(1);
    }

    /** Within one unit of work, a ticket's events must be consecutive. */
    @Test
    public void eventsOfOneTicketMustBeConsecutiveWithinAUnitOfWork() {
        Ticket t = incident(ACME, 1);
        UnitOfWork uow = acme().begin().append(event(t, 1, T0));
        assertThatThrownBy(() -> uow.append(event(t, 3, T0))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A unit of work that is never committed writes nothing. */
    @Test
    public void anAbandonedUnitOfWorkWritesNothing() {
        Ticket t = incident(ACME, 1);
        acme().begin().save(t, 0).append(event(t, 1, T0)).schedule(timer(t, 100, T0));
        assertThat(acme().tickets().find(t.id())).isEmpty();
        assertThat(acme().auditTrail().forTicket(t.id())).isEmpty();
        assertThat(acme().timers().forTicket(t.id())).isEmpty();
    }

    /** A unit of work commits once. */
    @Test
    public void aUnitOfWorkCommitsOnce() {
        UnitOfWork uow = acme().begin().save(incident(ACME, 1), 0);
        uow.commit();
        assertThatThrownBy(uow::commit).isInstanceOf(IllegalStateException.class);
    }

    /** Timer changes apply in the order added; scheduling an id again replaces the timer. */
    @Test
    public void timerChangesApplyInOrder() {
        Ticket t = incident(ACME, 1);
        DueTimer first = timer(t, 100, T0.plusSeconds(60));
        DueTimer moved = timer(t, 100, T0.plusSeconds(120));
        DueTimer warning = timer(t, 50, T0.plusSeconds(30));
        acme().begin().schedule(first).schedule(warning).cancel(warning.id()).schedule(moved).commit();
        assertThat(acme().timers().forTicket(t.id())).containsExactly(moved);
        acme().begin().cancel(moved.id()).cancel(moved.id()).commit();
        assertThat(acme().timers().forTicket(t.id())).isEmpty();
    }

    /** Saving a clock again replaces the one with the same target and cycle; others stay. */
    @Test
    public void aClockReplacesTheOneWithTheSameTargetAndCycle() {
        Ticket t = incident(ACME, 1);
        acme().begin().save(clock(t, "response", Duration.ZERO)).save(clock(t, "resolution", Duration.ZERO)).commit();
        acme().begin().save(clock(t, "resolution", Duration.ofMinutes(7))).commit();
        assertThat(acme().clocks().forTicket(t.id()))
                .containsExactly(clock(t, "resolution", Duration.ofMinutes(7)), clock(t, "response", Duration.ZERO));
        assertThat(acme().clocks().find(t.id(), "resolution", 1)).contains(clock(t, "resolution", Duration.ofMinutes(7)));
        assertThat(acme().clocks().find(t.id(), "resolution", 2)).isEmpty();
    }

    /** Instants handed to the stores are kept exactly, to the nanosecond. */
    @Test
    public void instantsAreKeptToTheNanosecond() {
        Instant precise = Instant.parse("2026-03-01T12:34:56.123456789Z");
        Ticket t = Fixtures.ticket(ACME, incident(ACME, 1).number(), precise);
        create(t);
        assertThat(acme().tickets().find(t.id()).orElseThrow().createdAt()).isEqualTo(precise);
    }
}
