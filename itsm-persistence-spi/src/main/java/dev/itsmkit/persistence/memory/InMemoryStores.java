package dev.itsmkit.persistence.memory;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.persistence.spi.OutboxDelivery;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.persistence.spi.TimerClaims;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory default of every store: what the demo, the examples and most tests use. It keeps
 * everything on the heap and loses it when the JVM stops.
 *
 * <p>A tenant's data is created by its first write (a commit or a number taken); the stores of a
 * tenant without data are a throw-away view, so reads of unknown or hostile tenant ids keep nothing.
 *
 * <p>Each tenant has its own data behind its own read-write lock, so tenants never contend; a
 * ticket load takes no lock at all (one probe of an open-addressing table); a commit holds the tenant's
 * write lock while it checks and then applies the unit of work, so it is all or nothing and
 * visible whole to queries. Due timers and the outbox, which workers drain across tenants, have
 * their own locks; due timers are ordered on a hierarchical timer wheel ({@link HandleTimerWheel}), so
 * scheduling, rescheduling and completing one is O(1) amortised. Designed for a million tickets on two cores: the indexes and their costs are
 * described on the tenant data. A query with an assignee, group, service or configuration item sorts that key's
 * tickets (about 0.3 to 0.5 ms for 2,500 of a million); a count by kinds and state categories only, or by one such key
 * only, reads no ticket; other counts read every candidate's snapshot.
 *
 * <p>Sizing: a million open tickets take about 1.4 GB of heap ({@code docs/benchmarks.md}). Give a JVM that holds that
 * many a fixed heap with room ({@code -Xms} equal to {@code -Xmx}; the figures were measured at 3 GB), best
 * pre-touched ({@code -XX:+AlwaysPreTouch}): while G1 grows a heap it takes memory the process never touched, and each
 * first touch of a page is a page fault that the committing thread pays.
 *
 * <p>The collector's pauses: what a commit writes (the snapshot, the event, the outbox entry) stays until the ticket's
 * next commit, and its events stay for good, so most of it outlives the young generation and G1's young pauses copy it.
 * At a million tickets on the development machine those pauses came to about 1.0 to 1.5 µs per commit, besides the
 * committing thread's own 1.6 to 2.2 µs ({@code CommitCost} in {@code itsm-benchmarks} prints both). Most of that comes
 * from where a commit stores its references: into the ticket's slot and data, old objects at random places among a
 * million, each store marking a card that G1's threads then scan, concurrently and again in the pause. Plain
 * collections that store their references so paused 85 to 90 % as long per commit ({@code CommitCost ... plain}); the
 * same objects referenced from an append-only log by position paused about a third as long ({@code CommitCost ...
 * plain-log}). Such objects gain nothing from G1's survivor spaces: with {@code -XX:MaxTenuringThreshold=0} they are
 * copied once, straight into the old generation, and the same benchmark paused 25 to 30 % less per commit. Weigh that
 * against the application's own objects, which then also reach the old generation after one collection: the whole
 * service desk's benchmark ({@code ServiceDeskBenchmark.mix}), with the engine's objects beside the store's, showed no
 * consistent difference in four pairs of runs. Measure before keeping it. Besides its pauses, G1's own threads
 * (refinement of the cards commits dirty, concurrent marking) spent 5 to 9 µs of CPU per commit there, mostly on
 * another core, three quarters or more of which the plain collections spent too, and a fifth of which the log spent; a
 * heap of 8 GB instead of 3 took about a quarter off. Leave such a store room, and count a core for the collector.
 *
 * <p>Thread-safe. Passes the compatibility kit in {@code itsm-persistence-tck}.
 */
public final class InMemoryStores implements Stores {
    private final ConcurrentHashMap<TenantId, InMemoryTenantStores> tenants = new ConcurrentHashMap<>();
    final TimerTable timers = new TimerTable(this::dataOf);
    final OutboxLog outbox = new OutboxLog(this::forgetPurged);
    /** What the reads of a tenant without data see: never written, shared by every unknown tenant. */
    final InMemoryTenantStores empty = new InMemoryTenantStores(TenantId.of("no-tenant"), this);

    private InMemoryStores() {}

    /**
     * Creates empty stores.
     *
     * @return stores that hold nothing yet
     */
    public static InMemoryStores create() {
        return new InMemoryStores();
    }

    @Override
    public TenantStores forTenant(TenantId tenant) {
        requireNonNull(tenant, "tenant");
        InMemoryTenantStores stores = tenants.get(tenant);
        // a tenant without data gets a throw-away view: reads of unknown (or hostile) tenant ids keep nothing
        return stores != null ? stores : new UnknownTenantStores(tenant, this);
    }

    /** Returns the data of a tenant, or {@code null} if nothing was ever written for it. */
    @Nullable InMemoryTenantStores existing(TenantId tenant) {
        return tenants.get(tenant);
    }

    /** The data of a tenant's ticket, or {@code null}; safe without the tenant's lock (see {@link TimerTable}). */
    private @Nullable TicketData dataOf(TenantId tenant, TicketId ticket) {
        InMemoryTenantStores stores = tenants.get(tenant);
        return stores == null ? null : stores.tickets.publishedData(ticket);
    }

    /** Returns the data of a tenant, creating it for a write. */
    InMemoryTenantStores forWrite(TenantId tenant) {
        InMemoryTenantStores stores = tenants.get(tenant);
        return stores != null ? stores : tenants.computeIfAbsent(tenant, t -> new InMemoryTenantStores(t, this));
    }

    /** How many tenants hold data: a diagnostic for the tests that show reads allocate nothing lasting. */
    int tenantsHeld() {
        return tenants.size();
    }

    /** Removes purged outbox entries from their tenants' per-ticket views. */
    private void forgetPurged(List<OutboxEntry> purged) {
        Map<TenantId, List<OutboxEntry>> byTenant = new HashMap<>();
        for (OutboxEntry e : purged) {
            byTenant.computeIfAbsent(e.tenant(), t -> new ArrayList<>()).add(e);
        }
        byTenant.forEach((tenant, entries) -> {
            InMemoryTenantStores stores = tenants.get(tenant);
            if (stores != null) {
                stores.forgetOutboxEntries(entries);
            }
        });
    }

    @Override
    public TimerClaims timerClaims() {
        return timers;
    }

    @Override
    public OutboxDelivery outboxDelivery() {
        return outbox;
    }

    /**
     * Replaces a stored event without updating its hashes, as someone editing the storage behind
     * the SPI's back would: for tests that prove {@code AuditTrail.verify} detects tampering. Never
     * call it in production code.
     *
     * @param tenant the tenant
     * @param ticket the ticket
     * @param sequence the sequence of the event to replace
     * @param forged the event to store in its place
     * @return {@code true} if an event was replaced, {@code false} if there was none with that sequence
     */
    public boolean tamperWithStoredEventForTesting(TenantId tenant, TicketId ticket, long sequence, TicketEvent forged) {
        requireNonNull(tenant, "tenant");
        requireNonNull(ticket, "ticket");
        requireNonNull(forged, "forged");
        InMemoryTenantStores stores = tenants.get(tenant);
        return stores != null && stores.tamper(ticket, sequence, forged);
    }

    /**
     * Deletes a stored event's record without updating the other records' hashes, as someone deleting a row of a
     * database behind the SPI's back would: for tests that prove {@code AuditTrail.verify} reports the gap (at the
     * record after it). The event also leaves the tenant's events by time ({@code AuditTrail.between}); if it was the
     * ticket's last, the trail's last sequence and the hash the next append chains to become those of the record
     * before it. Never call it in production code.
     *
     * @param tenant the tenant
     * @param ticket the ticket
     * @param sequence the sequence of the event whose record to delete
     * @return {@code true} if a record was deleted, {@code false} if there was none with that sequence
     */
    public boolean deleteStoredEventForTesting(TenantId tenant, TicketId ticket, long sequence) {
        requireNonNull(tenant, "tenant");
        requireNonNull(ticket, "ticket");
        InMemoryTenantStores stores = tenants.get(tenant);
        return stores != null && stores.deleteRecord(ticket, sequence);
    }

    /**
     * Replaces the hash stored with an event's record, keeping the event, as someone editing that column of a database
     * behind the SPI's back would: for tests that prove {@code AuditTrail.verify} reports it. The record after it reads
     * the forged hash as its previous one (this store keeps each hash once); if it is the last record's, the next
     * append chains to the forged hash. Never call it in production code.
     *
     * @param tenant the tenant
     * @param ticket the ticket
     * @param sequence the sequence of the event whose stored hash to replace
     * @param forgedHash the hash to store instead: 64 lower-case hexadecimal digits
     * @return {@code true} if a hash was replaced, {@code false} if there was no record with that sequence
     * @throws IllegalArgumentException if {@code forgedHash} is not 64 lower-case hexadecimal digits
     */
    public boolean replaceStoredHashForTesting(TenantId tenant, TicketId ticket, long sequence, String forgedHash) {
        requireNonNull(tenant, "tenant");
        requireNonNull(ticket, "ticket");
        requireNonNull(forgedHash, "forgedHash");
        long[] forged = hashWords(forgedHash);
        InMemoryTenantStores stores = tenants.get(tenant);
        return stores != null && stores.replaceStoredHash(ticket, sequence, forged);
    }

    /** A hash's 64 lower-case hexadecimal digits as the four {@code long}s the trail keeps, the first digits highest. */
    private static long[] hashWords(String hex) {
        boolean valid = hex.length() == 64;
        for (int i = 0; valid && i < 64; i++) {
            char c = hex.charAt(i);
            valid = c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
        }
        if (!valid) {
            throw new IllegalArgumentException("a stored hash is 64 lower-case hexadecimal digits, not '" + hex + "'");
        }
        long[] words = new long[4];
        for (int k = 0; k < 4; k++) {
            words[k] = Long.parseUnsignedLong(hex, 16 * k, 16 * k + 16, 16);
        }
        return words;
    }
}
