package dev.itsmkit.testkit;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.sla.BusinessCalendar;
import dev.itsmkit.sla.ClockOutcome;
import dev.itsmkit.sla.SlaPolicy;
import dev.itsmkit.sla.SlaTimeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs scenarios: computes each calendar check, replays the timeline against the policy with
 * {@link SlaTimeline#replay} at the scenario's instant, and compares what came out with what the file
 * expects (only the fields it lists). Stateless and thread-safe.
 */
public final class ScenarioRunner {
    private ScenarioRunner() {}

    /**
     * Reads and runs a scenario file.
     *
     * @param file a scenario file, JSON or YAML ({@code .yaml}, {@code .yml})
     * @return the report
     * @throws ScenarioFormatException if the file cannot be read or does not follow the format
     */
    public static ScenarioReport run(Path file) {
        return run(ScenarioParser.parse(file));
    }

    /**
     * Runs a scenario.
     *
     * @param scenario the scenario
     * @return the report: every check and expectation passed or failed, and every target's outcome
     */
    public static ScenarioReport run(Scenario scenario) {
        requireNonNull(scenario, "scenario");
        List<CheckResult> checks = new ArrayList<>();
        for (CalendarCheck check : scenario.checks()) {
            checks.add(check(scenario, check));
        }
        Map<String, List<ClockOutcome>> outcomes = Map.of();
        Optional<String> replayProblem = Optional.empty();
        List<ExpectationResult> expectations = new ArrayList<>();
        Optional<SlaPolicy> policy = scenario.policy();
        Optional<Instant> at = scenario.at();
        if (policy.isPresent() && at.isPresent()) {
            try {
                outcomes = SlaTimeline.replay(policy.get(), scenario.calendars(), scenario.timeline(), at.get());
            } catch (RuntimeException e) {
                replayProblem = Optional.of("the timeline could not be replayed: " + e.getMessage());
            }
        }
        ScenarioReport partial = new ScenarioReport(scenario, checks, outcomes, List.of(), replayProblem);
        for (ExpectedOutcome expected : scenario.expectations()) {
            expectations.add(compare(expected, outcomes, replayProblem, partial.zoneOfTarget(expected.target())));
        }
        return new ScenarioReport(scenario, checks, outcomes, expectations, replayProblem);
    }

    private static CheckResult check(Scenario scenario, CalendarCheck check) {
        BusinessCalendar calendar = scenario.calendars().get(check.calendar());
        ZoneId zone = calendar.zone();
        String expected;
        if (check instanceof CalendarCheck.Add add) {
            expected = ScenarioValues.instant(add.expect(), zone);
        } else if (check instanceof CalendarCheck.Between between) {
            expected = ScenarioValues.duration(between.expect());
        } else {
            expected = Boolean.toString(((CalendarCheck.Open) check).expect());
        }
        try {
            if (check instanceof CalendarCheck.Add add) {
                Instant actual = calendar.add(add.to(), add.add());
                return new CheckResult(check, expected, ScenarioValues.instant(actual, zone), actual.equals(add.expect()));
            }
            if (check instanceof CalendarCheck.Between between) {
                Duration actual = calendar.between(between.from(), between.to());
                return new CheckResult(check, expected, ScenarioValues.duration(actual), actual.equals(between.expect()));
            }
            CalendarCheck.Open open = (CalendarCheck.Open) check;
            boolean actual = calendar.isOpen(open.at());
            return new CheckResult(check, expected, Boolean.toString(actual), actual == open.expect());
        } catch (IllegalArgumentException e) {
            return new CheckResult(check, expected, "error: " + e.getMessage(), false);
        }
    }

    private static ExpectationResult compare(ExpectedOutcome expected, Map<String, List<ClockOutcome>> outcomes,
            Optional<String> replayProblem, ZoneId zone) {
        if (replayProblem.isPresent()) {
            return new ExpectationResult(expected, Optional.empty(), List.of(), replayProblem);
        }
        List<ClockOutcome> cycles = outcomes.getOrDefault(expected.target(), List.of());
        Optional<ClockOutcome> selected;
        if (expected.cycle().isPresent()) {
            int wanted = expected.cycle().getAsInt();
            selected = cycles.stream().filter(o -> o.cycle() == wanted).findFirst();
            if (selected.isEmpty()) {
                int had = cycles.isEmpty() ? 0 : cycles.get(cycles.size() - 1).cycles();
                return new ExpectationResult(expected, Optional.empty(), List.of(), Optional.of("the target has no cycle "
                        + wanted + "; it has had " + had + (had == 1 ? " cycle" : " cycles")));
            }
        } else if (cycles.isEmpty()) {
            return new ExpectationResult(expected, Optional.empty(), List.of(),
                    Optional.of("the replay gave no outcome for this target"));
        } else {
            selected = Optional.of(cycles.get(cycles.size() - 1));
        }
        ClockOutcome actual = selected.get();
        List<FieldResult> fields = new ArrayList<>();
        for (OutcomeField field : expected.fields()) {
            Optional<?> want = expected.raw(field);
            fields.add(switch (field) {
                case STATUS -> field(field, want.map(Object::toString).orElse("none"), actual.status().toString(),
                        want.equals(Optional.of(actual.status())));
                case ELAPSED -> field(field, ScenarioValues.duration(expected.elapsed()),
                        ScenarioValues.duration(actual.elapsed()), want.equals(Optional.of(actual.elapsed())));
                case REMAINING -> field(field, ScenarioValues.duration(expected.remaining()),
                        ScenarioValues.duration(actual.remaining()), want.equals(actual.remaining()));
                case DUE -> field(field, ScenarioValues.instant(expected.due(), zone),
                        ScenarioValues.instant(actual.due(), zone), want.equals(actual.due()));
                case BREACHED_AT -> field(field, ScenarioValues.instant(expected.breachedAt(), zone),
                        ScenarioValues.instant(actual.breachedAt(), zone), want.equals(actual.breachedAt()));
                case WARNINGS -> field(field, ScenarioValues.warnings(expected.warnings().orElse(List.of()), zone),
                        ScenarioValues.warnings(actual.warnings(), zone),
                        Objects.equals(expected.warnings().orElse(List.of()), actual.warnings()));
                case CYCLES -> field(field, Integer.toString(expected.cycles().orElse(-1)),
                        Integer.toString(actual.cycles()), expected.cycles().orElse(-1) == actual.cycles());
            });
        }
        return new ExpectationResult(expected, selected, fields, Optional.empty());
    }

    private static FieldResult field(OutcomeField field, String expected, String actual, boolean passed) {
        return new FieldResult(field, expected, actual, passed);
    }
}
