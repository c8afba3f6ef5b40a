package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketState;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Lifecycle#evaluate} decided: the transition is {@link Allowed}, with its target state
 * and actions, or {@link Refused}, with the reason and the transitions the state offers instead.
 * Immutable and thread-safe.
 */
public sealed interface TransitionDecision {
    /**
     * Tells whether the transition may be taken.
     *
     * @return {@code true} for {@link Allowed}
     */
    boolean isAllowed();

    /**
     * Returns the allowed decision, or throws the refusal as an exception.
     *
     * @param ticket the ticket the decision was made for, named in the exception
     * @return this decision, if allowed
     * @throws TransitionRefusedException if the transition was refused
     */
    Allowed orElseThrow(Ticket ticket);

    /**
     * The transition may be taken.
     *
     * @param transition the transition
     * @param from the ticket's state before it
     * @param to the state it leads to
     */
    record Allowed(Transition transition, TicketState from, TicketState to) implements TransitionDecision {
        /**
         * Creates the decision.
         *
         * @param transition the transition
         * @param from the state before
         * @param to the state after
         */
        public Allowed {
            requireNonNull(transition, "transition");
            requireNonNull(from, "from");
            requireNonNull(to, "to");
        }

        /**
         * Returns the actions the engine performs along with the change of state.
         *
         * @return the transition's actions, in order
         */
        public List<Action> actions() {
            return transition.actions();
        }

        @Override
        public boolean isAllowed() {
            return true;
        }

        @Override
        public Allowed orElseThrow(Ticket ticket) {
            return this;
        }
    }

    /**
     * The transition was refused.
     *
     * @param transition the name of the transition asked for
     * @param from the ticket's state
     * @param reason what kind of refusal
     * @param guard the guard that refused, for {@link RefusalReason#GUARD_FAILED}
     * @param message why, in a sentence
     * @param allowed the names of the transitions the lifecycle defines from the ticket's state,
     *     whether or not their guards would pass now
     */
    record Refused(String transition, TicketState from, RefusalReason reason, Optional<Guard> guard, String message,
            List<String> allowed) implements TransitionDecision {
        /**
         * Creates the decision.
         *
         * @param transition the transition asked for
         * @param from the ticket's state
         * @param reason what kind of refusal
         * @param guard the guard that refused, present exactly for {@link RefusalReason#GUARD_FAILED}
         * @param message why
         * @param allowed the transitions defined from the state, copied
         * @throws IllegalArgumentException if a guard is given for another reason than a failed guard, or missing for one
         */
        public Refused {
            requireNonNull(transition, "transition");
            requireNonNull(from, "from");
            requireNonNull(reason, "reason");
            requireNonNull(guard, "guard");
            requireNonNull(message, "message");
            allowed = List.copyOf(allowed);
            if (guard.isPresent() != (reason == RefusalReason.GUARD_FAILED)) {
                throw new IllegalArgumentException("a refusal names a guard exactly when a guard failed, got " + reason
                        + " with guard " + guard);
            }
        }

        @Override
        public boolean isAllowed() {
            return false;
        }

        @Override
        public Allowed orElseThrow(Ticket ticket) {
            throw new TransitionRefusedException(ticket.number().toString(), this);
        }

        @Override
        public String toString() {
            return "transition " + transition + " from " + from + " refused: " + message + guard.map(g -> " [" + g.describe() + "]")
                    .orElse("") + "; allowed from " + from.name() + ": " + allowed;
        }
    }
}
