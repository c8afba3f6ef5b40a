package dev.itsmkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Violation;
import dev.itsmkit.sla.Condition;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LifecycleValidationTest {

    /** A minimal valid incident lifecycle: OPEN -> DONE. */
    static Lifecycle.Builder valid() {
        return Lifecycle.builder("mini", TicketKind.INCIDENT)
                .initialState("OPEN", StateCategory.OPEN)
                .state("DONE", StateCategory.CLOSED)
                .transition(Transition.builder("finish").from("OPEN").to("DONE"));
    }

    static List<Violation> violationsOf(UnaryOperator<Lifecycle.Builder> change) {
        try {
            change.apply(valid()).build();
        } catch (ValidationException e) {
            assertThat(e.subject()).startsWith("lifecycle mini v");
            return e.violations();
        }
        throw new AssertionError("the lifecycle was expected to be refused");
    }

    static Violation at(String path, List<Violation> violations) {
        return violations.stream().filter(v -> v.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no violation at " + path + " in " + violations));
    }

    @Test
    void theMinimalLifecycleIsValid() {
        Lifecycle mini = valid().build();
        assertThat(mini.states()).hasSize(2);
        assertThat(mini.toBuilder().build()).isEqualTo(mini);
    }

    @Test
    void aTransitionToAnUnknownStateIsReportedAtItsTarget() {
        List<Violation> v = violationsOf(b -> b.transition(Transition.builder("escalate").from("OPEN").to("ESCALATED")));
        assertThat(at("transitions[1].to", v).invalidValue()).isEqualTo("ESCALATED");
        assertThat(at("transitions[1].to", v).message()).contains("is not a state of the lifecycle").contains("[OPEN, DONE]");
    }

    @Test
    void aTransitionFromAnUnknownStateIsReportedAtItsSource() {
        List<Violation> v = violationsOf(b -> b.transition(Transition.builder("park").from("OPEN", "LIMBO").to("DONE")));
        assertThat(at("transitions[1].from[1]", v).invalidValue()).isEqualTo("LIMBO");
    }

    @Test
    void aLifecycleWithoutAnInitialStateIsRefused() {
        List<Violation> v = violationsOf(b -> Lifecycle.builder("mini", TicketKind.INCIDENT).state("OPEN", StateCategory.OPEN)
                .state("DONE", StateCategory.CLOSED).transition(Transition.builder("finish").from("OPEN").to("DONE")));
        assertThat(at("states", v).message()).contains("no state is initial");
    }

    @Test
    void aLifecycleWithSeveralInitialStatesIsRefused() {
        List<Violation> v = violationsOf(b -> b.initialState("TRIAGE", StateCategory.NEW)
                .transition(Transition.builder("finish").from("TRIAGE").to("DONE")));
        assertThat(at("states", v).invalidValue()).isEqualTo("OPEN, TRIAGE");
        assertThat(at("states", v).message()).contains("several states are initial");
    }

    @Test
    void aLifecycleWithoutStatesIsRefused() {
        List<Violation> v = violationsOf(b -> Lifecycle.builder("mini", TicketKind.INCIDENT));
        assertThat(at("states", v).message()).contains("at least one state");
    }

    @Test
    void aStateNamedTwiceIsRefused() {
        List<Violation> v = violationsOf(b -> b.state("DONE", StateCategory.CANCELLED));
        assertThat(at("states[2].name", v).invalidValue()).isEqualTo("DONE");
    }

    @Test
    void anUnreachableStateIsReportedByName() {
        List<Violation> v = violationsOf(b -> b.state("ORPHAN", StateCategory.OPEN)
                .transition(Transition.builder("abandon").from("ORPHAN").to("DONE")));
        assertThat(at("states.ORPHAN", v).message()).isEqualTo("cannot be reached from the initial state OPEN by any transition");
        assertThat(v).hasSize(1);
    }

    @Test
    void aStateWithNoWayToAFinalStateIsReportedByName() {
        List<Violation> v = violationsOf(b -> b.state("STUCK", StateCategory.PENDING)
                .transition(Transition.builder("wait").from("OPEN").to("STUCK")));
        assertThat(at("states.STUCK", v).message()).contains("has no way to a final state (DONE)");
        assertThat(v).hasSize(1);
    }

    @Test
    void aLifecycleWithoutAFinalStateIsRefusedAndEveryStateIsReported() {
        List<Violation> v = violationsOf(b -> Lifecycle.builder("mini", TicketKind.INCIDENT)
                .initialState("OPEN", StateCategory.OPEN).state("SOLVED", StateCategory.RESOLVED)
                .transition(Transition.builder("solve").from("OPEN").to("SOLVED")));
        assertThat(at("states", v).message()).contains("no state is final");
    }

    @Test
    void aResolvedStateDoesNotCountAsFinal() {
        List<Violation> v = violationsOf(b -> b.state("SOLVED", StateCategory.RESOLVED)
                .transition(Transition.builder("solve").from("OPEN").to("SOLVED")));
        assertThat(at("states.SOLVED", v).message()).contains("has no way to a final state");
    }

    @Test
    void aTransitionLeavingAFinalStateIsRefused() {
        List<Violation> v = violationsOf(b -> b.transition(Transition.builder("reopen").from("DONE").to("OPEN")));
        assertThat(at("transitions[1].from[0]", v).message()).contains("is a final state (CLOSED)");
    }

    @Test
    void twoTransitionsOfOneNameFromOneStateAreRefused() {
        List<Violation> v = violationsOf(b -> b.state("GONE", StateCategory.CANCELLED)
                .transition(Transition.builder("finish").from("OPEN").to("GONE")));
        assertThat(at("transitions[1].name", v).message()).isEqualTo("a transition of this name leaves OPEN already: transitions[0]");
    }

    @Test
    void transitionsOfOneNameFromDifferentStatesAreFine() {
        Lifecycle lifecycle = valid().state("WAITING", StateCategory.PENDING)
                .transition(Transition.builder("wait").from("OPEN").to("WAITING"))
                .transition(Transition.builder("finish").from("WAITING").to("DONE")).build();
        assertThat(lifecycle.allowedFrom("WAITING")).extracting(Transition::name).containsExactly("finish");
    }

    @Test
    void aGuardOnABuiltInFieldOfAnotherKindIsRefused() {
        List<Violation> v = violationsOf(b -> b.transition(Transition.builder("fix").from("OPEN").to("DONE")
                .guard(Guard.requiresFields("resolutionCode", "workaround"))));
        assertThat(at("transitions[1].guards[0].fields[1]", v).message()).isEqualTo("is a built-in field of [PROBLEM], not of a INCIDENT");
        assertThat(v).hasSize(1);
    }

    @Test
    void aGuardOnAnUndeclaredCustomFieldIsRefusedAndADeclaredOneAccepted() {
        UnaryOperator<Lifecycle.Builder> guarded = b -> b.transition(Transition.builder("fix").from("OPEN").to("DONE")
                .guard(Guard.requiresFields("vendorTicket")));
        List<Violation> v = violationsOf(guarded);
        assertThat(at("transitions[1].guards[0].fields[0]", v).message())
                .contains("is neither a built-in field of a INCIDENT nor a custom field the lifecycle declares");
        assertThat(guarded.apply(valid().customFields("vendorTicket")).build().customFields()).containsExactly("vendorTicket");
    }

    @Test
    void conditionsAreSearchedForFieldsAndStatesTheLifecycleDoesNotKnow() {
        List<Violation> v = violationsOf(b -> b.transition(Transition.builder("fix").from("OPEN").to("DONE")
                .guard(Guard.when(Condition.all(Condition.priority(dev.itsmkit.core.Priority.of(1)),
                        Condition.not(Condition.any(Condition.fieldPresent("riskScore", true),
                                Condition.fieldEquals("changeType", new FieldValue.Text("NORMAL")),
                                Condition.state("LIMBO"))))))));
        assertThat(v).extracting(Violation::path).containsOnly("transitions[1].guards[0].condition");
        assertThat(v).extracting(Violation::invalidValue).containsExactly("riskScore", "changeType", "LIMBO");
    }

    @Test
    void aSetFieldActionOnAFieldTheKindDoesNotHaveIsRefused() {
        List<Violation> v = violationsOf(b -> b.transition(Transition.builder("fix").from("OPEN").to("DONE")
                .action(Action.notify("fixed"), Action.setField("knownError", new FieldValue.Bool(true)))));
        assertThat(at("transitions[1].actions[1]", v).invalidValue()).isEqualTo("knownError");
    }

    @Test
    void aSetFieldValueThatTheFieldDoesNotTakeIsRefusedWhenTheLifecycleIsBuilt() {
        List<Violation> v = violationsOf(b -> b.transition(Transition.builder("hold").from("OPEN").to("DONE")
                .action(Action.setField("holdReason", new FieldValue.Text("BOGUS")),
                        Action.setField("major", new FieldValue.Text("yes")),
                        Action.setField("holdReason", new FieldValue.Text("AWAITING_VENDOR")),
                        Action.setField("major", new FieldValue.Bool(true)),
                        Action.clearField("title"),
                        Action.clearField("holdReason"),
                        Action.setField("service", new FieldValue.Text("bad id!")))));
        assertThat(v).extracting(Violation::path).containsExactly("transitions[1].actions[0].value",
                "transitions[1].actions[1].value", "transitions[1].actions[4].value", "transitions[1].actions[6].value");
        assertThat(v.get(0).invalidValue()).isEqualTo("\"BOGUS\"");
        assertThat(v.get(0).message()).isEqualTo("is not one of the values of holdReason: [AWAITING_CALLER, AWAITING_VENDOR,"
                + " AWAITING_CHANGE, AWAITING_PROBLEM]");
        assertThat(v.get(1).message()).contains("must be a Bool value, got a Text");
        assertThat(v.get(2).invalidValue()).isEqualTo("(cleared)");
        assertThat(v.get(2).message()).contains("is required and cannot be removed");
        assertThat(v.get(3).invalidValue()).isEqualTo("\"bad id!\"");
    }

    @Test
    void aChangesTypeAndRiskAreCheckedAgainstTheirValues() {
        UnaryOperator<Lifecycle.Builder> change = b -> b.transition(Transition.builder("plan").from("NEW").to("DONE")
                .action(Action.setField("changeType", new FieldValue.Text("QUICK")),
                        Action.setField("risk", new FieldValue.Text("HIGH")),
                        Action.setField("plannedStart", new FieldValue.Timestamp(java.time.Instant.parse("2026-03-02T09:00:00Z"))),
                        Action.setField("plannedEnd", new FieldValue.Text("tomorrow"))));
        Lifecycle.Builder changes = Lifecycle.builder("mini", TicketKind.CHANGE).initialState("NEW", StateCategory.NEW)
                .state("DONE", StateCategory.CLOSED);
        assertThatThrownBy(() -> change.apply(changes).build()).isInstanceOfSatisfying(ValidationException.class,
                e -> {
                    assertThat(e.violations()).extracting(Violation::path).containsExactly("transitions[0].actions[0].value",
                            "transitions[0].actions[3].value");
                    assertThat(e.violations().get(0).message()).contains("[STANDARD, NORMAL, EMERGENCY]");
                    assertThat(e.violations().get(1).message()).contains("must be a Timestamp value, got a Text");
                });
    }

    @Test
    void aConditionMayReadTheNamesDerivedFromEveryTicket() {
        Lifecycle lifecycle = valid().transition(Transition.builder("fix").from("OPEN").to("DONE")
                .guard(Guard.when(Condition.all(Condition.kind(TicketKind.INCIDENT),
                        Condition.requester(dev.itsmkit.core.Party.person("alice")),
                        Condition.service(dev.itsmkit.core.ServiceId.of("mail")),
                        Condition.fieldPresent("lastPublicUpdate", true),
                        Condition.fieldEquals("assignmentGroup", new FieldValue.Text("group:network")),
                        Condition.fieldPresent("assignee", false))))).build();
        dev.itsmkit.core.Ticket alices = dev.itsmkit.core.Ticket.builder(dev.itsmkit.core.TenantId.of("acme"),
                dev.itsmkit.core.TicketId.of("t-1"), new dev.itsmkit.core.TicketNumber(TicketKind.INCIDENT, 1))
                .title("Mail").state(new dev.itsmkit.core.TicketState("OPEN", StateCategory.OPEN))
                .requester(dev.itsmkit.core.Party.person("alice")).service(java.util.Optional.of(dev.itsmkit.core.ServiceId.of("mail")))
                .assignmentGroup(java.util.Optional.of(dev.itsmkit.core.Party.group("network")))
                .journal(List.of(new dev.itsmkit.core.JournalEntry(dev.itsmkit.core.JournalEntryKind.PUBLIC_COMMENT,
                        dev.itsmkit.core.Party.person("agent"), Fixtures.T0, "On it", List.of())))
                .createdAt(Fixtures.T0).build();
        assertThat(lifecycle.evaluate(alices, "fix", Fixtures.AGENT, Fixtures.T0, TransitionAuthorizer.permitAll()))
                .isInstanceOf(TransitionDecision.Allowed.class);
        dev.itsmkit.core.Ticket bobs = alices.toBuilder().requester(dev.itsmkit.core.Party.person("bob")).build();
        assertThat(lifecycle.evaluate(bobs, "fix", Fixtures.AGENT, Fixtures.T0, TransitionAuthorizer.permitAll()))
                .isInstanceOfSatisfying(TransitionDecision.Refused.class,
                        r -> assertThat(r.message()).contains("does not hold"));
    }

    @Test
    void aDerivedNameCannotBeRequiredOrSetAndTheRefusalSaysWhy() {
        List<Violation> v = violationsOf(b -> b.transition(Transition.builder("fix").from("OPEN").to("DONE")
                .guard(Guard.requiresFields("requester"))
                .action(Action.setField("kind", new FieldValue.Text("PROBLEM")))));
        assertThat(at("transitions[1].guards[0].fields[0]", v).message())
                .startsWith("is a name derived from the ticket (one of [kind, requester, assignee, assignmentGroup,"
                        + " lastPublicUpdate]), which only a condition can read");
        assertThat(at("transitions[1].actions[0]", v).invalidValue()).isEqualTo("kind");
    }

    @Test
    void aPlannedWindowGuardOutsideAChangeLifecycleIsRefused() {
        List<Violation> v = violationsOf(b -> b.transition(Transition.builder("fix").from("OPEN").to("DONE")
                .guard(Guard.insidePlannedWindow())));
        assertThat(at("transitions[1].guards[0]", v).message()).contains("only a change has a planned window");
    }

    @Test
    void aCustomFieldMayNotTakeTheNameOfABuiltInField() {
        List<Violation> v = violationsOf(b -> b.customFields("title", "bad name"));
        assertThat(at("customFields.title", v).message()).isEqualTo("is the name of a built-in field");
        assertThat(at("customFields", v).invalidValue()).isEqualTo("bad name");
    }

    @Test
    void theVersionCountsFromOne() {
        assertThat(at("version", violationsOf(b -> b.version(0))).invalidValue()).isEqualTo("0");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() {
        assertThatThrownBy(() -> valid().state("ORPHAN", StateCategory.OPEN)
                .transition(Transition.builder("finish").from("OPEN").to("NOWHERE"))
                .transition(Transition.builder("fix").from("OPEN").to("DONE").guard(Guard.requiresFields("rootCause")))
                .build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(Violation::path)
                        .containsExactly("transitions[1].name", "transitions[1].to", "transitions[2].guards[0].fields[0]",
                                "states.ORPHAN", "states.ORPHAN"))
                .hasMessageContaining("lifecycle mini v1 for INCIDENT is invalid: 5 violations");
    }

    @Test
    void programmingErrorsInTheDefinitionFailFast() {
        assertThatThrownBy(() -> Lifecycle.builder("bad id", TicketKind.INCIDENT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transition.builder("t").to("X").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least one state to leave from");
        assertThatThrownBy(() -> Transition.builder("t").from("X").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a target state");
        assertThatThrownBy(() -> Guard.requiresFields()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Guard.requiresFields("a", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Action.assign(dev.itsmkit.core.Party.organization("acme")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Action.createTask("two\nlines", java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Action.createTask("ok", java.util.Optional.of(dev.itsmkit.core.Party.person("bob"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApprovalPolicy.quorum(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
