package dev.itsmkit.persistence.jdbc.internal;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.TimerClaim;
import dev.itsmkit.persistence.jdbc.JdbcDialect;
import dev.itsmkit.persistence.spi.TimerClaims;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Due timers claimed across tenants. Each row carries its wake instant (the due instant, or the lease
 * end of a claim), the claiming node and a fencing token from a sequence; the index on the wake instant
 * makes a claim read only the rows it takes.
 *
 * <p>On PostgreSQL a claim is one statement: the due rows are selected {@code FOR UPDATE SKIP LOCKED}
 * (rows another node is claiming right now are skipped, not waited for) and updated with a new token
 * and the lease end as their wake instant. On H2 the same select locks the rows, and each update also
 * names the token read, a compare-and-set that would refuse the row if another transaction had claimed
 * it meanwhile. Completing deletes the row only if it still carries the claim's token and node, so a
 * claim whose lease ran out and was taken over, or whose timer was rescheduled or cancelled (which
 * resets the token), completes nothing.
 */
public final class JdbcTimerClaims implements TimerClaims {
    private static final String CLAIM_POSTGRESQL = "WITH due AS (SELECT tenant, timer_id, wake_s, wake_n FROM itsm_timer"
            + " WHERE (wake_s, wake_n) <= (?, ?) ORDER BY wake_s, wake_n, tenant, timer_id LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " UPDATE itsm_timer t SET node = ?, token = nextval('itsm_timer_token'), wake_s = ?, wake_n = ?"
            + " FROM due WHERE t.tenant = due.tenant AND t.timer_id = due.timer_id"
            + " RETURNING t.timer, t.token, due.wake_s, due.wake_n, t.tenant, t.timer_id";
    private static final String SELECT_DUE_H2 = "SELECT tenant, timer_id, token, wake_s, wake_n, timer FROM itsm_timer"
            + " WHERE (wake_s, wake_n) <= (?, ?) ORDER BY wake_s, wake_n, tenant, timer_id LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String NEXT_TOKEN_H2 = "SELECT NEXT VALUE FOR itsm_timer_token";
    private static final String CLAIM_H2 = "UPDATE itsm_timer SET node = ?, token = ?, wake_s = ?, wake_n = ?"
            + " WHERE tenant = ? AND timer_id = ? AND token = ?";
    private static final String COMPLETE = "DELETE FROM itsm_timer WHERE tenant = ? AND timer_id = ? AND token = ? AND node = ?";
    private static final String NEXT_WAKE = "SELECT wake_s, wake_n FROM itsm_timer ORDER BY wake_s, wake_n LIMIT 1";

    private record Claimed(TimerClaim claim, long wakeSecond, int wakeNano, String tenant, String id) {}

    private static final Comparator<Claimed> EARLIEST_FIRST = Comparator.comparingLong(Claimed::wakeSecond)
            .thenComparingInt(Claimed::wakeNano).thenComparing(Claimed::tenant).thenComparing(Claimed::id);

    private final Db db;

    /**
     * Creates the claims.
     *
     * @param db the database access; claims always run in transactions of their own
     */
    public JdbcTimerClaims(Db db) {
        this.db = db;
    }

    @Override
    public List<TimerClaim> claimDue(Instant now, NodeId node, Duration lease, int limit) {
        requireNonNull(now, "now");
        requireNonNull(node, "node");
        requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive, got " + lease);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("claim at least 1 timer, got a limit of " + limit);
        }
        Instant leaseUntil = now.plus(lease);
        // on PostgreSQL the claim is one statement, atomic in auto-commit mode; on H2 it is a transaction
        List<Claimed> claimed = db.dialect == JdbcDialect.POSTGRESQL
                ? db.singleOrFail("claiming due timers", c -> claimPostgresql(c, now, node, leaseUntil, limit))
                : db.ownOrFail("claiming due timers", c -> claimH2(c, now, node, leaseUntil, limit));
        claimed.sort(EARLIEST_FIRST);
        return claimed.stream().map(Claimed::claim).toList();
    }

    private static List<Claimed> claimPostgresql(Connection c, Instant now, NodeId node, Instant leaseUntil, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLAIM_POSTGRESQL)) {
            Db.setInstant(ps, 1, now);
            ps.setInt(3, limit);
            ps.setString(4, node.value());
            Db.setInstant(ps, 5, leaseUntil);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DueTimer timer = Json.read(rs.getString(1), DueTimer.class);
                    claimed.add(new Claimed(new TimerClaim(timer, node, leaseUntil, rs.getLong(2)), rs.getLong(3), rs.getInt(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
            return claimed;
        }
    }

    private static List<Claimed> claimH2(Connection c, Instant now, NodeId node, Instant leaseUntil, int limit)
            throws SQLException {
        List<Claimed> candidates = new ArrayList<>();
        List<Long> oldTokens = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_DUE_H2)) {
            Db.setInstant(ps, 1, now);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DueTimer timer = Json.read(rs.getString(6), DueTimer.class);
                    oldTokens.add(rs.getLong(3));
                    candidates.add(new Claimed(new TimerClaim(timer, node, leaseUntil, 0), rs.getLong(4), rs.getInt(5),
                            rs.getString(1), rs.getString(2)));
                }
            }
        }
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement token = c.prepareStatement(NEXT_TOKEN_H2);
                PreparedStatement update = c.prepareStatement(CLAIM_H2)) {
            for (int i = 0; i < candidates.size(); i++) {
                Claimed candidate = candidates.get(i);
                long newToken;
                try (ResultSet rs = token.executeQuery()) {
                    rs.next();
                    newToken = rs.getLong(1);
                }
                update.setString(1, node.value());
                update.setLong(2, newToken);
                Db.setInstant(update, 3, leaseUntil);
                update.setString(5, candidate.tenant());
                update.setString(6, candidate.id());
                update.setLong(7, oldTokens.get(i));
                if (update.executeUpdate() == 1) {
                    claimed.add(new Claimed(new TimerClaim(candidate.claim().timer(), node, leaseUntil, newToken),
                            candidate.wakeSecond(), candidate.wakeNano(), candidate.tenant(), candidate.id()));
                }
            }
        }
        return claimed;
    }

    @Override
    public boolean complete(TimerClaim claim) {
        requireNonNull(claim, "claim");
        return db.singleOrFail("completing a timer claim", c -> {
            try (PreparedStatement ps = c.prepareStatement(COMPLETE)) {
                ps.setString(1, claim.timer().tenant().value());
                ps.setString(2, claim.timer().id().value());
                ps.setLong(3, claim.token());
                ps.setString(4, claim.node().value());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** One batch of deletes in one transaction: one round trip however many claims complete. */
    @Override
    public List<TimerClaim> completeAll(List<TimerClaim> claims) {
        if (claims.isEmpty()) {
            return List.of();
        }
        List<TimerClaim> given = List.copyOf(claims);
        return db.ownOrFail("completing timer claims", c -> {
            try (PreparedStatement ps = c.prepareStatement(COMPLETE)) {
                for (TimerClaim claim : given) {
                    ps.setString(1, claim.timer().tenant().value());
                    ps.setString(2, claim.timer().id().value());
                    ps.setLong(3, claim.token());
                    ps.setString(4, claim.node().value());
                    ps.addBatch();
                }
                int[] removed = ps.executeBatch();
                List<TimerClaim> completed = new ArrayList<>(given.size());
                for (int i = 0; i < removed.length; i++) {
                    if (removed[i] == 1) {
                        completed.add(given.get(i));
                    }
                }
                return completed;
            }
        });
    }

    @Override
    public Optional<Instant> nextWakeUp() {
        return db.singleOrFail("reading the next wake-up", c -> {
            try (PreparedStatement ps = c.prepareStatement(NEXT_WAKE); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochSecond(rs.getLong(1), rs.getInt(2))) : Optional.<Instant>empty();
            }
        });
    }
}
