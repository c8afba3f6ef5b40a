package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.command.AddJournalEntry;
import dev.itsmkit.core.command.AddLink;
import dev.itsmkit.core.command.Assign;
import dev.itsmkit.core.command.ChangeImpactUrgency;
import dev.itsmkit.core.command.ClearPriorityOverride;
import dev.itsmkit.core.command.DecideApproval;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.command.OverridePriority;
import dev.itsmkit.core.command.RemoveLink;
import dev.itsmkit.core.command.RequestApprovals;
import dev.itsmkit.core.command.TicketCommand;
import dev.itsmkit.core.command.TransitionTicket;
import dev.itsmkit.core.command.Unassign;
import dev.itsmkit.core.command.UpdateFields;
import java.util.Set;

/**
 * The permission every command of the {@link ServiceDesk} needs, one per kind of command. Before a
 * command changes anything the desk asks its {@link TransitionAuthorizer} once whether the command's
 * actor holds the command's permission for the ticket; a refusal is a {@link CommandRefusedException}
 * with the rule {@link CommandRefusedException#PERMISSION} naming the permission and the actor, and
 * nothing is written. The permissions, and the commands that need them:
 *
 * <table>
 *   <caption>Permissions by command</caption>
 *   <tr><th>permission</th><th>commands</th><th>the ticket asked about</th></tr>
 *   <tr><td>{@value #OPEN}</td><td>{@code OpenTicket}</td><td>the ticket about to be created (see below)</td></tr>
 *   <tr><td>{@value #UPDATE_FIELDS}</td><td>{@code UpdateFields}</td><td>the ticket as loaded</td></tr>
 *   <tr><td>{@value #ASSIGN}</td><td>{@code Assign}, {@code Unassign}</td><td>the ticket as loaded</td></tr>
 *   <tr><td>{@value #CHANGE_IMPACT_URGENCY}</td><td>{@code ChangeImpactUrgency}</td><td>the ticket as loaded</td></tr>
 *   <tr><td>{@value #OVERRIDE_PRIORITY}</td><td>{@code OverridePriority}, {@code ClearPriorityOverride}</td>
 *       <td>the ticket as loaded</td></tr>
 *   <tr><td>{@value #LINK}</td><td>{@code AddLink}, {@code RemoveLink}</td><td>the ticket the link starts from</td></tr>
 *   <tr><td>{@value #JOURNAL}</td><td>{@code AddJournalEntry} (comments, work notes)</td><td>the ticket as loaded</td></tr>
 *   <tr><td>{@value #TRANSITION}</td><td>{@code TransitionTicket}</td><td>the ticket as loaded, and each open child
 *       a cascade takes along</td></tr>
 *   <tr><td>{@value #REQUEST_APPROVALS}</td><td>{@code RequestApprovals}</td><td>the ticket as loaded</td></tr>
 *   <tr><td>{@value #DECIDE_APPROVAL}</td><td>{@code DecideApproval}</td><td>the ticket as loaded</td></tr>
 * </table>
 *
 * <p>What the desk does by itself is not a command and asks nothing: the SLA escalations of
 * {@link ServiceDesk#fireDue()} and the lifecycle's actions of an authorized transition.
 *
 * <p>These are asked on top of what a command needs besides: a transition's own
 * {@linkplain Guard#permission permission guards} (for example {@link Lifecycles#EMERGENCY_CHANGE_AUTHORITY}),
 * and {@link ServiceDesk#DECIDE_ON_BEHALF_PERMISSION} for a decision taken for another party.
 *
 * <p>{@code OpenTicket} is asked with the ticket about to be created, complete with its kind, tenant,
 * requester, service, fields and first state, so that an authorizer can decide by any of them (who may
 * raise a change, open a ticket on a service). Its number is taken before the question, as a database
 * sequence would be: a refused open leaves a gap in the numbers and writes nothing else.
 *
 * <p>The desk's authorizer is {@link TransitionAuthorizer#permitAll()} unless the embedder sets one,
 * so a desk without one permits every command as before. An embedder that sets one must grant these
 * permissions to whoever may run the commands.
 *
 * <p>Stateless and thread-safe.
 */
public final class CommandPermissions {
    /** The permission to open a ticket ({@code OpenTicket}). */
    public static final String OPEN = "ticket.open";
    /** The permission to change a ticket's fields directly ({@code UpdateFields}). */
    public static final String UPDATE_FIELDS = "ticket.update-fields";
    /** The permission to assign or unassign a ticket ({@code Assign}, {@code Unassign}). */
    public static final String ASSIGN = "ticket.assign";
    /** The permission to change a ticket's impact and urgency, and so its priority ({@code ChangeImpactUrgency}). */
    public static final String CHANGE_IMPACT_URGENCY = "ticket.change-impact-urgency";
    /**
     * The permission to override a ticket's priority or clear the override ({@code OverridePriority},
     * {@code ClearPriorityOverride}); the same as {@link ServiceDesk#OVERRIDE_PRIORITY_PERMISSION}.
     */
    public static final String OVERRIDE_PRIORITY = ServiceDesk.OVERRIDE_PRIORITY_PERMISSION;
    /** The permission to add or remove a link between tickets ({@code AddLink}, {@code RemoveLink}). */
    public static final String LINK = "ticket.link";
    /** The permission to add a comment or work note to a ticket ({@code AddJournalEntry}). */
    public static final String JOURNAL = "ticket.journal";
    /**
     * The permission to ask for a transition ({@code TransitionTicket}); the transition's own
     * permission guards are asked besides.
     */
    public static final String TRANSITION = "ticket.transition";
    /** The permission to ask parties for approval of a ticket ({@code RequestApprovals}). */
    public static final String REQUEST_APPROVALS = "approval.request";
    /**
     * The permission to decide an approval ({@code DecideApproval}); deciding for another party needs
     * {@link ServiceDesk#DECIDE_ON_BEHALF_PERMISSION} besides.
     */
    public static final String DECIDE_APPROVAL = "approval.decide";

    /** Every permission of this class, to grant a trusted actor all commands. */
    public static final Set<String> ALL = Set.of(OPEN, UPDATE_FIELDS, ASSIGN, CHANGE_IMPACT_URGENCY, OVERRIDE_PRIORITY, LINK,
            JOURNAL, TRANSITION, REQUEST_APPROVALS, DECIDE_APPROVAL);

    private CommandPermissions() {}

    /**
     * Returns the permission a command needs. Allocates nothing: the result is one of the constants.
     *
     * @param command the command
     * @return its permission, one of the constants of this class
     * @throws IllegalArgumentException for a command type the desk does not know
     */
    public static String of(TicketCommand command) {
        requireNonNull(command, "command");
        if (command instanceof TransitionTicket) {
            return TRANSITION;
        } else if (command instanceof UpdateFields) {
            return UPDATE_FIELDS;
        } else if (command instanceof AddJournalEntry) {
            return JOURNAL;
        } else if (command instanceof OpenTicket) {
            return OPEN;
        } else if (command instanceof Assign || command instanceof Unassign) {
            return ASSIGN;
        } else if (command instanceof ChangeImpactUrgency) {
            return CHANGE_IMPACT_URGENCY;
        } else if (command instanceof AddLink || command instanceof RemoveLink) {
            return LINK;
        } else if (command instanceof OverridePriority || command instanceof ClearPriorityOverride) {
            return OVERRIDE_PRIORITY;
        } else if (command instanceof RequestApprovals) {
            return REQUEST_APPROVALS;
        } else if (command instanceof DecideApproval) {
            return DECIDE_APPROVAL;
        }
        throw new IllegalArgumentException("no permission is defined for the command " + command.getClass().getName());
    }
}
