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
 */
public final class SlaClockSnapshot {
    private final TenantId tenant;
    private final TicketId ticket;
    private final String target;
    private final String policy;
    private final int policyVersion;
    private final String calendar;
    private final int cycle;
    private final ClockStatus status;
    private final Duration goal;
    private final Duration elapsed;
    private final Instant asOf;
    private final @Nullable Instant startedAt;
    private final @Nullable Instant stoppedAt;
    private final List<Pause> pauses;
    private final @Nullable Instant deadline;
    private final @Nullable Instant breachedAt;
    private final List<ThresholdCrossing> warnings;

    private SlaClockSnapshot(Builder b) {
        this.tenant = requireNonNull(b.tenant);
        this.ticket = requireNonNull(b.ticket);
        this.target = requireNonNull(b.target);
        this.policy = requireNonNull(b.policy);
        this.policyVersion = b.policyVersion;
        this.calendar = requireNonNull(b.calendar);
        this.cycle = b.cycle;
        this.status = b.status;
        this.goal = requireNonNull(b.goal);
        this.elapsed = b.elapsed;
        this.asOf = requireNonNull(b.asOf);
        this.startedAt = b.startedAt;
        this.stoppedAt = b.stoppedAt;
        this.pauses = List.copyOf(b.pauses);
        this.deadline = b.deadline;
        this.breachedAt = b.breachedAt;
        this.warnings = List.copyOf(b.warnings);
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
        return policyVersion;
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
        return cycle;
    }

    /**
     * Returns where the clock stands.
     *
     * @return where the clock stands
     */
    public ClockStatus status() {
        return status;
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
        return elapsed;
    }

    /**
     * Returns the instant up to which {@link #elapsed()} is counted.
     *
     * @return the instant up to which {@link #elapsed()} is counted
     */
    public Instant asOf() {
        return asOf;
    }

    /**
     * Returns when the clock started, or empty if it has not.
     *
     * @return when the clock started, or empty if it has not
     */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /**
     * Returns when the clock stopped or was cancelled, or empty if it has not.
     *
     * @return when the clock stopped or was cancelled, or empty if it has not
     */
    public Optional<Instant> stoppedAt() {
        return Optional.ofNullable(stoppedAt);
    }

    /**
     * Returns every pause, oldest first; the last may still last.
     *
     * @return every pause, oldest first; the last may still last
     */
    public List<Pause> pauses() {
        return pauses;
    }

    /**
     * Returns the breach threshold's instant if the clock runs on without a pause; empty unless running.
     *
     * @return the breach threshold's instant if the clock runs on without a pause; empty unless running
     */
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    /**
     * Returns when the breach threshold was reached, once crossed.
     *
     * @return when the breach threshold was reached, once crossed
     */
    public Optional<Instant> breachedAt() {
        return Optional.ofNullable(breachedAt);
    }

    /**
     * Returns the warning thresholds crossed, in order.
     *
     * @return the warning thresholds crossed, in order
     */
    public List<ThresholdCrossing> warnings() {
        return warnings;
    }

    /**
     * Returns the goal minus the elapsed time; negative once exceeded.
     *
     * @return the goal minus the elapsed time; negative once exceeded
     */
    public Duration remaining() {
        return goal.minus(elapsed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlaClockSnapshot s && tenant.equals(s.tenant) && ticket.equals(s.ticket)
                && target.equals(s.target) && policy.equals(s.policy) && policyVersion == s.policyVersion
                && calendar.equals(s.calendar) && cycle == s.cycle && status == s.status && goal.equals(s.goal)
                && elapsed.equals(s.elapsed) && asOf.equals(s.asOf) && Objects.equals(startedAt, s.startedAt)
                && Objects.equals(stoppedAt, s.stoppedAt) && pauses.equals(s.pauses)
                && Objects.equals(deadline, s.deadline) && Objects.equals(breachedAt, s.breachedAt)
                && warnings.equals(s.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, ticket, target, cycle, status, elapsed, asOf);
    }

    @Override
    public String toString() {
        return ticket + "/" + target + "#" + cycle + " " + status + " " + elapsed + " of " + goal
                + (deadline == null ? "" : " due " + deadline);
    }

    /** Collects the values of a snapshot; {@link #build()} checks them. Not thread-safe. */
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
        private Duration elapsed = Duration.ZERO;
        private @Nullable Instant asOf;
        private @Nullable Instant startedAt;
        private @Nullable Instant stoppedAt;
        private List<Pause> pauses = List.of();
        private @Nullable Instant deadline;
        private @Nullable Instant breachedAt;
        private List<ThresholdCrossing> warnings = List.of();

        private Builder(TenantId tenant, TicketId ticket, String target) {
            this.tenant = tenant;
            this.ticket = ticket;
            this.target = target;
        }

        private Builder(SlaClockSnapshot s) {
            this(s.tenant, s.ticket, s.target);
            policy = s.policy;
            policyVersion = s.policyVersion;
            calendar = s.calendar;
            cycle = s.cycle;
            status = s.status;
            goal = s.goal;
            elapsed = s.elapsed;
            asOf = s.asOf;
            startedAt = s.startedAt;
            stoppedAt = s.stoppedAt;
            pauses = s.pauses;
            deadline = s.deadline;
            breachedAt = s.breachedAt;
            warnings = s.warnings;
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
            this.elapsed = requireNonNull(elapsed, "elapsed");
            this.asOf = requireNonNull(asOf, "asOf");
            return this;
        }

        /**
         * Sets or clears when the clock started.
         *
         * @param startedAt the instant, or empty
         * @return this builder
         */
        public Builder startedAt(Optional<Instant> startedAt) {
            this.startedAt = startedAt.orElse(null);
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
            this.deadline = deadline.orElse(null);
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
            checkIdentifier(problems, "target", target);
            if (problems.present(policy, "policy")) {
                checkIdentifier(problems, "policy", policy);
            }
            if (problems.present(calendar, "calendar")) {
                checkIdentifier(problems, "calendar", calendar);
            }
            problems.require(policyVersion >= 1, "policyVersion", policyVersion, "must be 1 or more");
            problems.require(cycle >= 1, "cycle", cycle, "must be 1 or more");
            if (problems.present(goal, "goal")) {
                problems.require(!goal.isNegative() && !goal.isZero(), "goal", goal, "must be positive");
            }
            problems.require(!elapsed.isNegative(), "elapsed", elapsed, "must not be negative");
            problems.present(asOf, "asOf");
            boolean started = status != ClockStatus.NOT_STARTED;
            problems.require(started == (startedAt != null), "startedAt", startedAt,
                    started ? "is required once the clock has started" : "must be absent before the clock starts");
            problems.require(started || elapsed.isZero(), "elapsed", elapsed, "must be zero before the clock starts");
            boolean ended = status == ClockStatus.MET || status == ClockStatus.CANCELLED;
            if (ended) {
                problems.require(stoppedAt != null, "stoppedAt", null, "is required when the clock is " + status);
            }
            problems.require(deadline == null || status == ClockStatus.RUNNING || status == ClockStatus.BREACHED && stoppedAt == null,
                    "deadline", deadline, "is only present on a running clock");
            problems.require(status != ClockStatus.BREACHED || breachedAt != null, "breachedAt", null,
                    "is required when the clock is BREACHED");
            problems.require(status != ClockStatus.MET || breachedAt == null, "breachedAt", breachedAt,
                    "must be absent when the clock MET its goal");
            for (int i = 0; i < pauses.size(); i++) {
                problems.require(pauses.get(i).until().isPresent() || i == pauses.size() - 1, "pauses[" + i + "].until", null,
                        "is required on every pause but the last");
            }
            problems.throwIfAny("SLA clock " + ticket + "/" + target + "#" + cycle);
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
