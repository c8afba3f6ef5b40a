package dev.itsmkit.sla.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The open instants of a calendar, and business-time arithmetic on them.
 *
 * <h2>Data structure</h2>
 * The supported time line, {@link #FIRST_YEAR}-01-01T00:00Z to {@link #END_YEAR}-01-01T00:00Z, is cut into
 * blocks of one UTC year. A block holds the calendar's open time within it as sorted, disjoint instant
 * intervals in two primitive arrays of epoch seconds ({@code starts}, {@code ends}) and the prefix sums of
 * their lengths ({@code cumulative[i]} = open seconds in the block before interval {@code i};
 * {@code cumulative[n]} = the block's total). A block is built on first use from the local hours of the dates
 * it touches (31 December of the previous year to 1 January of the next) and the zone's offset segments
 * within it: for each segment {@code [t0, t1)} with offset {@code o}, the open instants are
 * {@code {t in [t0, t1) : t + o is an open local time}}. This is the definition of business time exactly: a
 * local time in a DST gap has no instant and is not counted; a local time in a DST overlap has two instants,
 * one in each segment, and counts twice. Interval boundaries are whole epoch seconds (opening hours are whole
 * seconds and zone offsets are whole seconds), so instants with nanoseconds need no special case.
 *
 * <p>Blocks are immutable and published through an {@link AtomicReferenceArray}; two threads that build the
 * same block at once build equal ones and the first published wins, so no lock is taken. A typical office
 * calendar costs about 8 KB per year used; a block takes some tens of microseconds to build.
 *
 * <h2>Complexity</h2>
 * With {@code n} open intervals in a year (about 260 for an office calendar, 1 for 24x7) and a span of
 * {@code y} UTC years. Each block also keeps, per UTC day, the index of the first interval starting that day,
 * so finding the interval that holds an instant is a lookup plus a search among that day's intervals: O(1)
 * for calendars with a bounded number of intervals a day. {@code isOpen}, {@code nextOpening},
 * {@code nextClosing} and {@code between} within a year are O(1); {@code between} adds one addition per year
 * crossed, {@code O(y)}. {@code add} finds the interval where the sum is reached from the prefix sums by
 * interpolation (open time grows about linearly through a year) and a galloping search, O(log e) for an
 * estimate {@code e} intervals off, plus one subtraction per year crossed: adding five years costs a few
 * subtractions more than adding five minutes, not five years of day-by-day walking. {@code y} is bounded by
 * the supported range (550).
 *
 * <p>Thread-safe.
 */
public final class Timeline {
    /** The first UTC year supported. */
    public static final int FIRST_YEAR = 1850;
    /** The first UTC year no longer supported. */
    public static final int END_YEAR = 2400;
    /** The first supported instant. */
    public static final Instant SUPPORTED_FROM = Instant.ofEpochSecond(yearStart(FIRST_YEAR));
    /** The first instant after the supported range. */
    public static final Instant SUPPORTED_UNTIL = Instant.ofEpochSecond(yearStart(END_YEAR));

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;
    /** Durations shorter than this many seconds (146 years) fit a long count of nanoseconds. */
    private static final long MAX_LONG_NANOS_SECONDS = (1L << 62) / NANOS_PER_SECOND;
    private static final int YEARS = END_YEAR - FIRST_YEAR;
    private static final long[] YEAR_STARTS = new long[YEARS + 1];

    static {
        for (int i = 0; i <= YEARS; i++) {
            YEAR_STARTS[i] = yearStart(FIRST_YEAR + i);
        }
    }

    private final ZoneRules zoneRules;
    private final DayRule rule;
    private final AtomicReferenceArray<Block> blocks = new AtomicReferenceArray<>(YEARS);

    /**
     * Creates the time line of a calendar; builds nothing yet.
     *
     * @param zone the zone in which the rule's local hours are laid
     * @param rule the local hours of each date
     */
    public Timeline(ZoneId zone, DayRule rule) {
        this.zoneRules = requireNonNull(zone, "zone").getRules();
        this.rule = requireNonNull(rule, "rule");
    }

    private static long yearStart(int year) {
        return LocalDate.of(year, 1, 1).toEpochDay() * SECONDS_PER_DAY;
    }

    /**
     * Tells whether the calendar is open at an instant.
     *
     * @param instant a supported instant
     * @return {@code true} if it lies in an open interval (closed at its start, open at its end)
     * @throws IllegalArgumentException if the instant is outside the supported range
     */
    public boolean isOpen(Instant instant) {
        long second = instant.getEpochSecond();
        Block block = block(blockIndex(instant));
        int i = block.intervalAtOrBefore(second);
        return i >= 0 && second < block.ends[i];
    }

    /**
     * Returns the business time between two instants.
     *
     * @param from a supported instant
     * @param to a supported instant
     * @return the open time from {@code from} to {@code to}; negative if {@code to} is earlier
     * @throws IllegalArgumentException if an instant is outside the supported range
     */
    public Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        int first = blockIndex(from);
        int last = blockIndex(to);
        Block firstBlock = block(first);
        long fromPosition = firstBlock.openNanosBefore(from);
        if (first == last) {
            return Duration.ofNanos(firstBlock.openNanosBefore(to) - fromPosition);
        }
        long wholeSeconds = 0;
        for (int k = first + 1; k < last; k++) {
            wholeSeconds += block(k).totalSeconds();
        }
        long nanos = firstBlock.totalSeconds() * NANOS_PER_SECOND - fromPosition + block(last).openNanosBefore(to);
        return Duration.ofSeconds(wholeSeconds, nanos);
    }

    /**
     * Returns the earliest instant at which a business duration has elapsed since an instant.
     *
     * @param start a supported instant
     * @param duration zero or positive
     * @return {@code start} itself if the duration is zero, else the earliest instant at which the open time
     *     since {@code start} equals {@code duration}
     * @throws IllegalArgumentException if the instant is outside the supported range, the duration is
     *     negative, or the calendar does not open long enough before the end of the supported range
     */
    public Instant add(Instant start, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a business duration to add must be zero or positive, got " + duration
                    + "; to go back in time, use between() on known instants");
        }
        int k = blockIndex(start);
        if (duration.isZero()) {
            return start;
        }
        Block block = block(k);
        long position = block.openNanosBefore(start);
        if (duration.getSeconds() < MAX_LONG_NANOS_SECONDS) {
            // the common case, in plain long arithmetic: no Duration is allocated per year crossed
            long remaining = duration.getSeconds() * NANOS_PER_SECOND + duration.getNano();
            while (true) {
                long available = block.totalSeconds() * NANOS_PER_SECOND - position;
                if (remaining <= available) {
                    return block.instantAt(position + remaining);
                }
                remaining -= available;
                block = nextBlockForAdd(++k, start, duration);
                position = 0;
            }
        }
        Duration remaining = duration;
        while (true) {
            long available = block.totalSeconds() * NANOS_PER_SECOND - position;
            // a block is at most a year, so a remaining duration below 2^62 ns (146 years) fits a long
            if (remaining.getSeconds() < MAX_LONG_NANOS_SECONDS) {
                long remainingNanos = remaining.getSeconds() * NANOS_PER_SECOND + remaining.getNano();
                if (remainingNanos <= available) {
                    return block.instantAt(position + remainingNanos);
                }
            }
            remaining = remaining.minusNanos(available);
            block = nextBlockForAdd(++k, start, duration);
            position = 0;
        }
    }

    private Block nextBlockForAdd(int k, Instant start, Duration duration) {
        if (k >= YEARS) {
            throw new IllegalArgumentException("cannot add " + duration + " to " + start
                    + ": the calendar is not open that long before " + SUPPORTED_UNTIL
                    + ", the end of the range business calendars support");
        }
        return block(k);
    }

    /**
     * Returns the earliest instant at or after an instant at which the calendar is open.
     *
     * @param instant a supported instant
     * @return {@code instant} itself if open then, else the start of the next open interval; empty if the
     *     calendar does not open again before the end of the supported range
     * @throws IllegalArgumentException if the instant is outside the supported range
     */
    public Optional<Instant> nextOpening(Instant instant) {
        int k = blockIndex(instant);
        long second = instant.getEpochSecond();
        Block block = block(k);
        int i = block.intervalAtOrBefore(second);
        if (i >= 0 && second < block.ends[i]) {
            return Optional.of(instant);
        }
        if (i + 1 < block.size()) {
            return Optional.of(Instant.ofEpochSecond(block.starts[i + 1]));
        }
        for (k++; k < YEARS; k++) {
            block = block(k);
            if (block.size() > 0) {
                return Optional.of(Instant.ofEpochSecond(block.starts[0]));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the earliest instant at or after an instant at which the calendar is closed.
     *
     * @param instant a supported instant
     * @return {@code instant} itself if closed then, else the end of the open time that contains it; empty if
     *     the calendar stays open until the end of the supported range
     * @throws IllegalArgumentException if the instant is outside the supported range
     */
    public Optional<Instant> nextClosing(Instant instant) {
        int k = blockIndex(instant);
        long second = instant.getEpochSecond();
        Block block = block(k);
        int i = block.intervalAtOrBefore(second);
        if (i < 0 || second >= block.ends[i]) {
            return Optional.of(instant);
        }
        long end = block.ends[i];
        // open time that runs to the end of a block continues if the next block opens at once
        while (end == YEAR_STARTS[k + 1]) {
            k++;
            if (k >= YEARS) {
                return Optional.empty();
            }
            block = block(k);
            if (block.size() == 0 || block.starts[0] != end) {
                break;
            }
            end = block.ends[0];
        }
        return Optional.of(Instant.ofEpochSecond(end));
    }

    private static int blockIndex(Instant instant) {
        long second = instant.getEpochSecond();
        if (second < YEAR_STARTS[0] || second >= YEAR_STARTS[YEARS]) {
            throw new IllegalArgumentException("instant " + instant + " is outside the range business calendars support, "
                    + SUPPORTED_FROM + " (inclusive) to " + SUPPORTED_UNTIL + " (exclusive)");
        }
        // a mean Gregorian year is 365.2425 days; the estimate is off by at most one
        int k = Math.min(YEARS - 1, (int) ((second - YEAR_STARTS[0]) / 31_556_952L));
        while (YEAR_STARTS[k] > second) {
            k--;
        }
        while (YEAR_STARTS[k + 1] <= second) {
            k++;
        }
        return k;
    }

    private Block block(int k) {
        Block block = blocks.get(k);
        if (block == null) {
            Block built = build(k);
            block = blocks.compareAndExchange(k, null, built);
            if (block == null) {
                block = built;
            }
        }
        return block;
    }

    /** Builds the block of UTC year {@code FIRST_YEAR + k}; see the class comment. */
    private Block build(int k) {
        long blockStart = YEAR_STARTS[k];
        long blockEnd = YEAR_STARTS[k + 1];
        int year = FIRST_YEAR + k;

        // open local intervals of every date the block may touch, as local epoch seconds, touching ones merged
        LongList local = new LongList();
        for (LocalDate date = LocalDate.of(year - 1, 12, 31); date.getYear() <= year + 1 && !date.isAfter(
                LocalDate.of(year + 1, 1, 1)); date = date.plusDays(1)) {
            long dayStart = date.toEpochDay() * SECONDS_PER_DAY;
            int[] seconds = rule.secondsOn(date);
            for (int i = 0; i < seconds.length; i += 2) {
                local.appendMerging(dayStart + seconds[i], dayStart + seconds[i + 1]);
            }
        }

        LongList open = new LongList();
        long segmentStart = blockStart;
        while (segmentStart < blockEnd) {
            Instant at = Instant.ofEpochSecond(segmentStart);
            ZoneOffset offset = zoneRules.getOffset(at);
            ZoneOffsetTransition next = zoneRules.nextTransition(at);
            long segmentEnd = next == null ? blockEnd : Math.min(blockEnd, next.toEpochSecond());
            addSegment(local, segmentStart, segmentEnd, offset.getTotalSeconds(), open);
            segmentStart = segmentEnd;
        }
        return new Block(open, blockStart, (int) ((blockEnd - blockStart) / SECONDS_PER_DAY));
    }

    /** Adds the instants of {@code [segmentStart, segmentEnd)} whose local time (instant + offset) is open. */
    private static void addSegment(LongList local, long segmentStart, long segmentEnd, int offset, LongList open) {
        long localStart = segmentStart + offset;
        long localEnd = segmentEnd + offset;
        int i = local.firstIntervalEndingAfter(localStart);
        for (; i < local.intervals() && local.start(i) < localEnd; i++) {
            long from = Math.max(local.start(i), localStart) - offset;
            long to = Math.min(local.end(i), localEnd) - offset;
            open.appendMerging(from, to);
        }
    }

    /** A growable list of {@code [start, end)} pairs of longs. */
    private static final class LongList {
        private long[] values = new long[64];
        private int size;

        void appendMerging(long start, long end) {
            if (size > 0 && values[size - 1] == start) {
                values[size - 1] = end;
                return;
            }
            if (size + 2 > values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = start;
            values[size++] = end;
        }

        int intervals() {
            return size / 2;
        }

        long start(int i) {
            return values[2 * i];
        }

        long end(int i) {
            return values[2 * i + 1];
        }

        /** The index of the first interval whose end is after {@code t}, by binary search. */
        int firstIntervalEndingAfter(long t) {
            int low = 0;
            int high = intervals();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (end(mid) > t) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return low;
        }
    }

    /** One UTC year of open instants; immutable. */
    private static final class Block {
        final long[] starts;
        final long[] ends;
        /** {@code cumulative[i]}: open seconds in the block before interval {@code i}; length {@code n + 1}. */
        final long[] cumulative;
        /** The block's first second (a UTC midnight). */
        final long blockStart;
        /**
         * {@code dayIndex[d]}: the number of intervals that start before UTC day {@code d} of the block; length
         * days + 1. The intervals that may hold a second of day {@code d} are {@code dayIndex[d] - 1} to
         * {@code dayIndex[d + 1] - 1}: a lookup and a search among a day's few intervals instead of a binary
         * search over the year's.
         */
        final int[] dayIndex;

        Block(LongList open, long blockStart, int days) {
            int n = open.intervals();
            this.blockStart = blockStart;
            starts = new long[n];
            ends = new long[n];
            cumulative = new long[n + 1];
            for (int i = 0; i < n; i++) {
                starts[i] = open.start(i);
                ends[i] = open.end(i);
                cumulative[i + 1] = cumulative[i] + ends[i] - starts[i];
            }
            dayIndex = new int[days + 1];
            int i = 0;
            for (int d = 0; d <= days; d++) {
                long dayStart = blockStart + d * SECONDS_PER_DAY;
                while (i < n && starts[i] < dayStart) {
                    i++;
                }
                dayIndex[d] = i;
            }
        }

        int size() {
            return starts.length;
        }

        long totalSeconds() {
            return cumulative[starts.length];
        }

        /** The last interval that starts at or before {@code second} (a second of this block), or -1. */
        int intervalAtOrBefore(long second) {
            int day = (int) ((second - blockStart) / SECONDS_PER_DAY);
            int from = dayIndex[day];
            int to = dayIndex[day + 1];
            int i = to - 1;
            // intervals before `from` start before the day, at or before `second`; those from `to` on after it
            if (to - from <= 8) {
                while (i >= from && starts[i] > second) {
                    i--;
                }
                return i;
            }
            int found = Arrays.binarySearch(starts, from, to, second);
            return found >= 0 ? found : -found - 2;
        }

        /** Open time in this block before {@code instant}, in nanoseconds (at most a year: fits a long). */
        long openNanosBefore(Instant instant) {
            long second = instant.getEpochSecond();
            int i = intervalAtOrBefore(second);
            if (i < 0) {
                return 0;
            }
            long into = (second - starts[i]) * NANOS_PER_SECOND + instant.getNano();
            long length = (ends[i] - starts[i]) * NANOS_PER_SECOND;
            return cumulative[i] * NANOS_PER_SECOND + Math.min(into, length);
        }

        /** The earliest instant at which the open time in this block reaches {@code position} (0 < it <= total). */
        Instant instantAt(long position) {
            long wholeSeconds = (position + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
            // interval j - 1 holds the position, for the first j with cumulative[j] >= the position rounded up
            int i = firstCumulativeReaching(wholeSeconds) - 1;
            return Instant.ofEpochSecond(starts[i], position - cumulative[i] * NANOS_PER_SECOND);
        }

        /**
         * The first {@code j} in {@code [1, n]} with {@code cumulative[j] >= seconds} (1 <= seconds <= total).
         * Open time grows about linearly through a year, so the search starts at the interpolated index and
         * gallops towards the answer: O(log e) for an estimate e intervals off, a few steps for office hours.
         */
        int firstCumulativeReaching(long seconds) {
            int n = starts.length;
            int guess = (int) Math.max(1, Math.min(n, seconds * n / totalSeconds()));
            int low; // cumulative[low] < seconds (cumulative[0] is 0)
            int high; // cumulative[high] >= seconds
            int step = 1;
            if (cumulative[guess] >= seconds) {
                high = guess;
                low = Math.max(0, high - step);
                while (low > 0 && cumulative[low] >= seconds) {
                    high = low;
                    step <<= 1;
                    low = Math.max(0, high - step);
                }
            } else {
                low = guess;
                high = Math.min(n, low + step);
                while (high < n && cumulative[high] < seconds) {
                    low = high;
                    step <<= 1;
                    high = Math.min(n, low + step);
                }
            }
            while (high - low > 1) {
                int mid = (low + high) >>> 1;
                if (cumulative[mid] >= seconds) {
                    high = mid;
                } else {
                    low = mid;
                }
            }
            return high;
        }
    }
}
