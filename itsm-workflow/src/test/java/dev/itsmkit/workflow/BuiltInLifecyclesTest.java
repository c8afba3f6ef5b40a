package dev.itsmkit.workflow;

import static dev.itsmkit.workflow.Fixtures.AGENT;
import static dev.itsmkit.workflow.Fixtures.T0;
import static dev.itsmkit.workflow.Fixtures.evaluate;
import static dev.itsmkit.workflow.Fixtures.newTicket;
import static dev.itsmkit.workflow.Fixtures.take;
import static dev.itsmkit.workflow.Fixtures.with;
import static dev.itsmkit.workflow.Fixtures.withApprovals;
import static dev.itsmkit.workflow.Fixtures.withText;
import static dev.itsmkit.workflow.Fixtures.withWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BuiltInLifecyclesTest {

    static TransitionDecision.Refused refused(TransitionDecision decision) {
        assertThat(decision).isInstanceOf(TransitionDecision.Refused.class);
        return (TransitionDecision.Refused) decision;
    }

    static void assertRefusedByGuard(TransitionDecision decision, Guard guard, String because) {
        TransitionDecision.Refused refused = refused(decision);
        assertThat(refused.reason()).isEqualTo(RefusalReason.GUARD_FAILED);
        assertThat(refused.guard()).contains(guard);
        assertThat(refused.message()).contains(because);
    }

    static String state(Ticket ticket) {
        return ticket.state().name();
    }

    @Nested
    class Incident {
        final Lifecycle incident = Lifecycles.itilIncident();

        Ticket resolvable(Ticket t) {
            return withText(withText(t, "resolutionCode", "FIXED"), "resolutionNotes", "Replaced the toner");
        }

        @Test
        void anIncidentIsWorkedPutOnHoldResumedResolvedReopenedAndClosed() {
            Ticket t = newTicket(incident);
            assertThat(state(t)).isEqualTo("NEW");
            t = take(incident, t, "start");
            assertThat(t.state()).isEqualTo(TicketState.of("IN_PROGRESS", StateCategory.OPEN));
            t = take(incident, withText(t, "holdReason", "AWAITING_CALLER"), "hold");
            assertThat(t.state()).isEqualTo(TicketState.of("ON_HOLD", StateCategory.PENDING));
            t = take(incident, t, "resume");
            assertThat(state(t)).isEqualTo("IN_PROGRESS");
            assertThat(t.field("holdReason")).as("resuming clears the hold reason").isEmpty();
            t = take(incident, resolvable(t), "resolve");
            assertThat(t.state().category()).isEqualTo(StateCategory.RESOLVED);
            t = take(incident, t, "reopen");
            assertThat(state(t)).isEqualTo("IN_PROGRESS");
            t = take(incident, t, "resolve");
            t = take(incident, t, "close");
            assertThat(t.state()).isEqualTo(TicketState.of("CLOSED", StateCategory.CLOSED));
            assertThat(incident.allowedFrom("CLOSED")).isEmpty();
        }

        @Test
        void anIncidentCanBeResolvedStraightFromNewAndFromOnHold() {
            Ticket fresh = resolvable(newTicket(incident));
            assertThat(take(incident, fresh, "resolve").state().name()).isEqualTo("RESOLVED");
            Ticket onHold = take(incident, withText(take(incident, fresh, "start"), "holdReason", "AWAITING_VENDOR"), "hold");
            Ticket resolved = take(incident, onHold, "resolve");
            assertThat(state(resolved)).isEqualTo("RESOLVED");
            assertThat(resolved.field("holdReason")).as("resolving clears the hold reason").isEmpty();
        }

        @Test
        void resolvingAnIncidentWithoutAResolutionCodeIsRefused() {
            Ticket t = withText(take(incident, newTicket(incident), "start"), "resolutionNotes", "Rebooted");
            assertRefusedByGuard(evaluate(incident, t, "resolve"), Guard.requiresFields("resolutionCode", "resolutionNotes"),
                    "the field resolutionCode is not set");
        }

        @Test
        void resolvingAnIncidentWithoutCodeAndNotesNamesBothFields() {
            Ticket t = take(incident, newTicket(incident), "start");
            TransitionDecision.Refused refused = refused(evaluate(incident, t, "resolve"));
            assertThat(refused.message()).isEqualTo("the fields resolutionCode, resolutionNotes are not set");
            assertThat(refused.allowed()).containsExactly("hold", "resolve", "cancel");
        }

        @Test
        void aBlankTextCountsAsAMissingField() {
            Lifecycle withReference = LifecycleValidationTest.valid().customFields("vendorRef").removeTransition("finish")
                    .transition(Transition.builder("finish").from("OPEN").to("DONE").guard(Guard.requiresFields("vendorRef")))
                    .build();
            Ticket blank = withText(newTicket(withReference), "vendorRef", "  ");
            assertRefusedByGuard(evaluate(withReference, blank, "finish"), Guard.requiresFields("vendorRef"),
                    "the field vendorRef is not set");
            assertThat(evaluate(withReference, withText(blank, "vendorRef", "V-1"), "finish").isAllowed()).isTrue();
        }

        @Test
        void puttingAnIncidentOnHoldWithoutAReasonIsRefused() {
            Ticket t = take(incident, newTicket(incident), "start");
            assertRefusedByGuard(evaluate(incident, t, "hold"), Guard.requiresFields("holdReason"), "holdReason");
        }

        @Test
        void cancellingAnIncidentNeedsTheCancelPermission() {
            Ticket t = newTicket(incident);
            TransitionAuthorizer onlyManager = TransitionAuthorizer.granting(Map.of(Fixtures.MANAGER,
                    Set.of(Lifecycles.CANCEL_INCIDENT)));
            assertRefusedByGuard(incident.evaluate(t, "cancel", AGENT, T0, onlyManager),
                    Guard.permission(Lifecycles.CANCEL_INCIDENT), "person:agent does not hold the permission incident.cancel");
            for (String from : List.of("NEW", "IN_PROGRESS", "ON_HOLD")) {
                Ticket in = t.toBuilder().state(incident.state(from).orElseThrow().ticketState()).build();
                TransitionDecision decision = incident.evaluate(in, "cancel", Fixtures.MANAGER, T0, onlyManager);
                assertThat(decision.orElseThrow(in).to().category()).isEqualTo(StateCategory.CANCELLED);
            }
        }

        @Test
        void closingAnIncidentThatIsNotResolvedIsRefusedAndTheAllowedTransitionsAreListed() {
            Ticket t = take(incident, newTicket(incident), "start");
            TransitionDecision.Refused refused = refused(evaluate(incident, t, "close"));
            assertThat(refused.reason()).isEqualTo(RefusalReason.NO_SUCH_TRANSITION);
            assertThat(refused.guard()).isEmpty();
            assertThat(refused.from().name()).isEqualTo("IN_PROGRESS");
            assertThat(refused.allowed()).containsExactly("hold", "resolve", "cancel");
            assertThatThrownBy(() -> refused.orElseThrow(t)).isInstanceOfSatisfying(TransitionRefusedException.class, e -> {
                assertThat(e.ticket()).isEqualTo("INC0000001");
                assertThat(e.transition()).isEqualTo("close");
                assertThat(e.from()).isEqualTo("IN_PROGRESS");
                assertThat(e.reason()).isEqualTo(RefusalReason.NO_SUCH_TRANSITION);
                assertThat(e.guard()).isEmpty();
                assertThat(e.allowed()).containsExactly("hold", "resolve", "cancel");
                assertThat(e.getMessage()).contains("has no transition 'close' from IN_PROGRESS");
            });
        }

        @Test
        void aRefusedGuardIsNamedInTheException() {
            Ticket t = newTicket(incident);
            assertThatThrownBy(() -> evaluate(incident, t, "resolve").orElseThrow(t))
                    .isInstanceOfSatisfying(TransitionRefusedException.class, e -> {
                        assertThat(e.rule()).isEqualTo("requires resolutionCode, resolutionNotes");
                        assertThat(e.guard()).contains("requires resolutionCode, resolutionNotes");
                        assertThat(e.reason()).isEqualTo(RefusalReason.GUARD_FAILED);
                    });
        }

        @Test
        void aClosedIncidentOffersNoTransitionAtAll() {
            Ticket closed = newTicket(incident).toBuilder().state(TicketState.of("CLOSED", StateCategory.CLOSED)).build();
            TransitionDecision.Refused refused = refused(evaluate(incident, closed, "reopen"));
            assertThat(refused.reason()).isEqualTo(RefusalReason.NO_SUCH_TRANSITION);
            assertThat(refused.allowed()).isEmpty();
        }

        @Test
        void aTicketInAStateTheLifecycleDoesNotDefineIsRefused() {
            Ticket odd = newTicket(incident).toBuilder().state(TicketState.of("TRIAGE", StateCategory.OPEN)).build();
            TransitionDecision.Refused refused = refused(evaluate(incident, odd, "start"));
            assertThat(refused.reason()).isEqualTo(RefusalReason.STATE_NOT_IN_LIFECYCLE);
            assertThat(refused.message()).contains("TRIAGE(OPEN) is not a state of lifecycle itil-incident v1");
            Ticket wrongCategory = newTicket(incident).toBuilder().state(TicketState.of("NEW", StateCategory.OPEN)).build();
            assertThat(refused(evaluate(incident, wrongCategory, "start")).reason())
                    .isEqualTo(RefusalReason.STATE_NOT_IN_LIFECYCLE);
            assertThat(incident.defines(wrongCategory.state())).isFalse();
        }

        @Test
        void evaluatingATicketOfAnotherKindIsAProgrammingError() {
            Ticket problem = newTicket(Lifecycles.itilProblem());
            assertThatThrownBy(() -> evaluate(incident, problem, "start")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("governs INCIDENT tickets, PRB0000001 is a PROBLEM");
        }

        @Test
        void theAllowedDecisionCarriesTheActionsOfTheTransition() {
            TransitionDecision.Allowed allowed = evaluate(incident, resolvable(newTicket(incident)), "resolve")
                    .orElseThrow(newTicket(incident));
            assertThat(allowed.from().name()).isEqualTo("NEW");
            assertThat(allowed.transition().name()).isEqualTo("resolve");
            assertThat(allowed.actions()).containsExactly(Action.clearField("holdReason"), Action.notify("incident-resolved"));
        }

        @Test
        void introspectionListsTheTransitionsOfEachState() {
            assertThat(incident.allowedFrom("NEW")).extracting(Transition::name).containsExactly("start", "resolve", "cancel");
            assertThat(incident.allowedFrom(TicketState.of("RESOLVED", StateCategory.RESOLVED))).extracting(Transition::name)
                    .containsExactly("reopen", "close");
            assertThat(incident.transition("ON_HOLD", "resume")).map(Transition::to).contains("IN_PROGRESS");
            assertThat(incident.transition("ON_HOLD", "start")).isEmpty();
            assertThatThrownBy(() -> incident.allowedFrom("LIMBO")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has no state 'LIMBO'");
            assertThatThrownBy(() -> incident.allowedFrom(TicketState.of("NEW", StateCategory.OPEN)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(incident.initialState()).isEqualTo(TicketState.of("NEW", StateCategory.NEW));
        }
    }

    @Nested
    class ServiceRequest {
        final Lifecycle request = Lifecycles.itilServiceRequest();

        Ticket awaitingApproval() {
            return take(request, newTicket(request), "submitForApproval");
        }

        @Test
        void anApprovedRequestIsFulfilledAndClosed() {
            Ticket t = awaitingApproval();
            assertThat(t.state()).isEqualTo(TicketState.of("AWAITING_APPROVAL", StateCategory.PENDING));
            t = take(request, withApprovals(t, Verdict.APPROVED, Verdict.APPROVED), "approve");
            assertThat(state(t)).isEqualTo("APPROVED");
            TransitionDecision.Allowed fulfil = evaluate(request, t, "fulfil").orElseThrow(t);
            assertThat(fulfil.actions()).containsExactly(Action.createTask("Fulfil the request", Optional.empty()));
            t = Fixtures.apply(t, fulfil);
            t = take(request, t, "complete");
            assertThat(t.state().category()).isEqualTo(StateCategory.RESOLVED);
            t = take(request, t, "reopen");
            assertThat(state(t)).isEqualTo("FULFILMENT");
            t = take(request, take(request, t, "complete"), "close");
            assertThat(t.state().category()).isEqualTo(StateCategory.CLOSED);
        }

        @Test
        void aRejectedRequestEndsRejected() {
            Ticket t = withApprovals(awaitingApproval(), Verdict.APPROVED, Verdict.REJECTED);
            assertRefusedByGuard(evaluate(request, t, "approve"), Guard.approved(ApprovalPolicy.all()),
                    "the approvals are REJECTED, not APPROVED");
            t = take(request, t, "reject");
            assertThat(t.state()).isEqualTo(TicketState.of("REJECTED", StateCategory.CANCELLED));
            assertThat(request.allowedFrom("REJECTED")).isEmpty();
        }

        @Test
        void approvingWhileAnApprovalIsPendingIsRefused() {
            Ticket t = withApprovals(awaitingApproval(), Verdict.APPROVED, null);
            assertRefusedByGuard(evaluate(request, t, "approve"), Guard.approved(ApprovalPolicy.all()),
                    "2 requested, 1 approved, 0 rejected, 1 pending; all approvers must approve");
            assertRefusedByGuard(evaluate(request, t, "reject"), Guard.rejected(ApprovalPolicy.all()), "PENDING");
        }

        @Test
        void approvingWithoutAnyApprovalAskedIsRefused() {
            assertRefusedByGuard(evaluate(request, awaitingApproval(), "approve"), Guard.approved(ApprovalPolicy.all()),
                    "no approval was requested");
        }

        @Test
        void underAnyOnePolicyTheFirstApprovalSuffices() {
            Lifecycle anyOne = Lifecycles.itilServiceRequest(ApprovalPolicy.anyOne());
            Ticket t = withApprovals(take(anyOne, newTicket(anyOne), "submitForApproval"), Verdict.APPROVED, null, null);
            assertThat(state(take(anyOne, t, "approve"))).isEqualTo("APPROVED");
        }

        @Test
        void fulfillingARequestBeforeItIsApprovedIsRefused() {
            assertThat(refused(evaluate(request, awaitingApproval(), "fulfil")).allowed()).containsExactly("approve", "reject");
        }
    }

    @Nested
    class Problem {
        final Lifecycle problem = Lifecycles.itilProblem();

        @Test
        void aProblemIsAnalysedRecordedAsKnownErrorResolvedReopenedAndClosed() {
            Ticket t = take(problem, take(problem, newTicket(problem), "assess"), "analyse");
            assertThat(state(t)).isEqualTo("ROOT_CAUSE_ANALYSIS");
            t = take(problem, withText(t, "workaround", "Restart the spooler"), "recordKnownError");
            assertThat(state(t)).isEqualTo("KNOWN_ERROR");
            assertThat(t.field("knownError")).as("recording a known error sets the flag").contains(new FieldValue.Bool(true));
            t = take(problem, withText(t, "rootCause", "Driver leak"), "resolve");
            assertThat(t.state().category()).isEqualTo(StateCategory.RESOLVED);
            t = take(problem, t, "reopen");
            assertThat(state(t)).isEqualTo("ROOT_CAUSE_ANALYSIS");
            t = take(problem, take(problem, t, "resolve"), "close");
            assertThat(t.state().category()).isEqualTo(StateCategory.CLOSED);
        }

        @Test
        void aKnownErrorCanBeRecordedStraightFromAssessment() {
            Ticket t = take(problem, newTicket(problem), "assess");
            assertThat(state(take(problem, withText(t, "workaround", "Use the other printer"), "recordKnownError")))
                    .isEqualTo("KNOWN_ERROR");
        }

        @Test
        void recordingAKnownErrorWithoutAWorkaroundIsRefused() {
            Ticket t = take(problem, newTicket(problem), "assess");
            assertRefusedByGuard(evaluate(problem, t, "recordKnownError"), Guard.requiresFields("workaround"), "workaround");
        }

        @Test
        void resolvingAProblemWithoutARootCauseIsRefused() {
            Ticket t = take(problem, take(problem, newTicket(problem), "assess"), "analyse");
            assertRefusedByGuard(evaluate(problem, t, "resolve"), Guard.requiresFields("rootCause"), "rootCause");
        }

        @Test
        void resolvingAProblemStillInAssessmentIsRefused() {
            Ticket t = withText(take(problem, newTicket(problem), "assess"), "rootCause", "Known");
            assertThat(refused(evaluate(problem, t, "resolve")).allowed()).containsExactly("analyse", "recordKnownError");
        }
    }

    @Nested
    class Change {
        final Lifecycle change = Lifecycles.itilChange();
        final Instant windowStart = T0.plus(Duration.ofDays(2));
        final TransitionAuthorizer cab = TransitionAuthorizer.granting(Map.of(Fixtures.MANAGER,
                Set.of(Lifecycles.EMERGENCY_CHANGE_AUTHORITY)));

        static final FieldValue CRITERIA = new FieldValue.Multi(List.of(new FieldValue.Text("Ping works")));

        /** A change in ASSESS with its type, plans, window and acceptance criteria: ready to ask for authorization. */
        Ticket assessed(String type) {
            Ticket t = take(change, withText(newTicket(change), "changeType", type), "assess");
            t = withText(withText(t, "implementationPlan", "Swap the switch"), "backoutPlan", "Swap it back");
            return with(withWindow(t, windowStart, Duration.ofHours(2)), "acceptanceCriteria", CRITERIA);
        }

        /** The go decision, taken by the transition that records it. */
        Ticket readyToImplement(Ticket scheduled) {
            return take(change, scheduled, "go");
        }

        TransitionDecision at(Ticket t, String transition, Instant now) {
            return change.evaluate(t, transition, AGENT, now, TransitionAuthorizer.permitAll());
        }

        @Test
        void aNormalChangeIsAuthorizedScheduledImplementedInItsWindowReviewedAndClosed() {
            Ticket t = take(change, assessed("NORMAL"), "requestAuthorization");
            assertThat(t.state()).isEqualTo(TicketState.of("AUTHORIZE", StateCategory.PENDING));
            t = withApprovals(t, Verdict.APPROVED, Verdict.APPROVED);
            t = take(change, t, "authorize");
            assertThat(state(t)).isEqualTo("SCHEDULED");
            t = readyToImplement(t);
            assertThat(state(t)).as("the go decision stays in SCHEDULED").isEqualTo("SCHEDULED");
            assertThat(t.field(Lifecycles.GO_NO_GO)).contains(new FieldValue.Text("GO"));
            t = Fixtures.apply(t, at(t, "implement", windowStart.plusSeconds(60)).orElseThrow(t));
            assertThat(state(t)).isEqualTo("IMPLEMENT");
            t = take(change, t, "complete");
            assertThat(t.state()).isEqualTo(TicketState.of("REVIEW", StateCategory.RESOLVED));
            assertRefusedByGuard(evaluate(change, t, "close"), Guard.requiresFields(Lifecycles.REVIEW_OUTCOME), "reviewOutcome");
            t = take(change, withText(t, Lifecycles.REVIEW_OUTCOME, "Successful"), "close");
            assertThat(t.state().category()).isEqualTo(StateCategory.CLOSED);
        }

        @Test
        void aStandardChangeIsPreApprovedAndSkipsAuthorization() {
            Ticket t = assessed("STANDARD");
            assertRefusedByGuard(evaluate(change, t, "requestAuthorization"),
                    Guard.when(dev.itsmkit.sla.Condition.not(dev.itsmkit.sla.Condition.fieldEquals("changeType",
                            new FieldValue.Text("STANDARD")))), "does not hold");
            t = take(change, t, "scheduleStandard");
            assertThat(state(t)).isEqualTo("SCHEDULED");
            t = readyToImplement(t);
            t = Fixtures.apply(t, at(t, "implement", windowStart).orElseThrow(t));
            t = take(change, t, "backOut");
            assertThat(state(t)).isEqualTo("REVIEW");
        }

        @Test
        void aNormalChangeCannotBeScheduledAsAStandardOne() {
            Ticket t = assessed("NORMAL");
            assertRefusedByGuard(evaluate(change, t, "scheduleStandard"), Guard.when(dev.itsmkit.sla.Condition.fieldEquals(
                    "changeType", new FieldValue.Text("STANDARD"))), "changeType = \"STANDARD\" does not hold");
        }

        @Test
        void requestingAuthorizationWithoutABackoutPlanIsRefused() {
            Ticket t = Fixtures.without(assessed("NORMAL"), "backoutPlan");
            assertRefusedByGuard(evaluate(change, t, "requestAuthorization"), Guard.requiresFields("implementationPlan",
                    "backoutPlan", "plannedStart", "plannedEnd", "acceptanceCriteria"), "the field backoutPlan is not set");
        }

        @Test
        void requestingAuthorizationWithoutThePlannedWindowOrTheAcceptanceCriteriaIsRefused() {
            Guard required = Guard.requiresFields("implementationPlan", "backoutPlan", "plannedStart", "plannedEnd",
                    "acceptanceCriteria");
            Ticket noWindow = Fixtures.without(Fixtures.without(assessed("NORMAL"), "plannedStart"), "plannedEnd");
            assertRefusedByGuard(evaluate(change, noWindow, "requestAuthorization"), required,
                    "plannedStart, plannedEnd are not set");
            Ticket noCriteria = Fixtures.without(assessed("EMERGENCY"), "acceptanceCriteria");
            assertRefusedByGuard(evaluate(change, noCriteria, "requestAuthorization"), required,
                    "the field acceptanceCriteria is not set");
            Ticket standard = Fixtures.without(assessed("STANDARD"), "acceptanceCriteria");
            assertRefusedByGuard(evaluate(change, standard, "scheduleStandard"),
                    Guard.requiresFields("plannedStart", "plannedEnd", "acceptanceCriteria"), "acceptanceCriteria");
        }

        @Test
        void anEmergencyChangeIsAuthorizedOnlyByTheEmergencyAuthority() {
            Ticket t = take(change, assessed("EMERGENCY"), "requestAuthorization");
            assertRefusedByGuard(change.evaluate(t, "authorizeEmergency", AGENT, T0, cab),
                    Guard.permission(Lifecycles.EMERGENCY_CHANGE_AUTHORITY), "does not hold the permission");
            TransitionDecision byAuthority = change.evaluate(t, "authorizeEmergency", Fixtures.MANAGER, T0, cab);
            assertThat(byAuthority.orElseThrow(t).to().name()).isEqualTo("SCHEDULED");
            assertThat(refused(change.evaluate(t, "authorize", Fixtures.MANAGER, T0, cab)).guard().orElseThrow())
                    .isInstanceOf(Guard.ConditionHolds.class);
        }

        @Test
        void aNormalChangeCannotTakeTheEmergencyRoute() {
            Ticket t = take(change, assessed("NORMAL"), "requestAuthorization");
            assertThat(refused(change.evaluate(t, "authorizeEmergency", Fixtures.MANAGER, T0, cab)).message())
                    .contains("changeType = \"EMERGENCY\" does not hold");
        }

        @Test
        void authorizingBeforeTheApprovalsAreInIsRefusedAndARejectionCancelsTheChange() {
            Ticket t = take(change, assessed("NORMAL"), "requestAuthorization");
            Ticket pending = withApprovals(t, Verdict.APPROVED, null);
            assertRefusedByGuard(evaluate(change, pending, "authorize"), Guard.approved(ApprovalPolicy.all()), "PENDING");
            Ticket rejected = withApprovals(t, Verdict.REJECTED, null);
            assertThat(take(change, rejected, "reject").state()).isEqualTo(TicketState.of("CANCELLED", StateCategory.CANCELLED));
        }

        @Test
        void implementationIsRefusedOutsideThePlannedWindow() {
            Ticket t = readyToImplement(take(change, assessed("STANDARD"), "scheduleStandard"));
            Instant end = windowStart.plus(Duration.ofHours(2));
            assertRefusedByGuard(at(t, "implement", windowStart.minusSeconds(1)), Guard.insidePlannedWindow(),
                    "is outside the planned window");
            assertRefusedByGuard(at(t, "implement", end), Guard.insidePlannedWindow(), "is outside the planned window");
            assertThat(at(t, "implement", end.minusNanos(1)).isAllowed()).isTrue();
        }

        @Test
        void implementationNeedsTheGoDecisionWhichOnlyTheGoNoGoAuthorityTakes() {
            Guard go = Guard.when(dev.itsmkit.sla.Condition.fieldEquals(Lifecycles.GO_NO_GO, new FieldValue.Text("GO")));
            Ticket scheduled = take(change, assessed("STANDARD"), "scheduleStandard");
            assertRefusedByGuard(at(scheduled, "implement", windowStart), go, "goNoGo = \"GO\" does not hold");
            TransitionAuthorizer authority = TransitionAuthorizer.granting(Map.of(Fixtures.MANAGER,
                    Set.of(Lifecycles.CHANGE_GO_NO_GO)));
            assertRefusedByGuard(change.evaluate(scheduled, "go", AGENT, windowStart, authority),
                    Guard.permission(Lifecycles.CHANGE_GO_NO_GO), "does not hold the permission");
            Ticket noGo = Fixtures.apply(scheduled, change.evaluate(scheduled, "noGo", Fixtures.MANAGER, windowStart, authority)
                    .orElseThrow(scheduled));
            assertThat(noGo.field(Lifecycles.GO_NO_GO)).contains(new FieldValue.Text("NO_GO"));
            assertRefusedByGuard(at(noGo, "implement", windowStart), go, "goNoGo = \"GO\" does not hold");
            Ticket withoutCriteria = Fixtures.without(scheduled, "acceptanceCriteria");
            assertRefusedByGuard(change.evaluate(withoutCriteria, "go", Fixtures.MANAGER, windowStart, authority),
                    Guard.requiresFields("acceptanceCriteria"), "acceptanceCriteria");
            Ticket goDecided = Fixtures.apply(noGo, change.evaluate(noGo, "go", Fixtures.MANAGER, windowStart, authority)
                    .orElseThrow(noGo));
            assertThat(at(goDecided, "implement", windowStart).isAllowed()).isTrue();
        }

        @Test
        void theChangeLocksItsTypeAfterNewAndWhatTheBoardApprovedFromAuthorizationOn() {
            assertThat(change.lockedFields(TicketState.of("NEW", StateCategory.NEW))).containsExactly(Lifecycles.GO_NO_GO);
            assertThat(change.lockedFields(TicketState.of("ASSESS", StateCategory.OPEN)))
                    .containsExactlyInAnyOrder(Lifecycles.GO_NO_GO, "changeType");
            for (String state : List.of("AUTHORIZE", "SCHEDULED", "IMPLEMENT", "REVIEW")) {
                assertThat(change.lockedFields(change.state(state).orElseThrow().ticketState())).as(state)
                        .containsExactlyInAnyOrder(Lifecycles.GO_NO_GO, "changeType", "implementationPlan", "backoutPlan",
                                "plannedStart", "plannedEnd", "acceptanceCriteria");
            }
            assertThat(change.lockedFields(TicketState.of("ASSESS", StateCategory.PENDING)))
                    .as("a state of another category is not the lifecycle's").isEmpty();
        }

        @Test
        void aChangeCanBeCancelledUntilItIsImplementedButNotAfter() {
            for (String from : List.of("NEW", "ASSESS", "AUTHORIZE", "SCHEDULED")) {
                Ticket t = newTicket(change).toBuilder().state(change.state(from).orElseThrow().ticketState()).build();
                assertThat(take(change, t, "cancel").state().category()).isEqualTo(StateCategory.CANCELLED);
            }
            Ticket implementing = newTicket(change).toBuilder().state(TicketState.of("IMPLEMENT", StateCategory.OPEN)).build();
            assertThat(refused(evaluate(change, implementing, "cancel")).allowed()).containsExactly("complete", "backOut");
        }

        @Test
        void thePlannedWindowGuardOnATicketOfAnotherKindRefuses() {
            Ticket incident = newTicket(Lifecycles.itilIncident());
            assertThat(Guard.insidePlannedWindow().check(incident, AGENT, T0, TransitionAuthorizer.permitAll()))
                    .hasValueSatisfying(m -> assertThat(m).contains("has no planned window"));
            Ticket unscheduled = newTicket(change);
            assertThat(Guard.insidePlannedWindow().check(unscheduled, AGENT, T0, TransitionAuthorizer.permitAll()))
                    .contains("the change has no planned window");
        }
    }

    @Test
    void aTaskIsWorkedThenClosedCompleteOrIncompleteOrCancelled() {
        Lifecycle task = Lifecycles.itilTask();
        assertThat(task.id()).isEqualTo("itil-task");
        assertThat(task.initialState().category()).isEqualTo(StateCategory.NEW);
        assertThat(task.states()).extracting(s -> s.name() + ":" + s.category()).containsExactly("OPEN:NEW",
                "IN_PROGRESS:OPEN", "PENDING:PENDING", "CLOSED_COMPLETE:CLOSED", "CLOSED_INCOMPLETE:CLOSED", "CANCELLED:CANCELLED");
        assertThat(task.allowedFrom("OPEN")).extracting(Transition::name).containsExactlyInAnyOrder("start", "complete", "cancel");
        assertThat(task.allowedFrom("PENDING")).extracting(Transition::name)
                .containsExactlyInAnyOrder("resume", "complete", "closeIncomplete", "cancel");
        assertThat(task.allowedFrom("CLOSED_COMPLETE")).isEmpty();
    }

    @Test
    void everyBuiltInLifecycleGovernsItsKind() {
        for (TicketKind kind : TicketKind.values()) {
            assertThat(Lifecycles.itil(kind).kind()).isEqualTo(kind);
            assertThat(Lifecycles.itil(kind)).isEqualTo(Lifecycles.itil(kind)).hasSameHashCodeAs(Lifecycles.itil(kind));
        }
    }

    @Test
    void aBuiltInLifecycleCanBeVariedThroughItsBuilder() {
        Lifecycle strict = Lifecycles.itilIncident().toBuilder().version(2).removeTransition("reopen")
                .transition(Transition.builder("reopen").from("RESOLVED").to("IN_PROGRESS")
                        .guard(Guard.permission("incident.reopen")))
                .build();
        assertThat(strict.version()).isEqualTo(2);
        Ticket resolved = newTicket(strict).toBuilder().state(TicketState.of("RESOLVED", StateCategory.RESOLVED)).build();
        assertThat(refused(strict.evaluate(resolved, "reopen", Party.person("caller"), T0, TransitionAuthorizer.denyAll()))
                .guard()).contains(Guard.permission("incident.reopen"));
        assertThat(strict).isNotEqualTo(Lifecycles.itilIncident());
    }
}
