package dev.itsmkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LifecycleDiagramsTest {
    /** docs/lifecycles.md marks each diagram with a comment naming the lifecycle it shows. */
    private static final Pattern DIAGRAM = Pattern.compile("<!-- diagram: ([a-z-]+) -->\\n```mermaid\\n(.*?)```", Pattern.DOTALL);

    static final Lifecycle SMALL = Lifecycle.builder("small", TicketKind.INCIDENT)
            .initialState("NEW", StateCategory.NEW)
            .state("on-hold", StateCategory.PENDING)
            .state("DONE", StateCategory.CLOSED)
            .transition(Transition.builder("wait").from("NEW").to("on-hold").guard(Guard.requiresFields("holdReason")))
            .transition(Transition.builder("finish").from("NEW", "on-hold").to("DONE")
                    .guard(Guard.permission("incident.finish"), Guard.when(dev.itsmkit.sla.Condition.fieldEquals("category",
                            new dev.itsmkit.core.FieldValue.Text("a;b")))))
            .lockFields("on-hold", "title", "holdReason")
            .build();

    @Test
    void aLifecycleIsDrawnAsAMermaidStateDiagram() {
        assertThat(LifecycleDiagrams.mermaid(SMALL)).isEqualTo("""
                stateDiagram-v2
                    %% small v1 for INCIDENT
                    state "on-hold" as s1
                    [*] --> NEW
                    NEW --> s1: wait [requires holdReason]
                    NEW --> DONE: finish [permission incident.finish and when category = 'a,b']
                    s1 --> DONE: finish [permission incident.finish and when category = 'a,b']
                    DONE --> [*]
                    note right of s1: locks holdReason, title
                    classDef new fill:#e3f2fd
                    class NEW new
                    classDef pending fill:#fce4ec
                    class s1 pending
                    classDef closed fill:#e0e0e0
                    class DONE closed
                """);
    }

    @Test
    void aLifecycleIsDrawnAsAGraphvizDigraph() {
        assertThat(LifecycleDiagrams.dot(SMALL)).isEqualTo("""
                digraph "small v1" {
                    rankdir=LR;
                    node [shape=box, style="rounded,filled", fontname="Helvetica"];
                    edge [fontname="Helvetica", fontsize=10];
                    "[*]" [shape=point, label=""];
                    "NEW" [label="NEW\\nNEW", fillcolor="#e3f2fd"];
                    "on-hold" [label="on-hold\\nPENDING\\nlocks holdReason, title", fillcolor="#fce4ec"];
                    "DONE" [label="DONE\\nCLOSED", fillcolor="#e0e0e0", peripheries=2];
                    "[*]" -> "NEW";
                    "NEW" -> "on-hold" [label="wait [requires holdReason]"];
                    "NEW" -> "DONE" [label="finish [permission incident.finish and when category = \\"a;b\\"]"];
                    "on-hold" -> "DONE" [label="finish [permission incident.finish and when category = \\"a;b\\"]"];
                }
                """);
    }

    @Test
    void everyTransitionOfEveryBuiltInLifecycleAppearsInBothDiagrams() {
        for (TicketKind kind : TicketKind.values()) {
            Lifecycle lifecycle = Lifecycles.itil(kind);
            String mermaid = LifecycleDiagrams.mermaid(lifecycle);
            String dot = LifecycleDiagrams.dot(lifecycle);
            for (Transition t : lifecycle.transitions()) {
                for (String from : t.from()) {
                    assertThat(mermaid).contains("    " + from + " --> " + t.to() + ": " + t.name());
                    assertThat(dot).contains("\"" + from + "\" -> \"" + t.to() + "\" [label=\"" + t.name());
                }
            }
        }
    }

    @Test
    void theDiagramsInTheDocumentationAreTheExportersOutput() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "lifecycles.md"));
        Map<String, String> diagrams = new LinkedHashMap<>();
        Matcher m = DIAGRAM.matcher(docs);
        while (m.find()) {
            diagrams.put(m.group(1), m.group(2));
        }
        List<Lifecycle> builtIn = List.of(Lifecycles.itilIncident(), Lifecycles.itilServiceRequest(), Lifecycles.itilProblem(),
                Lifecycles.itilChange(), Lifecycles.itilTask());
        assertThat(diagrams.keySet()).containsExactlyElementsOf(builtIn.stream().map(Lifecycle::id).toList());
        for (Lifecycle lifecycle : builtIn) {
            assertThat(diagrams.get(lifecycle.id())).as("the diagram of %s in docs/lifecycles.md; regenerate it with "
                    + "LifecycleDiagrams.mermaid", lifecycle.id()).isEqualTo(LifecycleDiagrams.mermaid(lifecycle));
        }
    }
}
