package dev.itsmkit.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.itsmkit.core.timing.ThresholdCrossing;
import dev.itsmkit.sla.ClockOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints scenario reports as the scenario format's runner does: as text for people (each check and
 * expectation passed or failed, with expected and actual values) or as JSON for tools (the actual value of
 * every check and every target's outcome in every cycle, all fields, whether or not expected). Instants carry
 * the offset of their calendar's zone; durations are ISO-8601 with hours as the largest unit. Thread-safe.
 */
public final class ReportPrinter {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportPrinter() {}

    /**
     * Prints a report as text.
     *
     * @param report the report
     * @return lines ending in a line break: a heading with the source, the verdict and the name, then one
     *     entry per check and expectation
     */
    public static String text(ScenarioReport report) {
        requireNonNull(report, "report");
        Scenario scenario = report.scenario();
        StringBuilder out = new StringBuilder();
        out.append(report.passed() ? "PASSED  " : "FAILED  ").append(scenario.source());
        if (!scenario.name().isEmpty()) {
            out.append("  (").append(scenario.name()).append(')');
        }
        out.append('\n');
        for (CheckResult check : report.checks()) {
            out.append(check.passed() ? "  passed  " : "  FAILED  ").append(check.check().path()).append("  ")
                    .append(describe(check.check(), report.zoneOfCalendar(check.check().calendar())))
                    .append(": expected ").append(check.expected()).append(", actual ").append(check.actual())
                    .append('\n');
        }
        report.replayProblem().ifPresent(problem -> out.append("  FAILED  $.timeline  ").append(problem).append('\n'));
        for (ExpectationResult result : report.expectations()) {
            ExpectedOutcome expected = result.expected();
            out.append(result.passed() ? "  passed  " : "  FAILED  ").append(expected.path()).append("  ")
                    .append(expected.target());
            result.actual().ifPresentOrElse(
                    actual -> out.append(actual.cycle() == 0 ? ", no cycle yet"
                            : ", cycle " + actual.cycle() + " of " + actual.cycles()),
                    () -> expected.cycle().ifPresent(c -> out.append(", cycle ").append(c)));
            scenario.at().ifPresent(at -> out.append(", at ")
                    .append(ScenarioValues.instant(at, report.zoneOfTarget(expected.target()))));
            out.append('\n');
            result.problem().ifPresent(problem -> out.append("            ").append(problem).append('\n'));
            for (FieldResult field : result.fields()) {
                out.append("            ").append(field.passed() ? "" : "MISMATCH ").append(field.field().key())
                        .append(": expected ").append(field.expected()).append(", actual ").append(field.actual())
                        .append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Prints a file that could not be read as a scenario, as text.
     *
     * @param invalid the fault
     * @return one line: the source, the JSON path of the fault and what is wrong, ending in a line break
     */
    public static String text(ScenarioFormatException invalid) {
        requireNonNull(invalid, "invalid");
        return "INVALID " + invalid.source() + "\n  at " + invalid.jsonPath() + ": " + invalid.problem() + "\n";
    }

    /**
     * Prints a report as a JSON document.
     *
     * @param report the report
     * @return an object with the source, name, verdict, every check with its actual value, every target's
     *     outcomes (all fields of every cycle) and every expectation compared
     */
    public static String json(ScenarioReport report) {
        return write(jsonOf(requireNonNull(report, "report")));
    }

    static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serializes", e);
        }
    }

    static ObjectNode jsonOf(ScenarioFormatException invalid) {
        ObjectNode file = NODES.objectNode();
        file.put("path", invalid.source());
        file.put("valid", false);
        file.put("passed", false);
        ObjectNode error = file.putObject("error");
        error.put("jsonPath", invalid.jsonPath());
        error.put("message", invalid.problem());
        return file;
    }

    static ObjectNode jsonOf(ScenarioReport report) {
        Scenario scenario = report.scenario();
        ObjectNode file = NODES.objectNode();
        file.put("path", scenario.source());
        file.put("name", scenario.name());
        file.put("valid", true);
        file.put("passed", report.passed());
        ArrayNode checks = file.putArray("checks");
        for (CheckResult result : report.checks()) {
            checks.add(check(result, report.zoneOfCalendar(result.check().calendar())));
        }
        if (scenario.at().isPresent()) {
            // in the zone of the first target's calendar, as the text report prints it for that target
            String first = scenario.policy().map(p -> p.targets().get(0).name()).orElse("");
            file.put("at", ScenarioValues.instant(scenario.at().get(), report.zoneOfTarget(first)));
        }
        report.replayProblem().ifPresent(problem -> file.put("replayProblem", problem));
        ObjectNode outcomes = file.putObject("outcomes");
        for (Map.Entry<String, List<ClockOutcome>> target : report.outcomes().entrySet()) {
            ArrayNode cycles = outcomes.putArray(target.getKey());
            ZoneId zone = report.zoneOfTarget(target.getKey());
            for (ClockOutcome outcome : target.getValue()) {
                cycles.add(outcome(outcome, zone));
            }
        }
        ArrayNode expectations = file.putArray("expectations");
        for (ExpectationResult result : report.expectations()) {
            ObjectNode node = expectations.addObject();
            node.put("path", result.expected().path());
            node.put("target", result.expected().target());
            result.actual().ifPresentOrElse(actual -> node.put("cycle", actual.cycle()),
                    () -> result.expected().cycle().ifPresent(c -> node.put("cycle", c)));
            node.put("passed", result.passed());
            result.problem().ifPresent(problem -> node.put("problem", problem));
            ArrayNode fields = node.putArray("fields");
            for (FieldResult field : result.fields()) {
                ObjectNode f = fields.addObject();
                f.put("field", field.field().key());
                f.put("expected", field.expected());
                f.put("actual", field.actual());
                f.put("passed", field.passed());
            }
        }
        return file;
    }

    private static ObjectNode check(CheckResult result, ZoneId zone) {
        ObjectNode node = NODES.objectNode();
        CalendarCheck check = result.check();
        node.put("path", check.path());
        node.put("calendar", check.calendar());
        if (check instanceof CalendarCheck.Add add) {
            node.put("add", ScenarioValues.duration(add.add()));
            node.put("to", ScenarioValues.instant(add.to(), zone));
            node.put("expect", result.expected());
            node.put("actual", result.actual());
        } else if (check instanceof CalendarCheck.Between between) {
            node.putArray("between").add(ScenarioValues.instant(between.from(), zone))
                    .add(ScenarioValues.instant(between.to(), zone));
            node.put("expect", result.expected());
            node.put("actual", result.actual());
        } else {
            CalendarCheck.Open open = (CalendarCheck.Open) check;
            node.put("open", ScenarioValues.instant(open.at(), zone));
            node.put("expect", open.expect());
            if (result.actual().equals("true") || result.actual().equals("false")) {
                node.put("actual", Boolean.parseBoolean(result.actual()));
            } else {
                node.put("actual", result.actual());
            }
        }
        node.put("passed", result.passed());
        return node;
    }

    private static ObjectNode outcome(ClockOutcome outcome, ZoneId zone) {
        ObjectNode node = NODES.objectNode();
        node.put("cycle", outcome.cycle());
        node.put("status", outcome.status().name());
        node.put("elapsed", ScenarioValues.duration(outcome.elapsed()));
        putDuration(node, "remaining", outcome.remaining());
        putInstant(node, "due", outcome.due(), zone);
        putInstant(node, "breachedAt", outcome.breachedAt(), zone);
        ArrayNode warnings = node.putArray("warnings");
        for (ThresholdCrossing warning : outcome.warnings()) {
            warnings.addObject().put("percent", warning.percent()).put("at", ScenarioValues.instant(warning.at(), zone));
        }
        node.put("cycles", outcome.cycles());
        return node;
    }

    private static void putDuration(ObjectNode node, String key, Optional<Duration> value) {
        if (value.isPresent()) {
            node.put(key, ScenarioValues.duration(value.get()));
        } else {
            node.putNull(key);
        }
    }

    private static void putInstant(ObjectNode node, String key, Optional<Instant> value, ZoneId zone) {
        if (value.isPresent()) {
            node.put(key, ScenarioValues.instant(value.get(), zone));
        } else {
            node.putNull(key);
        }
    }

    private static String describe(CalendarCheck check, ZoneId zone) {
        if (check instanceof CalendarCheck.Add add) {
            return check.calendar() + ": add " + ScenarioValues.duration(add.add()) + " to "
                    + ScenarioValues.instant(add.to(), zone);
        }
        if (check instanceof CalendarCheck.Between between) {
            return check.calendar() + ": between " + ScenarioValues.instant(between.from(), zone) + " and "
                    + ScenarioValues.instant(between.to(), zone);
        }
        return check.calendar() + ": open at " + ScenarioValues.instant(((CalendarCheck.Open) check).at(), zone);
    }
}
