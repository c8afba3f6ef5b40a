package dev.itsmkit.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.persistence.jdbc.internal.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcMigrationsTest {
    @Test
    void theScriptListNamesEveryScriptOfBothDialectsInVersionOrder() throws IOException {
        for (JdbcDialect dialect : JdbcDialect.values()) {
            try (Stream<Path> files = Files.list(Path.of("src/main/resources", dialect.migrationLocation()))) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                        .containsExactlyElementsOf(JdbcMigrations.scripts());
            }
        }
        assertThat(JdbcMigrations.scripts()).allMatch(s -> s.matches("V\\d+__[a-z_]+\\.sql"));
    }

    @Test
    void migratingTwiceAppliesNothingTheSecondTime() {
        for (Backend backend : Backend.values()) {
            DataSource ds = backend.database("migrations_twice");
            assertThat(JdbcMigrations.migrate(ds)).isEmpty();
            assertThat(versions(ds)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        }
    }

    @Test
    void nodesMigratingAtOnceApplyEachVersionOnce() throws Exception {
        DataSource ds = Backend.POSTGRESQL.rawDatabase("migrations_race");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return JdbcMigrations.migrate(ds);
                }));
            }
            start.countDown();
            List<Integer> applied = new ArrayList<>();
            for (Future<List<Integer>> run : runs) {
                applied.addAll(run.get(60, TimeUnit.SECONDS));
            }
            assertThat(applied).containsExactly(1, 2, 3, 4, 5, 6, 7);
            assertThat(versions(ds)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void statementsAreSplitAtSemicolonsWithoutComments() {
        assertThat(Migrator.statements("-- a comment; with a semicolon\nCREATE TABLE a (x INT); -- trailing\n\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)");
    }

    private static List<Integer> versions(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM itsm_schema_history ORDER BY version")) {
            List<Integer> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
