package dev.itsmkit.definitions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Identifier;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Violation;
import dev.itsmkit.definitions.DefinitionProblem;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.workflow.Action;
import dev.itsmkit.workflow.ApprovalPolicy;
import dev.itsmkit.workflow.Guard;
import dev.itsmkit.workflow.Lifecycle;
import dev.itsmkit.workflow.LifecycleState;
import dev.itsmkit.workflow.Transition;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link DocumentTree} into a {@link Lifecycle}, strictly: unknown keys, wrong types and
 * unknown names are problems, each at its JSON path. The form of the whole document is checked
 * first and every problem of it reported at once; only a document of correct form is handed to the
 * lifecycle's builder, whose validation problems (unknown or unreachable states, duplicate
 * transitions, unknown fields) are mapped back to the paths of the document. Checking the lifecycle
 * only once its form is right keeps one typo from showing up as a cascade of unreachable states.
 * Not thread-safe; one per read.
 */
public final class LifecycleReader {
    /** The one format version this reader knows. */
    public static final int FORMAT = 1;

    static final List<String> TOP_KEYS = List.of("format", "id", "version", "kind", "customFields", "states", "transitions");
    static final List<String> STATE_KEYS = List.of("name", "category", "initial", "lockedFields");
    static final List<String> TRANSITION_KEYS = List.of("name", "from", "to", "guards", "actions");
    static final List<String> GUARD_FORMS = List.of("requiresFields", "when", "approved", "rejected", "permission",
            "insidePlannedWindow", "childrenFinished");
    static final List<String> ACTION_FORMS = List.of("setField", "clearField", "assign", "createTask", "notify");
    static final List<String> SET_FIELD_KEYS = List.of("field", "value");
    static final List<String> CREATE_TASK_KEYS = List.of("title", "group");
    static final List<String> POLICY_NAMES = List.of("anyOne", "all", "sequence");
    static final List<String> POLICY_FORMS = List.of("quorum");
    static final List<String> CONDITION_FORMS = List.of("category", "state", "priority", "field", "all", "any", "not");
    static final List<String> FIELD_CONDITION_KEYS = List.of("field", "equals", "in", "present");
    static final List<String> TYPED_VALUE_FORMS = List.of("timestamp", "date");

    private static final Pattern TRANSITION_PATH = Pattern.compile("transitions\\[(\\d+)](.*)");
    private static final Pattern GUARD_PATH = Pattern.compile("\\.guards\\[(\\d+)](.*)");
    private static final Pattern ACTION_PATH = Pattern.compile("\\.actions\\[(\\d+)](\\.value)?");
    private static final Pattern LOCKED_FIELD_PATH = Pattern.compile("states\\[(\\d+)]\\.lockedFields\\[\\d+]");

    private final DocumentTree tree;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    /** Per transition of the document: whether {@code from} was a single string rather than a list. */
    private final List<Boolean> singleFrom = new ArrayList<>();
    /** Per state read: its locked fields in the document's order (a state sorts them), to map the validation's paths back. */
    private final List<List<String>> stateLocks = new ArrayList<>();
    /** Per transition, per guard: the form's key, to map the validation's paths back. */
    private final List<List<String>> guardForms = new ArrayList<>();
    /** The form of each action of each transition, to place the lifecycle's validation problems. */
    private final List<List<String>> actionForms = new ArrayList<>();

    private LifecycleReader(DocumentTree tree) {
        this.tree = tree;
    }

    /**
     * Reads a lifecycle.
     *
     * @param tree the document
     * @return the lifecycle
     * @throws DocumentTree.DocumentException with every problem found
     */
    public static Lifecycle read(DocumentTree tree) {
        return new LifecycleReader(tree).lifecycle();
    }

    // ---------------------------------------------------------------- the document

    private Lifecycle lifecycle() {
        Obj top = object(tree.root(), "$", TOP_KEYS, "a lifecycle is an object with id, kind, states and transitions");
        if (top == null) {
            throw failed();
        }
        top.optional("format").ifPresent(node -> {
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() != FORMAT) {
                problem(top.path("format"), "this reader knows format " + FORMAT + ", got " + describe(node));
            }
        });
        String id = top.required("id").map(n -> identifier(n, top.path("id"), "lifecycle id")).orElse(null);
        Integer version = top.optional("version").map(n -> integer(n, top.path("version"), "the version")).orElse(1);
        TicketKind kind = top.required("kind").map(n -> enumValue(n, top.path("kind"), TicketKind.class, "ticket kind"))
                .orElse(null);
        List<String> customFields = top.optional("customFields")
                .map(n -> distinctIdentifiers(n, top.path("customFields"), "custom field name", false)).orElse(List.of());
        List<LifecycleState> states = new ArrayList<>();
        top.required("states").ifPresent(node -> {
            List<JsonNode> items = array(node, top.path("states"), "a list of states");
            for (int i = 0; i < items.size(); i++) {
                LifecycleState state = state(items.get(i), top.path("states") + "[" + i + "]");
                if (state != null) {
                    states.add(state);
                }
            }
        });
        List<Transition> transitions = new ArrayList<>();
        top.optional("transitions").ifPresent(node -> {
            List<JsonNode> items = array(node, top.path("transitions"), "a list of transitions");
            for (int i = 0; i < items.size(); i++) {
                singleFrom.add(false);
                guardForms.add(new ArrayList<>());
                actionForms.add(new ArrayList<>());
                Transition transition = transition(items.get(i), top.path("transitions") + "[" + i + "]", i);
                if (transition != null) {
                    transitions.add(transition);
                }
            }
        });
        if (!problems.isEmpty() || id == null || kind == null || version == null) {
            throw failed();
        }
        Lifecycle.Builder builder = Lifecycle.builder(id, kind).version(version)
                .customFields(customFields.toArray(String[]::new));
        states.forEach(builder::state);
        transitions.forEach(builder::transition);
        try {
            return builder.build();
        } catch (ValidationException e) {
            for (Violation v : e.violations()) {
                problem(documentPath(v, states, customFields), v.message()
                        + (v.invalidValue().isEmpty() ? "" : " (was '" + v.invalidValue() + "')"));
            }
            throw failed();
        }
    }

    private @Nullable LifecycleState state(JsonNode node, String path) {
        Obj state = object(node, path, STATE_KEYS, "a state is an object with name, category, optionally lockedFields and, for one, initial: true");
        if (state == null) {
            return null;
        }
        String name = state.required("name").map(n -> identifier(n, state.path("name"), "state name")).orElse(null);
        StateCategory category = state.required("category")
                .map(n -> enumValue(n, state.path("category"), StateCategory.class, "state category")).orElse(null);
        Boolean initial = state.optional("initial").map(n -> bool(n, state.path("initial"))).orElse(false);
        List<String> locked = state.optional("lockedFields")
                .map(n -> distinctIdentifiers(n, state.path("lockedFields"), "field name", false)).orElse(List.of());
        if (name == null || category == null || initial == null) {
            return null;
        }
        stateLocks.add(locked);
        return new LifecycleState(name, category, initial, java.util.Set.copyOf(locked));
    }

    private @Nullable Transition transition(JsonNode node, String path, int index) {
        Obj t = object(node, path, TRANSITION_KEYS, "a transition is an object with name, from, to, and optionally guards"
                + " and actions");
        if (t == null) {
            return null;
        }
        String name = t.required("name").map(n -> identifier(n, t.path("name"), "transition name")).orElse(null);
        List<String> from = t.required("from").map(n -> {
            if (n.isTextual()) {
                singleFrom.set(index, true);
                String state = identifier(n, t.path("from"), "state name");
                return state == null ? null : List.of(state);
            }
            List<String> states = distinctIdentifiers(n, t.path("from"), "state name", true);
            return states.size() == n.size() && !states.isEmpty() ? states : null;
        }).orElse(null);
        String to = t.required("to").map(n -> identifier(n, t.path("to"), "state name")).orElse(null);
        List<Guard> guards = new ArrayList<>();
        boolean guardsRead = t.optional("guards").map(n -> {
            List<JsonNode> items = array(n, t.path("guards"), "a list of guards");
            boolean all = true;
            for (int i = 0; i < items.size(); i++) {
                Guard guard = guard(items.get(i), t.path("guards") + "[" + i + "]", index);
                all &= guard != null;
                if (guard != null) {
                    guards.add(guard);
                }
            }
            return all;
        }).orElse(true);
        List<Action> actions = new ArrayList<>();
        boolean actionsRead = t.optional("actions").map(n -> {
            List<JsonNode> items = array(n, t.path("actions"), "a list of actions");
            boolean all = true;
            for (int i = 0; i < items.size(); i++) {
                Action action = action(items.get(i), t.path("actions") + "[" + i + "]", index);
                all &= action != null;
                if (action != null) {
                    actions.add(action);
                }
            }
            return all;
        }).orElse(true);
        if (name == null || from == null || to == null || !guardsRead || !actionsRead) {
            return null;
        }
        return Transition.builder(name).from(from.toArray(String[]::new)).to(to)
                .guard(guards.toArray(Guard[]::new)).action(actions.toArray(Action[]::new)).build();
    }

    // ---------------------------------------------------------------- guards and actions

    private @Nullable Guard guard(JsonNode node, String path, int transition) {
        Form form = form(node, path, GUARD_FORMS, "a guard");
        if (form == null) {
            return null;
        }
        guardForms.get(transition).add(form.name);
        JsonNode value = form.value;
        String at = form.path;
        return switch (form.name) {
            case "requiresFields" -> {
                List<String> fields = distinctIdentifiers(value, at, "field name", true);
                yield fields.size() == value.size() && !fields.isEmpty() ? Guard.requiresFields(fields.toArray(String[]::new))
                        : null;
            }
            case "when" -> {
                Condition condition = condition(value, at);
                yield condition == null ? null : Guard.when(condition);
            }
            case "approved", "rejected" -> {
                ApprovalPolicy policy = policy(value, at);
                yield policy == null ? null : form.name.equals("approved") ? Guard.approved(policy) : Guard.rejected(policy);
            }
            case "permission" -> {
                String permission = identifier(value, at, "permission");
                yield permission == null ? null : Guard.permission(permission);
            }
            case "childrenFinished" -> {
                if (!value.isBoolean() || !value.booleanValue()) {
                    problem(at, "childrenFinished takes the value true, got " + describe(value)
                            + "; leave the guard out to not wait for the children");
                    yield null;
                }
                yield Guard.childrenFinished();
            }
            default -> {
                if (!value.isBoolean() || !value.booleanValue()) {
                    problem(at, "insidePlannedWindow takes the value true, got " + describe(value)
                            + "; leave the guard out to not require the window");
                    yield null;
                }
                yield Guard.insidePlannedWindow();
            }
        };
    }

    private @Nullable ApprovalPolicy policy(JsonNode node, String path) {
        if (node.isTextual()) {
            return switch (node.textValue()) {
                case "anyOne" -> ApprovalPolicy.anyOne();
                case "all" -> ApprovalPolicy.all();
                case "sequence" -> ApprovalPolicy.sequence();
                default -> {
                    problem(path, "unknown approval policy '" + Identifier.printable(node.textValue()) + "'; policies are "
                            + POLICY_NAMES + " or {\"quorum\": N}");
                    yield null;
                }
            };
        }
        if (!node.isObject()) {
            problem(path, "an approval policy is one of " + POLICY_NAMES + " or {\"quorum\": N}, got " + describe(node));
            return null;
        }
        Form form = form(node, path, POLICY_FORMS, "an approval policy object");
        if (form == null) {
            return null;
        }
        Integer needed = integer(form.value, form.path, "a quorum");
        if (needed == null) {
            return null;
        }
        if (needed < 1) {
            problem(form.path, "a quorum needs 1 or more approvals, got " + needed);
            return null;
        }
        return ApprovalPolicy.quorum(needed);
    }

    private @Nullable Action action(JsonNode node, String path, int transition) {
        Form form = form(node, path, ACTION_FORMS, "an action");
        if (form == null) {
            return null;
        }
        actionForms.get(transition).add(form.name);
        JsonNode value = form.value;
        String at = form.path;
        switch (form.name) {
            case "setField" -> {
                Obj set = object(value, at, SET_FIELD_KEYS, "setField is an object with field and value");
                if (set == null) {
                    return null;
                }
                String field = set.required("field").map(n -> identifier(n, set.path("field"), "field name")).orElse(null);
                FieldValue fieldValue = set.required("value").map(n -> fieldValue(n, set.path("value"), true)).orElse(null);
                return field == null || fieldValue == null ? null : Action.setField(field, fieldValue);
            }
            case "clearField" -> {
                String field = identifier(value, at, "field name");
                return field == null ? null : Action.clearField(field);
            }
            case "assign" -> {
                Party party = party(value, at);
                return party == null ? null : attempt(at, () -> Action.assign(party));
            }
            case "createTask" -> {
                Obj task = object(value, at, CREATE_TASK_KEYS, "createTask is an object with title and optionally group");
                if (task == null) {
                    return null;
                }
                String title = task.required("title").map(n -> text(n, task.path("title"))).orElse(null);
                Optional<JsonNode> groupNode = task.optional("group");
                Party group = groupNode.map(n -> party(n, task.path("group"))).orElse(null);
                if (title == null || (groupNode.isPresent() && group == null)) {
                    return null;
                }
                return attempt(at, () -> Action.createTask(title, Optional.ofNullable(group)));
            }
            default -> {
                String notification = identifier(value, at, "notification name");
                return notification == null ? null : Action.notify(notification);
            }
        }
    }

    private @Nullable Party party(JsonNode node, String path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        try {
            return Party.parse(text);
        } catch (IllegalArgumentException e) {
            problem(path, String.valueOf(e.getMessage()));
            return null;
        }
    }

    // ---------------------------------------------------------------- conditions and values

    private @Nullable Condition condition(JsonNode node, String path) {
        if (!node.isObject()) {
            problem(path, "a condition is an object with one of " + CONDITION_FORMS + ", got " + describe(node));
            return null;
        }
        if (node.has("field")) {
            Obj c = object(node, path, FIELD_CONDITION_KEYS, "a field condition has field and one of equals, in and present");
            if (c == null) {
                return null;
            }
            String field = identifier(c.get("field"), c.path("field"), "field name");
            List<String> tests = c.keys().stream().filter(k -> !k.equals("field")).toList();
            if (tests.size() != 1) {
                problem(path, "a field condition has exactly one of \"equals\", \"in\" and \"present\"; got "
                        + (tests.isEmpty() ? "none" : tests));
                return null;
            }
            String test = tests.get(0);
            JsonNode value = c.get(test);
            String valuePath = c.path(test);
            switch (test) {
                case "equals" -> {
                    FieldValue v = fieldValue(value, valuePath, true);
                    return field == null || v == null ? null : Condition.fieldEquals(field, v);
                }
                case "in" -> {
                    List<JsonNode> items = array(value, valuePath, "a list of field values");
                    List<FieldValue> values = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        FieldValue v = fieldValue(items.get(i), valuePath + "[" + i + "]", true);
                        if (v != null) {
                            values.add(v);
                        }
                    }
                    if (items.isEmpty() && value.isArray()) {
                        problem(valuePath, "\"in\" needs at least one value");
                    }
                    return field == null || values.size() != value.size() || values.isEmpty() ? null
                            : Condition.fieldIn(field, values);
                }
                default -> {
                    Boolean present = bool(value, valuePath);
                    return field == null || present == null ? null : Condition.fieldPresent(field, present);
                }
            }
        }
        Form form = form(node, path, CONDITION_FORMS, "a condition");
        if (form == null) {
            return null;
        }
        JsonNode value = form.value;
        String at = form.path;
        return switch (form.name) {
            case "category" -> {
                List<StateCategory> categories = distinct(value, at, (n, p) -> enumValue(n, p, StateCategory.class,
                        "state category"));
                yield categories == null ? null : Condition.category(categories.toArray(StateCategory[]::new));
            }
            case "state" -> {
                List<String> names = distinct(value, at, (n, p) -> identifier(n, p, "state name"));
                yield names == null ? null : Condition.state(names.toArray(String[]::new));
            }
            case "priority" -> {
                List<Priority> priorities = distinct(value, at, this::priority);
                yield priorities == null ? null : Condition.priority(priorities.toArray(Priority[]::new));
            }
            case "all", "any" -> {
                List<JsonNode> items = array(value, at, "a list of conditions");
                List<Condition> parts = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    Condition part = condition(items.get(i), at + "[" + i + "]");
                    if (part != null) {
                        parts.add(part);
                    }
                }
                if (items.isEmpty() && value.isArray()) {
                    problem(at, "\"" + form.name + "\" needs at least one condition");
                }
                if (parts.isEmpty() || parts.size() != value.size()) {
                    yield null;
                }
                yield form.name.equals("all") ? Condition.all(parts.toArray(Condition[]::new))
                        : Condition.any(parts.toArray(Condition[]::new));
            }
            default -> {
                Condition negated = condition(value, at);
                yield negated == null ? null : Condition.not(negated);
            }
        };
    }

    private @Nullable Priority priority(JsonNode node, String path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        try {
            return Priority.parse(text);
        } catch (IllegalArgumentException e) {
            problem(path, "a priority is written P1 to P" + Priority.MAX_LEVEL + ", got '" + Identifier.printable(text) + "'");
            return null;
        }
    }

    /**
     * A field value by its JSON type: a string is a text, a number a number, a boolean a boolean, an
     * array a list; {@code {"timestamp": ISO instant}} and {@code {"date": ISO date}} give the other two.
     */
    private @Nullable FieldValue fieldValue(JsonNode node, String path, boolean listAllowed) {
        if (node.isTextual()) {
            return attempt(path, () -> new FieldValue.Text(node.textValue()));
        }
        if (node.isNumber()) {
            return new FieldValue.Number(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new FieldValue.Bool(node.booleanValue());
        }
        if (node.isArray() && listAllowed) {
            List<FieldValue> elements = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                FieldValue element = fieldValue(node.get(i), path + "[" + i + "]", false);
                if (element != null) {
                    elements.add(element);
                }
            }
            return elements.size() == node.size() ? attempt(path, () -> new FieldValue.Multi(elements)) : null;
        }
        if (node.isObject()) {
            Form form = form(node, path, TYPED_VALUE_FORMS, "a typed field value");
            if (form == null) {
                return null;
            }
            String text = text(form.value, form.path);
            if (text == null) {
                return null;
            }
            try {
                return form.name.equals("timestamp") ? new FieldValue.Timestamp(Instant.parse(text))
                        : new FieldValue.Date(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                problem(form.path, form.name.equals("timestamp")
                        ? "a timestamp is an ISO-8601 instant such as 2026-03-01T09:30:00Z, got '" + Identifier.printable(text) + "'"
                        : "a date is written YYYY-MM-DD, got '" + Identifier.printable(text) + "'");
                return null;
            }
        }
        problem(path, "a field value is a string, a number, a boolean, {\"timestamp\": ...}, {\"date\": ...}"
                + (listAllowed ? " or a list of those" : " (lists do not nest)") + ", got " + describe(node));
        return null;
    }

    // ---------------------------------------------------------------- validation paths

    /** Maps a path of the lifecycle's validation to the path of the document that holds the value. */
    private String documentPath(Violation v, List<LifecycleState> states, List<String> customFields) {
        String path = v.path();
        if (path.startsWith("states.")) {
            String name = path.substring("states.".length());
            for (int i = 0; i < states.size(); i++) {
                if (states.get(i).name().equals(name)) {
                    return "$.states[" + i + "].name";
                }
            }
            return "$.states";
        }
        if (path.startsWith("customFields")) {
            int i = customFields.indexOf(path.startsWith("customFields.") ? path.substring("customFields.".length())
                    : v.invalidValue());
            return i < 0 ? "$.customFields" : "$.customFields[" + i + "]";
        }
        Matcher locked = LOCKED_FIELD_PATH.matcher(path);
        if (locked.matches()) {
            int s = Integer.parseInt(locked.group(1));
            int i = s < stateLocks.size() ? stateLocks.get(s).indexOf(v.invalidValue()) : -1;
            return "$.states[" + s + "].lockedFields" + (i < 0 ? "" : "[" + i + "]");
        }
        Matcher transition = TRANSITION_PATH.matcher(path);
        if (transition.matches()) {
            int t = Integer.parseInt(transition.group(1));
            String rest = transition.group(2);
            String prefix = "$.transitions[" + t + "]";
            if (rest.startsWith(".from[") && singleFrom.get(t)) {
                return prefix + ".from";
            }
            Matcher guard = GUARD_PATH.matcher(rest);
            if (guard.matches()) {
                int g = Integer.parseInt(guard.group(1));
                String guardPath = prefix + ".guards[" + g + "]";
                String form = guardForms.get(t).get(g);
                String inner = guard.group(2);
                if (inner.startsWith(".fields")) {
                    return guardPath + "." + form + inner.substring(".fields".length());
                }
                return inner.isEmpty() ? guardPath : guardPath + "." + form;
            }
            Matcher action = ACTION_PATH.matcher(rest);
            if (action.matches()) {
                int a = Integer.parseInt(action.group(1));
                String actionPath = prefix + ".actions[" + a + "]";
                // a set-field action names its field and value; a clear-field action is its field's name
                if (!actionForms.get(t).get(a).equals("setField")) {
                    return actionPath + "." + actionForms.get(t).get(a);
                }
                return actionPath + (action.group(2) == null ? ".setField.field" : ".setField.value");
            }
            return prefix + rest;
        }
        return "$." + path;
    }

    // ---------------------------------------------------------------- reading values

    private @Nullable Obj object(JsonNode node, String path, @Nullable List<String> keys, String what) {
        if (!node.isObject()) {
            problem(path, what + "; got " + describe(node));
            return null;
        }
        Obj obj = new Obj(node, path);
        if (keys != null) {
            for (String key : obj.keys()) {
                if (!keys.contains(key)) {
                    problems.add(tree.keyProblem(DocumentTree.child(path, key), "unknown key \"" + key + "\"; the keys here are "
                            + keys));
                }
            }
        }
        return obj;
    }

    /** A one-key object naming a form, such as a guard {@code {"permission": "x"}}. */
    private @Nullable Form form(JsonNode node, String path, List<String> forms, String what) {
        if (!node.isObject()) {
            problem(path, what + " is an object with one key of " + forms + ", got " + describe(node));
            return null;
        }
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (!forms.contains(key)) {
                problems.add(tree.keyProblem(DocumentTree.child(path, key), "unknown key \"" + key + "\"; " + what
                        + " is one of " + forms));
                return null;
            }
        }
        if (keys.size() != 1) {
            problem(path, what + " has exactly one key of " + forms + "; got " + (keys.isEmpty() ? "none" : keys
                    + " (write each as its own list item)"));
            return null;
        }
        String name = keys.get(0);
        return new Form(name, node.get(name), DocumentTree.child(path, name));
    }

    private List<JsonNode> array(JsonNode node, String path, String what) {
        if (!node.isArray()) {
            problem(path, "expected " + what + ", got " + describe(node));
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        node.elements().forEachRemaining(items::add);
        return items;
    }

    private <T> @Nullable List<T> distinct(JsonNode node, String path, BiFunction<JsonNode, String, @Nullable T> reader) {
        List<JsonNode> items = array(node, path, "a list");
        if (items.isEmpty()) {
            if (node.isArray()) {
                problem(path, "the list needs at least one value");
            }
            return null;
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            T value = reader.apply(items.get(i), path + "[" + i + "]");
            if (value != null && values.contains(value)) {
                problem(path + "[" + i + "]", value + " is listed twice");
            } else if (value != null) {
                values.add(value);
            }
        }
        return values.size() == items.size() ? values : null;
    }

    private List<String> distinctIdentifiers(JsonNode node, String path, String what, boolean nonEmpty) {
        List<String> names = new ArrayList<>();
        List<JsonNode> items = array(node, path, "a list of " + what + "s");
        if (items.isEmpty() && node.isArray() && nonEmpty) {
            problem(path, "the list needs at least one " + what);
        }
        for (int i = 0; i < items.size(); i++) {
            String name = identifier(items.get(i), path + "[" + i + "]", what);
            if (name != null && names.contains(name)) {
                problem(path + "[" + i + "]", name + " is listed twice");
            } else if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private @Nullable String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            problem(path, "expected a string, got " + describe(node));
            return null;
        }
        return node.textValue();
    }

    private @Nullable String identifier(JsonNode node, String path, String what) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        if (!Identifier.isValid(text)) {
            problem(path, "'" + Identifier.printable(text) + "' is not a valid " + what + ": 1 to " + Identifier.MAX_LENGTH
                    + " letters, digits and . _ : @ -, starting with a letter or digit");
            return null;
        }
        return text;
    }

    private <E extends Enum<E>> @Nullable E enumValue(JsonNode node, String path, Class<E> type, String what) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        problem(path, "unknown " + what + " '" + Identifier.printable(text) + "'; one of "
                + Arrays.toString(type.getEnumConstants()));
        return null;
    }

    private @Nullable Integer integer(JsonNode node, String path, String what) {
        if (!node.isIntegralNumber() || node.bigIntegerValue().bitLength() > 31) {
            problem(path, what + " is a whole number, got " + describe(node));
            return null;
        }
        BigInteger value = node.bigIntegerValue();
        return value.intValue();
    }

    private @Nullable Boolean bool(JsonNode node, String path) {
        if (!node.isBoolean()) {
            problem(path, "expected true or false, got " + describe(node));
            return null;
        }
        return node.booleanValue();
    }

    private <T> @Nullable T attempt(String path, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            problem(path, String.valueOf(e.getMessage()));
            return null;
        }
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "the string \"" + Identifier.printable(node.textValue()) + "\"";
        }
        return (node.isNumber() ? "the number " : "the value ") + node;
    }

    private void problem(String path, String message) {
        problems.add(tree.problem(path, message));
    }

    private DocumentTree.DocumentException failed() {
        return new DocumentTree.DocumentException(problems);
    }

    /** An object of the document with its path. */
    private final class Obj {
        private final JsonNode node;
        private final String path;

        Obj(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        List<String> keys() {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
            return keys;
        }

        String path(String key) {
            return DocumentTree.child(path, key);
        }

        JsonNode get(String key) {
            return node.get(key);
        }

        Optional<JsonNode> optional(String key) {
            return Optional.ofNullable(node.get(key));
        }

        Optional<JsonNode> required(String key) {
            JsonNode value = node.get(key);
            if (value == null) {
                problem(path, "the key \"" + key + "\" is missing");
            }
            return Optional.ofNullable(value);
        }
    }

    /** The one key of a form object, its value and the value's path. */
    private record Form(String name, JsonNode value, String path) {}
}
