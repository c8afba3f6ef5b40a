package dev.itsmkit.workflow;

import dev.itsmkit.core.ItsmException;
import java.util.List;
import java.util.Optional;

/**
 * A lifecycle refused a transition: the ticket's state has no such transition, or a guard refused.
 * Carries the ticket, the state, the transition, the rule that refused and the transitions the state
 * offers. Nothing was changed.
 */
public final class TransitionRefusedException extends ItsmException {
    private static final long serialVersionUID = 1L;

    private final String ticket;
    private final String from;
    private final String transition;
    private final RefusalReason reason;
    private final String rule;
    @SuppressWarnings("serial") // List.copyOf returns a serializable list of strings
    private final List<String> allowed;

    /**
     * Creates the exception from a refusal.
     *
     * @param ticket the ticket's number, for example {@code INC0001042}
     * @param refused the lifecycle's refusal
     */
    public TransitionRefusedException(String ticket, TransitionDecision.Refused refused) {
        super(ticket + ": transition " + refused.transition() + " from " + refused.from().name() + " refused: "
                + refused.message() + refused.guard().map(g -> " (guard: " + g.describe() + ")").orElse("")
                + "; allowed from " + refused.from().name() + ": " + refused.allowed());
        this.ticket = ticket;
        this.from = refused.from().name();
        this.transition = refused.transition();
        this.reason = refused.reason();
        this.rule = refused.guard().map(Guard::describe).orElse(refused.reason().name());
        this.allowed = List.copyOf(refused.allowed());
    }

    /**
     * Returns the ticket's number.
     *
     * @return the number, for example {@code INC0001042}
     */
    public String ticket() {
        return ticket;
    }

    /**
     * Returns the name of the state the ticket was in.
     *
     * @return the state's name
     */
    public String from() {
        return from;
    }

    /**
     * Returns the transition asked for.
     *
     * @return its name
     */
    public String transition() {
        return transition;
    }

    /**
     * Returns what kind of refusal this is.
     *
     * @return the reason
     */
    public RefusalReason reason() {
        return reason;
    }

    /**
     * Returns the rule that refused: the guard's description, or the reason's name when no guard refused.
     *
     * @return the rule, for example {@code requires resolutionCode, resolutionNotes}
     */
    public String rule() {
        return rule;
    }

    /**
     * Returns the transitions the lifecycle defines from the ticket's state.
     *
     * @return their names; unmodifiable
     */
    public List<String> allowed() {
        return allowed;
    }

    /**
     * Returns the rule as an optional guard description, for callers that only care about guards.
     *
     * @return the guard's description, or empty if no guard refused
     */
    public Optional<String> guard() {
        return reason == RefusalReason.GUARD_FAILED ? Optional.of(rule) : Optional.empty();
    }
}
