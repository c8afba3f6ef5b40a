package dev.itsmkit.workflow;

import static dev.itsmkit.core.StateCategory.CANCELLED;
import static dev.itsmkit.core.StateCategory.CLOSED;
import static dev.itsmkit.core.StateCategory.NEW;
import static dev.itsmkit.core.StateCategory.OPEN;
import static dev.itsmkit.core.StateCategory.PENDING;
import static dev.itsmkit.core.StateCategory.RESOLVED;
import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.ChangeType;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.sla.Condition;
import java.util.Optional;

/**
 * The built-in ITIL lifecycles, one per kind of ticket. Each is an ordinary {@link Lifecycle}: a
 * tenant that wants another takes {@link Lifecycle#toBuilder()} and changes it, or defines its own.
 * {@code docs/lifecycles.md} shows each as a diagram drawn by {@link LifecycleDiagrams}. Stateless and
 * thread-safe; each call builds a new, equal lifecycle.
 */
public final class Lifecycles {
    /** The permission to cancel an incident. */
    public static final String CANCEL_INCIDENT = "incident.cancel";
    /** The permission of the emergency change authority, which authorizes emergency changes. */
    public static final String EMERGENCY_CHANGE_AUTHORITY = "change.emergency-authority";
    /**
     * The permission to take the go/no-go decision of a scheduled change against its service
     * acceptance criteria (the transitions {@code go} and {@code noGo}).
     */
    public static final String CHANGE_GO_NO_GO = "change.go-no-go";
    /**
     * The change lifecycle's custom field holding the go/no-go decision against the service
     * acceptance criteria: {@code GO} or {@code NO_GO}, set only by the transitions {@code go} and
     * {@code noGo} (it is locked in every state); implementation needs {@code GO}.
     */
    public static final String GO_NO_GO = "goNoGo";
    /** The change lifecycle's custom field holding the outcome of the post-implementation review. */
    public static final String REVIEW_OUTCOME = "reviewOutcome";

    private Lifecycles() {}

    /**
     * Returns the built-in lifecycle of a kind of ticket, with its default approval policy.
     *
     * @param kind the kind
     * @return the lifecycle
     */
    public static Lifecycle itil(TicketKind kind) {
        return switch (requireNonNull(kind, "kind")) {
            case INCIDENT -> itilIncident();
            case SERVICE_REQUEST -> itilServiceRequest();
            case PROBLEM -> itilProblem();
            case CHANGE -> itilChange();
            case TASK -> itilTask();
        };
    }

    /**
     * The ITIL incident lifecycle ({@code itil-incident}): restore the service as fast as possible.
     *
     * <ul>
     *   <li>{@code NEW} (new, initial) — {@code start} leads to {@code IN_PROGRESS} (open).
     *   <li>{@code hold} puts an incident in progress {@code ON_HOLD} (pending) and requires a
     *       {@code holdReason} (awaiting caller, vendor, change or problem); {@code resume} leads back
     *       and clears the reason.
     *   <li>{@code resolve} from {@code NEW}, {@code IN_PROGRESS} or {@code ON_HOLD} to
     *       {@code RESOLVED} requires {@code resolutionCode} and {@code resolutionNotes}, clears the
     *       hold reason and notifies {@code incident-resolved}.
     *   <li>{@code reopen} leads from {@code RESOLVED} back to {@code IN_PROGRESS} and notifies
     *       {@code incident-reopened}; {@code close} leads to {@code CLOSED} (final). While resolved, the
     *       resolution code and notes are locked: what the resolve required cannot be cleared by hand.
     *   <li>{@code cancel} from any active state to {@code CANCELLED} (final) requires the permission
     *       {@value #CANCEL_INCIDENT}.
     * </ul>
     *
     * @return the lifecycle, version 1
     */
    public static Lifecycle itilIncident() {
        return Lifecycle.builder("itil-incident", TicketKind.INCIDENT)
                .initialState("NEW", NEW)
                .state("IN_PROGRESS", OPEN)
                .state("ON_HOLD", PENDING)
                .state("RESOLVED", RESOLVED)
                .state("CLOSED", CLOSED)
                .state("CANCELLED", CANCELLED)
                .transition(Transition.builder("start").from("NEW").to("IN_PROGRESS"))
                .transition(Transition.builder("hold").from("IN_PROGRESS").to("ON_HOLD")
                        .guard(Guard.requiresFields("holdReason")))
                .transition(Transition.builder("resume").from("ON_HOLD").to("IN_PROGRESS")
                        .action(Action.clearField("holdReason")))
                .transition(Transition.builder("resolve").from("NEW", "IN_PROGRESS", "ON_HOLD").to("RESOLVED")
                        .guard(Guard.requiresFields("resolutionCode", "resolutionNotes"))
                        .action(Action.clearField("holdReason"), Action.notify("incident-resolved")))
                .transition(Transition.builder("reopen").from("RESOLVED").to("IN_PROGRESS")
                        .action(Action.notify("incident-reopened")))
                .transition(Transition.builder("close").from("RESOLVED").to("CLOSED"))
                .transition(Transition.builder("cancel").from("NEW", "IN_PROGRESS", "ON_HOLD").to("CANCELLED")
                        .guard(Guard.permission(CANCEL_INCIDENT)))
                // what the resolve required stays as it was resolved; a reopened incident may change it again
                .lockFields("RESOLVED", "resolutionCode", "resolutionNotes")
                .build();
    }

    /**
     * The ITIL service request lifecycle ({@code itil-service-request}) with approval by all
     * approvers asked; see {@link #itilServiceRequest(ApprovalPolicy)}.
     *
     * @return the lifecycle, version 1
     */
    public static Lifecycle itilServiceRequest() {
        return itilServiceRequest(ApprovalPolicy.all());
    }

    /**
     * The ITIL service request lifecycle ({@code itil-service-request}): approve, then fulfil.
     *
     * <ul>
     *   <li>{@code SUBMITTED} (new, initial) — {@code submitForApproval} leads to
     *       {@code AWAITING_APPROVAL} (pending).
     *   <li>{@code approve} to {@code APPROVED} (open) when the approvals are approved under the
     *       policy, notifying {@code request-approved}; {@code reject} to {@code REJECTED} (cancelled,
     *       final) when they are rejected, notifying {@code request-rejected}.
     *   <li>{@code fulfil} leads to {@code FULFILMENT} (open) and creates the fulfilment task;
     *       {@code complete} leads to {@code FULFILLED} (resolved) once every fulfilment task is finished
     *       (closed or cancelled: {@link Guard#childrenFinished()}) and notifies {@code request-fulfilled}; {@code reopen} leads back to {@code FULFILMENT}.
     *   <li>{@code close} leads from {@code FULFILLED} to {@code CLOSED} (final).
     * </ul>
     *
     * @param approvals when the approvals suffice
     * @return the lifecycle, version 1
     */
    public static Lifecycle itilServiceRequest(ApprovalPolicy approvals) {
        requireNonNull(approvals, "approvals");
        return Lifecycle.builder("itil-service-request", TicketKind.SERVICE_REQUEST)
                .initialState("SUBMITTED", NEW)
                .state("AWAITING_APPROVAL", PENDING)
                .state("APPROVED", OPEN)
                .state("REJECTED", CANCELLED)
                .state("FULFILMENT", OPEN)
                .state("FULFILLED", RESOLVED)
                .state("CLOSED", CLOSED)
                .transition(Transition.builder("submitForApproval").from("SUBMITTED").to("AWAITING_APPROVAL"))
                .transition(Transition.builder("approve").from("AWAITING_APPROVAL").to("APPROVED")
                        .guard(Guard.approved(approvals)).action(Action.notify("request-approved")))
                .transition(Transition.builder("reject").from("AWAITING_APPROVAL").to("REJECTED")
                        .guard(Guard.rejected(approvals)).action(Action.notify("request-rejected")))
                .transition(Transition.builder("fulfil").from("APPROVED").to("FULFILMENT")
                        .action(Action.createTask("Fulfil the request", Optional.empty())))
                .transition(Transition.builder("complete").from("FULFILMENT").to("FULFILLED")
                        .guard(Guard.childrenFinished()).action(Action.notify("request-fulfilled")))
                .transition(Transition.builder("reopen").from("FULFILLED").to("FULFILMENT"))
                .transition(Transition.builder("close").from("FULFILLED").to("CLOSED"))
                .build();
    }

    /**
     * The ITIL problem lifecycle ({@code itil-problem}): find and remove the cause of incidents.
     *
     * <ul>
     *   <li>{@code NEW} (new, initial) — {@code assess} leads to {@code ASSESSMENT} (open),
     *       {@code analyse} to {@code ROOT_CAUSE_ANALYSIS} (open).
     *   <li>{@code recordKnownError} from either to {@code KNOWN_ERROR} (open) requires a
     *       {@code workaround}, sets {@code knownError} and notifies {@code known-error-recorded}.
     *       {@code knownError} is locked in every state, so only this transition sets it: a problem
     *       is never a known error without its workaround.
     *   <li>{@code resolve} from {@code ROOT_CAUSE_ANALYSIS} or {@code KNOWN_ERROR} to
     *       {@code RESOLVED} requires the {@code rootCause}; {@code reopen} leads back to root cause
     *       analysis; {@code close} leads to {@code CLOSED} (final).
     * </ul>
     *
     * @return the lifecycle, version 1
     */
    public static Lifecycle itilProblem() {
        return Lifecycle.builder("itil-problem", TicketKind.PROBLEM)
                .initialState("NEW", NEW)
                .state("ASSESSMENT", OPEN)
                .state("ROOT_CAUSE_ANALYSIS", OPEN)
                .state("KNOWN_ERROR", OPEN)
                .state("RESOLVED", RESOLVED)
                .state("CLOSED", CLOSED)
                .transition(Transition.builder("assess").from("NEW").to("ASSESSMENT"))
                .transition(Transition.builder("analyse").from("ASSESSMENT").to("ROOT_CAUSE_ANALYSIS"))
                .transition(Transition.builder("recordKnownError").from("ASSESSMENT", "ROOT_CAUSE_ANALYSIS").to("KNOWN_ERROR")
                        .guard(Guard.requiresFields("workaround"))
                        .action(Action.setField("knownError", new FieldValue.Bool(true)), Action.notify("known-error-recorded")))
                .transition(Transition.builder("resolve").from("ROOT_CAUSE_ANALYSIS", "KNOWN_ERROR").to("RESOLVED")
                        .guard(Guard.requiresFields("rootCause")))
                .transition(Transition.builder("reopen").from("RESOLVED").to("ROOT_CAUSE_ANALYSIS"))
                .transition(Transition.builder("close").from("RESOLVED").to("CLOSED"))
                .lockFields("NEW", "knownError")
                .lockFields("ASSESSMENT", "knownError")
                .lockFields("ROOT_CAUSE_ANALYSIS", "knownError")
                .lockFields("KNOWN_ERROR", "knownError")
                .lockFields("RESOLVED", "knownError")
                .build();
    }

    /**
     * The task lifecycle ({@code itil-task}): a unit of work done for a parent ticket, such as a
     * fulfilment step of a service request or an implementation step of a change (ServiceNow's
     * catalogue and change tasks). {@link Action#createTask} opens tasks in it.
     *
     * <ul>
     *   <li>{@code OPEN} (new, initial) — {@code start} leads to {@code IN_PROGRESS} (open).
     *   <li>{@code wait} puts a task in progress {@code PENDING} (pending); {@code resume} leads back.
     *   <li>{@code complete} from {@code OPEN}, {@code IN_PROGRESS} or {@code PENDING} to
     *       {@code CLOSED_COMPLETE} (final) notifies {@code task-completed}.
     *   <li>{@code closeIncomplete} from {@code IN_PROGRESS} or {@code PENDING} to
     *       {@code CLOSED_INCOMPLETE} (final: the work was started and not finished) notifies
     *       {@code task-closed-incomplete}.
     *   <li>{@code cancel} from any active state to {@code CANCELLED} (final: the work is no longer needed).
     * </ul>
     * A task has no resolved state: it is done or not, and its parent is resolved.
     *
     * @return the lifecycle, version 1
     */
    public static Lifecycle itilTask() {
        return Lifecycle.builder("itil-task", TicketKind.TASK)
                .initialState("OPEN", NEW)
                .state("IN_PROGRESS", OPEN)
                .state("PENDING", PENDING)
                .state("CLOSED_COMPLETE", CLOSED)
                .state("CLOSED_INCOMPLETE", CLOSED)
                .state("CANCELLED", CANCELLED)
                .transition(Transition.builder("start").from("OPEN").to("IN_PROGRESS"))
                .transition(Transition.builder("wait").from("IN_PROGRESS").to("PENDING"))
                .transition(Transition.builder("resume").from("PENDING").to("IN_PROGRESS"))
                .transition(Transition.builder("complete").from("OPEN", "IN_PROGRESS", "PENDING").to("CLOSED_COMPLETE")
                        .action(Action.notify("task-completed")))
                .transition(Transition.builder("closeIncomplete").from("IN_PROGRESS", "PENDING").to("CLOSED_INCOMPLETE")
                        .action(Action.notify("task-closed-incomplete")))
                .transition(Transition.builder("cancel").from("OPEN", "IN_PROGRESS", "PENDING").to("CANCELLED"))
                .build();
    }

    /**
     * The ITIL change lifecycle ({@code itil-change}) with authorization by all approvers asked;
     * see {@link #itilChange(ApprovalPolicy)}.
     *
     * @return the lifecycle, version 1
     */
    public static Lifecycle itilChange() {
        return itilChange(ApprovalPolicy.all());
    }

    /**
     * The ITIL change lifecycle ({@code itil-change}): assess, authorize, schedule, implement in the
     * planned window, review.
     *
     * <ul>
     *   <li>{@code NEW} (new, initial) — {@code assess} leads to {@code ASSESS} (open). The
     *       {@code changeType} is chosen in {@code NEW} (when the change is opened, or with
     *       {@code assess}) and locked from then on.
     *   <li>Normal and emergency changes: {@code requestAuthorization} to {@code AUTHORIZE} (pending)
     *       requires the {@code implementationPlan}, the {@code backoutPlan}, the planned window
     *       ({@code plannedStart}, {@code plannedEnd}) and the service {@code acceptanceCriteria}, and is
     *       refused for standard changes. These five fields are locked from {@code AUTHORIZE} on: the
     *       change authority approves what it saw. From there {@code authorize} to {@code SCHEDULED}
     *       (pending) needs a normal change whose approvals are approved under the policy;
     *       {@code authorizeEmergency} needs an emergency change and the permission
     *       {@value #EMERGENCY_CHANGE_AUTHORITY}. {@code reject} leads to {@code CANCELLED} when the
     *       approvals are rejected.
     *   <li>Standard changes are pre-approved: {@code scheduleStandard} leads from {@code ASSESS}
     *       straight to {@code SCHEDULED}, skipping {@code AUTHORIZE}, when {@code changeType} is
     *       {@code STANDARD} (set in {@code NEW}, so not in the same call) and the planned window and
     *       the acceptance criteria are set.
     *   <li>The go/no-go is a decision of its own, taken in {@code SCHEDULED} by an actor holding
     *       {@value #CHANGE_GO_NO_GO}: {@code go} (which needs the {@code acceptanceCriteria}) sets the
     *       custom field {@value #GO_NO_GO} to {@code GO}, {@code noGo} sets it to {@code NO_GO}; both
     *       stay in {@code SCHEDULED} and are recorded with the actor and the instant. The field is
     *       locked in every state, so nobody writes it by hand. {@code implement} from
     *       {@code SCHEDULED} to {@code IMPLEMENT} (open) requires {@code GO} and the current instant
     *       inside the planned window.
     *   <li>{@code complete} or {@code backOut} lead to {@code REVIEW} (resolved); the
     *       post-implementation review: {@code close} to {@code CLOSED} (final) requires the custom
     *       field {@value #REVIEW_OUTCOME}.
     *   <li>{@code cancel} leads from any state before implementation to {@code CANCELLED} (final).
     * </ul>
     *
     * @param approvals when the change authority's approvals suffice for a normal change
     * @return the lifecycle, version 1
     */
    public static Lifecycle itilChange(ApprovalPolicy approvals) {
        requireNonNull(approvals, "approvals");
        return Lifecycle.builder("itil-change", TicketKind.CHANGE)
                .customFields(GO_NO_GO, REVIEW_OUTCOME)
                .initialState("NEW", NEW)
                .state("ASSESS", OPEN)
                .state("AUTHORIZE", PENDING)
                .state("SCHEDULED", PENDING)
                .state("IMPLEMENT", OPEN)
                .state("REVIEW", RESOLVED)
                .state("CLOSED", CLOSED)
                .state("CANCELLED", CANCELLED)
                .transition(Transition.builder("assess").from("NEW").to("ASSESS"))
                .transition(Transition.builder("requestAuthorization").from("ASSESS").to("AUTHORIZE")
                        .guard(Guard.when(Condition.not(changeType(ChangeType.STANDARD))),
                                Guard.requiresFields("implementationPlan", "backoutPlan", "plannedStart", "plannedEnd",
                                        "acceptanceCriteria")))
                .transition(Transition.builder("scheduleStandard").from("ASSESS").to("SCHEDULED")
                        .guard(Guard.when(changeType(ChangeType.STANDARD)),
                                Guard.requiresFields("plannedStart", "plannedEnd", "acceptanceCriteria")))
                .transition(Transition.builder("authorize").from("AUTHORIZE").to("SCHEDULED")
                        .guard(Guard.when(changeType(ChangeType.NORMAL)), Guard.approved(approvals))
                        .action(Action.notify("change-authorized")))
                .transition(Transition.builder("authorizeEmergency").from("AUTHORIZE").to("SCHEDULED")
                        .guard(Guard.when(changeType(ChangeType.EMERGENCY)), Guard.permission(EMERGENCY_CHANGE_AUTHORITY))
                        .action(Action.notify("change-authorized")))
                .transition(Transition.builder("reject").from("AUTHORIZE").to("CANCELLED")
                        .guard(Guard.rejected(approvals)).action(Action.notify("change-rejected")))
                .transition(Transition.builder("go").from("SCHEDULED").to("SCHEDULED")
                        .guard(Guard.permission(CHANGE_GO_NO_GO), Guard.requiresFields("acceptanceCriteria"))
                        .action(Action.setField(GO_NO_GO, new FieldValue.Text("GO"))))
                .transition(Transition.builder("noGo").from("SCHEDULED").to("SCHEDULED")
                        .guard(Guard.permission(CHANGE_GO_NO_GO))
                        .action(Action.setField(GO_NO_GO, new FieldValue.Text("NO_GO"))))
                .transition(Transition.builder("implement").from("SCHEDULED").to("IMPLEMENT")
                        .guard(Guard.when(Condition.fieldEquals(GO_NO_GO, new FieldValue.Text("GO"))),
                                Guard.insidePlannedWindow()))
                .transition(Transition.builder("complete").from("IMPLEMENT").to("REVIEW")
                        .action(Action.notify("change-implemented")))
                .transition(Transition.builder("backOut").from("IMPLEMENT").to("REVIEW")
                        .action(Action.notify("change-backed-out")))
                .transition(Transition.builder("close").from("REVIEW").to("CLOSED")
                        .guard(Guard.requiresFields(REVIEW_OUTCOME)))
                .transition(Transition.builder("cancel").from("NEW", "ASSESS", "AUTHORIZE", "SCHEDULED").to("CANCELLED")
                        .action(Action.notify("change-cancelled")))
                .lockFields("NEW", GO_NO_GO)
                .lockFields("ASSESS", GO_NO_GO, "changeType")
                .lockFields("AUTHORIZE", GO_NO_GO, "changeType", "implementationPlan", "backoutPlan", "plannedStart",
                        "plannedEnd", "acceptanceCriteria")
                .lockFields("SCHEDULED", GO_NO_GO, "changeType", "implementationPlan", "backoutPlan", "plannedStart",
                        "plannedEnd", "acceptanceCriteria")
                .lockFields("IMPLEMENT", GO_NO_GO, "changeType", "implementationPlan", "backoutPlan", "plannedStart",
                        "plannedEnd", "acceptanceCriteria")
                .lockFields("REVIEW", GO_NO_GO, "changeType", "implementationPlan", "backoutPlan", "plannedStart",
                        "plannedEnd", "acceptanceCriteria")
                .build();
    }

    private static Condition changeType(ChangeType type) {
        return Condition.fieldEquals("changeType", new FieldValue.Text(type.name()));
    }
}
