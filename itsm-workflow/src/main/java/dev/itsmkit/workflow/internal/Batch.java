package dev.itsmkit.workflow.internal;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketRef;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.spi.LoadedTicket;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.workflow.RelatedTickets;
import dev.itsmkit.workflow.TicketNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The tickets one attempt of a command changes, each loaded once, in the order first touched; all of
 * them are written in one unit of work. Not thread-safe.
 */
final class Batch implements RelatedTickets {
    final TenantStores stores;
    final TenantId tenant;
    final Instant now;
    /*
     * Most commands change one ticket: it is held in `first` (and `firstOnly`, the list changes() returns)
     * with no map; the map, in the order first touched, is made when a second ticket joins.
     */
    private @Nullable TicketChange first;
    private @Nullable List<TicketChange> firstOnly;
    private @Nullable Map<TicketId, TicketChange> changes;
    /**
     * The clocks read with the tickets, when the stores read them together (the in-memory stores do): those of the
     * first ticket loaded in {@code firstClocks} with its id in {@code firstClocksOf} (most commands load one ticket,
     * so no map per command), those of any other in the map, made when a second ticket's clocks come; null until then.
     */
    private @Nullable TicketId firstClocksOf;
    private @Nullable List<SlaClockSnapshot> firstClocks;
    private @Nullable Map<TicketId, List<SlaClockSnapshot>> clocks;

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
        TicketChange change = find(id);
        if (change == null) {
            LoadedTicket loaded = load(id);
            for (int reread = 0; loaded.lastSequence() < loaded.ticket().version(); reread++) {
                // A commit fell between the reads and the snapshot is newer than the sequence read.
                if (reread == 3) {
                    throw new ConcurrentUpdateException(id, "event sequence", loaded.lastSequence(), loaded.ticket().version());
                }
                loaded = load(id);
            }
            change = TicketChange.of(loaded.ticket(), loaded.lastSequence());
            put(id, change);
            Optional<List<SlaClockSnapshot>> read = loaded.clocks();
            if (read.isPresent()) {
                if (firstClocksOf == null) {
                    firstClocksOf = id;
                    firstClocks = read.get();
                } else {
                    if (clocks == null) {
                        clocks = new HashMap<>(4);
                    }
                    clocks.put(id, read.get());
                }
            }
        }
        return change;
    }

    /** The last sequence and snapshot (and, from stores that read them together, the clocks) in one call. */
    private LoadedTicket load(TicketId id) {
        return stores.loadForCommand(id).orElseThrow(() -> new TicketNotFoundException(tenant, id));
    }

    /**
     * The stored SLA clocks of a ticket: those read with it by {@link #existing} when the stores read them
     * together, else read now.
     */
    List<SlaClockSnapshot> storedClocks(TicketId id) {
        @Nullable List<SlaClockSnapshot> loaded = id.equals(firstClocksOf) ? firstClocks : clocks == null ? null : clocks.get(id);
        return loaded != null ? loaded : stores.clocks().forTicket(id);
    }

    /** The ticket as this batch sees it: changed here, or as stored. */
    Optional<Ticket> peek(TicketId id) {
        TicketChange change = find(id);
        return change != null ? Optional.of(change.current()) : stores.tickets().find(id);
    }

    /**
     * A linked ticket as this batch sees it, for the lifecycle's guards that read linked tickets; a ticket of
     * another tenant is not found. The batch is the lookup, so a transition's gate allocates none.
     */
    @Override
    public Optional<Ticket> find(TicketRef ticket) {
        return ticket.tenant().equals(tenant) ? peek(ticket.id()) : Optional.empty();
    }

    void add(TicketChange created) {
        put(created.current().id(), created);
    }

    private @Nullable TicketChange find(TicketId id) {
        if (changes != null) {
            return changes.get(id);
        }
        TicketChange only = first;
        return only != null && only.current().id().equals(id) ? only : null;
    }

    private void put(TicketId id, TicketChange change) {
        if (first == null) {
            first = change;
            return;
        }
        if (changes == null) {
            changes = new LinkedHashMap<>(8);
            changes.put(first.current().id(), first);
            firstOnly = null;
        }
        changes.put(id, change);
    }

    int size() {
        return changes != null ? changes.size() : first != null ? 1 : 0;
    }

    /** The changes in the order first touched, as of now (a copy: rules add changes while others are walked). */
    List<TicketChange> changes() {
        if (changes != null) {
            return new ArrayList<>(changes.values());
        }
        if (first == null) {
            return List.of();
        }
        // most commands change one ticket: one immutable list, made once
        List<TicketChange> only = firstOnly;
        if (only == null) {
            only = List.of(first);
            firstOnly = only;
        }
        return only;
    }
}
