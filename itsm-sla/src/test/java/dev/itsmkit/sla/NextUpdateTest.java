package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.JournalEntry;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A next-update target through the engine: the customer is owed a public update every 2 hours while the
 * ticket is worked; each public comment by someone other than the requester completes a cycle and starts
 * the next.
 */
class NextUpdateTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final TicketState NEW = TicketState.of("NEW", StateCategory.NEW);
    private static final TicketState OPEN = TicketState.of("IN_PROGRESS", StateCategory.OPEN);
    private static final TicketState RESOLVED = TicketState.of("RESOLVED", StateCategory.RESOLVED);
    private static final Party CUSTOMER = Party.person("alice");
    private static final Party AGENT = Party.person("bob");

    private static final SlaTarget NEXT_UPDATE = SlaTarget.builder("nextUpdate")
            .goals(Goals.always(Duration.ofHours(2)))
            .start(Condition.category(StateCategory.OPEN))
            .stop(Condition.category(StateCategory.RESOLVED, StateCategory.CLOSED))
            .resetOnChangeOf(TicketView.LAST_PUBLIC_UPDATE)
            .warnAt(75)
            .build();
    private static final SlaEngine ENGINE = SlaEngine.of(BusinessCalendars.onlyAlways(),
            List.of(SlaPolicy.of("comms", 1, List.of(NEXT_UPDATE))));

    /** The ticket and its clocks as the engine and the timers leave them. */
    private static final class Desk {
        Ticket ticket = Ticket.builder(TenantId.of("acme"), TicketId.of("t-1"), new TicketNumber(TicketKind.INCIDENT, 1))
                .title("Mail is down").state(NEW).priority(Impact.of(2), Urgency.of(2), Priority.of(2))
                .requester(CUSTOMER).createdAt(T0).updatedAt(T0).build();
        List<SlaClockSnapshot> clocks = ENGINE.onChange(null, ticket, T0, List.of()).clocks();
        List<DueTimer> timers = new ArrayList<>();
        final List<SlaCrossing> crossed = new ArrayList<>();

        void change(Instant at, Ticket.Builder next) {
            fireTimersUpTo(at);
            Ticket before = ticket;
            ticket = next.updatedAt(at).version(ticket.version() + 1).build();
            apply(ENGINE.onChange(before, ticket, at, clocks));
        }

        void to(TicketState state, Instant at) {
            change(at, ticket.toBuilder().state(state));
        }

        void comment(Party author, JournalEntryKind kind, Instant at) {
            List<JournalEntry> journal = new ArrayList<>(ticket.journal());
            journal.add(new JournalEntry(kind, author, at, "news", List.of()));
            change(at, ticket.toBuilder().journal(journal));
        }

        /* What the timer service does: fire every due timer in order, up to an instant. */
        void fireTimersUpTo(Instant until) {
            while (true) {
                Optional<DueTimer> due = timers.stream().filter(t -> !t.dueAt().isAfter(until))
                        .min(Comparator.comparing(DueTimer::dueAt));
                if (due.isEmpty()) {
                    return;
                }
                apply(ENGINE.onTime(ticket, due.get().dueAt(), clocks));
            }
        }

        private void apply(SlaUpdate update) {
            clocks = update.clocks();
            timers.removeIf(t -> update.cancel().contains(t.id()));
            for (DueTimer timer : update.schedule()) {
                timers.removeIf(t -> t.id().equals(timer.id()));
                timers.add(timer);
            }
            crossed.addAll(update.crossed());
        }

        List<ClockStatus> statuses() {
            return clocks.stream().sorted(Comparator.comparingInt(SlaClockSnapshot::cycle)).map(SlaClockSnapshot::status)
                    .toList();
        }
    }

    private static Instant at(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    @Test
    void eachPublicUpdateCompletesTheCycleAndStartsTheNext() {
        Desk desk = new Desk();
        assertThat(desk.clocks).isEmpty();
        desk.to(OPEN, at(0.5));
        desk.comment(AGENT, JournalEntryKind.PUBLIC_COMMENT, at(1.5));
        desk.comment(AGENT, JournalEntryKind.PUBLIC_COMMENT, at(3.25));
        desk.fireTimersUpTo(at(4));
        assertThat(desk.statuses()).containsExactly(ClockStatus.MET, ClockStatus.MET, ClockStatus.RUNNING);
        assertThat(desk.clocks).filteredOn(c -> c.cycle() == 3).singleElement().satisfies(c -> {
            assertThat(c.startedAt()).contains(at(3.25));
            assertThat(c.deadline()).contains(at(5.25));
        });
        // the second cycle (from 1.5h, goal 2h) crossed its 75% warning at 3h; nothing breached
        assertThat(desk.crossed).extracting(SlaCrossing::cycle, SlaCrossing::percent).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, 75));
    }

    @Test
    void noUpdateWithinTheGoalBreachesTheCycleWhenItsTimerFires() {
        Desk desk = new Desk();
        desk.to(OPEN, at(0));
        desk.comment(AGENT, JournalEntryKind.PUBLIC_COMMENT, at(1));
        desk.fireTimersUpTo(at(3.5));
        assertThat(desk.statuses()).containsExactly(ClockStatus.MET, ClockStatus.BREACHED);
        assertThat(desk.crossed).filteredOn(SlaCrossing::isBreach).singleElement().satisfies(c -> {
            assertThat(c.cycle()).isEqualTo(2);
            assertThat(c.thresholdAt()).isEqualTo(at(3));
        });
        // the late update ends the breached cycle and owes the next one
        desk.comment(AGENT, JournalEntryKind.PUBLIC_COMMENT, at(4));
        assertThat(desk.statuses()).containsExactly(ClockStatus.MET, ClockStatus.BREACHED, ClockStatus.RUNNING);
        desk.to(RESOLVED, at(5));
        assertThat(desk.statuses()).containsExactly(ClockStatus.MET, ClockStatus.BREACHED, ClockStatus.MET);
        assertThat(desk.timers).isEmpty();
    }

    @Test
    void internalNotesAndTheCustomersOwnCommentsAreNotUpdates() {
        Desk desk = new Desk();
        desk.to(OPEN, at(0));
        desk.comment(AGENT, JournalEntryKind.WORK_NOTE, at(0.5));
        desk.comment(AGENT, JournalEntryKind.INTERNAL_COMMENT, at(1));
        desk.comment(CUSTOMER, JournalEntryKind.PUBLIC_COMMENT, at(1.5));
        assertThat(desk.statuses()).containsExactly(ClockStatus.RUNNING);
        desk.fireTimersUpTo(at(2.5));
        assertThat(desk.statuses()).containsExactly(ClockStatus.BREACHED);
    }

    @Test
    void theViewShowsTheNewestPublicCommentNotWrittenByTheRequester() {
        Desk desk = new Desk();
        assertThat(TicketView.of(desk.ticket).field(TicketView.LAST_PUBLIC_UPDATE)).isEmpty();
        desk.comment(AGENT, JournalEntryKind.PUBLIC_COMMENT, at(1));
        desk.comment(CUSTOMER, JournalEntryKind.PUBLIC_COMMENT, at(2));
        desk.comment(AGENT, JournalEntryKind.WORK_NOTE, at(3));
        assertThat(TicketView.of(desk.ticket).field(TicketView.LAST_PUBLIC_UPDATE)).contains(FieldValue.of(at(1)));
    }
}
