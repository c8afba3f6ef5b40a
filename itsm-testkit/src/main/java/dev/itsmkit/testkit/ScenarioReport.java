package dev.itsmkit.testkit;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.sla.BusinessCalendars;
import dev.itsmkit.sla.ClockOutcome;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What running a scenario gave: each check and each expectation, passed or failed with expected and actual
 * values, and every target's outcome in every cycle whether or not it was expected. Print it with
 * {@link ReportPrinter}. Immutable and thread-safe.
 */
public final class ScenarioReport {
    private final Scenario scenario;
    private final List<CheckResult> checks;
    private final Map<String, List<ClockOutcome>> outcomes;
    private final List<ExpectationResult> expectations;
    private final Optional<String> replayProblem;

    ScenarioReport(Scenario scenario, List<CheckResult> checks, Map<String, List<ClockOutcome>> outcomes,
            List<ExpectationResult> expectations, Optional<String> replayProblem) {
        this.scenario = requireNonNull(scenario, "scenario");
        this.checks = List.copyOf(checks);
        Map<String, List<ClockOutcome>> copy = new LinkedHashMap<>();
        outcomes.forEach((target, cycles) -> copy.put(target, List.copyOf(cycles)));
        this.outcomes = Collections.unmodifiableMap(copy);
        this.expectations = List.copyOf(expectations);
        this.replayProblem = requireNonNull(replayProblem, "replayProblem");
    }

    /**
     * Returns the scenario that was run.
     *
     * @return the scenario
     */
    public Scenario scenario() {
        return scenario;
    }

    /**
     * Returns the result of every check, in file order.
     *
     * @return the results
     */
    public List<CheckResult> checks() {
        return checks;
    }

    /**
     * Returns every target's outcome at the scenario's instant.
     *
     * @return per target in the policy's order, every cycle, oldest first (a single {@code NOT_STARTED}
     *     outcome for a clock that never started); empty if the scenario has no timeline
     */
    public Map<String, List<ClockOutcome>> outcomes() {
        return outcomes;
    }

    /**
     * Returns the result of every expected outcome, in file order.
     *
     * @return the results
     */
    public List<ExpectationResult> expectations() {
        return expectations;
    }

    /**
     * Returns why the timeline could not be replayed, if it could not.
     *
     * @return the problem, or empty
     */
    public Optional<String> replayProblem() {
        return replayProblem;
    }

    /**
     * Tells whether everything the scenario checks holds.
     *
     * @return {@code true} if every check and every expectation passed and the timeline could be replayed
     */
    public boolean passed() {
        return failures() == 0;
    }

    /**
     * Counts what failed.
     *
     * @return the number of failed checks and expectations, plus one if the timeline could not be replayed
     */
    public int failures() {
        return (int) (checks.stream().filter(c -> !c.passed()).count()
                + expectations.stream().filter(e -> !e.passed()).count()) + (replayProblem.isPresent() ? 1 : 0);
    }

    /**
     * Returns the zone in which a target's instants are printed: that of its calendar.
     *
     * @param target a target of the scenario's policy
     * @return the zone of the target's calendar; UTC for {@code 24x7} or an unknown target
     */
    public ZoneId zoneOfTarget(String target) {
        requireNonNull(target, "target");
        return scenario.policy().flatMap(p -> p.target(target))
                .flatMap(t -> scenario.calendars().find(t.calendar()))
                .map(c -> c.zone()).orElse(ZoneOffset.UTC);
    }

    /**
     * Returns the zone in which a calendar's instants are printed.
     *
     * @param calendar a calendar of the scenario
     * @return its zone; UTC for {@value BusinessCalendars#ALWAYS} or an unknown calendar
     */
    public ZoneId zoneOfCalendar(String calendar) {
        return scenario.calendars().find(requireNonNull(calendar, "calendar")).map(c -> c.zone()).orElse(ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return "ScenarioReport[" + scenario.source() + ": " + (passed() ? "passed" : failures() + " failed") + "]";
    }
}
