package dev.itsmkit.testkit;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.sla.BusinessCalendars;
import dev.itsmkit.sla.SlaPolicy;
import dev.itsmkit.sla.SlaTimeline;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A scenario file as read by {@link ScenarioParser}: its calendars, its calendar checks, and its policy,
 * timeline, evaluation instant and expected outcomes. Immutable and thread-safe.
 */
public final class Scenario {
    private final String source;
    private final String name;
    private final BusinessCalendars calendars;
    private final List<CalendarCheck> checks;
    private final @Nullable SlaPolicy policy;
    private final List<SlaTimeline.Change> timeline;
    private final @Nullable Instant at;
    private final List<ExpectedOutcome> expectations;

    Scenario(String source, String name, BusinessCalendars calendars, List<CalendarCheck> checks,
            @Nullable SlaPolicy policy, List<SlaTimeline.Change> timeline, @Nullable Instant at,
            List<ExpectedOutcome> expectations) {
        this.source = requireNonNull(source, "source");
        this.name = requireNonNull(name, "name");
        this.calendars = requireNonNull(calendars, "calendars");
        this.checks = List.copyOf(checks);
        this.policy = policy;
        this.timeline = List.copyOf(timeline);
        this.at = at;
        this.expectations = List.copyOf(expectations);
    }

    /**
     * Returns where the scenario was read from.
     *
     * @return the file's path, or the name given to text read from elsewhere
     */
    public String source() {
        return source;
    }

    /**
     * Returns the scenario's name, free text that says what it shows.
     *
     * @return the name; empty text if the file gives none
     */
    public String name() {
        return name;
    }

    /**
     * Returns the calendars of the file, with the built-in {@code 24x7}.
     *
     * @return the calendars by name
     */
    public BusinessCalendars calendars() {
        return calendars;
    }

    /**
     * Returns the calendar checks, in file order.
     *
     * @return the checks; empty if the file has none
     */
    public List<CalendarCheck> checks() {
        return checks;
    }

    /**
     * Returns the policy the timeline is replayed against.
     *
     * @return the policy (id {@code scenario}, version 1); empty if the file has no timeline
     */
    public Optional<SlaPolicy> policy() {
        return Optional.ofNullable(policy);
    }

    /**
     * Returns the ticket's timeline: after each event, the ticket as it stands.
     *
     * @return the changes in file order; empty if the file has no timeline
     */
    public List<SlaTimeline.Change> timeline() {
        return timeline;
    }

    /**
     * Returns the instant at which every clock is evaluated.
     *
     * @return the file's {@code at}, or the last event's instant; empty if the file has no timeline
     */
    public Optional<Instant> at() {
        return Optional.ofNullable(at);
    }

    /**
     * Returns the expected outcomes, in file order (a target's list of outcomes in list order).
     *
     * @return the expectations; empty if the file has none
     */
    public List<ExpectedOutcome> expectations() {
        return expectations;
    }

    @Override
    public String toString() {
        return "Scenario[" + source + (name.isEmpty() ? "" : ": " + name) + "]";
    }
}
