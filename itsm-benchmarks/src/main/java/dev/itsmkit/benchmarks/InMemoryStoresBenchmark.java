package dev.itsmkit.benchmarks;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.outbox.OutboxEntryId;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.persistence.AuditChain;
import dev.itsmkit.persistence.Page;
import dev.itsmkit.persistence.TicketOrder;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.spi.LoadedTicket;
import dev.itsmkit.persistence.spi.TenantStores;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The in-memory stores with {@code tickets} open incidents: a load by id, one command's unit of work (snapshot,
 * event, timer, outbox entry) on a random ticket, and a first page of 25 by assignee and by
 * category in update order.
 *
 * <p>Time moves forward as in a running system: each unit of work is stamped one millisecond after the previous
 * one (update instant, event, timer due an hour later, outbox entry), so new index keys land at the end of the
 * time orders, while the keys they replace sit anywhere.
 *
 * <p>{@link #saveUnitOfWork} builds its values (snapshot, event, timer, outbox entry) inside the measured call, as a
 * command handler does; {@link #commitUnitOfWork} commits the same units of work with values built beforehand, in
 * batches of {@value #BATCH} outside the measured region, so it measures the store alone.
 *
 * <p>{@link #load} passes the stored id instances (as an engine that holds a ticket's id from a timer or an event
 * does); {@link #loadByEqualId} passes equal copies (as one that parses ids from requests does). In both the
 * caller's id is as cold as the table; {@link #loadRequestId} passes ids built just before, in the cache, as a
 * request handler's are (see {@link RequestIds}). {@link #callerOfLoad}, {@link #callerOfLoadByEqualId} and
 * {@link #callerOfRequestId} do the caller's part of each alone: read the id and its hash code.
 * {@link #parseRequestId} parses the request's ids from their texts, and {@link #parseAndLoadRequestId} parses and
 * loads: what a request handler pays in total for its ticket, whatever part of the work the id's parsing does.
 *
 * <p>Three floors, measured in the same run, say what part of a figure is not the store's: building a unit of
 * work's values without committing them ({@link #buildUnitOfWorkValues}), the audit chain's hash of one event
 * ({@link #hashOfOneEvent}: canonical form, SHA-256, hex), and a plain {@code HashMap} lookup among the same
 * number of tickets ({@link #hashMapLookup}), which no store lookup can beat.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InMemoryStoresBenchmark {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final TenantId TENANT = TenantId.of("acme");
    /** How many units of work {@link PreparedUnits} builds ahead, outside the measured region. */
    static final int BATCH = 1000;

    /** How many open incidents the store holds. */
    @Param({"100000", "1000000"})
    public int tickets = 100_000;

    private TenantStores acme;
    private Ticket[] current;
    private HashMap<TicketId, Ticket> plainMap;
    /** Ids equal to the stored ones but other instances (their strings' bytes too), as parsed from requests. */
    private TicketId[] parsedIds;
    private SlaWarned fixedEvent;
    private int cursor;
    private Instant now;
    private long outboxIds;

    /** Creates the benchmark; {@link #fill()} fills the store. */
    public InMemoryStoresBenchmark() {}

    /** Fills the store with the open incidents, one unit of work each. */
    @Setup(Level.Trial)
    public void fill() {
        InMemoryStores stores = InMemoryStores.create();
        acme = stores.forTenant(TENANT);
        current = new Ticket[tickets];
        for (int n = 1; n <= tickets; n++) {
            Ticket t = openIncident(n);
            acme.begin().save(t, 0).commit();
            current[n - 1] = t;
        }
        acme = stores.forTenant(TENANT);
        now = startOfUnits(tickets);
        plainMap = new HashMap<>();
        for (Ticket t : current) {
            plainMap.put(t.id(), t);
        }
        parsedIds = new TicketId[tickets];
        for (int n = 1; n <= tickets; n++) {
            parsedIds[n - 1] = TicketId.of("inc-" + n);
        }
        fixedEvent = new SlaWarned(TENANT, current[0].id(), Party.ITSM_KIT, T0, 1, 1, "resolution", 1, 50, T0);
    }

    /**
     * The n-th open incident as the benchmarks' stores hold it before any unit of work: in progress, one of 5,000
     * requesters and 400 agents, created and updated n seconds after the benchmarks' epoch.
     *
     * @param n the incident's number, from 1
     * @return its first snapshot
     */
    static Ticket openIncident(int n) {
        return Ticket.builder(TENANT, TicketId.of("inc-" + n), new TicketNumber(TicketKind.INCIDENT, n))
                .title("E-mail is down " + n).state(TicketState.of("IN_PROGRESS", StateCategory.OPEN))
                .requester(Party.person("user" + n % 5000)).assignee(Optional.of(Party.person("agent" + n % 400)))
                .createdAt(T0.plusSeconds(n)).updatedAt(T0.plusSeconds(n)).build();
    }

    /** The instant after the last of {@code tickets} incidents' creation, where the units of work's clock starts. */
    static Instant startOfUnits(int tickets) {
        return T0.plusSeconds(tickets + 1);
    }

    private int next() {
        cursor = (cursor + 7919) % tickets;
        return cursor;
    }

    /**
     * Loads a ticket by id.
     *
     * @return the ticket
     */
    @Benchmark
    public Optional<Ticket> load() {
        return acme.tickets().find(current[next()].id());
    }

    /**
     * The floor of {@link #load}: a plain {@code HashMap} lookup of the same ids among as many tickets.
     *
     * @return the ticket
     */
    @Benchmark
    public Ticket hashMapLookup() {
        return plainMap.get(current[next()].id());
    }

    /**
     * Loads a ticket by an id equal to the stored one but not the same instance, as an engine that parses ids from
     * requests passes: the store must compare the id's text with the stored id's.
     *
     * @return the ticket
     */
    @Benchmark
    public Optional<Ticket> loadByEqualId() {
        return acme.tickets().find(parsedIds[next()]);
    }

    /**
     * The floor of {@link #loadByEqualId}: a plain {@code HashMap} lookup of the same equal ids.
     *
     * @return the ticket
     */
    @Benchmark
    public Ticket hashMapLookupByEqualId() {
        return plainMap.get(parsedIds[next()]);
    }

    /**
     * The caller's part of {@link #load} and {@link #hashMapLookup}: reads the same snapshot, its id and its text's
     * hash code, which any lookup reads before it touches its table, without a lookup.
     *
     * @return the hash code
     */
    @Benchmark
    public int callerOfLoad() {
        return current[next()].id().hashCode();
    }

    /**
     * The caller's part of {@link #loadByEqualId} and {@link #hashMapLookupByEqualId}: reads the same id and its
     * text's hash code without a lookup.
     *
     * @return the hash code
     */
    @Benchmark
    public int callerOfLoadByEqualId() {
        return parsedIds[next()].hashCode();
    }

    /**
     * The ids of {@value #BATCH} tickets (the same stride as the other benchmarks), built before each measured batch
     * of {@link #loadRequestId} as a request handler parses an id just before its lookup: new objects in the cache,
     * whose text's hash code is not computed yet, looked up in a table that is not in the cache.
     */
    @State(Scope.Thread)
    public static class RequestIds {
        final TicketId[] ids = new TicketId[BATCH];
        /**
         * The same ids' texts, as a request carries them before they are parsed (for {@link #parseRequestId} and
         * {@link #parseAndLoadRequestId}); each is the text its id in {@link #ids} was parsed from.
         */
        final String[] texts = new String[BATCH];

        /** Creates the state; {@link #parse} fills it. */
        public RequestIds() {}

        /**
         * Builds the next batch's ids.
         *
         * @param b the benchmark whose stride over the tickets the ids follow
         */
        @Setup(Level.Invocation)
        public void parse(InMemoryStoresBenchmark b) {
            for (int k = 0; k < BATCH; k++) {
                texts[k] = "inc-" + (b.next() + 1);
                ids[k] = TicketId.of(texts[k]);
            }
        }
    }

    /**
     * Loads {@value #BATCH} tickets by ids just parsed from requests (see {@link RequestIds}) and unwraps each
     * {@code Optional} as a command handler does; the score is per load.
     *
     * @param request the ids
     * @param sink receives the tickets
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void loadRequestId(RequestIds request, Blackhole sink) {
        for (TicketId id : request.ids) {
            sink.consume(acme.tickets().find(id).orElseThrow());
        }
    }

    /**
     * The floor of {@link #loadRequestId}: a plain {@code HashMap} lookup of the same ids.
     *
     * @param request the ids
     * @param sink receives the tickets
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void hashMapLookupRequestId(RequestIds request, Blackhole sink) {
        for (TicketId id : request.ids) {
            sink.consume(plainMap.get(id));
        }
    }

    /**
     * The caller's part of {@link #hashMapLookupRequestId}: the hash code of each id's text (computed here, as a
     * {@code HashMap} lookup computes it), without a lookup. {@link #loadRequestId} no longer pays it: an id carries
     * its lookup key from its parse.
     *
     * @param request the ids
     * @param sink receives the hash codes
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void callerOfRequestId(RequestIds request, Blackhole sink) {
        for (TicketId id : request.ids) {
            sink.consume(id.hashCode());
        }
    }

    /**
     * What a request handler pays to parse its ticket's id ({@code TicketId.of} of the request's text, in the cache),
     * the part of {@link #parseAndLoadRequestId} before the lookup; the score is per id.
     *
     * @param request the texts
     * @param sink receives the ids
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void parseRequestId(RequestIds request, Blackhole sink) {
        for (String text : request.texts) {
            sink.consume(TicketId.of(text));
        }
    }

    /**
     * What a request handler pays in total for its ticket: the id parsed from the request's text, then the load
     * ({@link #parseRequestId} and {@link #loadRequestId} in one); the score is per request.
     *
     * @param request the texts
     * @param sink receives the tickets
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void parseAndLoadRequestId(RequestIds request, Blackhole sink) {
        for (String text : request.texts) {
            sink.consume(acme.tickets().find(TicketId.of(text)).orElseThrow());
        }
    }

    /**
     * The index after {@code i} in the stride of {@link #next()}, made to depend on {@code value} (without changing
     * it): the next load's address waits for this one's result, so loads in turn do not overlap, as in an engine
     * that does other work between two loads.
     */
    private int after(int i, long value) {
        return (int) ((i + 7919 + (value & 1) * (long) tickets) % tickets);
    }

    /**
     * {@value #BATCH} loads in turn of the stored ids (see {@link #load}), each reading the loaded ticket's version,
     * whose value chooses the next id: a load's latency, where {@link #load} lets the processor overlap
     * consecutive loads' misses. The score is per load.
     *
     * @return the sum of the versions
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long loadInTurn() {
        int i = cursor;
        long sum = 0;
        for (int k = 0; k < BATCH; k++) {
            long version = acme.tickets().find(current[i].id()).orElseThrow().version();
            sum += version;
            i = after(i, version);
        }
        cursor = i;
        return sum;
    }

    /**
     * The floor of {@link #loadInTurn}: {@code HashMap} lookups in turn.
     *
     * @return the sum of the versions
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long hashMapLookupInTurn() {
        int i = cursor;
        long sum = 0;
        for (int k = 0; k < BATCH; k++) {
            long version = plainMap.get(current[i].id()).version();
            sum += version;
            i = after(i, version);
        }
        cursor = i;
        return sum;
    }

    /**
     * The caller's part of {@link #loadInTurn}: the snapshot, its id and its hash code in turn, without a lookup
     * (the loaded snapshot is the one read here, so reading its version costs nothing more).
     *
     * @return the sum of the hash codes
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long callerOfLoadInTurn() {
        int i = cursor;
        long sum = 0;
        for (int k = 0; k < BATCH; k++) {
            int hash = current[i].id().hashCode();
            sum += hash;
            i = after(i, hash);
        }
        cursor = i;
        return sum;
    }

    /**
     * {@value #BATCH} loads in turn of equal copies of the ids (see {@link #loadByEqualId} and {@link #loadInTurn});
     * each reads the loaded ticket's version, a miss of its own here. The score is per load.
     *
     * @return the sum of the versions
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long loadByEqualIdInTurn() {
        int i = cursor;
        long sum = 0;
        for (int k = 0; k < BATCH; k++) {
            long version = acme.tickets().find(parsedIds[i]).orElseThrow().version();
            sum += version;
            i = after(i, version);
        }
        cursor = i;
        return sum;
    }

    /**
     * The floor of {@link #loadByEqualIdInTurn}: {@code HashMap} lookups in turn.
     *
     * @return the sum of the versions
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long hashMapLookupByEqualIdInTurn() {
        int i = cursor;
        long sum = 0;
        for (int k = 0; k < BATCH; k++) {
            long version = plainMap.get(parsedIds[i]).version();
            sum += version;
            i = after(i, version);
        }
        cursor = i;
        return sum;
    }

    /**
     * The caller's part of {@link #loadByEqualIdInTurn}: the id and its hash code in turn, without a lookup (and
     * without reading the ticket, which a load's result costs whoever reads it: one miss).
     *
     * @return the sum of the hash codes
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long callerOfLoadByEqualIdInTurn() {
        int i = cursor;
        long sum = 0;
        for (int k = 0; k < BATCH; k++) {
            int hash = parsedIds[i].hashCode();
            sum += hash;
            i = after(i, hash);
        }
        cursor = i;
        return sum;
    }

    /**
     * {@value #BATCH} loads in turn of ids just parsed (see {@link #loadRequestId} and {@link #loadInTurn}); each
     * reads the loaded ticket's version. The score is per load.
     *
     * @param request the ids
     * @return the sum of the versions
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long loadRequestIdInTurn(RequestIds request) {
        long sum = 0;
        long version = 0;
        for (int k = 0; k < BATCH; k++) {
            // the same k, but its address waits for the previous load
            version = acme.tickets().find(request.ids[(int) ((k + (version & 1) * BATCH) % BATCH)]).orElseThrow().version();
            sum += version;
        }
        return sum;
    }

    /**
     * The floor of {@link #loadRequestIdInTurn}: {@code HashMap} lookups in turn.
     *
     * @param request the ids
     * @return the sum of the versions
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long hashMapLookupRequestIdInTurn(RequestIds request) {
        long sum = 0;
        long version = 0;
        for (int k = 0; k < BATCH; k++) {
            version = plainMap.get(request.ids[(int) ((k + (version & 1) * BATCH) % BATCH)]).version();
            sum += version;
        }
        return sum;
    }

    /**
     * The floor of the audit chain in {@link #saveUnitOfWork}: the hash of one event (canonical form, SHA-256 and
     * hexadecimal digits).
     *
     * @return the hash
     */
    @Benchmark
    public String hashOfOneEvent() {
        return AuditChain.hash(AuditChain.GENESIS, fixedEvent);
    }

    /**
     * The caller's part of {@link #saveUnitOfWork}: builds the same values (snapshot, event, timer, outbox entry)
     * without committing them.
     *
     * @param sink receives the values
     */
    @Benchmark
    public void buildUnitOfWorkValues(Blackhole sink) {
        Ticket before = current[next()];
        now = now.plusMillis(1);
        Ticket after = before.toBuilder().version(before.version() + 1).updatedAt(now).build();
        var event = new SlaWarned(TENANT, after.id(), Party.ITSM_KIT, after.updatedAt(), before.version(), before.version(),
                "resolution", 1, 50, after.updatedAt());
        sink.consume(after);
        sink.consume(DueTimer.of(TENANT, after.id(), "resolution", 1, 100, after.updatedAt().plusSeconds(3600)));
        sink.consume(OutboxEntry.announcing(OutboxEntryId.of("o-" + ++outboxIds), event, after.updatedAt()));
    }

    /**
     * Commits one command's unit of work: a new snapshot, an event, a due timer and an outbox entry.
     *
     * @return the saved snapshot
     */
    @Benchmark
    public Ticket saveUnitOfWork() {
        int i = next();
        Ticket before = current[i];
        now = now.plusMillis(1);
        Ticket after = before.toBuilder().version(before.version() + 1).updatedAt(now).build();
        var event = new SlaWarned(TENANT, after.id(), Party.ITSM_KIT, after.updatedAt(), before.version(), before.version(),
                "resolution", 1, 50, after.updatedAt());
        acme.begin().save(after, before.version()).append(event)
                .schedule(DueTimer.of(TENANT, after.id(), "resolution", 1, 100, after.updatedAt().plusSeconds(3600)))
                .enqueue(OutboxEntry.announcing(OutboxEntryId.of("o-" + ++outboxIds), event, after.updatedAt()))
                .commit();
        current[i] = after;
        return after;
    }

    /**
     * Units of work built ahead of their commits, outside the measured region: one ticket's next snapshot, an
     * {@code SlaWarned} event, a due timer and an outbox entry each.
     */
    abstract static class Units {
        final Ticket[] snapshots;
        final long[] expectedVersions;
        final SlaWarned[] events;
        final DueTimer[] timers;
        final OutboxEntry[] entries;

        Units(int size) {
            snapshots = new Ticket[size];
            expectedVersions = new long[size];
            events = new SlaWarned[size];
            timers = new DueTimer[size];
            entries = new OutboxEntry[size];
        }

        /**
         * Builds the k-th unit: the snapshot after {@code before}, stamped {@code at}, and its values.
         *
         * @param k the unit's place in this batch
         * @param before the ticket as the unit finds it
         * @param sequence the event's sequence in the ticket's trail
         * @param at the unit's instant: the snapshot's update, the event's and the outbox entry's; its timer is due an
         *     hour later
         * @param outboxId the number of the unit's outbox entry
         */
        final void build(int k, Ticket before, long sequence, Instant at, long outboxId) {
            Ticket after = before.toBuilder().version(before.version() + 1).updatedAt(at).build();
            SlaWarned event = new SlaWarned(TENANT, after.id(), Party.ITSM_KIT, after.updatedAt(), sequence,
                    before.version(), "resolution", 1, 50, after.updatedAt());
            snapshots[k] = after;
            expectedVersions[k] = before.version();
            events[k] = event;
            timers[k] = DueTimer.of(TENANT, after.id(), "resolution", 1, 100, after.updatedAt().plusSeconds(3600));
            entries[k] = OutboxEntry.announcing(OutboxEntryId.of("o-" + outboxId), event, after.updatedAt());
        }
    }

    /**
     * The values of {@value #BATCH} units of work of {@link #saveUnitOfWork}, built before each measured batch of
     * {@link #commitUnitOfWork}: the same tickets, instants and ids as {@code saveUnitOfWork} would build.
     */
    @State(Scope.Thread)
    public static class PreparedUnits extends Units {
        final int[] slots = new int[BATCH];

        /** Creates the state; {@link #prepare} fills it. */
        public PreparedUnits() {
            super(BATCH);
        }

        /**
         * Builds the next batch's values; consecutive strides over the tickets never repeat a ticket within a batch.
         *
         * @param b the benchmark whose tickets, clock and outbox ids the values continue
         */
        @Setup(Level.Invocation)
        public void prepare(InMemoryStoresBenchmark b) {
            for (int k = 0; k < BATCH; k++) {
                int i = b.next();
                Ticket before = b.current[i];
                slots[k] = i;
                b.now = b.now.plusMillis(1);
                build(k, before, before.version(), b.now, ++b.outboxIds);
                b.current[i] = snapshots[k];
            }
        }
    }

    /**
     * The store's part of {@link #saveUnitOfWork}: commits {@value #BATCH} units of work whose values were built
     * beforehand (see {@link PreparedUnits}); the score is per unit of work.
     *
     * @param units the prepared values
     * @return the number of units committed
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int commitUnitOfWork(PreparedUnits units) {
        int committed = 0;
        for (int k = 0; k < BATCH; k++) {
            committed += commitOne(units, k);
        }
        return committed;
    }

    /** Commits the k-th unit of work built ahead; returns 1. */
    int commitOne(Units units, int k) {
        acme.begin().save(units.snapshots[k], units.expectedVersions[k]).append(units.events[k]).schedule(units.timers[k])
                .enqueue(units.entries[k]).commit();
        return 1;
    }

    /**
     * Queries the first page of 25 tickets of one assignee.
     *
     * @return the page
     */
    @Benchmark
    public Page<Ticket> queryByAssignee() {
        return acme.tickets().query(TicketQuery.builder().assignee(Party.person("agent" + next() % 400)).build(), 25);
    }

    /**
     * Queries the first page of 25 open tickets in update order.
     *
     * @return the page
     */
    @Benchmark
    public Page<Ticket> queryByCategoryInUpdateOrder() {
        return acme.tickets().query(TicketQuery.builder().categories(StateCategory.OPEN).orderBy(TicketOrder.UPDATED).build(), 25);
    }

    /**
     * How many units of work {@link LoadedUnits} loads and builds before they are committed: few, so that what each
     * load read (the ticket's slot, data, published view and snapshot: about half a KiB a ticket, with the values
     * built from them about 1.5 KiB) is still in the cache, L1 or L2, when its commit runs, as in an engine whose
     * command loads its ticket, decides and builds the changes, then commits.
     */
    static final int LOADED_BATCH = 16;

    /**
     * The units of work of {@link #saveUnitOfWork}, {@value #LOADED_BATCH} at a time, each built as the engine builds
     * a command's (itsm-workflow's {@code Batch.existing} and {@code Recorder.record}): the ticket loaded through the
     * store's public API with {@code loadForCommand} by an id equal to the stored one (as parsed from a request), its
     * SLA clocks taken from what it loaded, or read with {@code clocks().forTicket} from a store that does not load
     * them together (the engine with an SLA policy reads them before its SLA update),
     * the next snapshot built from the loaded one and the event given the loaded trail's next sequence; the engine
     * reads no timer and nothing else of the store before it commits. Unlike {@link PreparedUnits}, whose values come
     * from the benchmark's own copy of each ticket, the commit then finds in the cache what the load read.
     */
    @State(Scope.Thread)
    public static class LoadedUnits extends Units {
        /** What the loads returned, kept so that no load is optimised away. */
        long clocksRead;

        /** Creates the state; {@link #load} fills it. */
        public LoadedUnits() {
            super(LOADED_BATCH);
        }

        /**
         * Loads the next {@value #LOADED_BATCH} tickets (the stride of the other benchmarks) and builds their units.
         *
         * @param b the benchmark whose store, clock and outbox ids the units continue
         */
        @Setup(Level.Invocation)
        public void load(InMemoryStoresBenchmark b) {
            for (int k = 0; k < LOADED_BATCH; k++) {
                int i = b.next();
                LoadedTicket loaded = b.acme.loadForCommand(b.parsedIds[i]).orElseThrow();
                Ticket before = loaded.ticket();
                // as Batch.storedClocks: the clocks loaded with the ticket, else read from the clock store
                List<SlaClockSnapshot> clocks = loaded.clocks().orElseGet(() -> b.acme.clocks().forTicket(before.id()));
                clocksRead += clocks.size();
                b.now = b.now.plusMillis(1);
                // the benchmark's copy of the ticket is not updated: an engine keeps no reference to what it committed
                build(k, before, loaded.lastSequence() + 1, b.now, ++b.outboxIds);
            }
        }
    }

    /**
     * The store's part of a command's unit of work as an engine pays it: commits {@value #LOADED_BATCH} units of work
     * whose tickets were loaded just before (see {@link LoadedUnits}); the score is per unit of work. Beside
     * {@link #commitUnitOfWork}, which commits units built from the benchmark's copy of each ticket, so that its
     * commit pays the cache misses the command's load would have paid.
     *
     * @param units the loaded units
     * @return the number of units committed
     */
    @Benchmark
    @OperationsPerInvocation(LOADED_BATCH)
    public int commitLoadedUnitOfWork(LoadedUnits units) {
        int committed = 0;
        for (int k = 0; k < LOADED_BATCH; k++) {
            committed += commitOne(units, k);
        }
        return committed;
    }
}
