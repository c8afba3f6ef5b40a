package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One approval asked of one approver (a person or a group) for a ticket, and its decision once made.
 * Which approvals a ticket needs and when they suffice (any, all, a quorum, a sequence) is the
 * business of the workflow's approval policy; the ticket only records them.
 *
 * @param step the approval's step, counting from 1; approvals of a sequence have increasing steps,
 *     approvals asked together share one
 * @param approver who is asked
 * @param requestedAt when it was asked
 * @param decision the decision, empty while pending
 */
public record Approval(int step, Party approver, Instant requestedAt, Optional<ApprovalDecision> decision) {
    /**
     * Creates the value, checking its components.
     *
     * @param step the step, 1 or more
     * @param approver who is asked
     * @param requestedAt when
     * @param decision the decision, empty while pending
     * @throws IllegalArgumentException if {@code step} is below 1 or the decision predates the request
     */
    public Approval {
        requireNonNull(approver, "approver");
        requireNonNull(requestedAt, "requestedAt");
        requireNonNull(decision, "decision");
        if (step < 1) {
            throw new IllegalArgumentException("an approval step counts from 1, got " + step);
        }
        decision.ifPresent(d -> {
            if (d.at().isBefore(requestedAt)) {
                throw new IllegalArgumentException("an approval cannot be decided (" + d.at() + ") before it was requested ("
                        + requestedAt + ")");
            }
        });
    }

    /**
     * Returns a pending approval.
     *
     * @param step the step
     * @param approver who is asked
     * @param requestedAt when
     * @return the approval, without a decision
     */
    public static Approval pending(int step, Party approver, Instant requestedAt) {
        return new Approval(step, approver, requestedAt, Optional.empty());
    }

    /**
     * Tells whether no decision was made yet.
     *
     * @return {@code true} while pending
     */
    public boolean isPending() {
        return decision.isEmpty();
    }

    /**
     * Returns this approval with its decision.
     *
     * @param decision what was decided
     * @return the decided approval
     * @throws IllegalStateException if it was decided already
     */
    public Approval decide(ApprovalDecision decision) {
        if (this.decision.isPresent()) {
            throw new IllegalStateException("the approval of " + approver + " at step " + step + " was decided already: "
                    + this.decision.get().verdict());
        }
        return new Approval(step, approver, requestedAt, Optional.of(decision));
    }
}
