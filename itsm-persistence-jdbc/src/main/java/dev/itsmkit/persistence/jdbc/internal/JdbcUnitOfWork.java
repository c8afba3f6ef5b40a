package dev.itsmkit.persistence.jdbc.internal;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.Notice;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.persistence.AuditChain;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.TenantAccessException;
import dev.itsmkit.persistence.jdbc.JdbcDialect;
import dev.itsmkit.persistence.spi.UnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Collects one command's writes and commits them in one database transaction (or one savepoint of the
 * application's): tickets first, whose row locks serialize writers of the same ticket, then events,
 * clocks, timer changes in the order added, and outbox entries. A refused check throws inside the
 * transaction, which rolls everything back.
 *
 * <p>Optimistic locking: an update names the expected version in its {@code WHERE} clause, so of
 * concurrent writers expecting one version the first to lock the row wins and the others update no
 * row; a new ticket or an event sequence taken meanwhile fails on the primary key.
 */
final class JdbcUnitOfWork implements UnitOfWork {
    private static final String VERSION_OF = "SELECT version FROM itsm_ticket WHERE tenant = ? AND id = ?";
    private static final String HOLDER_OF_NUMBER = "SELECT id FROM itsm_ticket WHERE tenant = ? AND kind = ? AND number_seq = ?";
    private static final String INSERT_TICKET = "INSERT INTO itsm_ticket (kind, number_seq, version, state_name, state_category,"
            + " priority, assignee, assignment_group, service, created_s, created_n, updated_s, updated_n, snapshot, tenant, id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_TICKET = "UPDATE itsm_ticket SET kind = ?, number_seq = ?, version = ?, state_name = ?,"
            + " state_category = ?, priority = ?, assignee = ?, assignment_group = ?, service = ?, created_s = ?, created_n = ?,"
            + " updated_s = ?, updated_n = ?, snapshot = ? WHERE tenant = ? AND id = ? AND version = ?";
    private static final String DELETE_CIS = "DELETE FROM itsm_ticket_ci WHERE tenant = ? AND ticket_id = ?";
    private static final String INSERT_CI = "INSERT INTO itsm_ticket_ci (tenant, ticket_id, ci) VALUES (?, ?, ?)";
    private static final String DELETE_FIELDS = "DELETE FROM itsm_ticket_field WHERE tenant = ? AND ticket_id = ?";
    private static final String INSERT_FIELD = "INSERT INTO itsm_ticket_field (tenant, ticket_id, name, value_hash) VALUES (?, ?, ?, ?)";
    private static final String LAST_EVENT = "SELECT seq, hash FROM itsm_event WHERE tenant = ? AND ticket_id = ? ORDER BY seq DESC LIMIT 1";
    private static final String INSERT_EVENT = "INSERT INTO itsm_event (tenant, ticket_id, seq, at_s, at_n, event, previous_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE_CLOCK = "DELETE FROM itsm_sla_clock WHERE tenant = ? AND ticket_id = ? AND target = ? AND cycle = ?";
    private static final String INSERT_CLOCK = "INSERT INTO itsm_sla_clock (tenant, ticket_id, target, cycle, clock) VALUES (?, ?, ?, ?, ?)";
    private static final String DELETE_TIMER = "DELETE FROM itsm_timer WHERE tenant = ? AND timer_id = ?";
    private static final String INSERT_TIMER = "INSERT INTO itsm_timer (tenant, timer_id, ticket_id, due_s, due_n, wake_s, wake_n,"
            + " node, token, timer) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, ?)";
    private static final String UPSERT_TIMER_POSTGRESQL = "INSERT INTO itsm_timer (tenant, timer_id, ticket_id, due_s, due_n,"
            + " wake_s, wake_n, node, token, timer) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, ?) ON CONFLICT ON CONSTRAINT itsm_timer_pk"
            + " DO UPDATE SET ticket_id = EXCLUDED.ticket_id, due_s = EXCLUDED.due_s, due_n = EXCLUDED.due_n,"
            + " wake_s = EXCLUDED.wake_s, wake_n = EXCLUDED.wake_n, node = NULL, token = 0, timer = EXCLUDED.timer";
    private static final String INSERT_OUTBOX = "INSERT INTO itsm_outbox (tenant, ticket_id, entry_id, created_s, created_n, entry,"
            + " notice_name, notice_channel, notice_recipients) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The update of a ticket as a guard: divides by zero, failing the whole pipeline, unless exactly one row was updated. */
    private static final String GUARDED_UPDATE_TICKET = "WITH u AS (UPDATE itsm_ticket SET kind = ?, number_seq = ?, version = ?,"
            + " state_name = ?, state_category = ?, priority = ?, assignee = ?, assignment_group = ?, service = ?, created_s = ?,"
            + " created_n = ?, updated_s = ?, updated_n = ?, snapshot = ? WHERE tenant = ? AND id = ? AND version = ? RETURNING 1)"
            + " SELECT 1 / (SELECT CAST(COUNT(*) AS INTEGER) FROM u)";
    /** A new ticket's configuration items, from an array. */
    private static final String INSERT_CIS = "INSERT INTO itsm_ticket_ci (tenant, ticket_id, ci) SELECT ?, ?, UNNEST(CAST(? AS TEXT[]))";
    /** An updated ticket's configuration items: the rows of items it no longer names deleted, the new ones inserted, the rest untouched. */
    private static final String REPLACE_CIS = "WITH gone AS (DELETE FROM itsm_ticket_ci WHERE tenant = ? AND ticket_id = ?"
            + " AND NOT (ci = ANY (CAST(? AS TEXT[])))) INSERT INTO itsm_ticket_ci (tenant, ticket_id, ci)"
            + " SELECT ?, ?, UNNEST(CAST(? AS TEXT[])) ON CONFLICT ON CONSTRAINT itsm_ticket_ci_pk DO NOTHING";
    /** A new ticket's field hashes, from two arrays. */
    private static final String INSERT_FIELDS = "INSERT INTO itsm_ticket_field (tenant, ticket_id, name, value_hash)"
            + " SELECT ?, ?, f.name, f.hash FROM UNNEST(CAST(? AS TEXT[]), CAST(? AS TEXT[])) AS f (name, hash)";
    /** An updated ticket's field hashes: fields it lost deleted, new ones inserted, changed ones updated, the rest untouched. */
    private static final String REPLACE_FIELDS = "WITH gone AS (DELETE FROM itsm_ticket_field WHERE tenant = ? AND ticket_id = ?"
            + " AND NOT (name = ANY (CAST(? AS TEXT[])))) INSERT INTO itsm_ticket_field (tenant, ticket_id, name, value_hash)"
            + " SELECT ?, ?, f.name, f.hash FROM UNNEST(CAST(? AS TEXT[]), CAST(? AS TEXT[])) AS f (name, hash)"
            + " ON CONFLICT ON CONSTRAINT itsm_ticket_field_pk DO UPDATE SET value_hash = EXCLUDED.value_hash"
            + " WHERE itsm_ticket_field.value_hash <> EXCLUDED.value_hash";
    private static final String UPSERT_CLOCK_POSTGRESQL = "INSERT INTO itsm_sla_clock (tenant, ticket_id, target, cycle, clock)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT ON CONSTRAINT itsm_sla_clock_pk DO UPDATE SET clock = EXCLUDED.clock";

    private record TimerChange(TimerId id, Optional<DueTimer> timer) {}

    private final Db db;
    private final TenantId tenant;
    private final Map<TicketId, Ticket> saves = new LinkedHashMap<>(2);
    private final Map<TicketId, Long> expectedVersions = new LinkedHashMap<>(2);
    private final Map<TicketId, List<TicketEvent>> events = new LinkedHashMap<>(2);
    private final List<SlaClockSnapshot> clocks = new ArrayList<>(2);
    private final List<TimerChange> timerChanges = new ArrayList<>(2);
    private final List<OutboxEntry> entries = new ArrayList<>(2);
    private boolean committed;
    /** PostgreSQL: what the index rows of each saved ticket hold once committed, for {@link IndexRows}. */
    private final Map<TicketId, IndexRows.Written> written = new LinkedHashMap<>(2);

    JdbcUnitOfWork(Db db, TenantId tenant) {
        this.db = db;
        this.tenant = tenant;
    }

    private void checkOpen() {
        if (committed) {
            throw new IllegalStateException("this unit of work was committed already; begin a new one");
        }
    }

    private void checkTenant(TenantId offered, String what) {
        if (!offered.equals(tenant)) {
            throw new TenantAccessException(tenant, offered, what);
        }
    }

    @Override
    public UnitOfWork save(Ticket ticket, long expectedVersion) {
        requireNonNull(ticket, "ticket");
        checkOpen();
        checkTenant(ticket.tenant(), "ticket " + ticket.number());
        if (ticket.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("a snapshot saved over version " + expectedVersion + " must have version "
                    + (expectedVersion + 1) + ", got " + ticket.version() + " for " + ticket.number());
        }
        if (saves.containsKey(ticket.id())) {
            throw new IllegalArgumentException("ticket " + ticket.number() + " was already saved in this unit of work");
        }
        saves.put(ticket.id(), ticket);
        expectedVersions.put(ticket.id(), expectedVersion);
        return this;
    }

    @Override
    public UnitOfWork append(TicketEvent event) {
        requireNonNull(event, "event");
        checkOpen();
        checkTenant(event.tenant(), "an event of ticket " + event.ticket());
        List<TicketEvent> list = events.computeIfAbsent(event.ticket(), k -> new ArrayList<>(2));
        if (!list.isEmpty() && list.get(list.size() - 1).sequence() + 1 != event.sequence()) {
            throw new IllegalArgumentException("events of ticket " + event.ticket() + " must have consecutive sequences: after "
                    + list.get(list.size() - 1).sequence() + " comes " + (list.get(list.size() - 1).sequence() + 1)
                    + ", got " + event.sequence());
        }
        list.add(event);
        return this;
    }

    @Override
    public UnitOfWork save(SlaClockSnapshot clock) {
        requireNonNull(clock, "clock");
        checkOpen();
        checkTenant(clock.tenant(), "the SLA clock " + clock.ticket() + "/" + clock.target());
        clocks.add(clock);
        return this;
    }

    @Override
    public UnitOfWork schedule(DueTimer timer) {
        requireNonNull(timer, "timer");
        checkOpen();
        checkTenant(timer.tenant(), "timer " + timer.id());
        timerChanges.add(new TimerChange(timer.id(), Optional.of(timer)));
        return this;
    }

    @Override
    public UnitOfWork cancel(TimerId timer) {
        requireNonNull(timer, "timer");
        checkOpen();
        timerChanges.add(new TimerChange(timer, Optional.empty()));
        return this;
    }

    @Override
    public UnitOfWork enqueue(OutboxEntry entry) {
        requireNonNull(entry, "entry");
        checkOpen();
        checkTenant(entry.tenant(), "outbox entry " + entry.id());
        entries.add(entry);
        return this;
    }

    @Override
    public void commit() {
        checkOpen();
        committed = true;
        if (saves.isEmpty() && events.isEmpty() && clocks.isEmpty() && timerChanges.isEmpty() && entries.isEmpty()) {
            return;
        }
        if (db.dialect == JdbcDialect.POSTGRESQL) {
            commitAsOneStatement();
            return;
        }
        try {
            db.write("committing a unit of work", c -> {
                writeTickets(c);
                writeEvents(c);
                writeClocks(c);
                writeTimers(c);
                writeOutbox(c);
                return null;
            });
        } catch (Db.SqlFailure e) {
            throw refusal(e);
        }
    }

    /**
     * A unique key taken or a serialization conflict is a refusal; anything else a failure. The
     * transaction has been rolled back, so what the refusal reports is read afresh.
     */
    private RuntimeException refusal(Db.SqlFailure e) {
        if (e.isUniqueViolation()) {
            String message = String.valueOf(e.sql().getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("itsm_ticket_by_number")) {
                for (Ticket t : saves.values()) {
                    if (expectedVersions.get(t.id()) == 0) {
                        Optional<TicketId> holder = db.read("finding a number's holder", c -> holderOf(c, t));
                        if (holder.isPresent() && !holder.get().equals(t.id())) {
                            return new IllegalArgumentException("ticket number " + t.number() + " is taken by ticket "
                                    + holder.get() + " of tenant " + tenant + "; take a new one from numbers()", e.sql());
                        }
                    }
                }
            }
            if (message.contains("itsm_event")) {
                for (Map.Entry<TicketId, List<TicketEvent>> first : events.entrySet()) {
                    long expected = first.getValue().get(0).sequence() - 1;
                    long actual = db.read("reading a last sequence", c -> lastSequenceOf(c, first.getKey()));
                    if (actual != expected) {
                        return new ConcurrentUpdateException(first.getKey(), "last event sequence", expected, actual);
                    }
                }
            }
            if (message.contains("itsm_ticket")) {
                for (Map.Entry<TicketId, Long> expected : expectedVersions.entrySet()) {
                    long actual = db.read("reading a version", c -> versionOf(c, expected.getKey()));
                    if (actual != expected.getValue()) {
                        return new ConcurrentUpdateException(expected.getKey(), "version", expected.getValue(), actual);
                    }
                }
            }
        }
        if (e.isGuardFailure()) {
            for (Map.Entry<TicketId, Long> expected : expectedVersions.entrySet()) {
                long actual = db.read("reading a version", c -> versionOf(c, expected.getKey()));
                if (expected.getValue() != 0 && actual != expected.getValue()) {
                    return new ConcurrentUpdateException(expected.getKey(), "version", expected.getValue(), actual);
                }
            }
        }
        if (e.isConflict()) {
            TicketId ticket = !saves.isEmpty() ? saves.keySet().iterator().next()
                    : !events.isEmpty() ? events.keySet().iterator().next() : null;
            if (ticket != null) {
                long expected = expectedVersions.getOrDefault(ticket, 0L);
                return new ConcurrentUpdateException(ticket, "version", expected, expected + 1);
            }
        }
        return e.unchecked();
    }

    /**
     * PostgreSQL: every write of the unit of work in one {@link Pipeline}, one round trip; in auto-commit mode
     * (no BEGIN, no COMMIT) when the transaction is ours, since the pipeline is atomic. The previous hash of
     * each trail comes from {@link ChainHeads} when it is known, else from one read before.
     */
    private void commitAsOneStatement() {
        Map<TicketId, String> previous = new LinkedHashMap<>(2);
        for (Map.Entry<TicketId, List<TicketEvent>> e : events.entrySet()) {
            previous.put(e.getKey(), previousHash(e.getKey(), e.getValue().get(0).sequence()));
        }
        Map<TicketId, ChainHeads.Head> heads = new LinkedHashMap<>(2);
        written.clear();
        try {
            int statements = 3 * saves.size() + events.values().stream().mapToInt(List::size).sum() + clocks.size()
                    + timerChanges.size() + entries.size();
            Db.Work<@Nullable Void> work = c -> {
                Pipeline p = new Pipeline();
                for (Ticket t : saves.values()) {
                    addTicket(c, p, t, expectedVersions.get(t.id()));
                }
                for (Map.Entry<TicketId, List<TicketEvent>> e : events.entrySet()) {
                    String hash = previous.get(e.getKey());
                    for (TicketEvent event : e.getValue()) {
                        String before = hash;
                        String after = AuditChain.hash(before, event);
                        String json = Json.write(event);
                        p.add(INSERT_EVENT, (ps, i) -> {
                            ps.setString(i, tenant.value());
                            ps.setString(i + 1, event.ticket().value());
                            ps.setLong(i + 2, event.sequence());
                            Db.setInstant(ps, i + 3, event.at());
                            db.setJson(ps, i + 5, json);
                            ps.setString(i + 6, before);
                            ps.setString(i + 7, after);
                            return i + 8;
                        });
                        hash = after;
                    }
                    heads.put(e.getKey(), new ChainHeads.Head(e.getValue().get(e.getValue().size() - 1).sequence(), hash));
                }
                for (SlaClockSnapshot clock : clocks) {
                    String json = Json.write(clock);
                    p.add(UPSERT_CLOCK_POSTGRESQL, (ps, i) -> {
                        ps.setString(i, tenant.value());
                        ps.setString(i + 1, clock.ticket().value());
                        ps.setString(i + 2, clock.target());
                        ps.setInt(i + 3, clock.cycle());
                        db.setJson(ps, i + 4, json);
                        return i + 5;
                    });
                }
                // in the order added: the server runs them one after the other, so a repeated id ends as its last change says
                for (TimerChange change : timerChanges) {
                    if (change.timer().isPresent()) {
                        DueTimer t = change.timer().get();
                        String json = Json.write(t);
                        p.add(UPSERT_TIMER_POSTGRESQL, (ps, i) -> {
                            ps.setString(i, tenant.value());
                            ps.setString(i + 1, t.id().value());
                            ps.setString(i + 2, t.ticket().value());
                            Db.setInstant(ps, i + 3, t.dueAt());
                            Db.setInstant(ps, i + 5, t.dueAt());
                            db.setJson(ps, i + 7, json);
                            return i + 8;
                        });
                    } else {
                        p.add(DELETE_TIMER, (ps, i) -> {
                            ps.setString(i, tenant.value());
                            ps.setString(i + 1, change.id().value());
                            return i + 2;
                        });
                    }
                }
                for (OutboxEntry e : entries) {
                    String json = Json.write(e);
                    p.add(INSERT_OUTBOX, (ps, i) -> {
                        ps.setString(i, tenant.value());
                        ps.setString(i + 1, e.ticket().value());
                        ps.setString(i + 2, e.id().value());
                        Db.setInstant(ps, i + 3, e.createdAt());
                        db.setJson(ps, i + 5, json);
                        bindNotice(ps, i + 6, e);
                        return i + 9;
                    });
                }
                p.execute(c);
                return null;
            };
            // a pipeline of one part is atomic alone; a longer one (thousands of timers, say) needs a transaction
            if (statements <= Pipeline.MAX_STATEMENTS) {
                db.writeOneStatement("committing a unit of work", work);
            } else {
                db.write("committing a unit of work", work);
            }
        } catch (Db.SqlFailure e) {
            events.keySet().forEach(t -> db.heads.forget(tenant, t));
            saves.keySet().forEach(t -> db.indexRows.forget(tenant, t));
            throw refusal(e);
        }
        if (db.keepsChainHeads()) {
            heads.forEach((t, head) -> db.heads.remember(tenant, t, head.sequence(), head.hash()));
            written.forEach((t, rows) -> db.indexRows.remember(tenant, t, rows));
        }
    }

    /** The hash the first event of a ticket's appended events chains on; throws if the trail has moved on. */
    private String previousHash(TicketId ticket, long first) {
        if (first == 1) {
            // a trail that starts here needs no look-up: if the ticket had events, event 1 collides on the key
            return AuditChain.GENESIS;
        }
        if (db.keepsChainHeads()) {
            Optional<ChainHeads.Head> known = db.heads.get(tenant, ticket);
            if (known.isPresent() && known.get().sequence() == first - 1) {
                return known.get().hash();
            }
        }
        ChainHeads.Head head = db.read("reading the last event of a trail", c -> {
            try (PreparedStatement last = c.prepareStatement(LAST_EVENT)) {
                last.setString(1, tenant.value());
                last.setString(2, ticket.value());
                try (ResultSet rs = last.executeQuery()) {
                    return rs.next() ? new ChainHeads.Head(rs.getLong(1), rs.getString(2)) : new ChainHeads.Head(0, AuditChain.GENESIS);
                }
            }
        });
        if (head.sequence() != first - 1) {
            throw new ConcurrentUpdateException(ticket, "last event sequence", first - 1, head.sequence());
        }
        return head.hash();
    }

    private void addTicket(Connection c, Pipeline p, Ticket t, long expected) throws SQLException {
        String json = Json.write(t);
        if (expected == 0) {
            // a ticket that exists, or a number that is taken, fails on a key: see refusal()
            p.add(INSERT_TICKET, (ps, i) -> {
                int next = TicketColumns.bind(ps, i, t, json);
                ps.setString(next, tenant.value());
                ps.setString(next + 1, t.id().value());
                return next + 2;
            });
        } else {
            p.add(GUARDED_UPDATE_TICKET, (ps, i) -> {
                int next = TicketColumns.bind(ps, i, t, json);
                ps.setString(next, tenant.value());
                ps.setString(next + 1, t.id().value());
                ps.setLong(next + 2, expected);
                return next + 3;
            });
        }
        List<String> itemList = t.configurationItems().stream().map(ConfigurationItemId::value).distinct().toList();
        Map<String, FieldValue> values = FieldHashes.values(t);
        written.put(t.id(), new IndexRows.Written(t.version(), itemList, values));
        // rows as the replaced version left them need no statement (nor hashing): most commands change no item and no field
        Optional<IndexRows.Written> before = expected != 0 && db.keepsChainHeads()
                ? db.indexRows.get(tenant, t.id(), expected) : Optional.empty();
        boolean sameItems = before.isPresent() && before.get().items().equals(itemList);
        boolean sameFields = before.isPresent() && before.get().fields().equals(values);
        String[] items = itemList.toArray(String[]::new);
        Map<String, String> fields = sameFields ? Map.of() : FieldHashes.of(values);
        String[] names = fields.keySet().toArray(String[]::new);
        String[] hashes = fields.values().toArray(String[]::new);
        if (expected == 0) {
            addNewIndexRows(c, p, t, items, names, hashes);
            return;
        }
        if (!sameItems) {
            addReplaceCis(c, p, t, items);
        }
        if (!sameFields) {
            addReplaceFields(c, p, t, names, hashes);
        }
    }

    private void addReplaceCis(Connection c, Pipeline p, Ticket t, String[] items) {
        p.add(REPLACE_CIS, (ps, i) -> {
            ps.setString(i, tenant.value());
            ps.setString(i + 1, t.id().value());
            ps.setArray(i + 2, c.createArrayOf("text", items));
            ps.setString(i + 3, tenant.value());
            ps.setString(i + 4, t.id().value());
            ps.setArray(i + 5, c.createArrayOf("text", items));
            return i + 6;
        });
    }

    private void addReplaceFields(Connection c, Pipeline p, Ticket t, String[] names, String[] hashes) {
        p.add(REPLACE_FIELDS, (ps, i) -> {
            ps.setString(i, tenant.value());
            ps.setString(i + 1, t.id().value());
            ps.setArray(i + 2, c.createArrayOf("text", names));
            ps.setString(i + 3, tenant.value());
            ps.setString(i + 4, t.id().value());
            ps.setArray(i + 5, c.createArrayOf("text", names));
            ps.setArray(i + 6, c.createArrayOf("text", hashes));
            return i + 7;
        });
    }

    private void addNewIndexRows(Connection c, Pipeline p, Ticket t, String[] items, String[] names, String[] hashes) {
        if (items.length > 0) {
            p.add(INSERT_CIS, (ps, i) -> {
                ps.setString(i, tenant.value());
                ps.setString(i + 1, t.id().value());
                ps.setArray(i + 2, c.createArrayOf("text", items));
                return i + 3;
            });
        }
        if (names.length > 0) {
            p.add(INSERT_FIELDS, (ps, i) -> {
                ps.setString(i, tenant.value());
                ps.setString(i + 1, t.id().value());
                ps.setArray(i + 2, c.createArrayOf("text", names));
                ps.setArray(i + 3, c.createArrayOf("text", hashes));
                return i + 4;
            });
        }
    }

    private Optional<TicketId> holderOf(Connection c, Ticket t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HOLDER_OF_NUMBER)) {
            ps.setString(1, tenant.value());
            ps.setShort(2, TicketColumns.kindCode(t.kind()));
            ps.setLong(3, t.number().sequence());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(TicketId.of(rs.getString(1))) : Optional.empty();
            }
        }
    }

    private long lastSequenceOf(Connection c, TicketId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LAST_EVENT)) {
            ps.setString(1, tenant.value());
            ps.setString(2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private void writeTickets(Connection c) throws SQLException {
        for (Ticket t : saves.values()) {
            long expected = expectedVersions.get(t.id());
            if (expected == 0) {
                // a ticket that exists, or a number that is taken, fails on a key: see refusal()
                try (PreparedStatement ps = c.prepareStatement(INSERT_TICKET)) {
                    int i = TicketColumns.bind(db, ps, 1, t);
                    ps.setString(i++, tenant.value());
                    ps.setString(i, t.id().value());
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(UPDATE_TICKET)) {
                    int i = TicketColumns.bind(db, ps, 1, t);
                    ps.setString(i++, tenant.value());
                    ps.setString(i++, t.id().value());
                    ps.setLong(i, expected);
                    if (ps.executeUpdate() == 0) {
                        throw new ConcurrentUpdateException(t.id(), "version", expected, versionOf(c, t.id()));
                    }
                }
                delete(c, DELETE_CIS, t.id());
                delete(c, DELETE_FIELDS, t.id());
            }
            writeIndexRows(c, t);
        }
    }

    private void writeIndexRows(Connection c, Ticket t) throws SQLException {
        List<ConfigurationItemId> items = t.configurationItems().stream().distinct().toList();
        if (!items.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_CI)) {
                for (ConfigurationItemId item : items) {
                    ps.setString(1, tenant.value());
                    ps.setString(2, t.id().value());
                    ps.setString(3, item.value());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        Map<String, String> fields = FieldHashes.of(t);
        if (!fields.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_FIELD)) {
                for (Map.Entry<String, String> f : fields.entrySet()) {
                    ps.setString(1, tenant.value());
                    ps.setString(2, t.id().value());
                    ps.setString(3, f.getKey());
                    ps.setString(4, f.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private void delete(Connection c, String sql, TicketId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant.value());
            ps.setString(2, id.value());
            ps.executeUpdate();
        }
    }

    private long versionOf(Connection c, TicketId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(VERSION_OF)) {
            ps.setString(1, tenant.value());
            ps.setString(2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private void writeEvents(Connection c) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement last = c.prepareStatement(LAST_EVENT);
                PreparedStatement insert = c.prepareStatement(INSERT_EVENT)) {
            for (Map.Entry<TicketId, List<TicketEvent>> e : events.entrySet()) {
                long first = e.getValue().get(0).sequence();
                long lastSequence = 0;
                String previous = AuditChain.GENESIS;
                // a trail that starts here needs no look-up: if the ticket had events, event 1 collides on the key
                if (first != 1) {
                    last.setString(1, tenant.value());
                    last.setString(2, e.getKey().value());
                    try (ResultSet rs = last.executeQuery()) {
                        if (rs.next()) {
                            lastSequence = rs.getLong(1);
                            previous = rs.getString(2);
                        }
                    }
                }
                if (first != lastSequence + 1) {
                    throw new ConcurrentUpdateException(e.getKey(), "last event sequence", first - 1, lastSequence);
                }
                for (TicketEvent event : e.getValue()) {
                    String hash = AuditChain.hash(previous, event);
                    insert.setString(1, tenant.value());
                    insert.setString(2, event.ticket().value());
                    insert.setLong(3, event.sequence());
                    Db.setInstant(insert, 4, event.at());
                    db.setJson(insert, 6, Json.write(event));
                    insert.setString(7, previous);
                    insert.setString(8, hash);
                    insert.addBatch();
                    previous = hash;
                }
            }
            insert.executeBatch();
        }
    }

    private void writeClocks(Connection c) throws SQLException {
        if (clocks.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement(DELETE_CLOCK);
                PreparedStatement insert = c.prepareStatement(INSERT_CLOCK)) {
            for (SlaClockSnapshot clock : clocks) {
                delete.setString(1, tenant.value());
                delete.setString(2, clock.ticket().value());
                delete.setString(3, clock.target());
                delete.setInt(4, clock.cycle());
                delete.executeUpdate();
                insert.setString(1, tenant.value());
                insert.setString(2, clock.ticket().value());
                insert.setString(3, clock.target());
                insert.setInt(4, clock.cycle());
                db.setJson(insert, 5, Json.write(clock));
                insert.executeUpdate();
            }
        }
    }

    private void writeTimers(Connection c) throws SQLException {
        if (timerChanges.isEmpty()) {
            return;
        }
        // changes apply in the order added; when no id repeats, that order cannot matter, and batches save round trips
        boolean distinct = timerChanges.stream().map(TimerChange::id).distinct().count() == timerChanges.size();
        // on PostgreSQL a schedule is one upsert, which resets any claim as the delete would
        boolean upsert = distinct && db.dialect == JdbcDialect.POSTGRESQL;
        int deletes = 0;
        try (PreparedStatement delete = c.prepareStatement(DELETE_TIMER);
                PreparedStatement insert = c.prepareStatement(upsert ? UPSERT_TIMER_POSTGRESQL : INSERT_TIMER)) {
            for (TimerChange change : timerChanges) {
                if (!upsert || change.timer().isEmpty()) {
                    delete.setString(1, tenant.value());
                    delete.setString(2, change.id().value());
                    if (distinct) {
                        delete.addBatch();
                        deletes++;
                    } else {
                        delete.executeUpdate();
                    }
                }
                if (change.timer().isPresent()) {
                    DueTimer t = change.timer().get();
                    insert.setString(1, tenant.value());
                    insert.setString(2, t.id().value());
                    insert.setString(3, t.ticket().value());
                    Db.setInstant(insert, 4, t.dueAt());
                    Db.setInstant(insert, 6, t.dueAt());
                    db.setJson(insert, 8, Json.write(t));
                    if (distinct) {
                        insert.addBatch();
                    } else {
                        insert.executeUpdate();
                    }
                }
            }
            if (distinct) {
                if (deletes > 0) {
                    delete.executeBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private void writeOutbox(Connection c) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT_OUTBOX)) {
            for (OutboxEntry e : entries) {
                insert.setString(1, tenant.value());
                insert.setString(2, e.ticket().value());
                insert.setString(3, e.id().value());
                Db.setInstant(insert, 4, e.createdAt());
                db.setJson(insert, 6, Json.write(e));
                bindNotice(insert, 7, e);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Binds an entry's notice columns, from {@code index} on (three of them). */
    private static void bindNotice(PreparedStatement ps, int index, OutboxEntry e) throws SQLException {
        // the JSON is what is read back; the notice's columns are for the application's queries and reports
        Optional<Notice> notice = e.notice();
        setText(ps, index, notice.map(Notice::name));
        setText(ps, index + 1, notice.flatMap(Notice::channel));
        setText(ps, index + 2, notice.map(n -> n.recipients().stream().map(TicketColumns::party).collect(Collectors.joining(","))));
    }

    private static void setText(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }
}
