package dev.itsmkit.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.workflow.Action;
import dev.itsmkit.workflow.ApprovalPolicy;
import dev.itsmkit.workflow.Guard;
import dev.itsmkit.workflow.Lifecycle;
import dev.itsmkit.workflow.Transition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every form of the document, read by hand-written YAML and JSON and compared with the builder's lifecycle. */
class LifecycleDocumentFormsTest {
    private static final String EVERY_FORM = """
            format: 1
            id: every-form
            version: 3
            kind: CHANGE
            customFields: [goNoGo, site]
            states:
              - {name: NEW, category: NEW, initial: true}
              - {name: WORK, category: OPEN, lockedFields: [site, implementationPlan]}
              - {name: WAIT, category: PENDING}
              - {name: CHECK, category: RESOLVED}
              - {name: DONE, category: CLOSED}
              - {name: DROPPED, category: CANCELLED}
            transitions:
              - name: start
                from: NEW
                to: WORK
                guards:
                  - requiresFields: [implementationPlan, site]
                  - when: {field: goNoGo, equals: GO}
                  - when: {field: site, in: ["A", 2, true, {timestamp: "2026-03-01T09:30:00Z"}, {date: "2026-03-01"}]}
                  - when: {field: site, present: false}
                  - when: {field: goNoGo, equals: [x, 1.50]}
                  - when:
                      all:
                        - category: [NEW, OPEN]
                        - any: [{state: [NEW]}, {priority: [P1, P2]}]
                        - not: {field: risk, present: true}
                  - approved: anyOne
                  - approved: all
                  - rejected: sequence
                  - approved: {quorum: 2}
                  - permission: change.start
                  - insidePlannedWindow: true
                  - childrenFinished: true
                actions:
                  - setField: {field: site, value: "B"}
                  - setField: {field: goNoGo, value: {date: "2026-12-24"}}
                  - clearField: site
                  - assign: group:cab
                  - assign: person:alice
                  - createTask: {title: Check the backups}
                  - createTask: {title: Tell the vendor, group: "group:network"}
                  - notify: change-started
              - {name: wait, from: [WORK], to: WAIT}
              - {name: check, from: [WORK, WAIT], to: CHECK}
              - {name: close, from: CHECK, to: DONE}
              - {name: drop, from: [NEW, WORK, WAIT, CHECK], to: DROPPED}
            """;

    private static Lifecycle everyFormBuilt() {
        return Lifecycle.builder("every-form", TicketKind.CHANGE).version(3).customFields("goNoGo", "site")
                .initialState("NEW", StateCategory.NEW)
                .state("WORK", StateCategory.OPEN)
                .lockFields("WORK", "implementationPlan", "site")
                .state("WAIT", StateCategory.PENDING)
                .state("CHECK", StateCategory.RESOLVED)
                .state("DONE", StateCategory.CLOSED)
                .state("DROPPED", StateCategory.CANCELLED)
                .transition(Transition.builder("start").from("NEW").to("WORK")
                        .guard(Guard.requiresFields("implementationPlan", "site"),
                                Guard.when(Condition.fieldEquals("goNoGo", new FieldValue.Text("GO"))),
                                Guard.when(Condition.fieldIn("site", List.of(new FieldValue.Text("A"),
                                        new FieldValue.Number(BigDecimal.valueOf(2)), new FieldValue.Bool(true),
                                        new FieldValue.Timestamp(Instant.parse("2026-03-01T09:30:00Z")),
                                        new FieldValue.Date(LocalDate.parse("2026-03-01"))))),
                                Guard.when(Condition.fieldPresent("site", false)),
                                Guard.when(Condition.fieldEquals("goNoGo", new FieldValue.Multi(List.of(
                                        new FieldValue.Text("x"), new FieldValue.Number(new BigDecimal("1.5")))))),
                                Guard.when(Condition.all(Condition.category(StateCategory.NEW, StateCategory.OPEN),
                                        Condition.any(Condition.state("NEW"), Condition.priority(new Priority(1), new Priority(2))),
                                        Condition.not(Condition.fieldPresent("risk", true)))),
                                Guard.approved(ApprovalPolicy.anyOne()),
                                Guard.approved(ApprovalPolicy.all()),
                                Guard.rejected(ApprovalPolicy.sequence()),
                                Guard.approved(ApprovalPolicy.quorum(2)),
                                Guard.permission("change.start"),
                                Guard.insidePlannedWindow(),
                                Guard.childrenFinished())
                        .action(Action.setField("site", new FieldValue.Text("B")),
                                Action.setField("goNoGo", new FieldValue.Date(LocalDate.parse("2026-12-24"))),
                                Action.clearField("site"),
                                Action.assign(Party.group("cab")),
                                Action.assign(Party.person("alice")),
                                Action.createTask("Check the backups", Optional.empty()),
                                Action.createTask("Tell the vendor", Optional.of(Party.group("network"))),
                                Action.notify("change-started")))
                .transition(Transition.builder("wait").from("WORK").to("WAIT"))
                .transition(Transition.builder("check").from("WORK", "WAIT").to("CHECK"))
                .transition(Transition.builder("close").from("CHECK").to("DONE"))
                .transition(Transition.builder("drop").from("NEW", "WORK", "WAIT", "CHECK").to("DROPPED"))
                .build();
    }

    @Test
    void everyGuardConditionPolicyAndActionOfTheBuilderHasADocumentForm() {
        assertThat(LifecycleDefinitions.read(EVERY_FORM, DefinitionFormat.YAML)).isEqualTo(everyFormBuilt());
    }

    @Test
    void theSameDocumentInJsonSaysTheSame() {
        String json = LifecycleDefinitions.write(everyFormBuilt(), DefinitionFormat.JSON);
        assertThat(json).contains("\"insidePlannedWindow\" : true", "\"childrenFinished\" : true",
                "\"quorum\" : 2", "\"timestamp\" : \"2026-03-01T09:30:00Z\"");
        assertThat(LifecycleDefinitions.read(json, DefinitionFormat.JSON)).isEqualTo(everyFormBuilt());
    }

    @Test
    void formatAndVersionMayBeLeftOutAndInitialDefaultsToFalse() {
        Lifecycle lifecycle = LifecycleDefinitions.read("""
                {"id": "tiny", "kind": "INCIDENT",
                 "states": [{"name": "A", "category": "NEW", "initial": true}, {"name": "B", "category": "CLOSED"}],
                 "transitions": [{"name": "finish", "from": "A", "to": "B"}]}
                """, DefinitionFormat.JSON);
        assertThat(lifecycle.version()).isEqualTo(1);
        assertThat(lifecycle.state("B")).get().extracting(s -> s.initial()).isEqualTo(false);
        assertThat(lifecycle.initialState().name()).isEqualTo("A");
    }
}
