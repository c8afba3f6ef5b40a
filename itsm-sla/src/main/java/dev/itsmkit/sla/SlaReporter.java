package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Identifier;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.Pause;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.sla.internal.ClockMachine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Collects tickets with their SLA clocks and makes an {@link SlaReport} of a reporting period.
 *
 * <pre>{@code
 * SlaReporter reporter = SlaReporter.builder(calendars)
 *         .period(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"))
 *         .at(clock.instant())
 *         .groupBy(SlaReport.Dimension.TARGET, SlaReport.Dimension.PRIORITY)
 *         .responseTarget("response")
 *         .resolutionTarget("resolution")
 *         .build();
 * tickets.forEach(t -> reporter.add(t, clockStore.clocksOf(t.id())));
 * System.out.print(reporter.report().render());
 * }</pre>
 *
 * <h2>Which clocks count</h2>
 * Every clock (every cycle of every target) is taken as it stood at the report instant {@code at},
 * evaluated by the same clock machine as the SLA engine, on the clock's own calendar: a running clock's
 * elapsed time and breach are brought up to {@code at}, and a clock saved after {@code at} is taken back
 * to {@code at} (its pauses, stop or cancellation after {@code at} are ignored; its goal is the one it
 * was saved with). A clock that had not started by {@code at} does not count. A clock that stopped or was
 * cancelled counts in the period when it stopped inside it; an open clock (running or paused) counts
 * when {@code at} lies inside the period — so a report of a past period shows no open clocks.
 *
 * <h2>Groups</h2>
 * A clock's group comes from the clock (policy and target), from the clock's policy (its kind of
 * agreement: SLA, OLA or underpinning contract, from the policies given to {@link Builder#policies}),
 * from the ticket as added (priority, service, assignment group, kind: pass the ticket's latest
 * snapshot), and from the instant it counts at (period bucket). See {@link SlaReport.Dimension}.
 *
 * <h2>Response and resolution times</h2>
 * The caller names the targets that measure response and resolution (by target name, whatever the
 * policy). Their stopped clocks (met or breached, not cancelled) give the mean time to respond and
 * to resolve: in business time, their elapsed time; in wall time, from the ticket's creation to the
 * clock's stop. A target named must be the target of at least one clock added, unless none was.
 *
 * <p>Thread-safe: tickets may be added from several threads, and {@link #report()} may be called at
 * any time, as often as wanted; each report covers the tickets added before it.
 */
public final class SlaReporter {
    private static final String NONE = "(none)";

    private final BusinessCalendars calendars;
    private final TimeWindow period;
    private final Instant at;
    private final List<SlaReport.Dimension> dimensions;
    private final SlaReport.@Nullable Bucket bucket;
    private final ZoneId zone;
    private final int nearMissPercent;
    private final @Nullable String responseTarget;
    private final @Nullable String resolutionTarget;
    /* The kind of agreement of each policy version given, by "id vN". */
    private final Map<String, AgreementType> agreements;

    /* Guarded by this. */
    private final Set<List<String>> ticketsAdded = new HashSet<>();
    private final Set<String> targetsSeen = new TreeSet<>();
    private final List<ReportedClock> counted = new ArrayList<>();

    private SlaReporter(Builder b, TimeWindow period, Instant at) {
        this.calendars = b.calendars;
        this.period = period;
        this.at = at;
        this.dimensions = List.copyOf(b.dimensions);
        this.bucket = b.bucket;
        this.zone = b.zone;
        this.nearMissPercent = b.nearMissPercent;
        this.responseTarget = b.responseTarget;
        this.resolutionTarget = b.resolutionTarget;
        this.agreements = Map.copyOf(b.agreements);
    }

    /**
     * Starts a reporter.
     *
     * @param calendars the calendars the clocks count in, by the names the clocks carry
     * @return a builder; the period and the report instant are required
     */
    public static Builder builder(BusinessCalendars calendars) {
        return new Builder(requireNonNull(calendars, "calendars"));
    }

    /**
     * Adds a ticket and its SLA clocks: every cycle of every target, as saved.
     *
     * @param ticket the ticket, normally its latest snapshot; it gives the groups of its clocks
     * @param clocks the ticket's clocks
     * @return this reporter
     * @throws IllegalArgumentException if a clock belongs to another ticket or tenant, a clock (policy,
     *     target and cycle) is given twice, a clock names a calendar this reporter does not know, the
     *     report is grouped by {@link SlaReport.Dimension#AGREEMENT} and a clock's policy version was
     *     not given to {@link Builder#policies}, or the ticket was added before
     */
    public SlaReporter add(Ticket ticket, Collection<SlaClockSnapshot> clocks) {
        requireNonNull(ticket, "ticket");
        List<SlaClockSnapshot> copy = List.copyOf(clocks);
        Map<String, Integer> cycles = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (SlaClockSnapshot clock : copy) {
            if (!clock.ticket().equals(ticket.id()) || !clock.tenant().equals(ticket.tenant())) {
                throw new IllegalArgumentException("clock " + clock + " of ticket " + clock.ticket() + " in tenant "
                        + clock.tenant() + " was given with ticket " + ticket.id() + " in tenant " + ticket.tenant()
                        + "; add each ticket with its own clocks");
            }
            if (!seen.add(clock.policy() + "|" + clock.target() + "|" + clock.cycle())) {
                throw new IllegalArgumentException("clock " + clock.policy() + "." + clock.target() + " cycle "
                        + clock.cycle() + " of ticket " + ticket.id() + " is given twice");
            }
            calendars.get(clock.calendar());
            if (dimensions.contains(SlaReport.Dimension.AGREEMENT)) {
                agreementOf(clock);
            }
            cycles.merge(clock.policy() + "|" + clock.target(), 1, Integer::sum);
        }
        List<ReportedClock> reported = new ArrayList<>();
        for (SlaClockSnapshot clock : copy) {
            evaluate(ticket, clock, cycles.get(clock.policy() + "|" + clock.target())).ifPresent(reported::add);
        }
        synchronized (this) {
            if (!ticketsAdded.add(key(ticket.tenant(), ticket.id()))) {
                throw new IllegalArgumentException("ticket " + ticket.id() + " (" + ticket.number() + ") of tenant "
                        + ticket.tenant() + " was added before; add each ticket once, with all its clocks");
            }
            copy.forEach(c -> targetsSeen.add(c.target()));
            counted.addAll(reported);
        }
        return this;
    }

    private static List<String> key(TenantId tenant, TicketId ticket) {
        return List.of(tenant.value(), ticket.value());
    }

    /**
     * Makes the report of the tickets added so far.
     *
     * @return the report
     * @throws IllegalArgumentException if a response or resolution target was named that no clock
     *     added has (while some clock was added), listing the targets there are
     */
    public synchronized SlaReport report() {
        checkKnown("response", responseTarget);
        checkKnown("resolution", resolutionTarget);
        Map<List<String>, List<ReportedClock>> groups = new TreeMap<>(SlaReporter::compareLabels);
        if (!dimensions.isEmpty()) {
            counted.forEach(c -> groups.computeIfAbsent(c.labels(), l -> new ArrayList<>()).add(c));
        }
        List<SlaReport.Row> rows = new ArrayList<>();
        groups.forEach((labels, clocks) -> rows.add(new SlaReport.Row(labels, SlaFigures.of(clocks, nearMissPercent))));
        return new SlaReport(period, at, dimensions, Optional.ofNullable(bucket), zone, nearMissPercent, rows,
                SlaFigures.of(counted, nearMissPercent));
    }

    private void checkKnown(String role, @Nullable String target) {
        if (target != null && !targetsSeen.isEmpty() && !targetsSeen.contains(target)) {
            throw new IllegalArgumentException("the " + role + " target '" + target
                    + "' is not the target of any clock added; the clocks have targets " + targetsSeen);
        }
    }

    private static int compareLabels(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /* The clock as it stood at the report instant, if it counts in the period. */
    private Optional<ReportedClock> evaluate(Ticket ticket, SlaClockSnapshot clock, int cycles) {
        Optional<Instant> started = clock.startedAt();
        if (clock.status() == ClockStatus.NOT_STARTED || started.isEmpty() || started.get().isAfter(at)) {
            return Optional.empty();
        }
        SlaClockSnapshot asOfAt = rewound(clock);
        // The target only gives the machine its name and the calendar's name: evaluate takes the goal
        // from the snapshot, and the report needs no warning thresholds.
        SlaTarget target = SlaTarget.builder(clock.target()).calendar(clock.calendar())
                .goals(Goals.always(clock.goal())).build();
        ClockOutcome outcome = new ClockMachine(clock.tenant(), clock.ticket(), target, clock.policy(), clock.policyVersion(),
                calendars.get(clock.calendar())).evaluate(asOfAt, cycles, at);
        Optional<Instant> stop = asOfAt.stoppedAt();
        Instant countsAt = stop.orElse(at);
        if (!period.contains(countsAt)) {
            return Optional.empty();
        }
        ClockStatus status = outcome.status();
        boolean openBreached = false;
        if (stop.isEmpty()) {
            openBreached = status == ClockStatus.BREACHED;
            status = isPaused(asOfAt) ? ClockStatus.PAUSED : ClockStatus.RUNNING;
        }
        List<String> labels = new ArrayList<>();
        for (SlaReport.Dimension dimension : dimensions) {
            labels.add(label(dimension, ticket, clock, countsAt));
        }
        return Optional.of(new ReportedClock(status, openBreached, outcome.elapsed(), clock.goal(),
                stop.map(s -> Duration.between(ticket.createdAt(), s)),
                clock.target().equals(responseTarget), clock.target().equals(resolutionTarget), labels));
    }

    /*
     * The clock without what happened after the report instant: a stop or cancellation after it is
     * undone, a pause that began after it is dropped and one that ended after it is open again.
     */
    private SlaClockSnapshot rewound(SlaClockSnapshot clock) {
        Optional<Instant> stopped = clock.stoppedAt();
        if (stopped.isPresent() && !stopped.get().isAfter(at)) {
            return clock;
        }
        List<Pause> pauses = new ArrayList<>();
        for (Pause pause : clock.pauses()) {
            if (!pause.from().isAfter(at)) {
                boolean endsLater = pause.until().isEmpty() || pause.until().get().isAfter(at);
                pauses.add(endsLater ? new Pause(pause.from(), Optional.empty()) : pause);
            }
        }
        return clock.toBuilder().status(ClockStatus.RUNNING).stoppedAt(Optional.empty()).pauses(pauses)
                .deadline(Optional.empty()).breachedAt(Optional.empty()).warnings(List.of())
                .elapsed(Duration.ZERO, at).build();
    }

    private static boolean isPaused(SlaClockSnapshot clock) {
        List<Pause> pauses = clock.pauses();
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).until().isEmpty();
    }

    private String label(SlaReport.Dimension dimension, Ticket ticket, SlaClockSnapshot clock, Instant countsAt) {
        return switch (dimension) {
            case TARGET -> clock.policy() + "." + clock.target();
            case PRIORITY -> ticket.priority().toString();
            case SERVICE -> ticket.service().map(ServiceId::value).orElse(NONE);
            case ASSIGNMENT_GROUP -> ticket.assignmentGroup().map(Party::id).orElse(NONE);
            case KIND -> ticket.kind().name();
            case AGREEMENT -> agreementOf(clock).name();
            case PERIOD -> bucketLabel(countsAt);
        };
    }

    private AgreementType agreementOf(SlaClockSnapshot clock) {
        AgreementType agreement = agreements.get(versionKey(clock.policy(), clock.policyVersion()));
        if (agreement == null) {
            throw new IllegalArgumentException("clock " + clock.policy() + "." + clock.target() + " follows SLA policy "
                    + clock.policy() + " version " + clock.policyVersion() + ", which was not given to policies(...); "
                    + "the report is grouped by AGREEMENT and knows " + new TreeSet<>(agreements.keySet()));
        }
        return agreement;
    }

    private static String versionKey(String policy, int version) {
        return policy + " v" + version;
    }

    private String bucketLabel(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        return switch (requireNonNull(bucket)) {
            case DAY -> date.toString();
            case WEEK -> String.format(java.util.Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                    date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> date.toString().substring(0, 7);
        };
    }

    /** Collects a reporter's configuration; {@link #build()} checks it. Not thread-safe. */
    public static final class Builder {
        private final BusinessCalendars calendars;
        private @Nullable TimeWindow period;
        private @Nullable Instant at;
        private List<SlaReport.Dimension> dimensions = List.of();
        private SlaReport.@Nullable Bucket bucket;
        private ZoneId zone = ZoneOffset.UTC;
        private int nearMissPercent = 90;
        private @Nullable String responseTarget;
        private @Nullable String resolutionTarget;
        private final Map<String, AgreementType> agreements = new HashMap<>();

        private Builder(BusinessCalendars calendars) {
            this.calendars = calendars;
        }

        /**
         * Sets the reporting period. Required.
         *
         * @param period the period, closed at its start and open at its end
         * @return this builder
         */
        public Builder period(TimeWindow period) {
            this.period = requireNonNull(period, "period");
            return this;
        }

        /**
         * Sets the reporting period. Required.
         *
         * @param from the first instant inside
         * @param to the first instant after, later than {@code from}
         * @return this builder
         * @throws IllegalArgumentException if the period is empty: {@code to} is not after {@code from}
         */
        public Builder period(Instant from, Instant to) {
            requireNonNull(from, "from");
            requireNonNull(to, "to");
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("a reporting period must end after it starts, got " + from + " to "
                        + to + (to.equals(from) ? ", which is empty" : ""));
            }
            return period(new TimeWindow(from, to));
        }

        /**
         * Sets the report instant, as of which every clock is taken. Required.
         *
         * @param at the instant, not before the period starts; normally the present
         * @return this builder
         */
        public Builder at(Instant at) {
            this.at = requireNonNull(at, "at");
            return this;
        }

        /**
         * Sets the dimensions to group by, replacing those set before; none by default (totals only).
         *
         * @param dimensions the dimensions, each once, in the order of the rows' labels
         * @return this builder
         * @throws IllegalArgumentException if a dimension is given twice
         */
        public Builder groupBy(SlaReport.Dimension... dimensions) {
            List<SlaReport.Dimension> list = List.of(dimensions);
            Set<SlaReport.Dimension> distinct = EnumSet.noneOf(SlaReport.Dimension.class);
            for (SlaReport.Dimension d : list) {
                if (!distinct.add(d)) {
                    throw new IllegalArgumentException("a report is grouped by each dimension at most once, got " + list);
                }
            }
            this.dimensions = list;
            return this;
        }

        /**
         * Sets the buckets of the {@link SlaReport.Dimension#PERIOD} dimension; required when grouping by it.
         *
         * @param bucket a day, an ISO week or a month
         * @param zone the zone whose local dates lay out the buckets
         * @return this builder
         */
        public Builder buckets(SlaReport.Bucket bucket, ZoneId zone) {
            this.bucket = requireNonNull(bucket, "bucket");
            this.zone = requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Sets the share of the goal above which a met clock is a near miss; 90 by default.
         *
         * @param percent 1 to 99
         * @return this builder
         * @throws IllegalArgumentException if {@code percent} is out of range
         */
        public Builder nearMissPercent(int percent) {
            if (percent < 1 || percent > 99) {
                throw new IllegalArgumentException("a near miss is above 1 to 99 percent of the goal, got " + percent);
            }
            this.nearMissPercent = percent;
            return this;
        }

        /**
         * Names the target whose clocks measure the time to respond; none by default.
         *
         * @param target the target's name, for example {@code response}
         * @return this builder
         * @throws IllegalArgumentException if the name is not an identifier
         */
        public Builder responseTarget(String target) {
            this.responseTarget = Identifier.check("response target", requireNonNull(target, "target"));
            return this;
        }

        /**
         * Names the target whose clocks measure the time to resolve; none by default.
         *
         * @param target the target's name, for example {@code resolution}
         * @return this builder
         * @throws IllegalArgumentException if the name is not an identifier
         */
        public Builder resolutionTarget(String target) {
            this.resolutionTarget = Identifier.check("resolution target", requireNonNull(target, "target"));
            return this;
        }

        /**
         * Adds the policies the clocks follow, every version that has clocks: they give each clock
         * its kind of agreement ({@link SlaPolicy#agreement()}) for the
         * {@link SlaReport.Dimension#AGREEMENT} dimension, which needs them.
         *
         * @param policies policy versions; a version given again replaces the one given before
         * @return this builder
         */
        public Builder policies(Collection<SlaPolicy> policies) {
            for (SlaPolicy policy : policies) {
                agreements.put(versionKey(policy.id(), policy.version()), policy.agreement());
            }
            return this;
        }

        /**
         * Builds the reporter, checking the configuration.
         *
         * @return a reporter with no tickets yet
         * @throws IllegalStateException if the period or the report instant is missing
         * @throws IllegalArgumentException if the report instant is before the period starts, the report
         *     is grouped by period without buckets, buckets are set without grouping by period, or the
         *     report is grouped by agreement without policies
         */
        public SlaReporter build() {
            if (period == null || at == null) {
                throw new IllegalStateException("an SLA report needs a period and a report instant, got period "
                        + period + " and instant " + at);
            }
            if (at.isBefore(period.start())) {
                throw new IllegalArgumentException("the report instant " + at + " is before the period starts ("
                        + period.start() + "); no clock could count in it");
            }
            boolean byPeriod = dimensions.contains(SlaReport.Dimension.PERIOD);
            if (byPeriod && bucket == null) {
                throw new IllegalArgumentException("grouping by PERIOD needs buckets(DAY|WEEK|MONTH, zone)");
            }
            if (!byPeriod && bucket != null) {
                throw new IllegalArgumentException("buckets of " + bucket + " are set, but the report is grouped by "
                        + dimensions + ", not by PERIOD");
            }
            if (dimensions.contains(SlaReport.Dimension.AGREEMENT) && agreements.isEmpty()) {
                throw new IllegalArgumentException("grouping by AGREEMENT needs the policies the clocks follow: "
                        + "policies(List.of(gold, networkOla, ...))");
            }
            return new SlaReporter(this, period, at);
        }
    }
}
