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
