package dev.itsmkit.persistence.jdbc.internal;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.ConfigurationItemId;
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
                // the JSON is what is read back; the notice's columns are for the application's queries and reports
                Optional<Notice> notice = e.notice();
                setText(insert, 7, notice.map(Notice::name));
                setText(insert, 8, notice.flatMap(Notice::channel));
                setText(insert, 9, notice.map(n -> n.recipients().stream().map(TicketColumns::party).collect(Collectors.joining(","))));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void setText(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }
}
