package dev.itsmkit.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.TicketKind;
import dev.itsmkit.workflow.Lifecycle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example of docs/lifecycles.md reads as the lifecycle it describes. */
class LifecycleDocumentationTest {
    @Test
    void theCompleteExampleInTheDocumentationIsAValidLifecycle() throws IOException {
        String markdown = Files.readString(Path.of("..", "docs", "lifecycles.md"));
        int section = markdown.indexOf("## Defining a lifecycle in YAML/JSON");
        assertThat(section).as("the section of docs/lifecycles.md").isNotNegative();
        int fence = markdown.indexOf("```yaml", section);
        String yaml = markdown.substring(markdown.indexOf('\n', fence) + 1, markdown.indexOf("```", fence + 7));

        Lifecycle lifecycle = LifecycleDefinitions.read(yaml, DefinitionFormat.YAML);

        assertThat(lifecycle.id()).isEqualTo("acme-change");
        assertThat(lifecycle.kind()).isEqualTo(TicketKind.CHANGE);
        assertThat(lifecycle.states()).hasSize(6);
        assertThat(lifecycle.state("WORK")).get().satisfies(s -> assertThat(s.lockedFields()).containsExactly("site"));
        assertThat(lifecycle.transition("NEW", "start")).get()
                .satisfies(t -> assertThat(t.guards()).hasSize(9))
                .satisfies(t -> assertThat(t.actions()).hasSize(5));
    }
}
