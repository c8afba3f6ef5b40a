package dev.itsmkit.sla;

import dev.itsmkit.core.Impact;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tickets lived through the SLA engine, for report tests: a "std" policy with a response target (1h,
 * stops when the ticket leaves NEW) and a resolution target (P1 2h, P2 4h, else 8h; paused while
 * pending), both cancelled with the ticket.
 */
final class ReportStories {
    static final TenantId ACME = TenantId.of("acme");
    static final TicketState NEW = TicketState.of("NEW", StateCategory.NEW);
    static final TicketState OPEN = TicketState.of("IN_PROGRESS", StateCategory.OPEN);
    static final TicketState PENDING = TicketState.of("ON_HOLD", StateCategory.PENDING);
    static final TicketState RESOLVED = TicketState.of("RESOLVED", StateCategory.RESOLVED);
    static final TicketState CANCELLED = TicketState.of("CANCELLED", StateCategory.CANCELLED);

    /** Monday to Friday, 09:00-17:00 UTC. */
    static final BusinessCalendar OFFICE_HOURS = BusinessCalendar.builder().zone(ZoneOffset.UTC)
            .hours(DayOfWeek.MONDAY, "09:00-17:00").hours(DayOfWeek.TUESDAY, "09:00-17:00")
            .hours(DayOfWeek.WEDNESDAY, "09:00-17:00").hours(DayOfWeek.THURSDAY, "09:00-17:00")
            .hours(DayOfWeek.FRIDAY, "09:00-17:00").build();
    static final BusinessCalendars CALENDARS = BusinessCalendars.of(Map.of("office", OFFICE_HOURS));

    private ReportStories() {}

    static SlaPolicy standard(String calendar) {
        return SlaPolicy.of("std", 1, List.of(
                SlaTarget.builder("response").calendar(calendar).goals(Goals.always(Duration.ofHours(1)))
                        .stop(Condition.category(StateCategory.OPEN, StateCategory.PENDING, StateCategory.RESOLVED,
                                StateCategory.CLOSED))
                        .cancel(Condition.category(StateCategory.CANCELLED)).build(),
                SlaTarget.builder("resolution").calendar(calendar)
                        .goals(Goals.of(Map.of(Priority.of(1), Duration.ofHours(2), Priority.of(2), Duration.ofHours(4)))
                                .otherwise(Duration.ofHours(8)))
                        .pause(Condition.category(StateCategory.PENDING))
                        .stop(Condition.category(StateCategory.RESOLVED, StateCategory.CLOSED))
                        .cancel(Condition.category(StateCategory.CANCELLED)).warnAt(75).build()));
    }

    static SlaEngine engine(String calendar) {
        return SlaEngine.of(CALENDARS, List.of(standard(calendar)));
    }

    /** A ticket and its clocks as the engine leaves them after each change. */
    static final class Story {
        private final SlaEngine engine;
        private Ticket ticket;
        private List<SlaClockSnapshot> clocks;

        private Story(SlaEngine engine, Ticket ticket, List<SlaClockSnapshot> clocks) {
            this.engine = engine;
            this.ticket = ticket;
            this.clocks = clocks;
        }

        static Story open(SlaEngine engine, int number, TicketKind kind, int priority, Optional<String> service,
                Optional<String> group, Instant at) {
            Ticket ticket = Ticket.builder(ACME, TicketId.of("t-" + number), new TicketNumber(kind, number))
                    .title("Ticket " + number).state(NEW)
                    .priority(Impact.of(2), Urgency.of(2), Priority.of(priority))
                    .requester(Party.person("alice"))
                    .service(service.map(ServiceId::of))
                    .assignmentGroup(group.map(Party::group))
                    .createdAt(at).updatedAt(at).build();
            return new Story(engine, ticket, engine.onChange(null, ticket, at, List.of()).clocks());
        }

        static Story open(SlaEngine engine, int number, int priority, Instant at) {
            return open(engine, number, TicketKind.INCIDENT, priority, Optional.empty(), Optional.empty(), at);
        }

        Story to(TicketState state, Instant at) {
            Ticket before = ticket;
            Ticket.Builder next = ticket.toBuilder().state(state).updatedAt(at).version(ticket.version() + 1);
            if (state.category() == StateCategory.RESOLVED) {
                next.resolvedAt(Optional.of(at));
            }
            ticket = next.build();
            clocks = engine.onChange(before, ticket, at, clocks).clocks();
            return this;
        }

        Story reprioritize(Priority priority, Instant at) {
            Ticket before = ticket;
            ticket = ticket.toBuilder().priority(ticket.impact(), ticket.urgency(), priority).updatedAt(at)
                    .version(ticket.version() + 1).build();
            clocks = engine.onChange(before, ticket, at, clocks).clocks();
            return this;
        }

        Ticket ticket() {
            return ticket;
        }

        List<SlaClockSnapshot> clocks() {
            return clocks;
        }

        void addTo(SlaReporter reporter) {
            reporter.add(ticket, clocks);
        }
    }
}
