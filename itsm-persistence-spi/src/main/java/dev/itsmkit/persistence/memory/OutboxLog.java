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
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * The outbox of every tenant: a log ordered by position, and per channel a watermark (every
 * position up to it that is still in the log is acknowledged), the positions acknowledged beyond
 * it, and the retry state of failed ones. {@link #due} walks the log from the watermark, so its cost
 * is the page plus the entries that wait for a retry.
 *
 * <p>A purge removes from the log the positions every named channel acknowledged: those at or below
 * the lowest of their watermarks, and those above it that each acknowledged. It then drops the
 * purged positions from every channel's state and moves each watermark over the gaps, so neither
 * the log nor a channel keeps anything for a purged entry. Acknowledgements never revert, so the
 * channels are read one after the other, each under its own lock: a stale read can only purge less.
 */
final class OutboxLog implements OutboxDelivery {
    private final ConcurrentSkipListMap<Long, OutboxEntry> log = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    private final Consumer<List<OutboxEntry>> onPurged;
    private long lastPosition;

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

    /** Appends the first {@code count} entries of an array. */
    synchronized void append(OutboxEntry[] entries, int count) {
        for (int i = 0; i < count; i++) {
            log.put(++lastPosition, entries[i]);
        }
    }

    long size() {
        return log.size();
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
            for (Map.Entry<Long, OutboxEntry> e : log.tailMap(c.watermark, false).entrySet()) {
                long position = e.getKey();
                if (c.ackedAbove.contains(position)) {
                    continue;
                }
                Retry retry = c.retries.get(position);
                if (retry != null && retry.next().isAfter(now)) {
                    continue;
                }
                due.add(retry == null ? new PendingDelivery(position, e.getValue(), 0, Optional.empty())
                        : new PendingDelivery(position, e.getValue(), retry.attempts(), Optional.of(retry.error())));
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
            if (position <= c.watermark || !log.containsKey(position)) {
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
            Long next = log.higherKey(c.watermark);
            if (next == null || !c.ackedAbove.remove(next)) {
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
            if (position <= c.watermark || c.ackedAbove.contains(position) || !log.containsKey(position)) {
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
        List<Long> candidates = new ArrayList<>(log.headMap(floor, true).keySet());
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
        for (Long position : candidates) {
            OutboxEntry entry = log.get(position);
            if (entry != null && !entry.createdAt().isAfter(createdUpTo) && log.remove(position, entry)) {
                purgedPositions.add(position);
                purged.add(entry);
            }
        }
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
