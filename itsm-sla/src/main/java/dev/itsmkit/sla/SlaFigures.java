package dev.itsmkit.sla;

import dev.itsmkit.core.timing.ClockStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The figures of one group of SLA clocks in an {@link SlaReport}: how many clocks stood where, the
 * compliance, the near misses, and the business and wall times they took.
 *
 * <p>Which clocks count where: every clock counted has exactly one status, so {@link #clocks()} is
 * {@link #met()} + {@link #breached()} + {@link #cancelled()} + {@link #running()} + {@link #paused()}.
 * {@link #breached()} counts clocks that <em>stopped</em> after crossing their goal; a clock that
 * crossed its goal and still runs or is paused counts as running or paused, and also in
 * {@link #openBreached()}. Cancelled clocks count for neither side of the compliance, and not in
 * the time figures. The time figures are over <em>stopped</em> clocks (met or breached) only.
 *
 * <p>Immutable and thread-safe.
 */
public final class SlaFigures {
    private final int clocks;
    private final int met;
    private final int breached;
    private final int cancelled;
    private final int running;
    private final int paused;
    private final int openBreached;
    private final int nearMisses;
    private final Optional<Duration> meanElapsed;
    private final Optional<Duration> medianElapsed;
    private final Optional<Duration> meanTimeToRespond;
    private final Optional<Duration> meanWallTimeToRespond;
    private final Optional<Duration> meanTimeToResolve;
    private final Optional<Duration> meanWallTimeToResolve;

    private SlaFigures(Collection<ReportedClock> clocks, int nearMissPercent) {
        this.clocks = clocks.size();
        met = count(clocks, c -> c.status() == ClockStatus.MET);
        breached = count(clocks, c -> c.status() == ClockStatus.BREACHED);
        cancelled = count(clocks, c -> c.status() == ClockStatus.CANCELLED);
        running = count(clocks, c -> c.status() == ClockStatus.RUNNING);
        paused = count(clocks, c -> c.status() == ClockStatus.PAUSED);
        openBreached = count(clocks, ReportedClock::openBreached);
        // elapsed > percent% of goal, compared exactly: elapsed * 100 > goal * percent
        nearMisses = count(clocks, c -> c.status() == ClockStatus.MET
                && c.elapsed().multipliedBy(100).compareTo(c.goal().multipliedBy(nearMissPercent)) > 0);
        List<Duration> elapsed = new ArrayList<>();
        List<Duration> respond = new ArrayList<>();
        List<Duration> respondWall = new ArrayList<>();
        List<Duration> resolve = new ArrayList<>();
        List<Duration> resolveWall = new ArrayList<>();
        for (ReportedClock clock : clocks) {
            if (clock.stopped()) {
                elapsed.add(clock.elapsed());
                if (clock.response()) {
                    respond.add(clock.elapsed());
                    clock.wallTime().ifPresent(respondWall::add);
                }
                if (clock.resolution()) {
                    resolve.add(clock.elapsed());
                    clock.wallTime().ifPresent(resolveWall::add);
                }
            }
        }
        meanElapsed = mean(elapsed);
        medianElapsed = median(elapsed);
        meanTimeToRespond = mean(respond);
        meanWallTimeToRespond = mean(respondWall);
        meanTimeToResolve = mean(resolve);
        meanWallTimeToResolve = mean(resolveWall);
    }

    static SlaFigures of(Collection<ReportedClock> clocks, int nearMissPercent) {
        return new SlaFigures(clocks, nearMissPercent);
    }

    private static int count(Collection<ReportedClock> clocks, Predicate<ReportedClock> which) {
        return (int) clocks.stream().filter(which).count();
    }

    private static Optional<Duration> mean(List<Duration> durations) {
        if (durations.isEmpty()) {
            return Optional.empty();
        }
        Duration sum = durations.stream().reduce(Duration.ZERO, Duration::plus);
        return Optional.of(sum.dividedBy(durations.size()));
    }

    /* The middle value; for an even count, the mean of the two middle values. */
    private static Optional<Duration> median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return Optional.of(sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2));
    }

    /**
     * Returns how many clocks are counted; each is met, breached, cancelled, running or paused.
     *
     * @return the number of clocks counted
     */
    public int clocks() {
        return clocks;
    }

    /**
     * Returns how many clocks stopped within their goal.
     *
     * @return the number of clocks that met their goal
     */
    public int met() {
        return met;
    }

    /**
     * Returns how many clocks stopped after crossing their goal.
     *
     * @return the number of stopped, breached clocks
     */
    public int breached() {
        return breached;
    }

    /**
     * Returns how many clocks were cancelled; they count for neither side of the compliance.
     *
     * @return the number of cancelled clocks
     */
    public int cancelled() {
        return cancelled;
    }

    /**
     * Returns how many clocks still run, breached or not.
     *
     * @return the number of running clocks
     */
    public int running() {
        return running;
    }

    /**
     * Returns how many clocks are paused, breached or not.
     *
     * @return the number of paused clocks
     */
    public int paused() {
        return paused;
    }

    /**
     * Returns how many clocks are open: running or paused.
     *
     * @return {@link #running()} + {@link #paused()}
     */
    public int open() {
        return running + paused;
    }

    /**
     * Returns how many open clocks have already crossed their goal.
     *
     * @return the number of running or paused clocks that are breached, at most {@link #open()}
     */
    public int openBreached() {
        return openBreached;
    }

    /**
     * Returns how many clocks met their goal with less to spare than the report's near-miss share:
     * their elapsed business time exceeded that share of the goal.
     *
     * @return the number of near misses, at most {@link #met()}
     */
    public int nearMisses() {
        return nearMisses;
    }

    /**
     * Returns the compliance: the share of stopped clocks that met their goal, met / (met + breached).
     *
     * @return the percentage, 0 to 100; empty when no clock stopped (met or breached), since there is
     *     nothing to measure
     */
    public OptionalDouble compliancePercent() {
        int stopped = met + breached;
        return stopped == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * met / stopped);
    }

    /**
     * Returns the mean business time elapsed on the stopped (met or breached) clocks.
     *
     * @return the mean, or empty when no clock stopped
     */
    public Optional<Duration> meanElapsed() {
        return meanElapsed;
    }

    /**
     * Returns the median business time elapsed on the stopped (met or breached) clocks; for an even
     * number of clocks, the mean of the two middle values.
     *
     * @return the median, or empty when no clock stopped
     */
    public Optional<Duration> medianElapsed() {
        return medianElapsed;
    }

    /**
     * Returns the mean time to respond in business time: the mean elapsed time of the stopped clocks
     * of the report's response target.
     *
     * @return the mean, or empty when no response clock stopped or the report names no response target
     */
    public Optional<Duration> meanTimeToRespond() {
        return meanTimeToRespond;
    }

    /**
     * Returns the mean time to respond in wall time: from each ticket's creation to the stop of its
     * stopped response clock.
     *
     * @return the mean, or empty when no response clock stopped or the report names no response target
     */
    public Optional<Duration> meanWallTimeToRespond() {
        return meanWallTimeToRespond;
    }

    /**
     * Returns the mean time to resolve in business time: the mean elapsed time of the stopped clocks
     * of the report's resolution target.
     *
     * @return the mean, or empty when no resolution clock stopped or the report names no resolution target
     */
    public Optional<Duration> meanTimeToResolve() {
        return meanTimeToResolve;
    }

    /**
     * Returns the mean time to resolve in wall time: from each ticket's creation to the stop of its
     * stopped resolution clock (the instant it was resolved).
     *
     * @return the mean, or empty when no resolution clock stopped or the report names no resolution target
     */
    public Optional<Duration> meanWallTimeToResolve() {
        return meanWallTimeToResolve;
    }

    @Override
    public String toString() {
        return "SlaFigures[clocks=" + clocks + ", met=" + met + ", breached=" + breached + ", cancelled=" + cancelled
                + ", running=" + running + ", paused=" + paused + ", openBreached=" + openBreached + ", nearMisses="
                + nearMisses + ", compliance=" + compliancePercent() + "]";
    }
}
