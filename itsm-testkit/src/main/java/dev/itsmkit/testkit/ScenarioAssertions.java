package dev.itsmkit.testkit;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Assertions on scenario files for JUnit (or any test framework that reports an {@link AssertionError}):
 * {@code ScenarioAssertions.assertPasses(Path.of("src/test/resources/sla/incident-p1.json"))}. Thread-safe.
 */
public final class ScenarioAssertions {
    private ScenarioAssertions() {}

    /**
     * Asserts that a scenario file is valid and that every check and expectation in it passes.
     *
     * @param file a scenario file, JSON or YAML ({@code .yaml}, {@code .yml})
     * @return the report, for further assertions
     * @throws AssertionError if the file is invalid (with the JSON path of the fault and what is wrong) or
     *     anything in it fails (with the text report: expected and actual values)
     */
    public static ScenarioReport assertPasses(Path file) {
        requireNonNull(file, "file");
        ScenarioReport report;
        try {
            report = ScenarioRunner.run(file);
        } catch (ScenarioFormatException e) {
            throw new AssertionError("the scenario file is invalid:\n" + ReportPrinter.text(e), e);
        }
        if (!report.passed()) {
            throw new AssertionError("the scenario failed:\n" + ReportPrinter.text(report));
        }
        return report;
    }
}
