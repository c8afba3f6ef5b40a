package dev.itsmkit.persistence.jdbc.internal;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.PendingDelivery;
import dev.itsmkit.persistence.jdbc.JdbcDialect;
import dev.itsmkit.persistence.spi.OutboxDelivery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The outbox as delivery channels see it. Entries are rows of {@code itsm_outbox} in position order;
 * a channel's progress is a row per entry it acknowledged or failed to deliver, so an entry without
 * such a row is pending for the channel, including a channel named for the first time. Any node may
 * drain a channel: a due entry is offered until acknowledged, at least once.
 *
 * <p>Order per ticket across nodes: each instance is one node. A node hands out a ticket's entries only
 * under a claim of that ticket for the channel (a row of {@code itsm_outbox_claim}: node, lease end, and the
 * last position handed out). {@link #due} skips the tickets another node holds under a live lease, takes
 * (or renews) the claims of the tickets it returns in one statement that only succeeds where no other
 * node's lease is live, and then drops the entries that another node acknowledged in the meantime. The
 * acknowledgement of the last entry handed out ends the claim in the same round trip, so the next entry of
 * the ticket may go to any node; a node that stops ends its claims by their leases, and another node then
 * delivers the ticket's unacknowledged entries again, in order (at least once). The same node may ask
 * again: its own claims are renewed, which is how one node (and the compatibility kit) sees the queue.
 *
 * <p>With {@code strict} order a ticket's next entry also waits behind an earlier entry whose delivery
 * failed, and {@link #due} returns only the first pending entry of each ticket, so that a failure in the
 * middle of a batch cannot let a later entry of its ticket through before it. Without it a failed entry
 * waits for its retry while the later ones go ahead, as the persistence SPI's compatibility kit specifies.
 */
public final class JdbcOutboxDelivery implements OutboxDelivery {
    static final int MAX_ERROR = 4000;

    /** Due entries of tickets that no other node holds; the strict variant adds {@link #HEADS_ONLY} before the order. */
    private static final String DUE = "SELECT o.position, o.entry, d.attempts, d.last_error, o.tenant, o.ticket_id FROM itsm_outbox o"
            + " LEFT JOIN itsm_outbox_delivery d ON d.channel = ? AND d.position = o.position"
            + " LEFT JOIN itsm_outbox_claim k ON k.channel = ? AND k.tenant = o.tenant AND k.ticket_id = o.ticket_id"
            + " WHERE (d.position IS NULL OR (d.acknowledged = FALSE AND (d.next_s, d.next_n) <= (?, ?)))"
            + " AND (k.node IS NULL OR k.node = ? OR (k.until_s, k.until_n) <= (?, ?))";
    /** Strict order: an entry is due only if no earlier entry of its ticket is pending for the channel, failed or not. */
    private static final String HEADS_ONLY = " AND NOT EXISTS (SELECT 1 FROM itsm_outbox p"
            + " LEFT JOIN itsm_outbox_delivery pd ON pd.channel = ? AND pd.position = p.position"
            + " WHERE p.tenant = o.tenant AND p.ticket_id = o.ticket_id AND p.position < o.position"
            + " AND (pd.position IS NULL OR pd.acknowledged = FALSE))";
    private static final String DUE_END = " ORDER BY o.position LIMIT ?";
    private static final String DUE_ANY = DUE + DUE_END;
    private static final String DUE_STRICT = DUE + HEADS_ONLY + DUE_END;
    /** Takes or renews the claims of several tickets; returns the tickets this node now holds. */
    private static final String CLAIM_POSTGRESQL = "INSERT INTO itsm_outbox_claim AS k"
            + " (channel, tenant, ticket_id, node, until_s, until_n, through_position)"
            + " SELECT ?, t.tenant, t.ticket_id, ?, ?, ?, t.through FROM UNNEST(CAST(? AS TEXT[]), CAST(? AS TEXT[]),"
            + " CAST(? AS BIGINT[])) AS t (tenant, ticket_id, through)"
            + " ON CONFLICT ON CONSTRAINT itsm_outbox_claim_pk DO UPDATE SET node = EXCLUDED.node, until_s = EXCLUDED.until_s,"
            + " until_n = EXCLUDED.until_n, through_position = GREATEST(EXCLUDED.through_position,"
            + " CASE WHEN k.node = EXCLUDED.node THEN k.through_position ELSE 0 END)"
            + " WHERE k.node = EXCLUDED.node OR (k.until_s, k.until_n) <= (?, ?)"
            + " RETURNING k.tenant, k.ticket_id";
    private static final String CLAIM_UPDATE = "UPDATE itsm_outbox_claim SET node = ?, until_s = ?, until_n = ?,"
            + " through_position = CASE WHEN node = ? AND through_position > ? THEN through_position ELSE ? END"
            + " WHERE channel = ? AND tenant = ? AND ticket_id = ? AND (node = ? OR (until_s, until_n) <= (?, ?))";
    private static final String CLAIM_INSERT = "INSERT INTO itsm_outbox_claim (channel, tenant, ticket_id, node, until_s, until_n,"
            + " through_position) VALUES (?, ?, ?, ?, ?, ?, ?)";
    /** Whether an entry is still pending for the channel: neither acknowledged nor purged since it was read. */
    private static final String STILL_PENDING = "SELECT o.position FROM itsm_outbox o LEFT JOIN itsm_outbox_delivery d"
            + " ON d.channel = ? AND d.position = o.position WHERE o.position = ? AND (d.position IS NULL OR d.acknowledged = FALSE)";
    private static final String STILL_PENDING_POSTGRESQL = "SELECT o.position FROM itsm_outbox o LEFT JOIN itsm_outbox_delivery d"
            + " ON d.channel = ? AND d.position = o.position WHERE o.position = ANY (CAST(? AS BIGINT[]))"
            + " AND (d.position IS NULL OR d.acknowledged = FALSE)";
    /** Ends this node's claim whose last entry handed out is the one acknowledged. */
    private static final String RELEASE = "DELETE FROM itsm_outbox_claim WHERE channel = ? AND through_position = ? AND node = ?";
    private static final String ACKNOWLEDGE_POSTGRESQL = "INSERT INTO itsm_outbox_delivery"
            + " (channel, position, acknowledged, attempts, next_s, next_n, last_error)"
            + " SELECT ?, o.position, TRUE, 0, 0, 0, NULL FROM itsm_outbox o WHERE o.position = ?"
            + " ON CONFLICT ON CONSTRAINT itsm_outbox_delivery_pk DO UPDATE SET acknowledged = TRUE";
    private static final String ACKNOWLEDGE = "UPDATE itsm_outbox_delivery SET acknowledged = TRUE WHERE channel = ? AND position = ?";
    private static final String ACKNOWLEDGE_FIRST = "INSERT INTO itsm_outbox_delivery"
            + " (channel, position, acknowledged, attempts, next_s, next_n, last_error)"
            + " SELECT ?, o.position, TRUE, 0, 0, 0, NULL FROM itsm_outbox o WHERE o.position = ?";
    private static final String PURGEABLE = "SELECT o.position FROM itsm_outbox o WHERE (o.created_s, o.created_n) <= (?, ?)"
            + " AND (SELECT COUNT(*) FROM itsm_outbox_delivery d WHERE d.position = o.position AND d.acknowledged = TRUE"
            + " AND d.channel IN (";
    private static final String FIRST_CHANNEL = "?";
    private static final String NEXT_CHANNEL = ", ?";
    private static final String PURGEABLE_END = ")) = ? ORDER BY o.position";
    private static final String PURGE = "DELETE FROM itsm_outbox WHERE position = ?";
    private static final String RETRY = "UPDATE itsm_outbox_delivery SET attempts = attempts + 1, next_s = ?, next_n = ?,"
            + " last_error = ? WHERE channel = ? AND position = ? AND acknowledged = FALSE";
    private static final String RETRY_FIRST = "INSERT INTO itsm_outbox_delivery"
            + " (channel, position, acknowledged, attempts, next_s, next_n, last_error)"
            + " SELECT ?, o.position, FALSE, 1, ?, ?, ? FROM itsm_outbox o WHERE o.position = ?"
            + " AND NOT EXISTS (SELECT 1 FROM itsm_outbox_delivery d WHERE d.channel = ? AND d.position = o.position)";

    private final Db db;
    private final NodeId node;
    private final Duration lease;
    private final boolean strict;

    /**
     * Creates the delivery queue of one node.
     *
     * @param db the database access; delivery always runs in transactions of its own
     * @param node this node, which holds the claims it takes
     * @param lease how long a claim holds without being renewed or ended
     * @param strict whether a ticket's entries also wait behind a failed one, one entry of a ticket per call
     */
    public JdbcOutboxDelivery(Db db, NodeId node, Duration lease, boolean strict) {
        this.db = db;
        this.node = node;
        this.lease = lease;
        this.strict = strict;
    }

    private static final Comparator<List<String>> TICKET_ORDER =
            Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1));

    /** A due entry as read, with its ticket. */
    private record Due(PendingDelivery pending, String tenant, String ticket) {}

    private static String checkChannel(String channel) {
        requireNonNull(channel, "channel");
        if (channel.isBlank()) {
            throw new IllegalArgumentException("a channel needs a name that is not blank, got '" + channel + "'");
        }
        return channel;
    }

    @Override
    public List<PendingDelivery> due(String channel, Instant now, int limit) {
        checkChannel(channel);
        requireNonNull(now, "now");
        if (limit < 1) {
            throw new IllegalArgumentException("ask for at least 1 entry, got a limit of " + limit);
        }
        Instant until = now.plus(lease);
        try {
            return claimDue(channel, now, until, limit);
        } catch (Db.SqlFailure e) {
            if (e.isConflict()) {
                return List.of(); // two nodes' claims crossed: nothing is handed out, the next call tries again
            }
            throw e.unchecked();
        }
    }

    private List<PendingDelivery> claimDue(String channel, Instant now, Instant until, int limit) throws Db.SqlFailure {
        return db.single("claiming due outbox entries", c -> {
            List<Due> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(strict ? DUE_STRICT : DUE_ANY)) {
                int i = 1;
                ps.setString(i++, channel);
                ps.setString(i++, channel);
                Db.setInstant(ps, i, now);
                i += 2;
                ps.setString(i++, node.value());
                Db.setInstant(ps, i, now);
                i += 2;
                if (strict) {
                    ps.setString(i++, channel);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        OutboxEntry entry = Json.read(rs.getString(2), OutboxEntry.class);
                        PendingDelivery pending = new PendingDelivery(rs.getLong(1), entry, rs.getInt(3), Optional.ofNullable(rs.getString(4)));
                        found.add(new Due(pending, rs.getString(5), rs.getString(6)));
                    }
                }
            }
            if (found.isEmpty()) {
                return List.of();
            }
            // the last position handed out per ticket: the claim ends when that one is acknowledged; in ticket
            // order, so that nodes claiming overlapping tickets lock their rows in one order and cannot deadlock
            Map<List<String>, Long> through = new TreeMap<>(TICKET_ORDER);
            for (Due d : found) {
                through.merge(List.of(d.tenant(), d.ticket()), d.pending().position(), Math::max);
            }
            Set<List<String>> held = claim(c, channel, now, until, through);
            List<Due> claimed = found.stream().filter(d -> held.contains(List.of(d.tenant(), d.ticket()))).toList();
            // an entry that another node delivered between the read and the claim is not handed out again
            Set<Long> pending = stillPending(c, channel, claimed);
            List<PendingDelivery> due = new ArrayList<>(claimed.size());
            for (Due d : claimed) {
                if (pending.contains(d.pending().position())) {
                    due.add(d.pending());
                }
            }
            return due;
        });
    }

    /** Takes or renews the claims; returns the tickets (tenant, id) this node holds now. */
    private Set<List<String>> claim(Connection c, String channel, Instant now, Instant until, Map<List<String>, Long> through)
            throws SQLException {
        Set<List<String>> held = new HashSet<>();
        if (db.dialect == JdbcDialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement(CLAIM_POSTGRESQL)) {
                ps.setString(1, channel);
                ps.setString(2, node.value());
                Db.setInstant(ps, 3, until);
                ps.setArray(5, c.createArrayOf("text", through.keySet().stream().map(k -> k.get(0)).toArray()));
                ps.setArray(6, c.createArrayOf("text", through.keySet().stream().map(k -> k.get(1)).toArray()));
                ps.setArray(7, c.createArrayOf("bigint", through.values().toArray()));
                Db.setInstant(ps, 8, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        held.add(List.of(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return held;
        }
        for (Map.Entry<List<String>, Long> t : through.entrySet()) {
            try (PreparedStatement update = c.prepareStatement(CLAIM_UPDATE)) {
                update.setString(1, node.value());
                Db.setInstant(update, 2, until);
                update.setString(4, node.value());
                update.setLong(5, t.getValue());
                update.setLong(6, t.getValue());
                update.setString(7, channel);
                update.setString(8, t.getKey().get(0));
                update.setString(9, t.getKey().get(1));
                update.setString(10, node.value());
                Db.setInstant(update, 11, now);
                if (update.executeUpdate() == 1) {
                    held.add(t.getKey());
                    continue;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(CLAIM_INSERT)) {
                insert.setString(1, channel);
                insert.setString(2, t.getKey().get(0));
                insert.setString(3, t.getKey().get(1));
                insert.setString(4, node.value());
                Db.setInstant(insert, 5, until);
                insert.setLong(7, t.getValue());
                insert.executeUpdate();
                held.add(t.getKey());
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                // another node's live claim holds the ticket
            }
        }
        return held;
    }

    /**
     * The positions among the claimed entries that are still pending: another node may have acknowledged an
     * entry between the read and the claim, and its dispatcher purged it since (which takes the
     * acknowledgement with it, so "not acknowledged" alone would hand it out again).
     */
    private Set<Long> stillPending(Connection c, String channel, List<Due> claimed) throws SQLException {
        Set<Long> pending = new HashSet<>();
        if (claimed.isEmpty()) {
            return pending;
        }
        if (db.dialect == JdbcDialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement(STILL_PENDING_POSTGRESQL)) {
                ps.setString(1, channel);
                ps.setArray(2, c.createArrayOf("bigint", claimed.stream().map(d -> d.pending().position()).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pending.add(rs.getLong(1));
                    }
                }
            }
            return pending;
        }
        try (PreparedStatement ps = c.prepareStatement(STILL_PENDING)) {
            for (Due d : claimed) {
                ps.setString(1, channel);
                ps.setLong(2, d.pending().position());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        pending.add(rs.getLong(1));
                    }
                }
            }
        }
        return pending;
    }

    @Override
    public void acknowledge(String channel, long position) {
        checkChannel(channel);
        if (db.dialect == JdbcDialect.POSTGRESQL) {
            // the acknowledgement and the end of the claim it completes, in one round trip and one transaction
            try {
                acknowledgeAndRelease(channel, position);
            } catch (Db.SqlFailure e) {
                if (!e.isForeignKeyViolation()) {
                    throw e.unchecked();
                }
                // the entry was purged meanwhile
            }
            return;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                db.single("acknowledging an outbox entry", c -> {
                    try (PreparedStatement ps = c.prepareStatement(ACKNOWLEDGE)) {
                        ps.setString(1, channel);
                        ps.setLong(2, position);
                        if (ps.executeUpdate() == 0) {
                            try (PreparedStatement insert = c.prepareStatement(ACKNOWLEDGE_FIRST)) {
                                insert.setString(1, channel);
                                insert.setLong(2, position);
                                insert.executeUpdate();
                            }
                        }
                    }
                    try (PreparedStatement release = c.prepareStatement(RELEASE)) {
                        release.setString(1, channel);
                        release.setLong(2, position);
                        release.setString(3, node.value());
                        release.executeUpdate();
                    }
                    return null;
                });
                return;
            } catch (Db.SqlFailure e) {
                if (e.isForeignKeyViolation()) {
                    return; // the entry was purged meanwhile
                }
                // another node wrote the channel's row first: update it instead
                if (!e.isUniqueViolation() || attempt > 2) {
                    throw e.unchecked();
                }
            }
        }
    }

    private void acknowledgeAndRelease(String channel, long position) throws Db.SqlFailure {
        db.single("acknowledging an outbox entry", c -> {
            Pipeline p = new Pipeline();
            p.add(ACKNOWLEDGE_POSTGRESQL, (ps, i) -> {
                ps.setString(i, channel);
                ps.setLong(i + 1, position);
                return i + 2;
            });
            p.add(RELEASE, (ps, i) -> {
                ps.setString(i, channel);
                ps.setLong(i + 1, position);
                ps.setString(i + 2, node.value());
                return i + 3;
            });
            p.execute(c);
            return null;
        });
    }

    @Override
    public void retryLater(String channel, long position, Instant nextAttempt, String error) {
        checkChannel(channel);
        requireNonNull(nextAttempt, "nextAttempt");
        requireNonNull(error, "error");
        String kept = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        for (int attempt = 0; ; attempt++) {
            try {
                db.single("recording a failed delivery", c -> {
                    try (PreparedStatement ps = c.prepareStatement(RETRY)) {
                        Db.setInstant(ps, 1, nextAttempt);
                        ps.setString(3, kept);
                        ps.setString(4, channel);
                        ps.setLong(5, position);
                        if (ps.executeUpdate() == 0) {
                            try (PreparedStatement insert = c.prepareStatement(RETRY_FIRST)) {
                                insert.setString(1, channel);
                                Db.setInstant(insert, 2, nextAttempt);
                                insert.setString(4, kept);
                                insert.setLong(5, position);
                                insert.setString(6, channel);
                                insert.executeUpdate();
                            }
                        }
                    }
                    return null;
                });
                return;
            } catch (Db.SqlFailure e) {
                if (e.isForeignKeyViolation()) {
                    return; // the entry was purged meanwhile
                }
                if (!e.isUniqueViolation() || attempt > 2) {
                    throw e.unchecked();
                }
            }
        }
    }

    /**
     * Selects the purgeable entries (created early enough, acknowledged by as many of the named channels
     * as there are names) and deletes them by position; their channels' rows go with them by the
     * foreign key's cascade. A commit, acknowledgement or purge running meanwhile either sees an entry
     * or is refused by the key, never leaves a row behind.
     */
    @Override
    public long purgeAcknowledged(Set<String> channels, Instant createdUpTo) {
        requireNonNull(channels, "channels");
        requireNonNull(createdUpTo, "createdUpTo");
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("name at least one channel whose acknowledgements allow a purge");
        }
        List<String> names = channels.stream().map(JdbcOutboxDelivery::checkChannel).sorted().toList();
        StringBuilder sql = new StringBuilder(PURGEABLE);
        for (int i = 0; i < names.size(); i++) {
            sql.append(i == 0 ? FIRST_CHANNEL : NEXT_CHANNEL);
        }
        sql.append(PURGEABLE_END);
        return db.ownOrFail("purging the outbox", c -> {
            List<Long> positions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                Db.setInstant(ps, i, createdUpTo);
                i += 2;
                for (String name : names) {
                    ps.setString(i++, name);
                }
                ps.setLong(i, names.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        positions.add(rs.getLong(1));
                    }
                }
            }
            long removed = 0;
            try (PreparedStatement delete = c.prepareStatement(PURGE)) {
                for (long position : positions) {
                    delete.setLong(1, position);
                    removed += delete.executeUpdate();
                }
            }
            return removed;
        });
    }
}
