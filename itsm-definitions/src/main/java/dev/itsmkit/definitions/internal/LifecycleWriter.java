package dev.itsmkit.definitions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.workflow.Action;
import dev.itsmkit.workflow.ApprovalPolicy;
import dev.itsmkit.workflow.Guard;
import dev.itsmkit.workflow.Lifecycle;
import dev.itsmkit.workflow.LifecycleState;
import dev.itsmkit.workflow.Transition;
import java.util.Collection;
import java.util.Comparator;

/**
 * Writes a {@link Lifecycle} as the tree {@link LifecycleReader} reads, so that reading what was
 * written gives an equal lifecycle. Keys are written in a fixed order and the members of a
 * condition's set sorted, so that one lifecycle always gives one text. Stateless and thread-safe.
 */
public final class LifecycleWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LifecycleWriter() {}

    /**
     * Writes a lifecycle.
     *
     * @param lifecycle the lifecycle
     * @return its document's tree
     * @throws IllegalStateException if it holds a guard, action or policy this writer does not know
     */
    public static ObjectNode write(Lifecycle lifecycle) {
        ObjectNode top = NODES.objectNode();
        top.put("format", LifecycleReader.FORMAT);
        top.put("id", lifecycle.id());
        top.put("version", lifecycle.version());
        top.put("kind", lifecycle.kind().name());
        if (!lifecycle.customFields().isEmpty()) {
            top.set("customFields", strings(lifecycle.customFields()));
        }
        ArrayNode states = top.putArray("states");
        for (LifecycleState state : lifecycle.states()) {
            ObjectNode s = states.addObject().put("name", state.name()).put("category", state.category().name());
            if (state.initial()) {
                s.put("initial", true);
            }
            if (!state.lockedFields().isEmpty()) {
                s.set("lockedFields", strings(state.lockedFields()));
            }
        }
        ArrayNode transitions = top.putArray("transitions");
        for (Transition transition : lifecycle.transitions()) {
            ObjectNode t = transitions.addObject().put("name", transition.name());
            if (transition.from().size() == 1) {
                t.put("from", transition.from().get(0));
            } else {
                t.set("from", strings(transition.from()));
            }
            t.put("to", transition.to());
            if (!transition.guards().isEmpty()) {
                ArrayNode guards = t.putArray("guards");
                transition.guards().forEach(g -> guards.add(guard(g)));
            }
            if (!transition.actions().isEmpty()) {
                ArrayNode actions = t.putArray("actions");
                transition.actions().forEach(a -> actions.add(action(a)));
            }
        }
        return top;
    }

    private static JsonNode guard(Guard guard) {
        ObjectNode g = NODES.objectNode();
        if (guard instanceof Guard.FieldsRequired required) {
            g.set("requiresFields", strings(required.fields()));
        } else if (guard instanceof Guard.ConditionHolds holds) {
            g.set("when", condition(holds.condition()));
        } else if (guard instanceof Guard.ApprovalsDecided decided) {
            g.set(decided.verdict() == dev.itsmkit.core.Verdict.APPROVED ? "approved" : "rejected", policy(decided.policy()));
        } else if (guard instanceof Guard.PermissionHeld permission) {
            g.put("permission", permission.permission());
        } else if (guard instanceof Guard.InsidePlannedWindow) {
            g.put("insidePlannedWindow", true);
        } else if (guard instanceof Guard.ChildrenFinished) {
            g.put("childrenFinished", true);
        } else {
            throw new IllegalStateException("no document form for the guard " + guard);
        }
        return g;
    }

    private static JsonNode policy(ApprovalPolicy policy) {
        if (policy instanceof ApprovalPolicy.Quorum quorum) {
            return NODES.objectNode().put("quorum", quorum.needed());
        }
        if (policy instanceof ApprovalPolicy.AnyOne) {
            return NODES.textNode("anyOne");
        }
        if (policy instanceof ApprovalPolicy.All) {
            return NODES.textNode("all");
        }
        if (policy instanceof ApprovalPolicy.Sequence) {
            return NODES.textNode("sequence");
        }
        throw new IllegalStateException("no document form for the approval policy " + policy);
    }

    private static JsonNode action(Action action) {
        ObjectNode a = NODES.objectNode();
        if (action instanceof Action.SetField set) {
            if (set.value().isPresent()) {
                a.putObject("setField").put("field", set.field()).set("value", value(set.value().get()));
            } else {
                a.put("clearField", set.field());
            }
        } else if (action instanceof Action.Assign assign) {
            a.put("assign", assign.party().toString());
        } else if (action instanceof Action.CreateTask task) {
            ObjectNode t = a.putObject("createTask").put("title", task.title());
            task.group().ifPresent(g -> t.put("group", g.toString()));
        } else if (action instanceof Action.Notify notify) {
            a.put("notify", notify.notification());
        } else {
            throw new IllegalStateException("no document form for the action " + action);
        }
        return a;
    }

    private static JsonNode condition(Condition condition) {
        ObjectNode c = NODES.objectNode();
        if (condition instanceof Condition.CategoryIn in) {
            ArrayNode categories = c.putArray("category");
            in.categories().stream().sorted().map(StateCategory::name).forEach(categories::add);
        } else if (condition instanceof Condition.StateIn in) {
            c.set("state", strings(in.names().stream().sorted().toList()));
        } else if (condition instanceof Condition.PriorityIn in) {
            ArrayNode priorities = c.putArray("priority");
            in.priorities().stream().sorted(Comparator.comparingInt(Priority::level)).map(Priority::toString)
                    .forEach(priorities::add);
        } else if (condition instanceof Condition.FieldIn in) {
            c.put("field", in.field());
            if (in.values().size() == 1) {
                c.set("equals", value(in.values().get(0)));
            } else {
                ArrayNode values = c.putArray("in");
                in.values().forEach(v -> values.add(value(v)));
            }
        } else if (condition instanceof Condition.FieldPresent present) {
            c.put("field", present.field()).put("present", present.present());
        } else if (condition instanceof Condition.All all) {
            ArrayNode parts = c.putArray("all");
            all.conditions().forEach(p -> parts.add(condition(p)));
        } else if (condition instanceof Condition.Any any) {
            ArrayNode parts = c.putArray("any");
            any.conditions().forEach(p -> parts.add(condition(p)));
        } else if (condition instanceof Condition.Not not) {
            c.set("not", condition(not.condition()));
        } else {
            throw new IllegalStateException("no document form for the condition " + condition);
        }
        return c;
    }

    private static JsonNode value(FieldValue value) {
        if (value instanceof FieldValue.Text text) {
            return NODES.textNode(text.value());
        }
        if (value instanceof FieldValue.Number number) {
            return NODES.numberNode(number.value());
        }
        if (value instanceof FieldValue.Bool bool) {
            return NODES.booleanNode(bool.value());
        }
        if (value instanceof FieldValue.Timestamp timestamp) {
            return NODES.objectNode().put("timestamp", timestamp.value().toString());
        }
        if (value instanceof FieldValue.Date date) {
            return NODES.objectNode().put("date", date.value().toString());
        }
        if (value instanceof FieldValue.Multi multi) {
            ArrayNode values = NODES.arrayNode();
            multi.values().forEach(v -> values.add(value(v)));
            return values;
        }
        throw new IllegalStateException("no document form for the field value " + value);
    }

    private static ArrayNode strings(Collection<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
