package dev.itsmkit.persistence.memory;

import dev.itsmkit.persistence.spi.CursorTokens;
import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.persistence.AuditChain;
import dev.itsmkit.persistence.AuditRecord;
import dev.itsmkit.persistence.ChainVerification;
import dev.itsmkit.persistence.Cursor;
import dev.itsmkit.persistence.Page;
import dev.itsmkit.persistence.TicketOrder;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.spi.AuditTrail;
import dev.itsmkit.persistence.spi.LoadedTicket;
import dev.itsmkit.persistence.spi.Outbox;
import dev.itsmkit.persistence.spi.SlaClockStore;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.persistence.spi.TicketNumbers;
import dev.itsmkit.persistence.spi.TicketStore;
import dev.itsmkit.persistence.spi.TimerStore;
import dev.itsmkit.persistence.spi.UnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The data of one tenant and the store views over it.
 *
 * <p>Data structures and their costs (n tickets of the tenant):
 * <ul>
 *   <li>{@code tickets}: a {@link TicketTable}, an open-addressing table read without a lock whose
 *       slots hold the id and the snapshot side by side, and beside them the ticket's {@link TicketData}
 *       (trail, SLA clocks, outbox entries): a load is one probe, O(1), and a commit finds everything
 *       it checks and changes about a ticket with that one lookup.</li>
 *   <li>Three sort indexes, {@link ChunkedIndex}es keyed by the {@link SortKey} parts (by number, by
 *       creation, by last update) holding each ticket's {@link TicketData}: keyset paging is a walk from the
 *       cursor, O(log n + visited), reading each visited ticket's snapshot from its data. Holding the (mutable)
 *       data rather than snapshots means an update touches only the index whose key changed (by last update):
 *       its old key is marked stale (a binary search over cached primitive arrays, the chunk not read; see
 *       {@link ChunkedIndex}'s lazy deletion) and its new one inserted, usually at the end.</li>
 *   <li>The events of every ticket by instant, in a {@link ChunkedIndex} too, for
 *       {@code AuditTrail.between}; each ticket's trail keeps its events and their hashes in binary
 *       ({@link TicketData}, {@link TrailHasher}), and reads build the records.</li>
 *   <li>Four inverted indexes, from assignee, group, service and configuration item to the ids that
 *       carry them: the selective criteria. Low-cardinality criteria (category, kind, priority) and
 *       field values are not indexed: they are filtered during the walk of a sort index, which costs
 *       O(page / selectivity).</li>
 * </ul>
 * A query with k candidates in its smallest applicable inverted index either keeps the page's
 * smallest matches in a bounded heap, O(k log page), or walks the sort index of its order, about
 * page * n / k visits, whichever costs less.
 *
 * <p>Writes (a commit) hold the write lock of a {@link ReentrantReadWriteLock}; reads of more than
 * one value (queries, trails) hold its read lock, so they see each commit whole. What a command reads of
 * one ticket (its snapshot, last sequence and SLA clocks: {@code loadForCommand}) each commit publishes as
 * one immutable view per ticket it touched ({@link TicketData#head}), read without the lock; a commit
 * hashes its events against those views before it takes the lock (see {@link InMemoryUnitOfWork}). A save costs the
 * table lookup, O(log n) for each sort index whose key changed (only {@code UPDATED} on an update, whose old key is
 * only marked stale: see {@link ChunkedIndex}),
 * O(1) per inverted index whose key changed, and the copy of each event's hash, computed before. A single tenant-wide
 * lock is kept on purpose: uncontended it costs a few tens of nanoseconds, and finer locks would let
 * a query see half of a commit.
 *
 * <p>The structures shared by every tenant, the due timers and the outbox's delivery log, have locks of their
 * own. A commit takes them before it releases the tenant's lock and applies its timer changes and delivery
 * entries after, so they follow the tenants' commits in order, and the tenant's next commit does not wait for
 * them. A timer claim or an outbox delivery running at that moment may therefore see a commit's snapshot and
 * clocks shortly before its timer changes or delivery entries (never the other way round); everything is
 * visible when {@code commit()} returns. That is safe for both: a claim of a timer that the commit reschedules
 * or cancels is fenced and cannot complete, and the firing evaluates the clocks it reads, which are the
 * commit's.
 */
final class InMemoryTenantStores implements TenantStores {
    static final int MAX_LIMIT = 10_000;
    private static final TicketOrder[] ORDERS = TicketOrder.values();

    private final TenantId tenant;
    private final InMemoryStores root;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /**
     * How many times a commit that finds the lock held checks it again before it parks: a few commits' time, about
     * 28 µs where it was measured (27 ns a check, `Thread.onSpinWait` included, on the development machine's AMD EPYC).
     * A count, not a time: the library reads no clock but the injected one.
     */
    private static final int COMMIT_SPINS = 1 << 10;

    /**
     * Takes the write lock for a commit. A commit holds it for a few microseconds, while parking a thread and
     * waking it costs each side about as much; so a commit that finds the lock held first waits on the processor,
     * reading the lock's state without writing it, {@value #COMMIT_SPINS} times at most, and parks only then (a
     * holder that was descheduled, or a long query holding the read lock).
     */
    void lockForCommit() {
        ReentrantReadWriteLock.WriteLock write = lock.writeLock();
        if (write.tryLock()) {
            return;
        }
        for (int spin = 0; spin < COMMIT_SPINS; spin++) {
            Thread.onSpinWait();
            if (!lock.isWriteLocked() && lock.getReadLockCount() == 0 && write.tryLock()) {
                return;
            }
        }
        write.lock();
    }

    /** Snapshots by id, read without a lock, and beside each the ticket's trail, clocks and outbox entries. */
    final TicketTable tickets = new TicketTable();
    /** By id text; an identical id (the stored instance, as a removal of an old key usually passes) without reading it. */
    private static final Comparator<Object> BY_ID = (a, b) -> a == b ? 0 : idOf(a).value().compareTo(idOf(b).value());
    /**
     * The sort indexes hold each ticket's {@link TicketData}, which knows its id (the tie-breaker) and its snapshot (what
     * a walk reads, without a table lookup) and, for the order by last update, its present key and the number of its
     * entry there, whose bit that index's lazy deletion clears when the key moves; bounds are {@link TicketId}s or
     * {@code null}.
     */
    private final EnumMap<TicketOrder, ChunkedIndex<Object>> sorted = new EnumMap<>(TicketOrder.class);
    /** The order by last update, {@code sorted}'s entry, at hand for a commit's read ahead. */
    private final ChunkedIndex<Object> updatedOrder;
    /**
     * The inverted indexes: per assignee, group, service and configuration item, the data of the tickets that have it, in
     * sets by identity. A query's candidates are then the data a walk reads, the snapshot one read away, with no lookup
     * of the ticket's id in the table; and such a set is an array of references (an {@link IdentityHashMap}), not a node
     * per ticket as a {@code HashSet}'s, which the collector would mark and a query would read one by one.
     */
    private final HashMap<Party, Set<TicketData>> byAssignee = new HashMap<>();
    private final HashMap<Party, Set<TicketData>> byGroup = new HashMap<>();
    private final HashMap<ServiceId, Set<TicketData>> byService = new HashMap<>();
    private final HashMap<ConfigurationItemId, Set<TicketData>> byItem = new HashMap<>();
    /**
     * How many tickets there are of each kind (first index, the kind's ordinal) in each state category (second): a count
     * whose query asks for kinds and categories only is a sum of these, not a walk over every ticket's snapshot (about
     * 100 ms at a million tickets). Kept by {@link #applySave}, from the kind and category each ticket's data holds.
     */
    private final long[][] byKindAndCategory = new long[TicketKind.values().length][StateCategory.values().length];

    /**
     * Every event by its instant, then ticket and sequence: appended at the end as time moves on. Holds
     * events; typed {@code Object} because its bounds are {@link EventKey}s.
     */
    private final ChunkedIndex<Object> eventsByTime = new ChunkedIndex<>(EventKey.BY_TICKET_AND_SEQUENCE);
    private final EnumMap<TicketKind, AtomicLong> numbers = new EnumMap<>(TicketKind.class);

    private final TicketStore ticketStore = new Tickets();
    private final AuditTrail auditTrail = new Trail();
    private final SlaClockStore clockStore = new Clocks();
    private final TimerStore timerStore = new Timers();
    private final Outbox outboxStore = new TenantOutbox();
    private final TicketNumbers numberSequences = new Numbers();

    InMemoryTenantStores(TenantId tenant, InMemoryStores root) {
        this.tenant = tenant;
        this.root = root;
        for (TicketOrder order : TicketOrder.values()) {
            // the order by last update moves a key on every update: its old keys are left stale and skipped
            // (see ChunkedIndex), an entry being live while it is the ticket's present key in that order
            sorted.put(order, new ChunkedIndex<>(BY_ID, order == TicketOrder.UPDATED));
        }
        updatedOrder = requireNonNull(sorted.get(TicketOrder.UPDATED));
        for (TicketKind kind : TicketKind.values()) {
            numbers.put(kind, new AtomicLong());
        }
    }

    @Override
    public TenantId tenant() {
        return tenant;
    }

    @Override
    public TicketStore tickets() {
        return ticketStore;
    }

    @Override
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    @Override
    public SlaClockStore clocks() {
        return clockStore;
    }

    @Override
    public TimerStore timers() {
        return timerStore;
    }

    @Override
    public Outbox outbox() {
        return outboxStore;
    }

    @Override
    public TicketNumbers numbers() {
        return numberSequences;
    }

    @Override
    public UnitOfWork begin() {
        return new InMemoryUnitOfWork(root, tenant, this);
    }

    // ---- applied by InMemoryUnitOfWork under the write lock, after validation ----

    /** The id of a sort index's tie: a stored {@link TicketData} or a bound's {@link TicketId}. */
    private static TicketId idOf(Object tie) {
        return tie instanceof TicketData data ? requireNonNull(data.id, "the id of an indexed ticket") : (TicketId) tie;
    }

    /** The snapshot of a sort index's stored tie; for holders of the lock. */
    private static Ticket snapshotOf(Object tie) {
        return requireNonNull(((TicketData) tie).snapshot, "the snapshot of an indexed ticket");
    }

    long versionOf(TicketId id) {
        int i = tickets.indexOf(id);
        Ticket t = i < 0 ? null : tickets.ticketAt(i);
        return t == null ? 0 : t.version();
    }

    Optional<TicketId> holderOfNumber(TicketNumber number) {
        Object holder = sorted.get(TicketOrder.NUMBER).firstAt(number.kind().ordinal(), number.sequence());
        return holder == null ? Optional.empty() : Optional.of(idOf(holder));
    }

    long lastSequenceOf(TicketId id) {
        TicketData data = tickets.data(id);
        return data == null ? 0 : data.lastSequence;
    }

    /**
     * The published view of a ticket (see {@link TicketData#head}), or the empty one if it has no data;
     * safe without a lock.
     */
    TicketData.Head headOf(TicketId id) {
        TicketData data = tickets.publishedData(id);
        return data == null ? TicketData.Head.EMPTY : data.head();
    }

    /**
     * Reads the snapshot, the trail's last sequence and the SLA clocks of a ticket without a lock, from the one view
     * its last commit published: never a snapshot of one commit with the sequence or clocks of another. The clocks
     * are the view's immutable list, handed over without a copy, so the engine does not look the ticket up a second
     * time for them (it keeps the first ticket's clocks without a map).
     */
    @Override
    public Optional<LoadedTicket> loadForCommand(TicketId ticket) {
        TicketData.Head head = headOf(requireNonNull(ticket, "ticket"));
        Ticket snapshot = head.snapshot;
        return snapshot == null ? Optional.empty()
                : Optional.of(new LoadedTicket(snapshot, head.lastSequence, Optional.of(head.clocks)));
    }

    /**
     * Reads ahead, WITHOUT the lock, what a commit writing to a ticket will read and write under it (see
     * {@link InMemoryUnitOfWork}): the ticket's data past its published view, its trail's and outbox's next slots and
     * first timer ({@link TicketData#readAhead}). The chunk of an updated ticket's old key in the order by last update
     * is not among them: the commit defers that mark ({@link ChunkedIndex#markStaleLater}); but when its mark is likely
     * the one that applies the deferred marks, the chunks those will read
     * ({@link ChunkedIndex#readAheadPendingMarks}).
     *
     * @param data the ticket's published data
     * @param update whether the commit saves a snapshot of a ticket that has one (and so marks its old key)
     * @return a value made of what was read, for the caller to keep (so that the reads are not dropped)
     */
    long readAhead(TicketData data, boolean update) {
        long read = data.readAhead();
        return update ? read + updatedOrder.readAheadPendingMarks() : read;
    }

    /** Saves a snapshot; returns the ticket's data, to {@link TicketData#publish} once the commit is applied. */
    TicketData applySave(Ticket ticket) {
        int slot = tickets.indexFor(ticket.id());
        Ticket old = tickets.ticketAt(slot);
        TicketData data = tickets.dataAt(slot);
        tickets.replaceAt(slot, ticket);
        data.save(ticket);
        if (data.id == null) {
            data.id = ticket.id();
        }
        int oldKind = data.numberKind;
        Instant updated = ticket.updatedAt();
        for (TicketOrder order : ORDERS) {
            ChunkedIndex<Object> index = sorted.get(order);
            if (order == TicketOrder.UPDATED) {
                // the old key from the ticket's data, not from the old snapshot's Instant (see TicketData)
                long oldSecond = data.updatedSecond;
                int oldNano = data.updatedNano;
                if (old != null && oldSecond == updated.getEpochSecond() && oldNano == updated.getNano()) {
                    continue;
                }
                data.keepKey(TicketOrder.UPDATED, updated.getEpochSecond(), updated.getNano());
                if (old != null) {
                    // not removed: its chunk is a random, cold place; marked stale, with the next few commits' old keys
                    index.markStaleLater(oldSecond, oldNano, data, data.updatedChunk, data.updatedEntry);
                }
                data.updatedChunk = index.put(data.updatedSecond, data.updatedNano, data);
                data.updatedEntry = index.lastEntry();
                continue;
            }
            // the index holds the data, not snapshots, so an unchanged key costs no tree traversal (and no key)
            if (old != null && !SortKey.changed(order, old, ticket)) {
                continue;
            }
            if (old != null) {
                SortKey before = SortKey.of(order, old);
                index.remove(before.major(), before.minor(), data);
            }
            SortKey after = SortKey.of(order, ticket);
            index.put(after.major(), after.minor(), data);
            data.keepKey(order, after.major(), after.minor());
        }
        // the state compared by identity first: a snapshot built from the previous one holds its state instance, and
        // the old state's category is the data's, so no state object is read unless the state changed
        if (old == null || old.state() != ticket.state() || oldKind != data.numberKind) {
            int category = ticket.state().category().ordinal();
            if (old != null) {
                byKindAndCategory[oldKind][data.stateCategory]--;
            }
            byKindAndCategory[data.numberKind][category]++;
            data.stateCategory = (byte) category;
        }
        reindex(byAssignee, old == null ? null : old.assignee().orElse(null), ticket.assignee().orElse(null), data);
        reindex(byGroup, old == null ? null : old.assignmentGroup().orElse(null), ticket.assignmentGroup().orElse(null), data);
        reindex(byService, old == null ? null : old.service().orElse(null), ticket.service().orElse(null), data);
        List<ConfigurationItemId> oldItems = old == null ? List.of() : old.configurationItems();
        // a snapshot built from the previous one usually shares its (immutable) list: skip the comparison then
        if (oldItems != ticket.configurationItems() && !oldItems.equals(ticket.configurationItems())) {
            for (ConfigurationItemId item : oldItems) {
                reindex(byItem, item, null, data);
            }
            for (ConfigurationItemId item : ticket.configurationItems()) {
                reindex(byItem, null, item, data);
            }
        }
        return data;
    }

    private static <K> void reindex(Map<K, Set<TicketData>> index, @Nullable K before, @Nullable K after, TicketData data) {
        // a snapshot built from the previous one holds its key instance: the identity spares reading the old key, a
        // cold object (its party or id) in a store of a million tickets
        if (before == after || before != null && before.equals(after)) {
            return;
        }
        if (before != null) {
            Set<TicketData> holders = index.get(before);
            if (holders != null && holders.remove(data) && holders.isEmpty()) {
                index.remove(before);
            }
        }
        if (after != null) {
            index.computeIfAbsent(after, k -> Collections.newSetFromMap(new IdentityHashMap<>(4))).add(data);
        }
    }

    /**
     * Appends an event with the hash computed before the lock, if still chained right (see
     * {@link TicketData#append}); returns the ticket's data, to publish.
     */
    TicketData applyAppend(TicketEvent event, long[] hashed, int at, int basis, TrailHasher hasher) {
        TicketData data = tickets.dataAt(tickets.indexFor(event.ticket()));
        data.append(event, hashed, at, basis, hasher);
        // the event is its own tie-breaker (ticket, sequence): no key object per event
        eventsByTime.put(event.at().getEpochSecond(), event.at().getNano(), event);
        return data;
    }

    /** Saves an SLA clock; returns the ticket's data, to publish. */
    TicketData applySave(SlaClockSnapshot clock) {
        TicketData data = tickets.dataAt(tickets.indexFor(clock.ticket()));
        data.save(clock);
        return data;
    }

    /** The data of a ticket, added with a slot without a snapshot if the tenant has none yet; for the writer. */
    TicketData dataFor(TicketId ticket) {
        return tickets.dataAt(tickets.indexFor(ticket));
    }

    void applyEnqueue(OutboxEntry entry) {
        tickets.dataAt(tickets.indexFor(entry.ticket())).enqueue(entry);
    }

    /**
     * Removes outbox entries that every channel acknowledged from the per-ticket view: one pass over
     * each ticket's list. The log and this view hold the same instances, so an entry is matched by
     * identity, never an equal twin, and an instance enqueued twice loses only as many places as were purged.
     */
    void forgetOutboxEntries(List<OutboxEntry> purged) {
        Map<OutboxEntry, Integer> gone = new IdentityHashMap<>(purged.size() * 2);
        Set<TicketId> touched = new HashSet<>();
        for (OutboxEntry entry : purged) {
            gone.merge(entry, 1, Integer::sum);
            touched.add(entry.ticket());
        }
        lock.writeLock().lock();
        try {
            for (TicketId ticket : touched) {
                TicketData data = tickets.data(ticket);
                if (data == null || data.outboxCount == 0) {
                    continue;
                }
                OutboxEntry[] entries = data.outbox;
                int kept = 0;
                for (int i = 0; i < data.outboxCount; i++) {
                    OutboxEntry e = entries[i];
                    Integer left = gone.get(e);
                    if (left == null) {
                        entries[kept++] = e;
                    } else if (left == 1) {
                        gone.remove(e);
                    } else {
                        gone.put(e, left - 1);
                    }
                }
                data.keepOutbox(kept);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A test hook's edit of a stored record, given the ticket's data and the record's position; for the lock holder. */
    @FunctionalInterface
    private interface RecordEdit {
        void apply(TicketData data, int position);
    }

    /**
     * Applies a test hook's edit, under the lock, to the stored record of the ticket's event with this sequence, then
     * publishes the ticket's view if the edit changed it; {@code false} if there is no such record.
     */
    private boolean editRecord(TicketId ticket, long sequence, RecordEdit edit) {
        lock.writeLock().lock();
        try {
            TicketData data = tickets.data(ticket);
            int position = data == null ? -1 : data.positionOfSequence(sequence);
            if (data == null || position < 0) {
                return false;
            }
            edit.apply(data, position);
            data.publish();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Replaces a stored event without rehashing, as an attacker editing storage would. */
    boolean tamper(TicketId ticket, long sequence, TicketEvent forged) {
        return editRecord(ticket, sequence, (data, position) -> {
            // the stored hashes stay: only the event changes
            data.events[position] = forged;
            if (position == data.trailSize - 1) {
                // the last record's sequence is kept beside the trail; the stored hash is unchanged
                data.forgeLastSequence(forged.sequence());
            }
        });
    }

    /**
     * Deletes a stored record without rehashing the others, as someone deleting a row of a database would: the event
     * leaves the trail and the tenant's events by time.
     */
    boolean deleteRecord(TicketId ticket, long sequence) {
        return editRecord(ticket, sequence, (data, position) -> {
            TicketEvent deleted = data.events[position];
            data.deleteRecord(position);
            eventsByTime.remove(deleted.at().getEpochSecond(), deleted.at().getNano(), deleted);
        });
    }

    /** Replaces a stored record's hash, keeping its event, as someone editing a row of a database would. */
    boolean replaceStoredHash(TicketId ticket, long sequence, long[] forged) {
        return editRecord(ticket, sequence, (data, position) -> data.replaceHash(position, forged));
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " items, got a limit of " + limit);
        }
    }

    // ---- views ----

    private final class Tickets implements TicketStore {
        @Override
        public Optional<Ticket> find(TicketId id) {
            return tickets.find(requireNonNull(id, "id"));
        }

        @Override
        public Optional<Ticket> findByNumber(TicketNumber number) {
            requireNonNull(number, "number");
            lock.readLock().lock();
            try {
                return holderOfNumber(number).map(tickets::get);
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public Page<Ticket> query(TicketQuery query, int limit) {
            requireNonNull(query, "query");
            checkLimit(limit);
            return run(query, null, limit);
        }

        @Override
        public Page<Ticket> query(TicketQuery query, Cursor after, int limit) {
            requireNonNull(query, "query");
            requireNonNull(after, "after");
            checkLimit(limit);
            CursorTokens.Position d = CursorTokens.decode(after, "t" + query.order().ordinal(), query.fingerprint());
            return run(query, new SortKey(d.a(), d.b(), d.id()), limit);
        }

        @Override
        public long count(TicketQuery query) {
            requireNonNull(query, "query");
            lock.readLock().lock();
            try {
                if (asksForKindsAndCategoriesOnly(query)) {
                    return countOf(query.kinds(), query.categories());
                }
                Collection<TicketData> candidates = smallestIndex(query);
                if (candidates != null) {
                    if (asksForOneIndexedKeyOnly(query)) {
                        return candidates.size();
                    }
                    return candidates.stream().map(InMemoryTenantStores::snapshotOf).filter(query::matches).count();
                }
                long[] count = {0};
                sorted.get(TicketOrder.NUMBER).visitAll(tie -> {
                    if (query.matches(snapshotOf(tie))) {
                        count[0]++;
                    }
                    return true;
                });
                return count[0];
            } finally {
                lock.readLock().unlock();
            }
        }

        /** Whether a query's only criteria, if any, are kinds and state categories. */
        private static boolean asksForKindsAndCategoriesOnly(TicketQuery query) {
            return query.assignee().isEmpty() && query.assignmentGroup().isEmpty() && query.service().isEmpty()
                    && query.configurationItem().isEmpty() && hasNoOtherCriteria(query);
        }

        /**
         * Whether a query's only criterion is one assignee, group, service or configuration item: then every ticket of
         * that key's inverted index matches it, and none other does.
         */
        private static boolean asksForOneIndexedKeyOnly(TicketQuery query) {
            int keys = (query.assignee().isPresent() ? 1 : 0) + (query.assignmentGroup().isPresent() ? 1 : 0)
                    + (query.service().isPresent() ? 1 : 0) + (query.configurationItem().isPresent() ? 1 : 0);
            return keys == 1 && query.kinds().isEmpty() && query.categories().isEmpty() && hasNoOtherCriteria(query);
        }

        /** Whether a query asks nothing of priorities, instants and field values. */
        private static boolean hasNoOtherCriteria(TicketQuery query) {
            return query.priorities().isEmpty() && query.createdIn().isEmpty() && query.updatedIn().isEmpty()
                    && query.fields().isEmpty();
        }

        /** The number of tickets of the given kinds in the given categories (all of either when empty). */
        private long countOf(Set<TicketKind> kinds, Set<StateCategory> categories) {
            long total = 0;
            for (TicketKind kind : TicketKind.values()) {
                if (!kinds.isEmpty() && !kinds.contains(kind)) {
                    continue;
                }
                for (StateCategory category : StateCategory.values()) {
                    if (categories.isEmpty() || categories.contains(category)) {
                        total += byKindAndCategory[kind.ordinal()][category.ordinal()];
                    }
                }
            }
            return total;
        }

        private Page<Ticket> run(TicketQuery query, @Nullable SortKey after, int limit) {
            TicketOrder order = query.order();
            List<Ticket> found = new ArrayList<>(Math.min(limit + 1, 256));
            lock.readLock().lock();
            try {
                Collection<TicketData> candidates = smallestIndex(query);
                if (candidates != null && cheaperToSortCandidates(candidates.size(), limit)) {
                    found.addAll(smallestMatches(candidates, query, after, limit + 1));
                } else {
                    walk(query, order, after, tie -> {
                        Ticket t = snapshotOf(tie);
                        if (query.matches(t)) {
                            found.add(t);
                        }
                        return found.size() <= limit;
                    });
                }
            } finally {
                lock.readLock().unlock();
            }
            if (found.size() <= limit) {
                return new Page<>(found, Optional.empty());
            }
            List<Ticket> items = found.subList(0, limit);
            SortKey last = SortKey.of(order, items.get(limit - 1));
            return new Page<>(items, Optional.of(CursorTokens.encode("t" + order.ordinal(), query.fingerprint(), new CursorTokens.Position(last.major(), last.minor(), requireNonNull(last.id()), 0))));
        }

        /**
         * Chooses between sorting the k candidates of an inverted index, O(k log page), and walking
         * the sort index, which visits about page * n / k tickets before it fills a page.
         */
        private boolean cheaperToSortCandidates(int k, int limit) {
            return k <= 64 || (long) k * k <= (long) (limit + 1) * Math.max(1, sorted.get(TicketOrder.NUMBER).size()) * 4;
        }

        /** The {@code count} smallest matching candidates after the cursor, in order, with a bounded max-heap. */
        private List<Ticket> smallestMatches(Collection<TicketData> candidates, TicketQuery query, @Nullable SortKey after,
                int count) {
            TicketOrder order = query.order();
            java.util.PriorityQueue<Map.Entry<SortKey, Ticket>> heap =
                    new java.util.PriorityQueue<>(count + 1, Map.Entry.<SortKey, Ticket>comparingByKey().reversed());
            for (TicketData data : candidates) {
                // the key from the ticket's data: the snapshot is read only for a candidate that can enter the page
                long major = data.keyMajor(order);
                long minor = data.keyMinor(order);
                TicketId id = idOf(data);
                if (after != null && SortKey.compare(major, minor, id, after) <= 0) {
                    continue;
                }
                if (heap.size() == count && SortKey.compare(major, minor, id, heap.peek().getKey()) >= 0) {
                    continue;
                }
                Ticket t = snapshotOf(data);
                if (query.matches(t)) {
                    heap.add(Map.entry(new SortKey(major, minor, id), t));
                    if (heap.size() > count) {
                        heap.poll();
                    }
                }
            }
            List<Map.Entry<SortKey, Ticket>> sortedHits = new ArrayList<>(heap);
            sortedHits.sort(Map.Entry.comparingByKey());
            List<Ticket> result = new ArrayList<>(sortedHits.size());
            sortedHits.forEach(e -> result.add(e.getValue()));
            return result;
        }

        /** Visits the ids of an order after the cursor and within the query's time window of that order. */
        private void walk(TicketQuery query, TicketOrder order, @Nullable SortKey after,
                java.util.function.Predicate<Object> visitor) {
            ChunkedIndex<Object> index = sorted.get(order);
            Optional<TimeWindow> window = order == TicketOrder.CREATED ? query.createdIn()
                    : order == TicketOrder.UPDATED ? query.updatedIn() : Optional.empty();
            SortKey from = window.map(w -> SortKey.at(w.start(), null)).orElse(null);
            // after the cursor (exclusive) if it is past the window's start, else from the window's start (inclusive)
            boolean fromCursor = after != null && (from == null || after.compareTo(from) >= 0);
            SortKey start = fromCursor ? after : from != null ? from : new SortKey(Long.MIN_VALUE, Long.MIN_VALUE, null);
            SortKey end = window.map(w -> SortKey.at(w.end(), null)).orElse(null);
            index.visit(start.major(), start.minor(), start.id(), !fromCursor, end != null,
                    end == null ? 0 : end.major(), end == null ? 0 : end.minor(), visitor);
        }

        private @Nullable Collection<TicketData> smallestIndex(TicketQuery query) {
            Collection<TicketData> best = null;
            best = smaller(best, query.assignee(), byAssignee::get);
            best = smaller(best, query.assignmentGroup(), byGroup::get);
            best = smaller(best, query.service(), byService::get);
            best = smaller(best, query.configurationItem(), byItem::get);
            return best;
        }

        private <K> @Nullable Collection<TicketData> smaller(@Nullable Collection<TicketData> best, Optional<K> key,
                Function<K, @Nullable Set<TicketData>> index) {
            if (key.isEmpty()) {
                return best;
            }
            Set<TicketData> holders = index.apply(key.get());
            Collection<TicketData> candidates = holders == null ? List.of() : holders;
            return best == null || candidates.size() < best.size() ? candidates : best;
        }
    }

    /**
     * The position of an event in the order by time (instant, ticket, sequence): a cursor of
     * {@code AuditTrail.between}. In {@code eventsByTime} the stored records are their own
     * tie-breakers, so the comparator of ties reads the ticket and sequence of either.
     */
    record EventKey(long second, long nano, TicketId ticket, long sequence) {
        static final Comparator<Object> BY_TICKET_AND_SEQUENCE = (a, b) -> {
            int c = ticketOf(a).value().compareTo(ticketOf(b).value());
            return c != 0 ? c : Long.compare(sequenceOf(a), sequenceOf(b));
        };

        private static TicketId ticketOf(Object tie) {
            return tie instanceof TicketEvent e ? e.ticket() : ((EventKey) tie).ticket();
        }

        private static long sequenceOf(Object tie) {
            return tie instanceof TicketEvent e ? e.sequence() : ((EventKey) tie).sequence();
        }
    }

    private final class Trail implements AuditTrail {
        @Override
        public List<AuditRecord> forTicket(TicketId ticket) {
            return forTicket(ticket, 1);
        }

        @Override
        public List<AuditRecord> forTicket(TicketId ticket, long fromSequence) {
            requireNonNull(ticket, "ticket");
            if (fromSequence < 1) {
                throw new IllegalArgumentException("sequences count from 1, got " + fromSequence);
            }
            lock.readLock().lock();
            try {
                TicketData data = tickets.data(ticket);
                int from = data == null ? 0 : data.positionFrom(fromSequence);
                if (data == null || from >= data.trailSize) {
                    return List.of();
                }
                return List.copyOf(data.records(from));
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public long lastSequence(TicketId ticket) {
            // one value: the published view, without the lock
            return headOf(requireNonNull(ticket, "ticket")).lastSequence;
        }

        @Override
        public Page<AuditRecord> between(TimeWindow window, int limit) {
            requireNonNull(window, "window");
            checkLimit(limit);
            return between(window, (EventKey) null, limit);
        }

        @Override
        public Page<AuditRecord> between(TimeWindow window, Cursor after, int limit) {
            requireNonNull(window, "window");
            requireNonNull(after, "after");
            checkLimit(limit);
            CursorTokens.Position d = CursorTokens.decode(after, "e", window.start() + "/" + window.end());
            return between(window, new EventKey(d.a(), d.b(), d.id(), d.n()), limit);
        }

        private Page<AuditRecord> between(TimeWindow window, @Nullable EventKey after, int limit) {
            List<AuditRecord> found = new ArrayList<>();
            lock.readLock().lock();
            try {
                Instant start = window.start();
                Instant end = window.end();
                // after the cursor (exclusive) if it is at or past the window's start, else from the start (inclusive)
                boolean fromCursor = after != null && (after.second() > start.getEpochSecond()
                        || after.second() == start.getEpochSecond() && after.nano() >= start.getNano());
                eventsByTime.visit(fromCursor ? after.second() : start.getEpochSecond(),
                        fromCursor ? after.nano() : start.getNano(), fromCursor ? after : null, !fromCursor, true,
                        end.getEpochSecond(), end.getNano(), stored -> {
                            // the index holds events; only bounds are EventKeys
                            TicketEvent e = (TicketEvent) stored;
                            TicketData data = requireNonNull(tickets.data(e.ticket()), "the data of a ticket with events");
                            int position = data.positionOf(e);
                            // the stored event, not the trail's (the same unless tampered with), as stored
                            found.add(new AuditRecord(e, data.hash(position - 1), data.hash(position)));
                            return found.size() <= limit;
                        });
            } finally {
                lock.readLock().unlock();
            }
            if (found.size() <= limit) {
                return new Page<>(found, Optional.empty());
            }
            List<AuditRecord> items = found.subList(0, limit);
            TicketEvent last = items.get(limit - 1).event();
            return new Page<>(items, Optional.of(CursorTokens.encode("e", window.start() + "/" + window.end(), new CursorTokens.Position(last.at().getEpochSecond(), last.at().getNano(), last.ticket(), last.sequence()))));
        }

        @Override
        public ChainVerification verify(TicketId ticket) {
            return AuditChain.verify(requireNonNull(ticket, "ticket"), forTicket(ticket));
        }
    }

    private final class Clocks implements SlaClockStore {
        @Override
        public List<SlaClockSnapshot> forTicket(TicketId ticket) {
            // one ticket's clocks as one commit left them: the published (immutable) list, without the lock
            return headOf(requireNonNull(ticket, "ticket")).clocks;
        }

        @Override
        public Optional<SlaClockSnapshot> find(TicketId ticket, String target, int cycle) {
            requireNonNull(target, "target");
            return forTicket(ticket).stream().filter(c -> c.target().equals(target) && c.cycle() == cycle).findFirst();
        }
    }

    private final class Timers implements TimerStore {
        @Override
        public Optional<DueTimer> find(TimerId id) {
            return root.timers.find(tenant, requireNonNull(id, "id"));
        }

        @Override
        public List<DueTimer> forTicket(TicketId ticket) {
            // a ticket with timers has data (scheduling one adds it), found without the tenant's lock
            TicketData data = tickets.publishedData(requireNonNull(ticket, "ticket"));
            return data == null ? List.of() : root.timers.forTicket(data);
        }
    }

    private final class TenantOutbox implements Outbox {
        @Override
        public List<OutboxEntry> forTicket(TicketId ticket) {
            requireNonNull(ticket, "ticket");
            lock.readLock().lock();
            try {
                TicketData data = tickets.data(ticket);
                return data == null ? List.of() : List.of(Arrays.copyOf(data.outbox, data.outboxCount));
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    private final class Numbers implements TicketNumbers {
        @Override
        public TicketNumber next(TicketKind kind) {
            requireNonNull(kind, "kind");
            return new TicketNumber(kind, numbers.get(kind).incrementAndGet());
        }
    }
}
