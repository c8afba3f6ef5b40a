package dev.itsmkit.persistence.memory;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.TimerClaim;
import dev.itsmkit.persistence.spi.TimerClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The due timers of every tenant, behind one lock. A {@link ChunkedIndex} orders the timers by the
 * instant they next need attention (the due instant, or the lease end of a claimed timer), then
 * tenant and id, so a claim is O(log n) per timer claimed and the next wake-up O(1); a hash map
 * finds a timer by tenant and id in O(1) and a second one lists a ticket's timers. A reschedule (an
 * SLA clock's timer moved to its next threshold) is one hash put and one move in the wake order.
 */
final class TimerTable implements TimerClaims {
    /** A schedule (a timer) or cancel (none) of one unit of work, with the key the table finds it by. */
    record Change(Key key, @Nullable DueTimer timer) {
        static Change schedule(TenantId tenant, DueTimer timer) {
            return new Change(new Key(tenant, timer.id()), timer);
        }

        static Change cancel(TenantId tenant, TimerId id) {
            return new Change(new Key(tenant, id), null);
        }
    }

    /** A timer's key: its tenant and id. */
    record Key(TenantId tenant, TimerId id) {}

    private record TicketKey(TenantId tenant, TicketId ticket) {}

    /** Breaks ties between timers that wake at the same instant: by tenant, then id. */
    private static final Comparator<Key> BY_TENANT_AND_ID = (a, b) -> {
        int c = a.tenant().value().compareTo(b.tenant().value());
        return c != 0 ? c : a.id().value().compareTo(b.id().value());
    };

    private static final class Entry {
        final DueTimer timer;
        final Key key;
        @Nullable NodeId node;
        @Nullable Instant leaseUntil;
        long token;
        /** The instant the timer next needs attention: its due instant, or its lease end once claimed. */
        Instant wake;

        Entry(Key key, DueTimer timer) {
            this.timer = timer;
            this.key = key;
            this.wake = timer.dueAt();
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final HashMap<Key, Entry> byId = new HashMap<>();
    private final HashMap<TicketKey, List<TimerId>> byTicket = new HashMap<>();
    private final ChunkedIndex<Key, Entry> byWake = new ChunkedIndex<>(BY_TENANT_AND_ID);
    private long tokens;

    void apply(List<Change> changes) {
        lock.lock();
        try {
            for (Change c : changes) {
                // one hash lookup decides between a reschedule in place, a replacement, a new timer and a cancel
                Entry old = byId.get(c.key());
                DueTimer timer = c.timer();
                if (timer != null && old != null && old.timer.ticket().equals(timer.ticket())) {
                    reschedule(old, timer);
                    continue;
                }
                if (old != null) {
                    remove(old);
                }
                if (timer != null) {
                    add(c.key(), timer);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces a scheduled timer of the same ticket in place (un-claimed, as a new entry): one hash
     * put over the existing key and one move in the wake order, the ticket's list untouched. The
     * common case: an SLA clock's timer moved to its next threshold.
     */
    private void reschedule(Entry old, DueTimer timer) {
        unwake(old);
        Entry e = new Entry(old.key, timer);
        byId.put(old.key, e);
        wake(e);
    }

    private void wake(Entry e) {
        byWake.put(e.wake.getEpochSecond(), e.wake.getNano(), e.key, e);
    }

    private void unwake(Entry e) {
        byWake.remove(e.wake.getEpochSecond(), e.wake.getNano(), e.key);
    }

    private void add(Key key, DueTimer timer) {
        Entry e = new Entry(key, timer);
        byId.put(key, e);
        wake(e);
        byTicket.computeIfAbsent(new TicketKey(timer.tenant(), timer.ticket()), k -> new ArrayList<>(2)).add(timer.id());
    }

    private void remove(Entry e) {
        byId.remove(e.key);
        unwake(e);
        TicketKey tk = new TicketKey(e.timer.tenant(), e.timer.ticket());
        List<TimerId> ids = byTicket.get(tk);
        if (ids != null) {
            ids.remove(e.timer.id());
            if (ids.isEmpty()) {
                byTicket.remove(tk);
            }
        }
    }

    Optional<DueTimer> find(TenantId tenant, TimerId id) {
        lock.lock();
        try {
            Entry e = byId.get(new Key(tenant, id));
            return e == null ? Optional.empty() : Optional.of(e.timer);
        } finally {
            lock.unlock();
        }
    }

    List<DueTimer> forTicket(TenantId tenant, TicketId ticket) {
        lock.lock();
        try {
            List<TimerId> ids = byTicket.getOrDefault(new TicketKey(tenant, ticket), List.of());
            List<DueTimer> timers = new ArrayList<>(ids.size());
            for (TimerId id : ids) {
                timers.add(byId.get(new Key(tenant, id)).timer);
            }
            timers.sort(Comparator.comparing(DueTimer::dueAt).thenComparing(t -> t.id().value()));
            return List.copyOf(timers);
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return byId.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<TimerClaim> claimDue(Instant now, NodeId node, Duration lease, int limit) {
        java.util.Objects.requireNonNull(now, "now");
        java.util.Objects.requireNonNull(node, "node");
        java.util.Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive, got " + lease);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("claim at least 1 timer, got a limit of " + limit);
        }
        Instant leaseUntil = now.plus(lease);
        List<TimerClaim> claims = new ArrayList<>();
        lock.lock();
        try {
            while (claims.size() < limit) {
                Entry e = byWake.firstValue();
                // a claimed timer wakes at its lease end, which is due once the lease has expired (<= now)
                if (e == null || e.wake.isAfter(now)) {
                    break;
                }
                unwake(e);
                e.node = node;
                e.leaseUntil = leaseUntil;
                e.token = ++tokens;
                e.wake = leaseUntil;
                wake(e);
                claims.add(new TimerClaim(e.timer, node, leaseUntil, e.token));
            }
        } finally {
            lock.unlock();
        }
        return claims;
    }

    @Override
    public boolean complete(TimerClaim claim) {
        java.util.Objects.requireNonNull(claim, "claim");
        lock.lock();
        try {
            Key key = new Key(claim.timer().tenant(), claim.timer().id());
            Entry e = byId.get(key);
            if (e == null || e.token != claim.token() || !claim.node().equals(e.node)) {
                return false;
            }
            remove(e);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Instant> nextWakeUp() {
        lock.lock();
        try {
            Entry first = byWake.firstValue();
            return first == null ? Optional.empty() : Optional.of(first.wake);
        } finally {
            lock.unlock();
        }
    }
}
