package dev.itsmkit.persistence.jdbc.internal;

import dev.itsmkit.persistence.jdbc.JdbcDialect;
import dev.itsmkit.persistence.jdbc.JdbcStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Applies the migration scripts in version order and records each in {@code itsm_schema_history}.
 *
 * <p>On PostgreSQL the whole run is one transaction that first takes a transaction-scoped advisory
 * lock, so of two nodes migrating at once the second waits, then finds every version recorded; DDL is
 * transactional there, so a failing script leaves nothing behind. H2 commits each DDL statement, so
 * concurrent runs are kept apart by a lock in this JVM (an embedded H2 belongs to one JVM).
 */
public final class Migrator {
    /** The scripts, in version order; a test checks that this is every script in the resources. */
    public static final List<String> SCRIPTS = List.of("V1__tickets.sql", "V2__audit_trail.sql", "V3__sla_clocks.sql",
            "V4__timers.sql", "V5__outbox.sql", "V6__outbox_notices.sql", "V7__outbox_claims.sql");

    /** An arbitrary key of our advisory lock: "itsm" in ASCII. */
    private static final long ADVISORY_LOCK_KEY = 0x6974736dL;
    private static final ReentrantLock LOCAL = new ReentrantLock();

    private static final String LOCK = "SELECT pg_advisory_xact_lock(?)";
    private static final String CREATE_HISTORY = "CREATE TABLE IF NOT EXISTS itsm_schema_history (version INTEGER NOT NULL,"
            + " script VARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, installed_at TIMESTAMP WITH TIME ZONE"
            + " DEFAULT CURRENT_TIMESTAMP NOT NULL, CONSTRAINT itsm_schema_history_pk PRIMARY KEY (version))";
    private static final String APPLIED = "SELECT version, checksum FROM itsm_schema_history";
    private static final String RECORD = "INSERT INTO itsm_schema_history (version, script, checksum) VALUES (?, ?, ?)";

    private Migrator() {}

    /**
     * Applies the scripts not yet applied.
     *
     * @param dataSource the database
     * @param dialect its dialect
     * @return the versions applied by this call, in order; empty if the schema was current
     */
    public static List<Integer> migrate(DataSource dataSource, JdbcDialect dialect) {
        if (dialect == JdbcDialect.H2) {
            LOCAL.lock();
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (dialect == JdbcDialect.POSTGRESQL) {
                    try (PreparedStatement ps = c.prepareStatement(LOCK)) {
                        ps.setLong(1, ADVISORY_LOCK_KEY);
                        ps.execute();
                    }
                }
                List<Integer> applied = run(c, dialect);
                c.commit();
                return applied;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("could not migrate the ITSM Kit schema", e);
        } finally {
            if (dialect == JdbcDialect.H2) {
                LOCAL.unlock();
            }
        }
    }

    private static List<Integer> run(Connection c, JdbcDialect dialect) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE_HISTORY);
        }
        Map<Integer, String> done = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(APPLIED); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                done.put(rs.getInt(1), rs.getString(2));
            }
        }
        List<Integer> applied = new ArrayList<>();
        for (String script : SCRIPTS) {
            int version = Integer.parseInt(script.substring(1, script.indexOf("__")));
            String text = read(dialect, script);
            String checksum = sha256(text);
            String recorded = done.get(version);
            if (recorded != null) {
                if (!recorded.equals(checksum)) {
                    throw new IllegalStateException("migration " + script + " was applied with checksum " + recorded
                            + " but the script now has " + checksum + "; applied scripts must not change");
                }
                continue;
            }
            try (Statement s = c.createStatement()) {
                for (String statement : statements(text)) {
                    s.execute(statement);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(RECORD)) {
                ps.setInt(1, version);
                ps.setString(2, script);
                ps.setString(3, checksum);
                ps.executeUpdate();
            }
            applied.add(version);
        }
        return applied;
    }

    /**
     * Splits a script into statements: comments from {@code --} to the end of a line removed, split at {@code ;}.
     *
     * @param script the script's text
     * @return its statements, stripped, without empty ones
     */
    public static List<String> statements(String script) {
        StringBuilder sb = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            int comment = line.indexOf("--");
            sb.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String part : sb.toString().split(";")) {
            if (!part.isBlank()) {
                statements.add(part.strip());
            }
        }
        return statements;
    }

    /**
     * Reads a script of a dialect from the class path.
     *
     * @param dialect the dialect
     * @param script the script's file name
     * @return its text
     */
    public static String read(JdbcDialect dialect, String script) {
        String path = "/" + dialect.migrationLocation() + "/" + script;
        try (InputStream in = Migrator.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the migration script " + path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read the migration script " + path, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
