package dev.itsmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRunnerTest {
    /** A P2 clock in Berlin office hours, evaluated in the middle of its second day. */
    private static final String SCENARIO = """
            {
              "format": 1,
              "name": "runner",
              "calendars": { "office": { "zone": "Europe/Berlin",
                  "hours": { "MON": ["09:00-17:00"], "TUE": ["09:00-17:00"] } } },
              "checks": [
                { "calendar": "office", "add": "PT9H", "to": "2026-12-28T09:00:00+01:00",
                  "expect": "2026-12-29T10:00:00+01:00" },
                { "calendar": "office", "between": ["2026-12-29T10:00:00+01:00", "2026-12-28T09:00:00+01:00"],
                  "expect": "-PT9H" },
                { "calendar": "24x7", "open": "2026-12-28T03:00:00Z", "expect": false }
              ],
              "policy": { "targets": [ {
                "name": "resolution", "calendar": "office", "goal": "PT8H",
                "stop": { "category": ["RESOLVED"] }, "warn": [50] } ] },
              "timeline": [ { "at": "2026-12-28T09:00:00+01:00", "state": "NEW", "category": "NEW", "priority": "P2" } ],
              "at": "2026-12-29T10:00:00+01:00",
              "expect": { "resolution": [
                { "status": "BREACHED", "elapsed": "PT9H", "remaining": "-PT1H",
                  "breachedAt": "2026-12-28T17:00:00+01:00", "due": "2026-12-28T16:00:00Z" },
                { "cycle": 1, "status": "MET", "warnings": [] },
                { "cycle": 2, "status": "RUNNING" }
              ] }
            }
            """;

    private static ScenarioReport report() {
        return ScenarioRunner.run(ScenarioParser.parseJson(SCENARIO, "runner.json"));
    }

    @Test
    void checksCompareInstantsAsInstantsAndPrintThemInTheCalendarsZone() {
        List<CheckResult> checks = report().checks();
        assertThat(checks.get(0)).satisfies(c -> {
            assertThat(c.passed()).isTrue();
            assertThat(c.actual()).isEqualTo("2026-12-29T10:00:00+01:00");
        });
        assertThat(checks.get(1).actual()).isEqualTo("-PT9H");
        assertThat(checks.get(1).passed()).isTrue();
        assertThat(checks.get(2).passed()).isFalse();
        assertThat(checks.get(2).expected()).isEqualTo("false");
        assertThat(checks.get(2).actual()).isEqualTo("true");
    }

    @Test
    void anExpectationComparesOnlyTheFieldsItListsAndSaysWhatDiffered() {
        ScenarioReport report = report();
        ExpectationResult last = report.expectations().get(0);
        assertThat(last.passed()).isTrue();
        assertThat(last.fields()).extracting(FieldResult::field).containsExactly(OutcomeField.STATUS,
                OutcomeField.ELAPSED, OutcomeField.REMAINING, OutcomeField.DUE, OutcomeField.BREACHED_AT);
        assertThat(last.fields().get(3).actual()).isEqualTo("2026-12-28T17:00:00+01:00");

        ExpectationResult first = report.expectations().get(1);
        assertThat(first.passed()).isFalse();
        assertThat(first.fields()).containsExactly(
                new FieldResult(OutcomeField.STATUS, "MET", "BREACHED", false),
                new FieldResult(OutcomeField.WARNINGS, "[]", "[50% at 2026-12-28T13:00:00+01:00]", false));

        ExpectationResult missing = report.expectations().get(2);
        assertThat(missing.passed()).isFalse();
        assertThat(missing.actual()).isEmpty();
        assertThat(missing.problem()).contains("the target has no cycle 2; it has had 1 cycle");
        assertThat(report.failures()).isEqualTo(3);
        assertThat(report.passed()).isFalse();
    }

    @Test
    void theTextReportShowsEachCheckAndExpectationWithExpectedAndActual() {
        String text = ReportPrinter.text(report());
        assertThat(text).startsWith("FAILED  runner.json  (runner)\n");
        assertThat(text).contains("  passed  $.checks[0]  office: add PT9H to 2026-12-28T09:00:00+01:00: "
                + "expected 2026-12-29T10:00:00+01:00, actual 2026-12-29T10:00:00+01:00\n");
        assertThat(text).contains("  FAILED  $.checks[2]  24x7: open at 2026-12-28T03:00:00Z: expected false, actual true\n");
        assertThat(text).contains("  FAILED  $.expect.resolution[1]  resolution, cycle 1 of 1, at 2026-12-29T10:00:00+01:00\n"
                + "            MISMATCH status: expected MET, actual BREACHED\n");
        assertThat(text).contains("            remaining: expected -PT1H, actual -PT1H\n");
        assertThat(text).contains("  FAILED  $.expect.resolution[2]  resolution, cycle 2");
    }

    @Test
    void theJsonReportHoldsEveryActualValueWhetherOrNotExpected(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("runner.json");
        Files.writeString(file, SCENARIO);
        Path invalid = folder.resolve("invalid.json");
        Files.writeString(invalid, SCENARIO.replace("\"format\": 1", "\"format\": 2"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exitCode = SlaCheck.run(List.of(file, invalid), true, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(SlaCheck.INVALID);
        JsonNode document = new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8));
        JsonNode first = document.get("files").get(0);
        assertThat(first.get("path").asText()).isEqualTo(file.toString());
        assertThat(first.get("valid").asBoolean()).isTrue();
        assertThat(first.get("passed").asBoolean()).isFalse();
        assertThat(first.get("checks").get(0).get("actual").asText()).isEqualTo("2026-12-29T10:00:00+01:00");
        assertThat(first.get("checks").get(2).get("actual").isBoolean()).isTrue();
        JsonNode outcome = first.get("outcomes").get("resolution").get(0);
        assertThat(outcome.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("cycle", "status",
                "elapsed", "remaining", "due", "breachedAt", "warnings", "cycles");
        assertThat(outcome.get("status").asText()).isEqualTo("BREACHED");
        assertThat(outcome.get("remaining").asText()).isEqualTo("-PT1H");
        assertThat(outcome.get("due").asText()).isEqualTo("2026-12-28T17:00:00+01:00");
        assertThat(outcome.get("warnings").get(0).get("at").asText()).isEqualTo("2026-12-28T13:00:00+01:00");
        assertThat(first.get("expectations").get(1).get("fields").get(0).get("actual").asText()).isEqualTo("BREACHED");

        JsonNode second = document.get("files").get(1);
        assertThat(second.get("valid").asBoolean()).isFalse();
        assertThat(second.get("error").get("jsonPath").asText()).isEqualTo("$.format");
        assertThat(document.get("summary").get("failed").asInt()).isEqualTo(1);
        assertThat(document.get("summary").get("invalid").asInt()).isEqualTo(1);
        assertThat(document.get("summary").get("exitCode").asInt()).isEqualTo(2);
    }

    @Test
    void theExitCodeIsZeroWhenAllPassOneWhenAnyFailsTwoWhenAFileIsInvalid(@TempDir Path folder) throws Exception {
        Path passing = folder.resolve("passing.json");
        Files.writeString(passing, """
                { "format": 1, "checks": [ { "calendar": "24x7", "open": "2026-01-01T00:00:00Z", "expect": true } ] }
                """);
        Path failing = folder.resolve("failing.json");
        Files.writeString(failing, """
                { "format": 1, "checks": [ { "calendar": "24x7", "open": "2026-01-01T00:00:00Z", "expect": false } ] }
                """);
        Path invalid = folder.resolve("invalid.yml");
        Files.writeString(invalid, "format: 1\nchecks: []\n");
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(SlaCheck.run(List.of(passing), false, out)).isEqualTo(SlaCheck.ALL_PASSED);
        assertThat(SlaCheck.run(List.of(passing, failing), false, out)).isEqualTo(SlaCheck.SOME_FAILED);
        assertThat(SlaCheck.run(List.of(failing, invalid, passing), false, out)).isEqualTo(SlaCheck.INVALID);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SlaCheck.run(List.of(invalid, passing), false, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("INVALID " + invalid + "\n  at $.checks: ")
                .contains("PASSED  " + passing).endsWith("2 files: 1 passed, 0 failed, 1 invalid\n");
    }

    @Test
    void assertPassesThrowsAnAssertionErrorWithTheReport(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("runner.json");
        Files.writeString(file, SCENARIO);
        assertThatThrownBy(() -> ScenarioAssertions.assertPasses(file)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("MISMATCH status: expected MET, actual BREACHED");
        Files.writeString(file, SCENARIO.replace("\"goal\": \"PT8H\"", "\"goal\": \"8h\""));
        assertThatThrownBy(() -> ScenarioAssertions.assertPasses(file)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("$.policy.targets[0].goal");
    }
}
