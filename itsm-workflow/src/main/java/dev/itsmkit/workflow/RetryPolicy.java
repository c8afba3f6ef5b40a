package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.command.ExistingTicketCommand;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.command.TicketCommand;

/**
 * How often the {@link ServiceDesk} runs a command again when its unit of work lost a race with
 * another command on the same ticket ({@link dev.itsmkit.persistence.ConcurrentUpdateException}).
 *
 * <p><b>Which commands are retried, and why.</b> A retry is not a replay of the same writes: it
 * reloads the ticket and decides the command again from the start — validation, the lifecycle
 * gate with every guard, permissions, the events. So a retried command has exactly the effect it
 * would have had had it arrived a moment later, after the command that won the race. That is safe
 * for every {@linkplain ExistingTicketCommand command on an existing ticket} that does <em>not</em>
 * carry an {@linkplain ExistingTicketCommand#expectedVersion() expected version}: comments, links
 * and approval decisions commute with any other change; assignments, field updates and priority
 * changes are last-writer-wins by nature when the caller did not pin a version; a transition is
 * re-checked against the new state and refused if it no longer applies. A command that carries an
 * expected version is never retried: the caller asked to act only on the version it saw, and that
 * version is gone, so the conflict is reported. {@link OpenTicket} never conflicts (it creates a
 * ticket with a fresh id) and is never retried.
 *
 * @param maxAttempts how many times a command is run at most, counting the first; 1 means never retry
 */
public record RetryPolicy(int maxAttempts) {
    /** The default: a command is run up to 10 times. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(10);

    /** Never retry: every conflict is reported to the caller. */
    public static final RetryPolicy NEVER = new RetryPolicy(1);

    /**
     * Creates the policy.
     *
     * @param maxAttempts 1 or more
     * @throws IllegalArgumentException if {@code maxAttempts} is less than 1
     */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a command is run at least once, so maxAttempts is 1 or more, got " + maxAttempts);
        }
    }

    /**
     * Returns a policy that runs a command up to a number of times.
     *
     * @param maxAttempts 1 or more, counting the first attempt
     * @return the policy
     * @throws IllegalArgumentException if {@code maxAttempts} is less than 1
     */
    public static RetryPolicy attempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts);
    }

    /**
     * Tells whether a command may be run again after a concurrent update, as the class comment explains.
     *
     * @param command the command
     * @return {@code true} for a command on an existing ticket without an expected version
     */
    public static boolean isSafeToRetry(TicketCommand command) {
        requireNonNull(command, "command");
        return command instanceof ExistingTicketCommand existing && existing.expectedVersion().isEmpty();
    }
}
