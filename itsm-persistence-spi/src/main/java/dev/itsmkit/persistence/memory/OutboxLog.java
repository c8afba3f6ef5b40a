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
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The outbox of every tenant: a log ordered by position, and per channel a watermark (every
 * position up to it is acknowledged), the positions acknowledged beyond it, and the retry state of
 * failed ones. {@link #due} walks the log from the watermark, so its cost is the page plus the
 * entries that wait for a retry.
 */
final class OutboxLog implements OutboxDelivery {
    private final ConcurrentSkipListMap<Long, OutboxEntry> log = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    private long lastPosition;

    private record Retry(int attempts, Instant next, String error) {}

    private static final class Channel {
        long watermark;
        final TreeSet<Long> ackedAbove = new TreeSet<>();
        final Map<Long, Retry> retries = new HashMap<>();
    }

    synchronized void append(List<OutboxEntry> entries) {
        for (OutboxEntry e : entries) {
            log.put(++lastPosition, e);
        }
    }

    long size() {
        return log.size();
    }

    private Channel channel(String name) {
        requireNonNull(name, "channel");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a channel needs a name that is not blank, got '" + name + "'");
        }
        return channels.computeIfAbsent(name, n -> new Channel());
    }

    @Override
    public List<PendingDelivery> due(String channel, Instant now, int limit) {
        requireNonNull(now, "now");
        if (limit < 1) {
            throw new IllegalArgumentException("ask for at least 1 entry, got a limit of " + limit);
        }
        Channel c = channel(channel);
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
            if (position <= c.watermark) {
                return;
            }
            c.ackedAbove.add(position);
            while (c.ackedAbove.remove(c.watermark + 1)) {
                c.watermark++;
            }
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
}
