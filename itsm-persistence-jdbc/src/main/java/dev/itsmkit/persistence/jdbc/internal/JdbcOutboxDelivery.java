package dev.itsmkit.persistence.jdbc.internal;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.persistence.PendingDelivery;
import dev.itsmkit.persistence.spi.OutboxDelivery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox as delivery channels see it. Entries are rows of {@code itsm_outbox} in position order;
 * a channel's progress is a row per entry it acknowledged or failed to deliver, so an entry without
 * such a row is pending for the channel, including a channel named for the first time. Any node may
 * drain a channel: a due entry is offered until acknowledged, at least once.
 */
public final class JdbcOutboxDelivery implements OutboxDelivery {
    static final int MAX_ERROR = 4000;

    private static final String DUE = "SELECT o.position, o.entry, d.attempts, d.last_error FROM itsm_outbox o"
            + " LEFT JOIN itsm_outbox_delivery d ON d.channel = ? AND d.position = o.position"
            + " WHERE d.position IS NULL OR (d.acknowledged = FALSE AND (d.next_s, d.next_n) <= (?, ?))"
            + " ORDER BY o.position LIMIT ?";
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

    /**
     * Creates the delivery queue.
     *
     * @param db the database access; delivery always runs in transactions of its own
     */
    public JdbcOutboxDelivery(Db db) {
        this.db = db;
    }

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
        return db.singleOrFail("reading due outbox entries", c -> {
            try (PreparedStatement ps = c.prepareStatement(DUE)) {
                ps.setString(1, channel);
                Db.setInstant(ps, 2, now);
                ps.setInt(4, limit);
                List<PendingDelivery> due = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        OutboxEntry entry = Json.read(rs.getString(2), OutboxEntry.class);
                        int attempts = rs.getInt(3);
                        String error = rs.getString(4);
                        due.add(new PendingDelivery(rs.getLong(1), entry, attempts, Optional.ofNullable(error)));
                    }
                }
                return due;
            }
        });
    }

    @Override
    public void acknowledge(String channel, long position) {
        checkChannel(channel);
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
