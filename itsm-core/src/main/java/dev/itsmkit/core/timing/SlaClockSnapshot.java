package dev.itsmkit.core.timing;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.internal.Identifiers;
import dev.itsmkit.core.internal.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The state of one SLA clock (one cycle of one target of one ticket) as of an instant: what stores
 * keep so the SLA engine can carry on after a restart. A running clock's elapsed time grows beyond
 * {@link #asOf()} by the business time of its calendar; the snapshot records it up to {@code asOf}.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>A store may hold a snapshot of every running clock in memory, a million of them, so a snapshot is
 * kept compact (80 bytes with compressed references, the shared ids, names and goal not counted):
 * the elapsed time and the instants are held as nanoseconds in {@code long}s (exact from the years 1677
 * to 2262) rather than as {@link Duration} and {@link Instant} objects of 24 bytes each, which the
 * accessors create when asked; the status is a byte; the policy version and the cycle are
 * {@code short}s. What a running clock seldom has (a breach, pauses, warnings) and values
 * outside those ranges are kept in a separate object that most snapshots do not have. A clock that stopped
 * with none of those has no deadline, and its stop is held in the deadline's {@code long}: the store keeps every
 * stopped clock for good, so that is one object (of 56 bytes) less per resolved ticket. Equality, hash
 * code and every accessor are as if the values were held as given.
 */
public final class SlaClockSnapshot {
    /** A packed instant or duration that is absent. */
    private static final long ABSENT = Long.MIN_VALUE;
    /** A packed instant or duration outside the range of {@code long} nanoseconds: {@link #details} holds it. */
    private static final long IN_DETAILS = Long.MIN_VALUE + 1;
    /** The largest number of seconds, either way, whose nanoseconds fit in a {@code long} above {@link #IN_DETAILS}. */
    private static final long PACKED_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final ClockStatus[] STATUSES = ClockStatus.values();

    private final TenantId tenant;
    private final TicketId ticket;
    private final String target;
    private final String policy;
    private final String calendar;
    private final Duration goal;
    /** The policy version and the cycle if they fit, otherwise 0 and {@link #details} holds them. */
    private final short policyVersion;
    private final short cycle;
    private final byte status;
    /** Nanoseconds, or {@link #IN_DETAILS}. */
    private final long elapsedNanos;
    /** Nanoseconds since the epoch, or {@link #IN_DETAILS}. */
    private final long asOfNanos;
    /** Nanoseconds since the epoch, {@link #ABSENT} or {@link #IN_DETAILS}. */
    private final long startedAtNanos;
    /** Nanoseconds since the epoch, {@link #ABSENT} or {@link #IN_DETAILS}. */
    private final long deadlineNanos;
    /** Whether {@link #deadlineNanos} holds the stop (nanoseconds since the epoch), and the deadline is absent. */
    private final boolean deadlineIsStop;
    /** What most running clocks do not have; null if there is none of it. */
    private final @Nullable Details details;

    /**
     * The seldom present values of a snapshot, and those that do not fit the packed fields: {@code elapsed},
     * {@code asOf}, {@code startedAt} and {@code deadline} only when their packed field is {@link #IN_DETAILS}
     * (null otherwise, so that a stopped clock, which the store keeps for good, holds no {@link Instant} or
     * {@link Duration} object beside the packed values).
     */
    private record Details(int policyVersion, int cycle, @Nullable Instant stoppedAt, @Nullable Instant breachedAt,
            List<Pause> pauses, List<ThresholdCrossing> warnings, @Nullable Duration elapsed, @Nullable Instant asOf,
            @Nullable Instant startedAt, @Nullable Instant deadline) {}

    private SlaClockSnapshot(Builder b) {
        this.tenant = requireNonNull(b.tenant);
        this.ticket = requireNonNull(b.ticket);
        this.target = requireNonNull(b.target);
        this.policy = requireNonNull(b.policy);
        this.calendar = requireNonNull(b.calendar);
        this.goal = requireNonNull(b.goal);
        this.status = (byte) b.status.ordinal();
        // the builder holds the instants and the elapsed time packed already (build() checked asOf is there)
        List<Pause> pauses = List.copyOf(b.pauses);
        List<ThresholdCrossing> warnings = List.copyOf(b.warnings);
        this.elapsedNanos = b.elapsedNanos;
        this.asOfNanos = b.asOfNanos;
        this.startedAtNanos = b.startedAtNanos;
        boolean small = b.policyVersion <= Short.MAX_VALUE && b.cycle <= Short.MAX_VALUE;
        boolean packed = elapsedNanos != IN_DETAILS && asOfNanos != IN_DETAILS && startedAtNanos != IN_DETAILS
                && b.deadlineNanos != IN_DETAILS;
        long stop = b.stoppedAt == null || b.deadlineNanos != ABSENT ? IN_DETAILS : pack(b.stoppedAt);
        if (small && packed && (b.stoppedAt == null || stop != IN_DETAILS) && b.breachedAt == null && pauses.isEmpty()
                && warnings.isEmpty()) {
            this.policyVersion = (short) b.policyVersion;
            this.cycle = (short) b.cycle;
            this.deadlineIsStop = b.stoppedAt != null;
            this.deadlineNanos = deadlineIsStop ? stop : b.deadlineNanos;
            this.details = null;
        } else {
            this.policyVersion = 0;
            this.cycle = 0;
            this.deadlineIsStop = false;
            this.deadlineNanos = b.deadlineNanos;
            // the packed values stay packed: only those out of range are held as objects
            this.details = new Details(b.policyVersion, b.cycle, b.stoppedAt, b.breachedAt, pauses, warnings,
                    b.elapsedInDetails, b.asOfInDetails, b.startedAtInDetails, b.deadlineInDetails);
        }
    }

    private static long pack(@Nullable Instant instant) {
        if (instant == null) {
            return ABSENT;
        }
        long seconds = instant.getEpochSecond();
        return seconds > PACKED_SECONDS || seconds < -PACKED_SECONDS ? IN_DETAILS : seconds * NANOS_PER_SECOND + instant.getNano();
    }

    private static long pack(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds > PACKED_SECONDS || seconds < -PACKED_SECONDS ? IN_DETAILS : seconds * NANOS_PER_SECOND + duration.getNano();
    }

    private static Duration unpackDuration(long nanos) {
        return Duration.ofSeconds(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    private static @Nullable Instant unpackInstant(long nanos, @Nullable Instant inDetails) {
        if (nanos == ABSENT) {
            return null;
        }
        return nanos == IN_DETAILS ? inDetails
                : Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /**
     * Starts a snapshot of a clock that has not started.
     *
     * @param tenant the ticket's tenant
     * @param ticket the ticket
     * @param target the SLA target's name, an identifier
     * @return a builder; policy, calendar, goal and {@code asOf} are required
     */
    public static Builder builder(TenantId tenant, TicketId ticket, String target) {
        return new Builder(requireNonNull(tenant, "tenant"), requireNonNull(ticket, "ticket"), requireNonNull(target, "target"));
    }

    /**
     * Returns a builder holding every value of this snapshot.
     *
     * @return a builder holding every value of this snapshot
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the ticket's tenant.
     *
     * @return the ticket's tenant
     */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * Returns the ticket.
     *
     * @return the ticket
     */
    public TicketId ticket() {
        return ticket;
    }

    /**
     * Returns the SLA target's name, for example {@code resolution}.
     *
     * @return the SLA target's name, for example {@code resolution}
     */
    public String target() {
        return target;
    }

    /**
     * Returns the id of the policy that defines the target.
     *
     * @return the id of the policy that defines the target
     */
    public String policy() {
        return policy;
    }

    /**
     * Returns the version of the policy the clock follows; a changed policy does not alter running clocks.
     *
     * @return the version of the policy the clock follows; a changed policy does not alter running clocks
     */
    public int policyVersion() {
        return details == null ? policyVersion : details.policyVersion();
    }

    /**
     * Returns the name of the business calendar the clock counts in.
     *
     * @return the name of the business calendar the clock counts in
     */
    public String calendar() {
        return calendar;
    }

    /**
     * Returns the cycle, from 1; a restarted target begins a new cycle.
     *
     * @return the cycle, from 1; a restarted target begins a new cycle
     */
    public int cycle() {
        return details == null ? cycle : details.cycle();
    }

    /**
     * Returns where the clock stands.
     *
     * @return where the clock stands
     */
    public ClockStatus status() {
        return STATUSES[status];
    }

    /**
     * Returns the business time allowed.
     *
     * @return the business time allowed
     */
    public Duration goal() {
        return goal;
    }

    /**
     * Returns the business time counted up to {@link #asOf()}, paused time excluded.
     *
     * @return the business time counted up to {@link #asOf()}, paused time excluded
     */
    public Duration elapsed() {
        if (elapsedNanos == IN_DETAILS) {
            return requireNonNull(requireNonNull(details).elapsed());
        }
        return unpackDuration(elapsedNanos);
    }

    /**
     * Returns the instant up to which {@link #elapsed()} is counted.
     *
     * @return the instant up to which {@link #elapsed()} is counted
     */
    public Instant asOf() {
        return requireNonNull(unpackInstant(asOfNanos, details == null ? null : details.asOf()));
    }

    /**
     * Returns when the clock started, or empty if it has not.
     *
     * @return when the clock started, or empty if it has not
     */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(unpackInstant(startedAtNanos, details == null ? null : details.startedAt()));
    }

    /**
     * Returns when the clock stopped or was cancelled, or empty if it has not.
     *
     * @return when the clock stopped or was cancelled, or empty if it has not
     */
    public Optional<Instant> stoppedAt() {
        if (deadlineIsStop) {
            return Optional.of(requireNonNull(unpackInstant(deadlineNanos, null)));
        }
        return Optional.ofNullable(details == null ? null : details.stoppedAt());
    }

    /**
     * Tells whether the clock stopped or was cancelled, as {@code stoppedAt().isPresent()} does, without making
     * the instant (the SLA engine asks on every change of a clock).
     *
     * @return {@code true} if {@link #stoppedAt()} is present
     */
    public boolean hasStopped() {
        return deadlineIsStop || details != null && details.stoppedAt() != null;
    }

    /**
     * Returns every pause, oldest first; the last may still last.
     *
     * @return every pause, oldest first; the last may still last
     */
    public List<Pause> pauses() {
        return details == null ? List.of() : details.pauses();
    }

    /**
     * Returns the breach threshold's instant if the clock runs on without a pause; empty unless running.
     *
     * @return the breach threshold's instant if the clock runs on without a pause; empty unless running
     */
    public Optional<Instant> deadline() {
        if (deadlineIsStop) {
            return Optional.empty();
        }
        return Optional.ofNullable(unpackInstant(deadlineNanos, details == null ? null : details.deadline()));
    }

    /**
     * Returns when the breach threshold was reached, once crossed.
     *
     * @return when the breach threshold was reached, once crossed
     */
    public Optional<Instant> breachedAt() {
        return Optional.ofNullable(details == null ? null : details.breachedAt());
    }

    /**
     * Returns the warning thresholds crossed, in order.
     *
     * @return the warning thresholds crossed, in order
     */
    public List<ThresholdCrossing> warnings() {
        return details == null ? List.of() : details.warnings();
    }

    /**
     * Returns the goal minus the elapsed time; negative once exceeded.
     *
     * @return the goal minus the elapsed time; negative once exceeded
     */
    public Duration remaining() {
        return goal.minus(elapsed());
    }

    @Override
    public boolean equals(Object o) {
        // the packed fields are exact, and a value is held in the details exactly when it does not pack
        return o instanceof SlaClockSnapshot s && tenant.equals(s.tenant) && ticket.equals(s.ticket)
                && target.equals(s.target) && policy.equals(s.policy) && policyVersion == s.policyVersion
                && calendar.equals(s.calendar) && cycle == s.cycle && status == s.status && goal.equals(s.goal)
                && elapsedNanos == s.elapsedNanos && asOfNanos == s.asOfNanos && startedAtNanos == s.startedAtNanos
                && deadlineNanos == s.deadlineNanos && deadlineIsStop == s.deadlineIsStop && Objects.equals(details, s.details);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, ticket, target, cycle(), status(), elapsed(), asOf());
    }

    @Override
    public String toString() {
        Optional<Instant> deadline = deadline();
        return ticket + "/" + target + "#" + cycle() + " " + status() + " " + elapsed() + " of " + goal
                + (deadline.isEmpty() ? "" : " due " + deadline.get());
    }

    /**
     * Collects the values of a snapshot; {@link #build()} checks them. Not thread-safe.
     *
     * <p>The instants and the elapsed time are held packed, as in the snapshot (absent, nanoseconds, or
     * out of range with the object beside), so that a copy of a snapshot changed in one value and built
     * again (what the SLA engine does for every clock on every command) unpacks nothing and allocates no
     * {@link Instant} for the values it keeps; and the names taken from a snapshot, checked when it was built,
     * are not checked again.
     */
    public static final class Builder {
        private final TenantId tenant;
        private final TicketId ticket;
        private final String target;
        private @Nullable String policy;
        private int policyVersion = 1;
        private @Nullable String calendar;
        private int cycle = 1;
        private ClockStatus status = ClockStatus.NOT_STARTED;
        private @Nullable Duration goal;
        private long elapsedNanos;
        private @Nullable Duration elapsedInDetails;
        private long asOfNanos = ABSENT;
        private @Nullable Instant asOfInDetails;
        private long startedAtNanos = ABSENT;
        private @Nullable Instant startedAtInDetails;
        private @Nullable Instant stoppedAt;
        private List<Pause> pauses = List.of();
        private long deadlineNanos = ABSENT;
        private @Nullable Instant deadlineInDetails;
        private @Nullable Instant breachedAt;
        private List<ThresholdCrossing> warnings = List.of();
        /* The names of the snapshot this builder copies, which its build checked: the same strings need no check. */
        private final @Nullable String checkedTarget;
        private @Nullable String checkedPolicy;
        private @Nullable String checkedCalendar;

        private Builder(TenantId tenant, TicketId ticket, String target) {
            this.tenant = tenant;
            this.ticket = ticket;
            this.target = target;
            this.checkedTarget = null;
        }

        private Builder(SlaClockSnapshot s) {
            this.tenant = s.tenant;
            this.ticket = s.ticket;
            this.target = s.target;
            this.checkedTarget = s.target;
            policy = s.policy;
            checkedPolicy = s.policy;
            calendar = s.calendar;
            checkedCalendar = s.calendar;
            policyVersion = s.policyVersion();
            cycle = s.cycle();
            status = s.status();
            goal = s.goal;
            Details details = s.details;
            elapsedNanos = s.elapsedNanos;
            asOfNanos = s.asOfNanos;
            startedAtNanos = s.startedAtNanos;
            deadlineNanos = s.deadlineIsStop ? ABSENT : s.deadlineNanos;
            if (s.deadlineIsStop) {
                stoppedAt = unpackInstant(s.deadlineNanos, null);
            }
            if (details != null) {
                elapsedInDetails = elapsedNanos == IN_DETAILS ? details.elapsed() : null;
                asOfInDetails = asOfNanos == IN_DETAILS ? details.asOf() : null;
                startedAtInDetails = startedAtNanos == IN_DETAILS ? details.startedAt() : null;
                deadlineInDetails = deadlineNanos == IN_DETAILS ? details.deadline() : null;
                stoppedAt = details.stoppedAt();
                pauses = details.pauses();
                breachedAt = details.breachedAt();
                warnings = details.warnings();
            }
        }

        private Duration elapsed() {
            return elapsedNanos == IN_DETAILS ? requireNonNull(elapsedInDetails) : unpackDuration(elapsedNanos);
        }

        private @Nullable Instant asOf() {
            return unpackInstant(asOfNanos, asOfInDetails);
        }

        private @Nullable Instant startedAt() {
            return unpackInstant(startedAtNanos, startedAtInDetails);
        }

        private @Nullable Instant deadline() {
            return unpackInstant(deadlineNanos, deadlineInDetails);
        }

        /**
         * Sets the policy and its version.
         *
         * @param policy the policy's id, an identifier
         * @param version its version, 1 or more
         * @return this builder
         */
        public Builder policy(String policy, int version) {
            this.policy = requireNonNull(policy, "policy");
            this.policyVersion = version;
            return this;
        }

        /**
         * Sets the calendar's name.
         *
         * @param calendar the name, an identifier
         * @return this builder
         */
        public Builder calendar(String calendar) {
            this.calendar = requireNonNull(calendar, "calendar");
            return this;
        }

        /**
         * Sets the cycle.
         *
         * @param cycle 1 or more
         * @return this builder
         */
        public Builder cycle(int cycle) {
            this.cycle = cycle;
            return this;
        }

        /**
         * Sets the status.
         *
         * @param status where the clock stands
         * @return this builder
         */
        public Builder status(ClockStatus status) {
            this.status = requireNonNull(status, "status");
            return this;
        }

        /**
         * Sets the goal.
         *
         * @param goal a positive business duration
         * @return this builder
         */
        public Builder goal(Duration goal) {
            this.goal = requireNonNull(goal, "goal");
            return this;
        }

        /**
         * Sets the elapsed business time and the instant it is counted to.
         *
         * @param elapsed zero or more
         * @param asOf the instant
         * @return this builder
         */
        public Builder elapsed(Duration elapsed, Instant asOf) {
            requireNonNull(elapsed, "elapsed");
            requireNonNull(asOf, "asOf");
            elapsedNanos = pack(elapsed);
            elapsedInDetails = elapsedNanos == IN_DETAILS ? elapsed : null;
            asOfNanos = pack(asOf);
            asOfInDetails = asOfNanos == IN_DETAILS ? asOf : null;
            return this;
        }

        /**
         * Sets or clears when the clock started.
         *
         * @param startedAt the instant, or empty
         * @return this builder
         */
        public Builder startedAt(Optional<Instant> startedAt) {
            @Nullable Instant value = startedAt.orElse(null);
            startedAtNanos = pack(value);
            startedAtInDetails = startedAtNanos == IN_DETAILS ? value : null;
            return this;
        }

        /**
         * Sets or clears when the clock stopped.
         *
         * @param stoppedAt the instant, or empty
         * @return this builder
         */
        public Builder stoppedAt(Optional<Instant> stoppedAt) {
            this.stoppedAt = stoppedAt.orElse(null);
            return this;
        }

        /**
         * Sets the pauses.
         *
         * @param pauses oldest first; only the last may be open
         * @return this builder
         */
        public Builder pauses(List<Pause> pauses) {
            this.pauses = List.copyOf(pauses);
            return this;
        }

        /**
         * Sets or clears the deadline.
         *
         * @param deadline the instant, or empty
         * @return this builder
         */
        public Builder deadline(Optional<Instant> deadline) {
            @Nullable Instant value = deadline.orElse(null);
            deadlineNanos = pack(value);
            deadlineInDetails = deadlineNanos == IN_DETAILS ? value : null;
            return this;
        }

        /**
         * Sets or clears the breach instant.
         *
         * @param breachedAt the instant, or empty
         * @return this builder
         */
        public Builder breachedAt(Optional<Instant> breachedAt) {
            this.breachedAt = breachedAt.orElse(null);
            return this;
        }

        /**
         * Sets the warnings crossed.
         *
         * @param warnings in order of percent
         * @return this builder
         */
        public Builder warnings(List<ThresholdCrossing> warnings) {
            this.warnings = List.copyOf(warnings);
            return this;
        }

        /**
         * Builds the snapshot, checking every rule.
         *
         * @return the snapshot
         * @throws dev.itsmkit.core.ValidationException listing every rule broken
         */
        public SlaClockSnapshot build() {
            Problems problems = new Problems();
            if (target != checkedTarget) {
                checkIdentifier(problems, "target", target);
            }
            if (problems.present(policy, "policy") && policy != checkedPolicy) {
                checkIdentifier(problems, "policy", policy);
            }
            if (problems.present(calendar, "calendar") && calendar != checkedCalendar) {
                checkIdentifier(problems, "calendar", calendar);
            }
            problems.require(policyVersion >= 1, "policyVersion", policyVersion, "must be 1 or more");
            problems.require(cycle >= 1, "cycle", cycle, "must be 1 or more");
            if (problems.present(goal, "goal")) {
                problems.require(!goal.isNegative() && !goal.isZero(), "goal", goal, "must be positive");
            }
            // the values of a refusal are unpacked only when refused: every command with an SLA builds clocks
            boolean negative = elapsedNanos == IN_DETAILS ? requireNonNull(elapsedInDetails).isNegative() : elapsedNanos < 0;
            if (negative) {
                problems.add("elapsed", elapsed(), "must not be negative");
            }
            if (asOfNanos == ABSENT) {
                problems.present(null, "asOf");
            }
            boolean started = status != ClockStatus.NOT_STARTED;
            if (started != (startedAtNanos != ABSENT)) {
                problems.add("startedAt", startedAt(),
                        started ? "is required once the clock has started" : "must be absent before the clock starts");
            }
            if (!started && elapsedNanos != 0) {
                problems.add("elapsed", elapsed(), "must be zero before the clock starts");
            }
            boolean ended = status == ClockStatus.MET || status == ClockStatus.CANCELLED;
            if (ended && stoppedAt == null) {
                problems.add("stoppedAt", null, "is required when the clock is " + status);
            }
            if (deadlineNanos != ABSENT && status != ClockStatus.RUNNING && !(status == ClockStatus.BREACHED && stoppedAt == null)) {
                problems.add("deadline", deadline(), "is only present on a running clock");
            }
            problems.require(status != ClockStatus.BREACHED || breachedAt != null, "breachedAt", null,
                    "is required when the clock is BREACHED");
            problems.require(status != ClockStatus.MET || breachedAt == null, "breachedAt", breachedAt,
                    "must be absent when the clock MET its goal");
            for (int i = 0; i < pauses.size() - 1; i++) {
                if (pauses.get(i).until().isEmpty()) {
                    problems.add("pauses[" + i + "].until", null, "is required on every pause but the last");
                }
            }
            // the subject is built only for a refusal: every command with an SLA builds clocks
            if (!problems.isEmpty()) {
                problems.throwIfAny("SLA clock " + ticket + "/" + target + "#" + cycle);
            }
            return new SlaClockSnapshot(this);
        }

        private static void checkIdentifier(Problems problems, String path, String value) {
            try {
                Identifiers.check(path, value);
            } catch (IllegalArgumentException e) {
                problems.add(path, value, e.getMessage());
            }
        }
    }
}
