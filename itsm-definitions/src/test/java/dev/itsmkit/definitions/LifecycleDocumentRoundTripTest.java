package dev.itsmkit.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.workflow.Action;
import dev.itsmkit.workflow.Guard;
import dev.itsmkit.workflow.Transition;
import dev.itsmkit.workflow.ApprovalPolicy;
import dev.itsmkit.workflow.Lifecycle;
import dev.itsmkit.workflow.Lifecycles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LifecycleDocumentRoundTripTest {
    static Stream<Lifecycle> builtInLifecycles() {
        return Stream.of(Lifecycles.itilIncident(), Lifecycles.itilServiceRequest(), Lifecycles.itilProblem(),
                Lifecycles.itilChange(), Lifecycles.itilTask(), Lifecycles.itilServiceRequest(ApprovalPolicy.anyOne()),
                Lifecycles.itilServiceRequest(ApprovalPolicy.sequence()), Lifecycles.itilChange(ApprovalPolicy.quorum(3)));
    }

    @ParameterizedTest
    @MethodSource("builtInLifecycles")
    void everyBuiltInLifecycleWrittenAsJsonReadsBackEqual(Lifecycle lifecycle) {
        String json = LifecycleDefinitions.write(lifecycle, DefinitionFormat.JSON);
        assertThat(LifecycleDefinitions.read(json, DefinitionFormat.JSON)).isEqualTo(lifecycle);
    }

    @ParameterizedTest
    @MethodSource("builtInLifecycles")
    void everyBuiltInLifecycleWrittenAsYamlReadsBackEqual(Lifecycle lifecycle) {
        String yaml = LifecycleDefinitions.write(lifecycle, DefinitionFormat.YAML);
        assertThat(LifecycleDefinitions.read(yaml, DefinitionFormat.YAML)).isEqualTo(lifecycle);
    }

    @Test
    void everyGeneratedLifecycleReadsBackEqualFromBothFormats() {
        qt().withExamples(300).forAll(GeneratedLifecycles.lifecycles()).checkAssert(lifecycle -> {
            for (DefinitionFormat format : DefinitionFormat.values()) {
                String document = LifecycleDefinitions.write(lifecycle, format);
                assertThat(LifecycleDefinitions.read(document, format)).as(document).isEqualTo(lifecycle);
            }
        });
    }

    @Test
    void oneLifecycleAlwaysGivesOneText() {
        qt().withExamples(100).forAll(GeneratedLifecycles.lifecycles()).checkAssert(lifecycle -> {
            for (DefinitionFormat format : DefinitionFormat.values()) {
                String document = LifecycleDefinitions.write(lifecycle, format);
                assertThat(LifecycleDefinitions.write(LifecycleDefinitions.read(document, format), format))
                        .isEqualTo(document);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "on", "off", "null", "~", "true", "1e3", "0x1F", "1_000", ".inf", ".NaN", "012",
            "+1", "-", "2026-01-01", "12:30", "a: b", "#x", "- a", "[a]", "{a}", "'q'", "\"q\"", "", " lead", "trail ",
            "line\nbreak", "cr\r\nlf", "tab\tx", "\u00fc\u20ac\ud83d\ude00", "<<", "*a", "&a", "!x", "%x", "@x", "`x"})
    void textsThatLookLikeOtherYamlValuesStayTexts(String text) {
        Lifecycle lifecycle = Lifecycle.builder("t", TicketKind.INCIDENT).customFields("note")
                .initialState("A", StateCategory.NEW).state("B", StateCategory.CLOSED)
                .transition(Transition.builder("go").from("A").to("B")
                        .guard(Guard.when(Condition.fieldEquals("title", new FieldValue.Text(text))))
                        .action(Action.setField("note", new FieldValue.Text(text))))
                .build();
        for (DefinitionFormat format : DefinitionFormat.values()) {
            assertThat(LifecycleDefinitions.read(LifecycleDefinitions.write(lifecycle, format), format)).isEqualTo(lifecycle);
        }
    }

    @ParameterizedTest
    @EnumSource(TicketKind.class)
    void theShippedExampleFilesAreTheBuiltInLifecycles(TicketKind kind) {
        Lifecycle builtIn = Lifecycles.itil(kind);
        Path example = Path.of("..", "examples", "lifecycles", builtIn.id() + ".yaml");
        assertThat(LifecycleDefinitions.read(example)).isEqualTo(builtIn);
    }

    @ParameterizedTest
    @EnumSource(TicketKind.class)
    void theResourcesInTheJarAreTheBuiltInLifecycles(TicketKind kind) throws IOException {
        Lifecycle builtIn = Lifecycles.itil(kind);
        try (InputStream in = Objects.requireNonNull(getClass().getClassLoader()
                .getResourceAsStream("META-INF/itsm-kit/lifecycles/" + builtIn.id() + ".yaml"), builtIn.id());
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            assertThat(LifecycleDefinitions.read(reader, DefinitionFormat.YAML, builtIn.id())).isEqualTo(builtIn);
        }
    }

    @Test
    void aFileIsReadInTheFormatItsNameSays(@TempDir Path dir) throws IOException {
        Lifecycle lifecycle = Lifecycles.itilProblem();
        for (String name : List.of("p.json", "p.yaml", "p.YML")) {
            Path file = dir.resolve(name);
            Files.writeString(file, LifecycleDefinitions.write(lifecycle, DefinitionFormat.of(file)));
            assertThat(LifecycleDefinitions.read(file)).as(name).isEqualTo(lifecycle);
        }
        assertThat(DefinitionFormat.of(Path.of("a.yml"))).isEqualTo(DefinitionFormat.YAML);
        assertThat(DefinitionFormat.of(Path.of("a.txt"))).isEqualTo(DefinitionFormat.JSON);
    }

    @Test
    void writingToAWriterGivesTheSameTextAndLeavesItOpen() {
        StringWriter out = new StringWriter();
        LifecycleDefinitions.write(Lifecycles.itilIncident(), DefinitionFormat.YAML, out);
        out.write("# still open");
        assertThat(out.toString()).startsWith(LifecycleDefinitions.write(Lifecycles.itilIncident(), DefinitionFormat.YAML))
                .endsWith("# still open");
        assertThat(LifecycleDefinitions.read(new StringReader(out.toString()), DefinitionFormat.YAML, "w"))
                .isEqualTo(Lifecycles.itilIncident());
    }
}
