package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.ItsmException;

/**
 * The {@link ServiceDesk} refused a command for a rule outside the lifecycle's gate: the actor lacks a
 * permission the command requires, a field is locked in the ticket's state, the ticket is in a final
 * state, an approver has no pending approval, decides out of turn or after the outcome is final, a
 * linked ticket does not exist. Names the ticket and the rule; nothing was changed.
 * Lifecycle refusals are {@link TransitionRefusedException}s, malformed commands
 * {@link dev.itsmkit.core.ValidationException}s.
 *
 * <p>Immutable and thread-safe.
 */
public final class CommandRefusedException extends ItsmException {
    private static final long serialVersionUID = 1L;

    /**
     * The rule of a command that needs a permission the actor does not hold: the permission of its
     * kind of command ({@link CommandPermissions}) or another the command needs, such as
     * {@link ServiceDesk#DECIDE_ON_BEHALF_PERMISSION}. The message names the actor and the permission.
     */
    public static final String PERMISSION = "permission";
    /**
     * The rule that a field locked in the ticket's state ({@link LifecycleState#lockedFields()}) is not
     * changed by hand. The message names the field and the state, the states where it may change and
     * the transitions that set it.
     */
    public static final String LOCKED_FIELD = "locked-field";
    /** The rule that a ticket in a final state (closed, cancelled) changes no more, except by comments and links. */
    public static final String FINAL_STATE = "final-state";
    /** The rule that an approver decides only an approval that is pending for them. */
    public static final String NO_PENDING_APPROVAL = "no-pending-approval";
    /**
     * The rule that an approver decides only when the approval policy awaits their decision: under a
     * {@link ApprovalPolicy#sequence() sequence}, only the approvers of the earliest step not yet approved.
     */
    public static final String NOT_YOUR_TURN = "not-your-turn";
    /** The rule that no decision is taken once the approvals' outcome is final (approved, or ended by a rejection). */
    public static final String APPROVAL_CLOSED = "approval-closed";
    /** The rule that a link points to a ticket that exists in the tenant. */
    public static final String LINK_TARGET = "link-target";

    private final String ticket;
    private final String rule;

    /**
     * Creates the exception.
     *
     * @param ticket the ticket's number, for example {@code INC0001042}
     * @param rule the rule that refused, one of the constants of this class
     * @param message why, in a sentence
     */
    public CommandRefusedException(String ticket, String rule, String message) {
        super(requireNonNull(ticket, "ticket") + ": " + requireNonNull(message, "message") + " [rule: "
                + requireNonNull(rule, "rule") + "]");
        this.ticket = ticket;
        this.rule = rule;
    }

    /**
     * Returns the ticket the command was for.
     *
     * @return its number, for example {@code INC0001042}
     */
    public String ticket() {
        return ticket;
    }

    /**
     * Returns the rule that refused.
     *
     * @return one of the constants of this class, such as {@link #PERMISSION}
     */
    public String rule() {
        return rule;
    }
}
