package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.StateCategory;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Draws a lifecycle so people can look at it: Mermaid {@code stateDiagram-v2} (renders on GitHub and
 * in most Markdown tools) and Graphviz DOT. Each transition becomes one edge per state it leaves
 * from, labelled with its name and its guards; states are coloured by category and final states
 * lead to the end marker. The fields a state locks ({@link LifecycleState#lockedFields()}) are a
 * note beside the state in Mermaid and a line of its label in DOT. The output is deterministic (definition order), so it can be kept in
 * documentation and compared in tests. Stateless and thread-safe.
 */
public final class LifecycleDiagrams {
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Map<StateCategory, String> COLOURS = Map.of(
            StateCategory.NEW, "#e3f2fd",
            StateCategory.OPEN, "#fff8e1",
            StateCategory.PENDING, "#fce4ec",
            StateCategory.RESOLVED, "#e8f5e9",
            StateCategory.CLOSED, "#e0e0e0",
            StateCategory.CANCELLED, "#f5f5f5");

    private LifecycleDiagrams() {}

    /**
     * Draws a lifecycle as a Mermaid state diagram.
     *
     * @param lifecycle the lifecycle
     * @return the diagram source, starting {@code stateDiagram-v2}, lines ending in {@code \n}
     */
    public static String mermaid(Lifecycle lifecycle) {
        requireNonNull(lifecycle, "lifecycle");
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        out.append("    %% ").append(lifecycle.id()).append(" v").append(lifecycle.version()).append(" for ")
                .append(lifecycle.kind()).append('\n');
        Map<String, String> ids = new HashMap<>();
        List<LifecycleState> states = lifecycle.states();
        for (int i = 0; i < states.size(); i++) {
            String name = states.get(i).name();
            String id = PLAIN_ID.matcher(name).matches() ? name : "s" + i;
            ids.put(name, id);
            if (!id.equals(name)) {
                out.append("    state \"").append(name).append("\" as ").append(id).append('\n');
            }
        }
        out.append("    [*] --> ").append(ids.get(lifecycle.initialState().name())).append('\n');
        for (Transition t : lifecycle.transitions()) {
            for (String from : t.from()) {
                out.append("    ").append(ids.get(from)).append(" --> ").append(ids.get(t.to())).append(": ")
                        .append(mermaidLabel(label(t))).append('\n');
            }
        }
        for (LifecycleState state : states) {
            if (state.category().isFinal()) {
                out.append("    ").append(ids.get(state.name())).append(" --> [*]\n");
            }
        }
        for (LifecycleState state : states) {
            if (!state.lockedFields().isEmpty()) {
                out.append("    note right of ").append(ids.get(state.name())).append(": ")
                        .append(mermaidLabel(locks(state))).append('\n');
            }
        }
        for (StateCategory category : StateCategory.values()) {
            List<String> members = states.stream().filter(s -> s.category() == category).map(s -> ids.get(s.name())).toList();
            if (!members.isEmpty()) {
                String cls = category.name().toLowerCase(Locale.ROOT);
                out.append("    classDef ").append(cls).append(" fill:").append(COLOURS.get(category)).append('\n');
                out.append("    class ").append(String.join(",", members)).append(' ').append(cls).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Draws a lifecycle as a Graphviz DOT digraph.
     *
     * @param lifecycle the lifecycle
     * @return the graph source, lines ending in {@code \n}
     */
    public static String dot(Lifecycle lifecycle) {
        requireNonNull(lifecycle, "lifecycle");
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(quote(lifecycle.id() + " v" + lifecycle.version())).append(" {\n");
        out.append("    rankdir=LR;\n");
        out.append("    node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n");
        out.append("    edge [fontname=\"Helvetica\", fontsize=10];\n");
        out.append("    \"[*]\" [shape=point, label=\"\"];\n");
        for (LifecycleState state : lifecycle.states()) {
            out.append("    ").append(quote(state.name())).append(" [label=")
                    .append(quote(state.name() + "\n" + state.category()
                            + (state.lockedFields().isEmpty() ? "" : "\n" + locks(state))))
                    .append(", fillcolor=")
                    .append(quote(COLOURS.get(state.category())))
                    .append(state.category().isFinal() ? ", peripheries=2" : "").append("];\n");
        }
        out.append("    \"[*]\" -> ").append(quote(lifecycle.initialState().name())).append(";\n");
        for (Transition t : lifecycle.transitions()) {
            for (String from : t.from()) {
                out.append("    ").append(quote(from)).append(" -> ").append(quote(t.to())).append(" [label=")
                        .append(quote(label(t))).append("];\n");
            }
        }
        out.append("}\n");
        return out.toString();
    }

    private static String locks(LifecycleState state) {
        return "locks " + String.join(", ", state.lockedFields());
    }

    private static String label(Transition t) {
        if (t.guards().isEmpty()) {
            return t.name();
        }
        return t.name() + " [" + t.guards().stream().map(Guard::describe).collect(Collectors.joining(" and ")) + "]";
    }

    /** Mermaid ends a statement at ';' and reads '#...;' as an entity; quotes confuse its lexer. */
    private static String mermaidLabel(String label) {
        return label.replace('"', '\'').replace(';', ',').replace("#", "no. ").replace('<', '(').replace('>', ')');
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
