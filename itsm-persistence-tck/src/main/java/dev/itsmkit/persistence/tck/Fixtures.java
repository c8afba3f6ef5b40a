package dev.itsmkit.persistence.tck;

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
import dev.itsmkit.core.outbox.Notice;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.outbox.OutboxEntryId;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Valid values for the contracts: tickets, events, clocks, timers and outbox entries. Deterministic:
 * the same arguments give equal values. Thread-safe.
 */
public final class Fixtures {
    /** The instant at which fixture tickets are created. */
    public static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    /** A tenant. */
    public static final TenantId ACME = TenantId.of("acme");
    /** Another tenant, whose data ACME must never see. */
    public static final TenantId GLOBEX = TenantId.of("globex");
    /** The state of a new ticket. */
    public static final TicketState NEW = TicketState.of("NEW", StateCategory.NEW);
    /** An active state. */
    public static final TicketState IN_PROGRESS = TicketState.of("IN_PROGRESS", StateCategory.OPEN);
    /** A resolved state. */
    public static final TicketState RESOLVED = TicketState.of("RESOLVED", StateCategory.RESOLVED);

    private Fixtures() {}

    /**
     * Returns a new incident, version 1, created at {@link #T0}.
     *
     * @param tenant the tenant
     * @param sequence its number's sequence: the ticket is {@code INC<sequence>} with id {@code inc-<sequence>}
     * @return the ticket
     */
    public static Ticket incident(TenantId tenant, long sequence) {
        return ticket(tenant, new TicketNumber(TicketKind.INCIDENT, sequence), T0);
    }

    /**
     * Returns a new ticket, version 1.
     *
     * @param tenant the tenant
     * @param number its number; its id is the lower-case prefix and sequence, as {@code inc-42}
     * @param createdAt when it was created, also its last update
     * @return the ticket
     */
    public static Ticket ticket(TenantId tenant, TicketNumber number, Instant createdAt) {
        return Ticket.builder(tenant, idOf(number), number)
                .title("Ticket " + number)
                .state(NEW)
                .requester(Party.person("alice"))
                .createdAt(createdAt)
                .updatedAt(createdAt)
                .build();
    }

    /**
     * Returns the id that fixture tickets with this number have.
     *
     * @param number the number
     * @return {@code inc-42} for {@code INC0000042}
     */
    public static TicketId idOf(TicketNumber number) {
        return TicketId.of(number.kind().numberPrefix().toLowerCase(java.util.Locale.ROOT) + "-" + number.sequence());
    }

    /**
     * Returns the next version of a ticket: one more, updated a second later, with a change.
     *
     * @param ticket the current snapshot
     * @param change what to change on the builder
     * @return the next snapshot
     */
    public static Ticket next(Ticket ticket, UnaryOperator<Ticket.Builder> change) {
        return change.apply(ticket.toBuilder())
                .version(ticket.version() + 1)
                .updatedAt(ticket.updatedAt().plusSeconds(1))
                .build();
    }

    /**
     * Returns an event of a ticket: an SLA warning, the simplest event to make.
     *
     * @param ticket the ticket
     * @param sequence its place in the ticket's trail
     * @param at when it happened
     * @return the event
     */
    public static TicketEvent event(Ticket ticket, long sequence, Instant at) {
        return event(ticket.tenant(), ticket.id(), sequence, at);
    }

    /**
     * Returns an event of a ticket: an SLA warning at a percentage derived from the sequence.
     *
     * @param tenant the tenant
     * @param ticket the ticket
     * @param sequence its place in the ticket's trail
     * @param at when it happened
     * @return the event
     */
    public static TicketEvent event(TenantId tenant, TicketId ticket, long sequence, Instant at) {
        return new SlaWarned(tenant, ticket, Party.ITSM_KIT, at, sequence, 1, "resolution", 1,
                (int) (sequence % 99) + 1, at);
    }

    /**
     * Returns the outbox entry announcing an event.
     *
     * @param event the event
     * @return the entry, with an id derived from the event's idempotency key
     */
    public static OutboxEntry entry(TicketEvent event) {
        return OutboxEntry.announcing(
                OutboxEntryId.of("o-" + event.tenant().value() + "-" + event.ticket().value() + "-" + event.sequence()),
                event, event.at());
    }

    /**
     * Returns the outbox entry asking for a notification about an event.
     *
     * @param event the event
     * @param notice the notification asked for
     * @return the entry, with an id derived from the event and the notice's name
     */
    public static OutboxEntry entry(TicketEvent event, Notice notice) {
        return OutboxEntry.notifying(OutboxEntryId.of("o-" + event.tenant().value() + "-" + event.ticket().value() + "-"
                + event.sequence() + "-" + notice.name() + notice.channel().map(c -> "-" + c).orElse("")), event, notice, event.at());
    }

    /**
     * Returns a due timer of a ticket's resolution target.
     *
     * @param ticket the ticket
     * @param percent the threshold, 100 for the breach
     * @param dueAt when it is due
     * @return the timer
     */
    public static DueTimer timer(Ticket ticket, int percent, Instant dueAt) {
        return DueTimer.of(ticket.tenant(), ticket.id(), "resolution", 1, percent, dueAt);
    }

    /**
     * Returns a running SLA clock of a ticket.
     *
     * @param ticket the ticket
     * @param target the target's name
     * @param elapsed the business time elapsed
     * @return the snapshot, as of {@link #T0} plus {@code elapsed}
     */
    public static SlaClockSnapshot clock(Ticket ticket, String target, Duration elapsed) {
        return SlaClockSnapshot.builder(ticket.tenant(), ticket.id(), target)
                .policy("standard", 1)
                .calendar("24x7")
                .goal(Duration.ofHours(8))
                .status(ClockStatus.RUNNING)
                .startedAt(Optional.of(T0))
                .elapsed(elapsed, T0.plus(elapsed))
                .build();
    }
}
