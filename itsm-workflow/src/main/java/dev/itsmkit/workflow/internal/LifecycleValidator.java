package dev.itsmkit.workflow.internal;

import dev.itsmkit.core.ChangeRisk;
import dev.itsmkit.core.ChangeType;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.HoldReason;
import dev.itsmkit.core.Identifier;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketField;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Violation;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.sla.TicketView;
import dev.itsmkit.workflow.Action;
import dev.itsmkit.workflow.Guard;
import dev.itsmkit.workflow.LifecycleState;
import dev.itsmkit.workflow.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Checks a lifecycle definition whole and reports every problem with its path. Runs once per
 * definition, so it favours clear messages over speed: O(states + transitions) graph walks.
 */
public final class LifecycleValidator {
    /** The identity of the probe tickets set-field values are written to (see {@link #checkValue}). */
    private static final TenantId PROBE_TENANT = TenantId.of("lifecycle-validation");
    private static final TicketId PROBE_ID = TicketId.of("probe");

    private LifecycleValidator() {}

    /**
     * Validates a definition.
     *
     * @param kind the kind of ticket it governs
     * @param version its version
     * @param states its states, in order
     * @param transitions its transitions, in order
     * @param customFields the custom fields it declares
     * @return every violation found, in a stable order; empty if the definition is valid
     */
    public static List<Violation> validate(TicketKind kind, int version, List<LifecycleState> states,
            List<Transition> transitions, Collection<String> customFields) {
        List<Violation> violations = new ArrayList<>();
        if (version < 1) {
            violations.add(new Violation("version", Integer.toString(version), "must be 1 or more"));
        }
        Map<String, LifecycleState> byName = new LinkedHashMap<>();
        List<String> initial = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            LifecycleState state = states.get(i);
            if (byName.putIfAbsent(state.name(), state) != null) {
                violations.add(new Violation("states[" + i + "].name", state.name(), "is the name of another state already"));
                continue;
            }
            if (state.initial()) {
                initial.add(state.name());
            }
        }
        if (states.isEmpty()) {
            violations.add(new Violation("states", "", "a lifecycle needs at least one state"));
        } else if (initial.isEmpty()) {
            violations.add(new Violation("states", "", "no state is initial; exactly one must be, the state new tickets start in"));
        } else if (initial.size() > 1) {
            violations.add(new Violation("states", String.join(", ", initial),
                    "several states are initial; exactly one must be, the state new tickets start in"));
        }
        if (!states.isEmpty() && states.stream().noneMatch(s -> s.category().isFinal())) {
            violations.add(new Violation("states", "", "no state is final (of category CLOSED or CANCELLED);"
                    + " a ticket must be able to finish"));
        }
        for (String field : customFields) {
            if (!Identifier.isValid(field)) {
                violations.add(new Violation("customFields", Identifier.printable(field), "is not a valid field name: "
                        + "1 to " + Identifier.MAX_LENGTH + " letters, digits and . _ : @ -, starting with a letter or digit"));
            } else if (TicketField.isReserved(field)) {
                violations.add(new Violation("customFields." + field, field, "is the name of a built-in field"));
            }
        }
        FieldCheck fields = new FieldCheck(kind, Set.copyOf(customFields), violations);
        checkLockedFields(states, fields);
        Map<String, Integer> firstByStateAndName = new HashMap<>();
        for (int i = 0; i < transitions.size(); i++) {
            Transition t = transitions.get(i);
            String path = "transitions[" + i + "]";
            for (int j = 0; j < t.from().size(); j++) {
                String from = t.from().get(j);
                LifecycleState state = byName.get(from);
                if (state == null) {
                    violations.add(new Violation(path + ".from[" + j + "]", from, "is not a state of the lifecycle; states: "
                            + byName.keySet()));
                    continue;
                }
                if (state.category().isFinal()) {
                    violations.add(new Violation(path + ".from[" + j + "]", from, "is a final state (" + state.category()
                            + "); no transition may leave it"));
                }
                Integer first = firstByStateAndName.putIfAbsent(from + "\u0000" + t.name(), i);
                if (first != null) {
                    violations.add(new Violation(path + ".name", t.name(), "a transition of this name leaves " + from
                            + " already: transitions[" + first + "]"));
                }
            }
            if (!byName.containsKey(t.to())) {
                violations.add(new Violation(path + ".to", t.to(), "is not a state of the lifecycle; states: " + byName.keySet()));
            }
            for (int j = 0; j < t.guards().size(); j++) {
                checkGuard(t.guards().get(j), path + ".guards[" + j + "]", kind, byName.keySet(), fields, violations);
            }
            for (int j = 0; j < t.actions().size(); j++) {
                if (t.actions().get(j) instanceof Action.SetField set && fields.check(set.field(), path + ".actions[" + j + "]")) {
                    checkValue(kind, set, path + ".actions[" + j + "].value", violations);
                }
            }
        }
        if (initial.size() == 1) {
            checkGraph(byName, transitions, initial.get(0), violations);
        }
        return violations;
    }

    /** The fields a state locks must be fields of the kind, like those guards and actions name. */
    private static void checkLockedFields(List<LifecycleState> states, FieldCheck fields) {
        for (int i = 0; i < states.size(); i++) {
            int j = 0;
            for (String field : states.get(i).lockedFields()) {
                fields.check(field, "states[" + i + "].lockedFields[" + j + "]");
                j++;
            }
        }
    }

    private static void checkGuard(Guard guard, String path, TicketKind kind, Set<String> stateNames, FieldCheck fields,
            List<Violation> violations) {
        if (guard instanceof Guard.FieldsRequired required) {
            for (int k = 0; k < required.fields().size(); k++) {
                fields.check(required.fields().get(k), path + ".fields[" + k + "]");
            }
        } else if (guard instanceof Guard.ConditionHolds holds) {
            walk(holds.condition(), c -> {
                if (c instanceof Condition.FieldIn in) {
                    fields.checkInCondition(in.field(), path + ".condition");
                } else if (c instanceof Condition.FieldPresent present) {
                    fields.checkInCondition(present.field(), path + ".condition");
                } else if (c instanceof Condition.StateIn in) {
                    in.names().stream().filter(n -> !stateNames.contains(n)).sorted().forEach(n -> violations.add(
                            new Violation(path + ".condition", n, "is not a state of the lifecycle; states: " + stateNames)));
                }
            });
        } else if (guard instanceof Guard.InsidePlannedWindow && kind != TicketKind.CHANGE) {
            violations.add(new Violation(path, guard.describe(), "only a change has a planned window, this lifecycle governs "
                    + kind + " tickets"));
        }
    }

    /**
     * Checks a set-field action's value (or its clearing) against the built-in field's type and
     * values, as the ticket will when the action runs: the value is written to a probe ticket of the
     * kind, so that the rules are the ticket's own. Custom fields are left alone: a lifecycle declares
     * their names, not their types (the desk's field schema checks them when the action runs).
     */
    private static void checkValue(TicketKind kind, Action.SetField set, String path, List<Violation> violations) {
        TicketField builtIn = TicketField.byName(set.field()).orElse(null);
        if (builtIn == null) {
            return;
        }
        Optional<FieldValue> value = set.value();
        try {
            Ticket.builder(PROBE_TENANT, PROBE_ID, new TicketNumber(kind, 1)).field(set.field(), value);
        } catch (ValidationException | IllegalArgumentException e) {
            List<String> names = enumNames(builtIn);
            String why = e instanceof ValidationException v && !v.violations().isEmpty() ? v.violations().get(0).message()
                    : String.valueOf(e.getMessage());
            String message = !names.isEmpty() && value.isPresent() && value.get() instanceof FieldValue.Text
                    ? "is not one of the values of " + set.field() + ": " + names : why;
            violations.add(new Violation(path, value.map(Object::toString).orElse("(cleared)"), message));
        }
    }

    /** The names a built-in field holding an enumeration takes; empty for any other field. */
    private static List<String> enumNames(TicketField field) {
        Enum<?>[] values = switch (field) {
            case HOLD_REASON -> HoldReason.values();
            case CHANGE_TYPE -> ChangeType.values();
            case RISK -> ChangeRisk.values();
            default -> new Enum<?>[0];
        };
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private static void walk(Condition condition, Consumer<Condition> visit) {
        visit.accept(condition);
        if (condition instanceof Condition.All all) {
            all.conditions().forEach(c -> walk(c, visit));
        } else if (condition instanceof Condition.Any any) {
            any.conditions().forEach(c -> walk(c, visit));
        } else if (condition instanceof Condition.Not not) {
            walk(not.condition(), visit);
        }
    }

    /** Reachability forwards from the initial state and backwards from the final states. */
    private static void checkGraph(Map<String, LifecycleState> byName, List<Transition> transitions, String initial,
            List<Violation> violations) {
        Map<String, List<String>> next = new HashMap<>();
        Map<String, List<String>> previous = new HashMap<>();
        for (Transition t : transitions) {
            if (!byName.containsKey(t.to())) {
                continue;
            }
            for (String from : t.from()) {
                if (byName.containsKey(from)) {
                    next.computeIfAbsent(from, k -> new ArrayList<>()).add(t.to());
                    previous.computeIfAbsent(t.to(), k -> new ArrayList<>()).add(from);
                }
            }
        }
        Set<String> reachable = closure(List.of(initial), next);
        List<String> finals = byName.values().stream().filter(s -> s.category().isFinal()).map(LifecycleState::name).toList();
        Set<String> finishing = closure(finals, previous);
        for (LifecycleState state : byName.values()) {
            if (!reachable.contains(state.name())) {
                violations.add(new Violation("states." + state.name(), state.name(),
                        "cannot be reached from the initial state " + initial + " by any transition"));
            }
            if (!finals.isEmpty() && !finishing.contains(state.name())) {
                violations.add(new Violation("states." + state.name(), state.name(), "has no way to a final state ("
                        + finals.stream().sorted().collect(Collectors.joining(", ")) + "); a ticket in it could never finish"));
            }
        }
    }

    private static Set<String> closure(List<String> start, Map<String, List<String>> edges) {
        Set<String> seen = new TreeSet<>(start);
        Deque<String> queue = new ArrayDeque<>(start);
        while (!queue.isEmpty()) {
            for (String n : edges.getOrDefault(queue.poll(), List.of())) {
                if (seen.add(n)) {
                    queue.add(n);
                }
            }
        }
        return seen;
    }

    /** Whether a field name means something for the lifecycle's kind. */
    private static final class FieldCheck {
        /** The names {@link TicketView#of} derives from a ticket, in a stable order for messages. */
        private static final List<String> DERIVED = List.of(TicketView.KIND, TicketView.REQUESTER, TicketView.ASSIGNEE,
                TicketView.ASSIGNMENT_GROUP, TicketView.LAST_PUBLIC_UPDATE);

        private final TicketKind kind;
        private final Set<String> customFields;
        private final List<Violation> violations;

        FieldCheck(TicketKind kind, Set<String> customFields, List<Violation> violations) {
            this.kind = kind;
            this.customFields = customFields;
            this.violations = violations;
        }

        /**
         * Checks a name a condition reads: as {@link #check}, but the names {@link TicketView} derives
         * from every ticket (kind, requester, assignee, assignment group, last public update) are
         * readable too, since a guard's condition reads the ticket through that view.
         */
        void checkInCondition(String field, String path) {
            if (!DERIVED.contains(field)) {
                check(field, path);
            }
        }

        /** Reports a field the kind does not have; returns whether the field is known. */
        boolean check(String field, String path) {
            TicketField builtIn = TicketField.byName(field).orElse(null);
            if (builtIn != null) {
                if (!builtIn.kinds().contains(kind)) {
                    violations.add(new Violation(path, field, "is a built-in field of " + new TreeSet<>(builtIn.kinds())
                            + ", not of a " + kind));
                    return false;
                }
            } else if (DERIVED.contains(field) && !customFields.contains(field)) {
                violations.add(new Violation(path, field, "is a name derived from the ticket (one of " + DERIVED
                        + "), which only a condition can read (a 'when' guard: Guard.when(Condition.fieldIn(\"" + field
                        + "\", ...))); it cannot be required or set. Declare a custom field to keep a value of your own"));
                return false;
            } else if (!customFields.contains(field)) {
                violations.add(new Violation(path, field, "is neither a built-in field of a " + kind
                        + " nor a custom field the lifecycle declares; declared: " + new TreeSet<>(customFields)));
                return false;
            }
            return true;
        }
    }
}
