package dev.itsmkit.persistence.memory;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.persistence.PendingDelivery;
import dev.itsmkit.persistence.spi.OutboxDelivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The outbox of every tenant: a log ordered by position, and per channel a watermark (every
 * position up to it that is still in the log is acknowledged), the positions acknowledged beyond
 * it, and the retry state of failed ones. {@link #due} walks the log from the watermark, so its cost
 * is the page plus the entries that wait for a retry.
 *
 * <p>The log is an array of positions in segments of {@value #SEGMENT} entries, a purged position
 * {@code null}: an append is a store into the last segment (no node, no boxed position), a read of a
 * position is two array reads. Appends and purges hold this object's monitor; readers read without
 * it: {@code lastPosition} is written (volatile) after the entries it publishes, and read before
 * them. A segment whose entries were all purged is dropped, so the log keeps about one reference
 * per entry still held and one per {@value #SEGMENT} positions ever appended (the segment directory).
 *
 * <p>A purge removes from the log the positions every named channel acknowledged: those at or below
 * the lowest of their watermarks, and those above it that each acknowledged. It then drops the
 * purged positions from every channel's state and moves each watermark over the gaps, so neither
 * the log nor a channel keeps anything for a purged entry. Acknowledgements never revert, so the
 * channels are read one after the other, each under its own lock: a stale read can only purge less.
 */
final class OutboxLog implements OutboxDelivery {
    private static final int SEGMENT_BITS = 10;
    static final int SEGMENT = 1 << SEGMENT_BITS;

    /** The entries of {@value #SEGMENT} consecutive positions, and how many of them are still held. */
    private static final class Segment {
        final OutboxEntry[] entries = new OutboxEntry[SEGMENT];
        int live;
    }

    /** Segment s holds positions {@code s * SEGMENT + 1 ..= (s + 1) * SEGMENT}; {@code null} once all are purged. */
    private volatile Segment[] segments = new Segment[16];
    /** Segments before this one are all dropped: purges start here. */
    private int firstSegment;
    /** The last position appended; written after the entries, so a reader that reads it first sees them. */
    private volatile long lastPosition;
    private volatile long held;
    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    private final Consumer<List<OutboxEntry>> onPurged;

    private record Retry(int attempts, Instant next, String error) {}

    private static final class Channel {
        long watermark;
        final TreeSet<Long> ackedAbove = new TreeSet<>();
        final Map<Long, Retry> retries = new HashMap<>();
    }

    /** @param onPurged told of the entries a purge removed, after it removed them from the log */
    OutboxLog(Consumer<List<OutboxEntry>> onPurged) {
        this.onPurged = onPurged;
    }

    /**
     * Appends as {@link #append} does, after releasing a lock once the log's own is held: a commit hands its tenant's
     * lock over to the log's, so that its entries follow those of the tenant's earlier commits and precede those of
     * its later ones, while the tenant's next commit need not wait for the append.
     *
     * @param released a lock the caller holds, released first
     */
    synchronized void appendReleasing(java.util.concurrent.locks.Lock released, OutboxEntry first, OutboxEntry[] others,
            int more) {
        released.unlock();
        append(first, others, more);
    }

    /** Appends an entry, then the first {@code more} entries of an array. */
    synchronized void append(OutboxEntry first, OutboxEntry[] others, int more) {
        Segment[] directory = segments;
        long position = lastPosition;
        for (int i = -1; i < more; i++) {
            position++;
            int s = segmentOf(position);
            if (s >= directory.length) {
                directory = java.util.Arrays.copyOf(directory, 2 * directory.length);
                segments = directory;
            }
            Segment segment = directory[s];
            if (segment == null) {
                segment = new Segment();
                directory[s] = segment;
            }
            segment.entries[offsetOf(position)] = i < 0 ? first : others[i];
            segment.live++;
        }
        held += more + 1;
        lastPosition = position;
    }

    private static int segmentOf(long position) {
        return (int) ((position - 1) >>> SEGMENT_BITS);
    }

    private static int offsetOf(long position) {
        return (int) ((position - 1) & (SEGMENT - 1));
    }

    /** The entry at a position, or {@code null} if it was purged or never appended. */
    private @Nullable OutboxEntry entryAt(long position) {
        if (position < 1 || position > lastPosition) {
            return null;
        }
        Segment[] directory = segments;
        int s = segmentOf(position);
        Segment segment = s < directory.length ? directory[s] : null;
        return segment == null ? null : segment.entries[offsetOf(position)];
    }

    /** The first position after {@code after} that holds an entry, or 0 if none; skips dropped segments whole. */
    private long next(long after) {
        long last = lastPosition;
        Segment[] directory = segments;
        long position = Math.max(after, 0) + 1;
        while (position <= last) {
            int s = segmentOf(position);
            Segment segment = directory[s];
            if (segment == null) {
                position = ((long) s + 1) * SEGMENT + 1;
                continue;
            }
            if (segment.entries[offsetOf(position)] != null) {
                return position;
            }
            position++;
        }
        return 0;
    }

    long size() {
        return held;
    }

    int channelCount() {
        return channels.size();
    }

    /** How many positions the channels keep above their watermarks or for retries: a diagnostic for tests. */
    int retainedPositions() {
        int retained = 0;
        for (Channel c : channels.values()) {
            synchronized (c) {
                retained += c.ackedAbove.size() + c.retries.size();
            }
        }
        return retained;
    }

    private static String checkName(String name) {
        requireNonNull(name, "channel");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a channel needs a name that is not blank, got '" + name + "'");
        }
        return name;
    }

    private Channel channel(String name) {
        return channels.computeIfAbsent(checkName(name), n -> new Channel());
    }

    @Override
    public List<PendingDelivery> due(String channel, Instant now, int limit) {
        requireNonNull(now, "now");
        if (limit < 1) {
            throw new IllegalArgumentException("ask for at least 1 entry, got a limit of " + limit);
        }
        Channel existing = channels.get(checkName(channel));
        // a channel that never acknowledged nor failed anything has every entry due: read it without keeping state
        Channel c = existing != null ? existing : new Channel();
        List<PendingDelivery> due = new ArrayList<>();
        synchronized (c) {
            for (long position = next(c.watermark); position != 0; position = next(position)) {
                OutboxEntry entry = entryAt(position);
                if (entry == null || c.ackedAbove.contains(position)) {
                    continue;
                }
                Retry retry = c.retries.get(position);
                if (retry != null && retry.next().isAfter(now)) {
                    continue;
                }
                due.add(retry == null ? new PendingDelivery(position, entry, 0, Optional.empty())
                        : new PendingDelivery(position, entry, retry.attempts(), Optional.of(retry.error())));
                if (due.size() == limit) {
                    break;
                }
            }
        }
        return due;
    }

    @Override
    public void acknowledge(String channel, long position) {
        Channel c = channel(channel);
        synchronized (c) {
            c.retries.remove(position);
            if (position <= c.watermark || entryAt(position) == null) {
                // already acknowledged, purged or unknown: keeping it would only leak
                return;
            }
            c.ackedAbove.add(position);
            advance(c);
        }
    }

    /** Moves the watermark over the acknowledged positions that follow it; purged positions are gaps in the log. */
    private void advance(Channel c) {
        while (true) {
            long next = next(c.watermark);
            if (next == 0 || !c.ackedAbove.remove(next)) {
                return;
            }
            c.watermark = next;
        }
    }

    @Override
    public void retryLater(String channel, long position, Instant nextAttempt, String error) {
        requireNonNull(nextAttempt, "nextAttempt");
        requireNonNull(error, "error");
        Channel c = channel(channel);
        synchronized (c) {
            if (position <= c.watermark || c.ackedAbove.contains(position) || entryAt(position) == null) {
                return;
            }
            Retry before = c.retries.get(position);
            c.retries.put(position, new Retry(before == null ? 1 : before.attempts() + 1, nextAttempt, error));
        }
    }

    @Override
    public long purgeAcknowledged(Set<String> channelNames, Instant createdUpTo) {
        requireNonNull(channelNames, "channels");
        requireNonNull(createdUpTo, "createdUpTo");
        if (channelNames.isEmpty()) {
            throw new IllegalArgumentException("name the channels that must have acknowledged an entry, got none");
        }
        channelNames.forEach(OutboxLog::checkName);
        List<Channel> named = new ArrayList<>(channelNames.size());
        for (String name : channelNames) {
            Channel c = channels.get(name);
            if (c == null) {
                // a channel that never acknowledged anything holds every entry back
                return 0;
            }
            named.add(c);
        }
        Channel slowest = named.get(0);
        long floor = Long.MAX_VALUE;
        for (Channel c : named) {
            synchronized (c) {
                if (c.watermark < floor) {
                    floor = c.watermark;
                    slowest = c;
                }
            }
        }
        List<Long> candidates = new ArrayList<>();
        long from;
        synchronized (this) {
            from = (long) firstSegment * SEGMENT;
        }
        for (long position = next(from); position != 0 && position <= floor; position = next(position)) {
            candidates.add(position);
        }
        List<Long> above;
        synchronized (slowest) {
            above = new ArrayList<>(slowest.ackedAbove);
        }
        for (Long position : above) {
            if (position > floor && acknowledgedByAll(named, position)) {
                candidates.add(position);
            }
        }
        List<Long> purgedPositions = new ArrayList<>();
        List<OutboxEntry> purged = new ArrayList<>();
        remove(candidates, createdUpTo, purgedPositions, purged);
        if (purged.isEmpty()) {
            return 0;
        }
        for (Channel c : channels.values()) {
            synchronized (c) {
                for (Long position : purgedPositions) {
                    c.ackedAbove.remove(position);
                    c.retries.remove(position);
                }
                advance(c);
            }
        }
        onPurged.accept(purged);
        return purged.size();
    }

    /** Removes the candidates created up to an instant from the log, dropping the segments this empties. */
    private synchronized void remove(List<Long> candidates, Instant createdUpTo, List<Long> purgedPositions,
            List<OutboxEntry> purged) {
        Segment[] directory = segments;
        long last = lastPosition;
        for (long position : candidates) {
            int s = segmentOf(position);
            Segment segment = directory[s];
            OutboxEntry entry = segment == null ? null : segment.entries[offsetOf(position)];
            if (entry == null || entry.createdAt().isAfter(createdUpTo)) {
                continue;
            }
            segment.entries[offsetOf(position)] = null;
            segment.live--;
            purgedPositions.add(position);
            purged.add(entry);
            // a segment all of whose positions were appended and purged holds nothing more
            if (segment.live == 0 && ((long) s + 1) * SEGMENT <= last) {
                directory[s] = null;
            }
        }
        held -= purged.size();
        while (firstSegment < directory.length && directory[firstSegment] == null
                && ((long) firstSegment + 1) * SEGMENT <= last) {
            firstSegment++;
        }
    }

    private static boolean acknowledgedByAll(List<Channel> named, long position) {
        for (Channel c : named) {
            synchronized (c) {
                if (position > c.watermark && !c.ackedAbove.contains(position)) {
                    return false;
                }
            }
        }
        return true;
    }
}
