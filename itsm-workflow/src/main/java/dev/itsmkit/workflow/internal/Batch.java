package dev.itsmkit.workflow.internal;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.workflow.TicketNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tickets one attempt of a command changes, each loaded once, in the order first touched; all of
 * them are written in one unit of work. Not thread-safe.
 */
final class Batch {
    final TenantStores stores;
    final TenantId tenant;
    final Instant now;
    private final Map<TicketId, TicketChange> changes = new LinkedHashMap<>(4);

    Batch(TenantStores stores, Instant now) {
        this.stores = stores;
        this.tenant = stores.tenant();
        this.now = now;
    }

    /**
     * The change of an existing ticket, loading it on first use. The last sequence is read before the
     * snapshot: if a commit falls between the two reads, the unit of work sees the mismatch (the
     * snapshot's version or the trail's sequence) and fails, so a stale pair is never written.
     */
    TicketChange existing(TicketId id) {
        TicketChange change = changes.get(id);
        if (change == null) {
            long lastSequence = stores.auditTrail().lastSequence(id);
            Ticket ticket = stores.tickets().find(id).orElseThrow(() -> new TicketNotFoundException(tenant, id));
            for (int reread = 0; lastSequence < ticket.version(); reread++) {
                // A commit fell between the reads and the snapshot is newer than the sequence read.
                if (reread == 3) {
                    throw new ConcurrentUpdateException(id, "event sequence", lastSequence, ticket.version());
                }
                lastSequence = stores.auditTrail().lastSequence(id);
                ticket = stores.tickets().find(id).orElseThrow(() -> new TicketNotFoundException(tenant, id));
            }
            change = TicketChange.of(ticket, lastSequence);
            changes.put(id, change);
        }
        return change;
    }

    /** The ticket as this batch sees it: changed here, or as stored. */
    Optional<Ticket> peek(TicketId id) {
        TicketChange change = changes.get(id);
        return change != null ? Optional.of(change.current()) : stores.tickets().find(id);
    }

    void add(TicketChange created) {
        changes.put(created.current().id(), created);
    }

    int size() {
        return changes.size();
    }

    /** The changes in the order first touched, as of now (a copy: rules add changes while others are walked). */
    List<TicketChange> changes() {
        if (changes.size() == 1) {
            // most commands change one ticket
            return List.of(changes.values().iterator().next());
        }
        return new ArrayList<>(changes.values());
    }
}
