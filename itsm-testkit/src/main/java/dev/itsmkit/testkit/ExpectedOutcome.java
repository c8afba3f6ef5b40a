package dev.itsmkit.testkit;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.ThresholdCrossing;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One expected {@code OUTCOME} of a scenario file: the target and cycle it speaks of, and only the fields it
 * checks. A checked field of {@link #remaining()}, {@link #due()} or {@link #breachedAt()} that is empty expects
 * the field to be absent (written {@code null} in the file). Immutable and thread-safe.
 */
public final class ExpectedOutcome {
    private final String path;
    private final String target;
    private final OptionalInt cycle;
    private final Map<OutcomeField, Optional<?>> fields;

    ExpectedOutcome(String path, String target, OptionalInt cycle, Map<OutcomeField, Optional<?>> fields) {
        this.path = requireNonNull(path, "path");
        this.target = requireNonNull(target, "target");
        this.cycle = requireNonNull(cycle, "cycle");
        this.fields = fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(fields));
    }

    /**
     * Returns where the expectation stands in its file.
     *
     * @return its JSON path, for example {@code $.expect.resolution[1]}
     */
    public String path() {
        return path;
    }

    /**
     * Returns the target the expectation speaks of.
     *
     * @return the target's name
     */
    public String target() {
        return target;
    }

    /**
     * Returns the cycle the expectation selects.
     *
     * @return the cycle, counting from 1; empty for the target's last cycle
     */
    public OptionalInt cycle() {
        return cycle;
    }

    /**
     * Returns the fields the expectation checks.
     *
     * @return the fields, in the order of {@link OutcomeField}
     */
    public Set<OutcomeField> fields() {
        return fields.keySet();
    }

    /**
     * Tells whether a field is checked.
     *
     * @param field a field
     * @return {@code true} if the expectation lists it
     */
    public boolean checks(OutcomeField field) {
        return fields.containsKey(requireNonNull(field, "field"));
    }

    /**
     * Returns the expected status.
     *
     * @return the status, or empty if not checked
     */
    public Optional<ClockStatus> status() {
        return value(OutcomeField.STATUS, ClockStatus.class);
    }

    /**
     * Returns the expected elapsed business time.
     *
     * @return the duration, or empty if not checked
     */
    public Optional<Duration> elapsed() {
        return value(OutcomeField.ELAPSED, Duration.class);
    }

    /**
     * Returns the expected remaining business time.
     *
     * @return the duration; empty if not checked or expected absent (see {@link #checks})
     */
    public Optional<Duration> remaining() {
        return value(OutcomeField.REMAINING, Duration.class);
    }

    /**
     * Returns the expected deadline.
     *
     * @return the instant; empty if not checked or expected absent (see {@link #checks})
     */
    public Optional<Instant> due() {
        return value(OutcomeField.DUE, Instant.class);
    }

    /**
     * Returns the expected breach instant.
     *
     * @return the instant; empty if not checked or expected absent (see {@link #checks})
     */
    public Optional<Instant> breachedAt() {
        return value(OutcomeField.BREACHED_AT, Instant.class);
    }

    /**
     * Returns the expected warnings, all of them, in order.
     *
     * @return the warnings, or empty if not checked
     */
    @SuppressWarnings("unchecked")
    public Optional<List<ThresholdCrossing>> warnings() {
        return (Optional<List<ThresholdCrossing>>) fields.getOrDefault(OutcomeField.WARNINGS, Optional.empty());
    }

    /**
     * Returns the expected number of cycles.
     *
     * @return the number, or empty if not checked
     */
    public OptionalInt cycles() {
        return value(OutcomeField.CYCLES, Integer.class).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** The expected value of a field, as the parser stored it; empty if unchecked or expected absent. */
    Optional<?> raw(OutcomeField field) {
        return fields.getOrDefault(field, Optional.empty());
    }

    private <T> Optional<T> value(OutcomeField field, Class<T> type) {
        return fields.getOrDefault(field, Optional.empty()).map(type::cast);
    }

    @Override
    public String toString() {
        return "ExpectedOutcome[" + path + ", " + target + (cycle.isPresent() ? " cycle " + cycle.getAsInt() : "")
                + ", " + fields + "]";
    }
}
