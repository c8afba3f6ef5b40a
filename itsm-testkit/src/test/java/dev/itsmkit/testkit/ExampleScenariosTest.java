package dev.itsmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every documented example a user may copy passes, and so does every scenario that pins a rule of the spec. */
class ExampleScenariosTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "sla-scenarios");
    private static final Path SEMANTICS = Path.of("src", "test", "resources", "semantics");

    static List<Path> scenarioFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().matches(".*\\.(json|yaml|yml)")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleScenarioPasses() throws IOException {
        return scenarioFiles(EXAMPLES).stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                        () -> ScenarioAssertions.assertPasses(file)));
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioOfTheSpecsRulesPasses() throws IOException {
        return scenarioFiles(SEMANTICS).stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                        () -> ScenarioAssertions.assertPasses(file)));
    }

    @Test
    void theExamplesCoverWhatTheReadmePromisesAndEachSaysWhatItShows() throws IOException {
        List<Path> files = scenarioFiles(EXAMPLES);
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        assertThat(files).anyMatch(f -> f.toString().endsWith(".yaml"));
        assertThat(Files.readString(EXAMPLES.resolve("README.md"))).contains("./itsm sla check");
        for (Path file : files) {
            Scenario scenario = ScenarioParser.parse(file);
            assertThat(scenario.name()).as(file.toString()).isNotBlank();
            assertThat(scenario.checks().size() + scenario.expectations().size()).as(file.toString()).isPositive();
            assertThat(Files.readString(EXAMPLES.resolve("README.md"))).contains(file.getFileName().toString());
        }
    }
}
