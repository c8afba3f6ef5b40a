package dev.itsmkit.persistence.jdbc.internal;

import dev.itsmkit.persistence.spi.CursorTokens;
import static java.util.Objects.requireNonNull;

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
import dev.itsmkit.persistence.jdbc.JdbcDialect;
import dev.itsmkit.persistence.spi.AuditTrail;
import dev.itsmkit.persistence.spi.LoadedTicket;
import dev.itsmkit.persistence.spi.Outbox;
import dev.itsmkit.persistence.spi.SlaClockStore;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.persistence.spi.TicketNumbers;
import dev.itsmkit.persistence.spi.TicketStore;
import dev.itsmkit.persistence.spi.TimerStore;
import dev.itsmkit.persistence.spi.UnitOfWork;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The stores of one tenant: every statement names the tenant as its first condition, so a call sees
 * only this tenant's rows whatever ids it is given. Cheap to create; holds no state but the tenant.
 */
public final class JdbcTenantStores implements TenantStores {
    static final int MAX_LIMIT = 10_000;

    private static final String FIND_TICKET = "SELECT snapshot FROM itsm_ticket WHERE tenant = ? AND id = ?";
    private static final String FIND_BY_NUMBER = "SELECT snapshot FROM itsm_ticket WHERE tenant = ? AND kind = ? AND number_seq = ?";
    private static final String EVENTS = "SELECT event, previous_hash, hash FROM itsm_event"
            + " WHERE tenant = ? AND ticket_id = ? AND seq >= ? ORDER BY seq";
    private static final String LAST_EVENT = "SELECT seq, hash FROM itsm_event WHERE tenant = ? AND ticket_id = ? ORDER BY seq DESC LIMIT 1";
    private static final String EVENTS_BETWEEN = "SELECT event, previous_hash, hash FROM itsm_event WHERE tenant = ?"
            + " AND (at_s, at_n) >= (?, ?) AND (at_s, at_n) < (?, ?) ORDER BY at_s, at_n, ticket_id, seq LIMIT ?";
    private static final String EVENTS_BETWEEN_AFTER = "SELECT event, previous_hash, hash FROM itsm_event WHERE tenant = ?"
            + " AND (at_s, at_n) >= (?, ?) AND (at_s, at_n) < (?, ?) AND (at_s, at_n, ticket_id, seq) > (?, ?, ?, ?)"
            + " ORDER BY at_s, at_n, ticket_id, seq LIMIT ?";
    private static final String CLOCKS = "SELECT clock FROM itsm_sla_clock WHERE tenant = ? AND ticket_id = ? ORDER BY target, cycle";
    private static final String CLOCK = "SELECT clock FROM itsm_sla_clock WHERE tenant = ? AND ticket_id = ? AND target = ? AND cycle = ?";
    private static final String TIMER = "SELECT timer FROM itsm_timer WHERE tenant = ? AND timer_id = ?";
    private static final String TIMERS = "SELECT timer FROM itsm_timer WHERE tenant = ? AND ticket_id = ? ORDER BY due_s, due_n, timer_id";
    private static final String OUTBOX = "SELECT entry FROM itsm_outbox WHERE tenant = ? AND ticket_id = ? ORDER BY position";
    private static final String NUMBER_UPDATE = "UPDATE itsm_ticket_number SET last_seq = last_seq + 1 WHERE tenant = ? AND kind = ?";
    private static final String NUMBER_INSERT = "INSERT INTO itsm_ticket_number (tenant, kind, last_seq) VALUES (?, ?, 1)";
    private static final String NUMBER_NEXT_POSTGRESQL = "INSERT INTO itsm_ticket_number (tenant, kind, last_seq) VALUES (?, ?, 1)"
            + " ON CONFLICT ON CONSTRAINT itsm_ticket_number_pk DO UPDATE SET last_seq = itsm_ticket_number.last_seq + 1"
            + " RETURNING last_seq";
    /**
     * A command's reads in one round trip and one snapshot of the database: the ticket, its trail's last event (a
     * backward scan of the trail's primary key) and its clocks (as texts, in {@link #CLOCKS}' order).
     */
    static final String LOAD_FOR_COMMAND_POSTGRESQL = "SELECT t.snapshot, h.seq, h.hash, ARRAY(SELECT CAST(c.clock AS TEXT)"
            + " FROM itsm_sla_clock c WHERE c.tenant = t.tenant AND c.ticket_id = t.id ORDER BY c.target, c.cycle)"
            + " FROM itsm_ticket t LEFT JOIN LATERAL (SELECT e.seq, e.hash FROM itsm_event e WHERE e.tenant = t.tenant"
            + " AND e.ticket_id = t.id ORDER BY e.seq DESC LIMIT 1) h ON TRUE WHERE t.tenant = ? AND t.id = ?";
    /**
     * The same reads on H2 in one statement, which reads one snapshot of the database: the ticket and its trail's
     * last event (twice the backward scan of the trail's primary key, which H2 answers from the index). Not the
     * clocks: H2 has no array of query results to carry them, and the caller reads them when it needs them.
     */
    static final String LOAD_FOR_COMMAND_H2 = "SELECT t.snapshot,"
            + " (SELECT e.seq FROM itsm_event e WHERE e.tenant = t.tenant AND e.ticket_id = t.id ORDER BY e.seq DESC LIMIT 1),"
            + " (SELECT e.hash FROM itsm_event e WHERE e.tenant = t.tenant AND e.ticket_id = t.id ORDER BY e.seq DESC LIMIT 1)"
            + " FROM itsm_ticket t WHERE t.tenant = ? AND t.id = ?";
    private static final String NUMBER_READ = "SELECT last_seq FROM itsm_ticket_number WHERE tenant = ? AND kind = ?";

    private final Db db;
    private final TenantId tenant;
    private final Tickets tickets = new Tickets();
    private final Trail trail = new Trail();
    private final Clocks clocks = new Clocks();
    private final Timers timers = new Timers();
    private final TenantOutbox outbox = new TenantOutbox();
    private final Numbers numbers = new Numbers();

    /**
     * Creates the stores of a tenant.
     *
     * @param db the database access
     * @param tenant the tenant
     */
    public JdbcTenantStores(Db db, TenantId tenant) {
        this.db = db;
        this.tenant = tenant;
    }

    @Override
    public TenantId tenant() {
        return tenant;
    }

    @Override
    public TicketStore tickets() {
        return tickets;
    }

    @Override
    public AuditTrail auditTrail() {
        return trail;
    }

    @Override
    public SlaClockStore clocks() {
        return clocks;
    }

    @Override
    public TimerStore timers() {
        return timers;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public TicketNumbers numbers() {
        return numbers;
    }

    /**
     * On PostgreSQL, one statement reads the snapshot, the trail's last event (whose hash the next unit of work
     * chains on, see {@link ChainHeads}) and the clocks; on H2, one statement reads the snapshot and the last event,
     * and the clocks are left to the caller. Either way the snapshot and the sequence are of one commit.
     */
    @Override
    public Optional<LoadedTicket> loadForCommand(TicketId ticket) {
        requireNonNull(ticket, "ticket");
        // one statement, so one snapshot: two reads (the SPI's default) could pair a snapshot with the sequence of
        // an earlier commit, which the TCK's LoadForCommandContract refuses
        boolean postgresql = db.dialect == JdbcDialect.POSTGRESQL;
        return db.read("loading a ticket for a command", c -> {
            try (PreparedStatement ps = c.prepareStatement(postgresql ? LOAD_FOR_COMMAND_POSTGRESQL : LOAD_FOR_COMMAND_H2)) {
                ps.setString(1, tenant.value());
                ps.setString(2, ticket.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Ticket snapshot = Json.read(rs.getString(1), Ticket.class);
                    long sequence = rs.getLong(2);
                    String hash = rs.getString(3);
                    if (hash != null && db.keepsChainHeads()) {
                        db.heads.remember(tenant, ticket, sequence, hash);
                    }
                    if (!postgresql) {
                        return Optional.of(new LoadedTicket(snapshot, sequence, Optional.empty()));
                    }
                    Array array = rs.getArray(4);
                    String[] texts = (String[]) array.getArray();
                    array.free();
                    List<SlaClockSnapshot> clocks = new ArrayList<>(texts.length);
                    for (String text : texts) {
                        clocks.add(Json.read(text, SlaClockSnapshot.class));
                    }
                    return Optional.of(new LoadedTicket(snapshot, sequence, Optional.of(clocks)));
                }
            }
        });
    }

    @Override
    public UnitOfWork begin() {
        return new JdbcUnitOfWork(db, tenant);
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " items, got a limit of " + limit);
        }
    }

    private <T> List<T> list(String what, String sql, Class<T> type, Object... parameters) {
        return db.read(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    ps.setObject(i + 1, parameters[i]);
                }
                List<T> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(Json.read(rs.getString(1), type));
                    }
                }
                return List.copyOf(result);
            }
        });
    }

    private <T> Optional<T> one(String what, String sql, Class<T> type, Object... parameters) {
        List<T> found = list(what, sql, type, parameters);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private final class Tickets implements TicketStore {
        @Override
        public Optional<Ticket> find(TicketId id) {
            requireNonNull(id, "id");
            return one("loading a ticket", FIND_TICKET, Ticket.class, tenant.value(), id.value());
        }

        @Override
        public Optional<Ticket> findByNumber(TicketNumber number) {
            requireNonNull(number, "number");
            return one("loading a ticket by number", FIND_BY_NUMBER, Ticket.class, tenant.value(),
                    TicketColumns.kindCode(number.kind()), number.sequence());
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
            return run(query, CursorTokens.decode(after, "t" + query.order().ordinal(), query.fingerprint()), limit);
        }

        private Page<Ticket> run(TicketQuery query, CursorTokens.@Nullable Position after, int limit) {
            TicketQueries.Statement statement = TicketQueries.page(tenant, query, after, limit + 1);
            List<Ticket> found = db.read("querying tickets", c -> {
                try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
                    statement.bind(ps);
                    List<Ticket> result = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            result.add(Json.read(rs.getString(1), Ticket.class));
                        }
                    }
                    return result;
                }
            });
            if (found.size() <= limit) {
                return new Page<>(found, Optional.empty());
            }
            List<Ticket> items = found.subList(0, limit);
            Ticket last = items.get(limit - 1);
            TicketOrder order = query.order();
            Cursor next = switch (order) {
                case NUMBER -> CursorTokens.encode("t0", query.fingerprint(), new CursorTokens.Position(TicketColumns.kindCode(last.kind()),
                        last.number().sequence(), last.id(), 0));
                case CREATED -> CursorTokens.encode("t1", query.fingerprint(), new CursorTokens.Position(last.createdAt().getEpochSecond(),
                        last.createdAt().getNano(), last.id(), 0));
                case UPDATED -> CursorTokens.encode("t2", query.fingerprint(), new CursorTokens.Position(last.updatedAt().getEpochSecond(),
                        last.updatedAt().getNano(), last.id(), 0));
            };
            return new Page<>(items, Optional.of(next));
        }

        @Override
        public long count(TicketQuery query) {
            requireNonNull(query, "query");
            TicketQueries.Statement statement = TicketQueries.count(tenant, query);
            return db.read("counting tickets", c -> {
                try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
                    statement.bind(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
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
            return db.read("reading an audit trail", c -> {
                try (PreparedStatement ps = c.prepareStatement(EVENTS)) {
                    ps.setString(1, tenant.value());
                    ps.setString(2, ticket.value());
                    ps.setLong(3, fromSequence);
                    return records(ps, Integer.MAX_VALUE);
                }
            });
        }

        private List<AuditRecord> records(PreparedStatement ps, int max) throws SQLException {
            List<AuditRecord> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && result.size() < max) {
                    result.add(new AuditRecord(Json.read(rs.getString(1), TicketEvent.class), rs.getString(2), rs.getString(3)));
                }
            }
            return result;
        }

        @Override
        public long lastSequence(TicketId ticket) {
            requireNonNull(ticket, "ticket");
            return db.read("reading a last sequence", c -> {
                // the head's hash comes with its sequence for free: the next unit of work of this ticket chains on it
                try (PreparedStatement ps = c.prepareStatement(LAST_EVENT)) {
                    ps.setString(1, tenant.value());
                    ps.setString(2, ticket.value());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return 0L;
                        }
                        long sequence = rs.getLong(1);
                        if (db.keepsChainHeads()) {
                            db.heads.remember(tenant, ticket, sequence, rs.getString(2));
                        }
                        return sequence;
                    }
                }
            });
        }

        @Override
        public Page<AuditRecord> between(TimeWindow window, int limit) {
            requireNonNull(window, "window");
            checkLimit(limit);
            return between(window, (CursorTokens.Position) null, limit);
        }

        @Override
        public Page<AuditRecord> between(TimeWindow window, Cursor after, int limit) {
            requireNonNull(window, "window");
            requireNonNull(after, "after");
            checkLimit(limit);
            return between(window, CursorTokens.decode(after, "e", fingerprint(window)), limit);
        }

        private String fingerprint(TimeWindow window) {
            return window.start().getEpochSecond() + "." + window.start().getNano() + "-"
                    + window.end().getEpochSecond() + "." + window.end().getNano();
        }

        private Page<AuditRecord> between(TimeWindow window, CursorTokens.@Nullable Position after, int limit) {
            List<AuditRecord> found = db.read("reading events by time", c -> {
                try (PreparedStatement ps = c.prepareStatement(after == null ? EVENTS_BETWEEN : EVENTS_BETWEEN_AFTER)) {
                    int i = 1;
                    ps.setString(i++, tenant.value());
                    Db.setInstant(ps, i, window.start());
                    i += 2;
                    Db.setInstant(ps, i, window.end());
                    i += 2;
                    if (after != null) {
                        ps.setLong(i++, after.a());
                        ps.setInt(i++, (int) after.b());
                        ps.setString(i++, after.id().value());
                        ps.setLong(i++, after.n());
                    }
                    ps.setInt(i, limit + 1);
                    return records(ps, limit + 1);
                }
            });
            if (found.size() <= limit) {
                return new Page<>(found, Optional.empty());
            }
            List<AuditRecord> items = found.subList(0, limit);
            TicketEvent last = items.get(limit - 1).event();
            return new Page<>(items, Optional.of(CursorTokens.encode("e", fingerprint(window), new CursorTokens.Position(last.at().getEpochSecond(),
                    last.at().getNano(), last.ticket(), last.sequence()))));
        }

        @Override
        public ChainVerification verify(TicketId ticket) {
            return AuditChain.verify(requireNonNull(ticket, "ticket"), forTicket(ticket));
        }
    }

    private final class Clocks implements SlaClockStore {
        @Override
        public List<SlaClockSnapshot> forTicket(TicketId ticket) {
            requireNonNull(ticket, "ticket");
            return list("reading SLA clocks", CLOCKS, SlaClockSnapshot.class, tenant.value(), ticket.value());
        }

        @Override
        public Optional<SlaClockSnapshot> find(TicketId ticket, String target, int cycle) {
            requireNonNull(ticket, "ticket");
            requireNonNull(target, "target");
            return one("reading an SLA clock", CLOCK, SlaClockSnapshot.class, tenant.value(), ticket.value(), target, cycle);
        }
    }

    private final class Timers implements TimerStore {
        @Override
        public Optional<DueTimer> find(TimerId id) {
            requireNonNull(id, "id");
            return one("reading a timer", TIMER, DueTimer.class, tenant.value(), id.value());
        }

        @Override
        public List<DueTimer> forTicket(TicketId ticket) {
            requireNonNull(ticket, "ticket");
            return list("reading timers", TIMERS, DueTimer.class, tenant.value(), ticket.value());
        }
    }

    private final class TenantOutbox implements Outbox {
        @Override
        public List<OutboxEntry> forTicket(TicketId ticket) {
            requireNonNull(ticket, "ticket");
            return list("reading the outbox", OUTBOX, OutboxEntry.class, tenant.value(), ticket.value());
        }
    }

    /**
     * A number is taken in a transaction of its own, outside any unit of work, like a database sequence:
     * the row of the tenant and kind is locked by the increment until that transaction commits. On
     * PostgreSQL that transaction is one upsert that returns the number, in auto-commit mode: one round
     * trip, and the row is locked only while the statement runs (a sequence per tenant and kind would need
     * DDL for every new tenant, and would not be transactional either).
     */
    private final class Numbers implements TicketNumbers {
        @Override
        public TicketNumber next(TicketKind kind) {
            requireNonNull(kind, "kind");
            short code = TicketColumns.kindCode(kind);
            if (db.dialect == JdbcDialect.POSTGRESQL) {
                // one statement in auto-commit mode: one round trip, the row locked only while it runs
                return new TicketNumber(kind, db.singleOrFail("taking a ticket number", c -> {
                    try (PreparedStatement next = c.prepareStatement(NUMBER_NEXT_POSTGRESQL)) {
                        next.setString(1, tenant.value());
                        next.setShort(2, code);
                        try (ResultSet rs = next.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                }));
            }
            while (true) {
                try {
                    long sequence = db.own("taking a ticket number", c -> {
                        try (PreparedStatement update = c.prepareStatement(NUMBER_UPDATE)) {
                            update.setString(1, tenant.value());
                            update.setShort(2, code);
                            if (update.executeUpdate() == 0) {
                                try (PreparedStatement insert = c.prepareStatement(NUMBER_INSERT)) {
                                    insert.setString(1, tenant.value());
                                    insert.setShort(2, code);
                                    insert.executeUpdate();
                                }
                                return 1L;
                            }
                        }
                        try (PreparedStatement read = c.prepareStatement(NUMBER_READ)) {
                            read.setString(1, tenant.value());
                            read.setShort(2, code);
                            try (ResultSet rs = read.executeQuery()) {
                                rs.next();
                                return rs.getLong(1);
                            }
                        }
                    });
                    return new TicketNumber(kind, sequence);
                } catch (Db.SqlFailure e) {
                    // the first number of a kind: another caller inserted the row first; increment it instead
                    if (!e.isUniqueViolation() && !e.isConflict()) {
                        throw e.unchecked();
                    }
                }
            }
        }
    }
}
