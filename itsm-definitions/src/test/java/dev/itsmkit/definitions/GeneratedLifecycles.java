package dev.itsmkit.definitions;

import static dev.itsmkit.core.testing.DomainGenerators.drawing;

import dev.itsmkit.core.ChangeRisk;
import dev.itsmkit.core.ChangeType;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.HoldReason;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketField;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.testing.DomainGenerators;
import dev.itsmkit.core.testing.DomainGenerators.Draw;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.workflow.Action;
import dev.itsmkit.workflow.ApprovalPolicy;
import dev.itsmkit.workflow.Guard;
import dev.itsmkit.workflow.Lifecycle;
import dev.itsmkit.workflow.LifecycleState;
import dev.itsmkit.workflow.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.core.Gen;

/**
 * Valid lifecycles of every shape the builder takes: any kind, up to eight states of every category,
 * transitions from one or several states with every guard (conditions nested two deep, every
 * approval policy) and every action, custom fields declared. Validity comes from the construction:
 * a chain of transitions leads from the initial state through every state that is not final to a
 * final one, and every further final state is reached from a state of the chain.
 */
final class GeneratedLifecycles {
    private static final List<String> CUSTOM_FIELDS = List.of("vendorRef", "x.y", "site:code", "cost_centre@eu-1");
    private static final List<StateCategory> ACTIVE = Arrays.stream(StateCategory.values()).filter(c -> !c.isFinal()).toList();
    private static final List<StateCategory> FINAL = Arrays.stream(StateCategory.values()).filter(StateCategory::isFinal).toList();

    private GeneratedLifecycles() {}

    static Gen<Lifecycle> lifecycles() {
        return drawing(GeneratedLifecycles::lifecycle);
    }

    private static Lifecycle lifecycle(Draw d) {
        TicketKind kind = d.pick(TicketKind.class);
        List<String> custom = d.listOf(0, 3, drawing(x -> x.pick(CUSTOM_FIELDS))).stream().distinct().toList();
        List<String> fields = new ArrayList<>(custom);
        Arrays.stream(TicketField.values()).filter(f -> f.kinds().contains(kind)).map(TicketField::fieldName).forEach(fields::add);
        int active = d.between(1, 5);
        int finals = d.between(1, 3);
        List<LifecycleState> states = new ArrayList<>();
        for (int i = 0; i < active; i++) {
            Set<String> locked = new LinkedHashSet<>(d.listOf(0, 2, drawing(x -> x.pick(fields))));
            states.add(new LifecycleState("S" + i + (d.chance(20) ? "_x.y" : ""), d.pick(ACTIVE), i == 0, locked));
        }
        for (int i = 0; i < finals; i++) {
            states.add(new LifecycleState("F" + i, d.pick(FINAL), false));
        }
        List<String> names = states.stream().map(LifecycleState::name).toList();
        List<Transition> transitions = new ArrayList<>();
        int counter = 0;
        for (int i = 0; i < active; i++) {
            transitions.add(transition(d, "t" + counter++, List.of(names.get(i)), names.get(i + 1), kind, fields, names));
        }
        for (int i = 1; i < finals; i++) {
            transitions.add(transition(d, "t" + counter++, List.of(names.get(d.between(0, active - 1))), names.get(active + i),
                    kind, fields, names));
        }
        int extra = d.between(0, 4);
        for (int i = 0; i < extra; i++) {
            Set<String> from = new LinkedHashSet<>(d.listOf(1, 3, drawing(x -> names.get(x.between(0, active - 1)))));
            transitions.add(transition(d, d.chance(30) ? "go-" + i : "t" + counter++, List.copyOf(from),
                    d.pick(names), kind, fields, names));
        }
        Lifecycle.Builder builder = Lifecycle.builder(d.pick(List.of("gen", "tenant-a.incident", "x_y:z@w-1")), kind)
                .version(d.between(1, 50)).customFields(custom.toArray(String[]::new));
        states.forEach(builder::state);
        transitions.forEach(builder::transition);
        return builder.build();
    }

    private static Transition transition(Draw d, String name, List<String> from, String to, TicketKind kind,
            List<String> fields, List<String> states) {
        Transition.Builder t = Transition.builder(name).from(from.toArray(String[]::new)).to(to);
        int guards = d.between(0, 3);
        for (int i = 0; i < guards; i++) {
            t.guard(guard(d, kind, fields, states));
        }
        int actions = d.between(0, 3);
        for (int i = 0; i < actions; i++) {
            t.action(action(d, fields));
        }
        return t.build();
    }

    private static Guard guard(Draw d, TicketKind kind, List<String> fields, List<String> states) {
        return switch (d.between(0, kind == TicketKind.CHANGE ? 6 : 5)) {
            case 0 -> Guard.requiresFields(d.listOf(1, 3, drawing(x -> x.pick(fields))).stream().distinct()
                    .toArray(String[]::new));
            case 1 -> Guard.when(condition(d, fields, states, 2));
            case 2 -> Guard.approved(policy(d));
            case 3 -> Guard.rejected(policy(d));
            case 4 -> Guard.permission(d.pick(List.of("incident.cancel", "change.emergency-authority", "p")));
            case 5 -> Guard.childrenFinished();
            default -> Guard.insidePlannedWindow();
        };
    }

    private static ApprovalPolicy policy(Draw d) {
        return switch (d.between(0, 3)) {
            case 0 -> ApprovalPolicy.anyOne();
            case 1 -> ApprovalPolicy.all();
            case 2 -> ApprovalPolicy.sequence();
            default -> ApprovalPolicy.quorum(d.between(1, 9));
        };
    }

    private static Condition condition(Draw d, List<String> fields, List<String> states, int depth) {
        int forms = depth == 0 ? 5 : 8;
        return switch (d.between(0, forms)) {
            case 0 -> Condition.category(d.listOf(1, 3, drawing(x -> x.pick(StateCategory.class))).stream().distinct()
                    .toArray(StateCategory[]::new));
            case 1 -> Condition.state(d.listOf(1, 3, drawing(x -> x.pick(states))).stream().distinct().toArray(String[]::new));
            case 2 -> Condition.priority(d.listOf(1, 3, drawing(x -> new Priority(x.between(1, Priority.MAX_LEVEL))))
                    .stream().distinct().toArray(Priority[]::new));
            case 3 -> Condition.fieldEquals(d.pick(fields), d.of(DomainGenerators.fieldValues()));
            case 4 -> Condition.fieldIn(d.pick(fields), d.listOf(1, 3, DomainGenerators.fieldValues()));
            case 5 -> Condition.fieldPresent(d.pick(fields), d.chance(50));
            case 6 -> Condition.all(d.listOf(1, 3, drawing(x -> condition(x, fields, states, depth - 1)))
                    .toArray(Condition[]::new));
            case 7 -> Condition.any(d.listOf(1, 3, drawing(x -> condition(x, fields, states, depth - 1)))
                    .toArray(Condition[]::new));
            default -> Condition.not(condition(d, fields, states, depth - 1));
        };
    }

    /** The built-in fields a ticket always has, which a lifecycle may set but not clear. */
    private static final Set<String> REQUIRED = Set.of("title", "changeType", "risk");

    /** A value a built-in field takes (the validator checks set-field values against the field). */
    private static FieldValue valueOf(Draw d, TicketField field) {
        return switch (field) {
            case MAJOR, KNOWN_ERROR -> new FieldValue.Bool(d.chance(50));
            case HOLD_REASON -> FieldValue.of(d.pick(HoldReason.class).name());
            case CHANGE_TYPE -> FieldValue.of(d.pick(ChangeType.class).name());
            case RISK -> FieldValue.of(d.pick(ChangeRisk.class).name());
            case PLANNED_START, PLANNED_END -> new FieldValue.Timestamp(Instant.parse("2026-03-02T09:00:00Z")
                    .plusSeconds(60L * d.between(0, 10_000)));
            case CONFIGURATION_ITEMS, ACCEPTANCE_CRITERIA -> new FieldValue.Multi(List.of(FieldValue.of("ci-" + d.between(1, 9))));
            case REQUESTED_FOR -> FieldValue.of(d.of(DomainGenerators.persons()).toString());
            case SERVICE, CATALOGUE_ITEM -> FieldValue.of(d.pick(List.of("mail", "vpn.eu", "laptop-14")));
            default -> FieldValue.of(d.pick(List.of("Restarted the service", "n/a", "Step 1: check the logs")));
        };
    }

    private static Action action(Draw d, List<String> fields) {
        return switch (d.between(0, 4)) {
            case 0 -> {
                String field = d.pick(fields);
                yield Action.setField(field, TicketField.byName(field).map(f -> valueOf(d, f))
                        .orElseGet(() -> d.of(DomainGenerators.fieldValues())));
            }
            case 1 -> Action.clearField(d.pick(fields.stream().filter(f -> !REQUIRED.contains(f)).toList()));
            case 2 -> Action.assign(d.chance(50) ? d.of(DomainGenerators.persons())
                    : d.chance(50) ? d.of(DomainGenerators.groups()) : Party.system("robot-1"));
            case 3 -> Action.createTask(d.of(DomainGenerators.lines(80)),
                    d.chance(50) ? Optional.of(d.of(DomainGenerators.groups())) : Optional.empty());
            default -> Action.notify(d.pick(List.of("incident-resolved", "n.x@y", "a")));
        };
    }
}
