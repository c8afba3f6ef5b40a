package dev.itsmkit.core.event;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Impact;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.internal.Problems;
import dev.itsmkit.core.internal.Texts;
import java.time.Instant;
import java.util.Optional;

/**
 * The ticket's impact, urgency or priority changed. Without an override reason, {@code to} is the
 * priority the tenant's matrix derives from the impact and urgency; with one, it was set by hand.
 *
 * @param tenant the tenant that owns the ticket
 * @param ticket the ticket
 * @param actor who acted
 * @param at when
 * @param sequence the place in the ticket's trail, from 1
 * @param version the ticket's version after the command that produced the event
 * @param impact the impact after
 * @param urgency the urgency after
 * @param from the priority before
 * @param to the priority after
 * @param overrideReason why the priority was set by hand, one non-blank line; empty when derived
 */
public record PriorityChanged(TenantId tenant, TicketId ticket, Party actor, Instant at, long sequence, long version,
        Impact impact, Urgency urgency, Priority from, Priority to, Optional<String> overrideReason)
        implements TicketEvent {
    /**
     * Creates the event, checking its components.
     *
     * @param tenant the tenant that owns the ticket
     * @param ticket the ticket
     * @param actor who acted
     * @param at when
     * @param sequence the place in the ticket's trail, from 1
     * @param version the ticket's version after the command that produced the event
     * @param impact the impact after
     * @param urgency the urgency after
     * @param from the priority before
     * @param to the priority after
     * @param overrideReason why the priority was set by hand, or empty
     * @throws IllegalArgumentException if a number is out of range or the reason is blank, too long
     *     or holds control characters
     */
    public PriorityChanged {
        Events.checkCommon(tenant, ticket, actor, at, sequence, version);
        requireNonNull(impact, "impact");
        requireNonNull(urgency, "urgency");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(overrideReason, "overrideReason");
        if (overrideReason.isPresent()) {
            Problems problems = new Problems();
            Texts.checkLine(problems, "overrideReason", overrideReason.get(), Texts.MAX_LINE, true);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("PriorityChanged has an invalid override reason: "
                        + problems.violations().get(0));
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException also if the ticket's priority is not {@link #from()}
     */
    @Override
    public Ticket applyTo(Ticket snapshot) {
        return Events.change(this, snapshot, next -> {
            if (!snapshot.priority().equals(from)) {
                throw Events.doesNotFollow(this, snapshot, "it changes the priority from " + from
                        + ", but the ticket's priority is " + snapshot.priority());
            }
            next.priority(impact, urgency, to);
            overrideReason.ifPresent(reason -> next.overridePriority(to, reason));
        });
    }
}
