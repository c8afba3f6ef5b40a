package dev.itsmkit.persistence.memory;

import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.persistence.AuditChain;
import dev.itsmkit.persistence.AuditRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a tenant's store keeps about one ticket besides its snapshot, in one place, so that a
 * commit finds it with the one lookup that finds the snapshot: the audit trail (whose last record
 * gives the sequence and the previous hash of the next event), the SLA clocks in (target, cycle)
 * order, and the outbox entries not yet purged.
 *
 * <p>Mutable lists, changed in place by the holder of the tenant's write lock and read, then copied,
 * by holders of its read lock; never handed out. Empty lists are shared until the first write.
 */
final class TicketData {
    private static final List<AuditRecord> NO_RECORDS = List.of();

    List<AuditRecord> trail = NO_RECORDS;
    List<SlaClockSnapshot> clocks = List.of();
    List<OutboxEntry> outbox = List.of();
    /**
     * The sequence and hash of the trail's last record, kept here so that a commit reads them without
     * walking to the record (the list, its array, the record and its event are four cache misses).
     */
    long lastSequence;
    String lastHash = AuditChain.GENESIS;
    /**
     * The snapshot's last-update instant, its key in the {@code UPDATED} order, kept here because it is
     * the key every update moves: a commit reads the old key from this object, which it reads anyway,
     * instead of from the old snapshot's {@code Instant}, a cache miss of its own.
     */
    long updatedSecond;
    int updatedNano;

    void append(AuditRecord record) {
        if (trail.isEmpty()) {
            trail = new ArrayList<>(4);
        }
        trail.add(record);
        lastSequence = record.event().sequence();
        lastHash = record.hash();
    }

    /** Replaces the clock of the same target and cycle, or inserts it in (target, cycle) order. */
    void save(SlaClockSnapshot clock) {
        if (clocks.isEmpty()) {
            clocks = new ArrayList<>(2);
        }
        int i = 0;
        while (i < clocks.size()) {
            SlaClockSnapshot c = clocks.get(i);
            int order = c.target().compareTo(clock.target());
            if (order == 0) {
                order = Integer.compare(c.cycle(), clock.cycle());
            }
            if (order == 0) {
                clocks.set(i, clock);
                return;
            }
            if (order > 0) {
                break;
            }
            i++;
        }
        clocks.add(i, clock);
    }

    void enqueue(OutboxEntry entry) {
        if (outbox.isEmpty()) {
            outbox = new ArrayList<>(2);
        }
        outbox.add(entry);
    }
}
