package dev.itsmkit.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.outbox.OutboxEntryId;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.TimerClaim;
import dev.itsmkit.persistence.jdbc.JdbcDialect;
import dev.itsmkit.persistence.jdbc.JdbcMigrations;
import dev.itsmkit.persistence.jdbc.JdbcStores;
import dev.itsmkit.persistence.spi.TimerClaims;
import dev.itsmkit.persistence.spi.UnitOfWork;
import dev.itsmkit.sla.BusinessCalendars;
import dev.itsmkit.workflow.ServiceDesk;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A plain harness (not JMH: each figure is one timed run of many database transactions) on one embedded
 * PostgreSQL server: due-timer claims per second of the JDBC stores next to db-scheduler's executions
 * per second, and units of work committed per second next to pgbench's TPC-B run, with the same number
 * of clients. See docs/benchmarks.md for the command and the figures.
 *
 * <p>Arguments: {@code [timers] [clients] [seconds]}, default 20000, 4 and 20; or {@code engine [clients] [seconds]
 * [rounds]} for commands per second through the whole {@link ServiceDesk} alone, in rounds that alternate
 * with pgbench on the same database (default 4 clients, 20 s, 2 rounds); or {@code roundtrips [cycles]} for
 * the database round trips of each command of the engine's cycle, counted at the JDBC calls that each cost
 * one with the PostgreSQL driver (default 100 cycles of eight commands, after 20 to warm up); or
 * {@code statements [cycles] [seconds]} for what the server spends on one client's commands and on pgbench's
 * transactions: CPU time of the server's processes, WAL bytes, and {@code pg_stat_statements}' planning and
 * execution time per statement (default 500 cycles, pgbench for 20 s).
 */
public final class JdbcHarness {
    private static final TenantId TENANT = TenantId.of("bench");

    private JdbcHarness() {}

    /**
     * Runs the three comparisons and prints the figures.
     *
     * @param args timers to fire, clients, seconds of each throughput run
     * @throws Exception if the server, a database or a run fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("roundtrips")) {
            roundTrips(args.length > 1 ? Integer.parseInt(args[1]) : 100);
            return;
        }
        if (args.length > 0 && args[0].equals("statements")) {
            statements(args.length > 1 ? Integer.parseInt(args[1]) : 500, args.length > 2 ? Integer.parseInt(args[2]) : 20);
            return;
        }
        if (args.length > 0 && args[0].equals("engine")) {
            engine(args.length > 1 ? Integer.parseInt(args[1]) : 4, args.length > 2 ? Integer.parseInt(args[2]) : 20,
                    args.length > 3 ? Integer.parseInt(args[3]) : 2);
            return;
        }
        int timers = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            System.out.printf("PostgreSQL on port %d, %d timers, %d clients, %d s runs, %d processors%n",
                    pg.getPort(), timers, clients, seconds, Runtime.getRuntime().availableProcessors());
            System.out.printf("ITSM Kit timer claims:   %,.0f timers fired/s%n", ourClaims(database(pg, "ours"), timers, clients));
            System.out.printf("db-scheduler:            %,.0f tasks executed/s%n", dbScheduler(database(pg, "dbscheduler"), timers, clients));
            System.out.printf("ITSM Kit units of work:  %,.0f commits/s%n", ourCommits(database(pg, "commits"), clients, seconds));
            pgbench(pg, "postgres", clients, seconds);
        }
    }

    /**
     * Commands through the engine and pgbench's TPC-B transactions, on one database and with the same number
     * of clients, in alternating rounds so that both see the same noise of a shared machine.
     */
    private static void engine(int clients, int seconds, int rounds) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            System.out.printf("PostgreSQL on port %d, %d clients, %d s runs, %d rounds, %d processors%n",
                    pg.getPort(), clients, seconds, rounds, Runtime.getRuntime().availableProcessors());
            DataSource ds = database(pg, "engine");
            JdbcMigrations.migrate(ds, JdbcDialect.POSTGRESQL);
            boolean pgbench = pgbenchInit(pg, "engine");
            if (!Boolean.getBoolean("harness.noAnalyze")) {
                preload(ds);
            }
            for (int round = 1; round <= rounds; round++) {
                if (pgbench) {
                    pgbench(pg, "engine", clients, seconds);
                }
                System.out.printf("ITSM Kit engine commands: %,.0f commands/s (round %d)%n",
                        engineCommands(ds, clients, seconds), round);
            }
        }
    }

    /** The benchmark's commands on a desk over the JDBC stores of a data source, with its resolution clock. */
    private static ServiceDeskBenchmark commandsOn(DataSource ds) {
        ServiceDeskBenchmark commands = new ServiceDeskBenchmark();
        commands.desk = ServiceDesk.builder()
                .stores(JdbcStores.builder(ds).dialect(JdbcDialect.POSTGRESQL).build())
                .sla(BusinessCalendars.onlyAlways(), List.of(ServiceDeskBenchmark.resolutionPolicy()))
                // the resolve's notification is written to the outbox, as in every earlier run of this harness,
                // though no notifier is registered (a desk without one would skip it)
                .outboxReadElsewhere()
                .build();
        return commands;
    }

    /** Runs {@code cycles} cycles of eight commands as a new agent, and returns the agent. */
    private static ServiceDeskBenchmark.Agent cycles(ServiceDeskBenchmark commands, int cycles) {
        ServiceDeskBenchmark.Agent agent = new ServiceDeskBenchmark.Agent();
        agent.name();
        for (int i = 0; i < cycles * 8; i++) {
            commands.mix(agent);
        }
        return agent;
    }

    /**
     * Runs 250 cycles of the engine's commands with one client, then {@code ANALYZE}s the database, as
     * {@code pgbench -i} does with its own tables: the connections' cached generic plans are made again from
     * statistics. Without it, a plan cached while the tables were nearly empty may stay for the whole run (until
     * autovacuum's first pass): on tables without statistics the tenant-prefix indexes tie with the primary key, and
     * a lookup by id that takes one of them reads every ticket of the tenant (see docs/benchmarks.md).
     */
    private static void preload(DataSource ds) throws SQLException {
        cycles(commandsOn(ds), 250);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    /**
     * Each client runs {@link ServiceDeskBenchmark#mix}'s cycle of eight commands (open, start, three comments,
     * resolve, reopen, comment) on its own incidents through a {@link ServiceDesk} on the JDBC stores, with the
     * benchmark's resolution clock on every incident: each command is validated, loaded, checked by the
     * lifecycle, and commits its events, snapshot, SLA clocks, timers and outbox entries as one transaction.
     * The first half of the run (at least 10 s, so that the JIT has compiled the path) warms up and is not
     * counted. Prints the clients' CPU time per counted command as well: what the client side costs.
     */
    private static double engineCommands(DataSource ds, int clients, int seconds) throws Exception {
        ServiceDeskBenchmark commands = commandsOn(ds);
        long warmUp = TimeUnit.SECONDS.toNanos(Math.max(10, seconds / 2));
        long measureFrom = System.nanoTime() + warmUp;
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong counted = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> runs = new ArrayList<>();
        for (int n = 0; n < clients; n++) {
            runs.add(pool.submit(() -> {
                ServiceDeskBenchmark.Agent agent = new ServiceDeskBenchmark.Agent();
                agent.name();
                long cpuFrom = -1;
                for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                    if (now >= measureFrom && cpuFrom < 0) {
                        cpuFrom = threads.getCurrentThreadCpuTime();
                    }
                    commands.mix(agent);
                    if (cpuFrom >= 0) {
                        counted.incrementAndGet();
                    }
                }
                cpu.addAndGet(threads.getCurrentThreadCpuTime() - cpuFrom);
                return null;
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        double elapsed = (System.nanoTime() - measureFrom) / 1e9;
        pool.shutdown();
        System.out.printf("ITSM Kit engine client:   %.2f ms of CPU per command on the client threads%n",
                cpu.get() / 1e6 / counted.get());
        return counted.get() / elapsed;
    }

    /**
     * One client runs the engine's cycle of eight commands on a data source that counts the calls that
     * each cost the PostgreSQL driver one round trip (execute, executeQuery, executeUpdate, executeBatch,
     * commit, rollback, savepoints; not setAutoCommit, which the driver defers to the next statement).
     */
    private static void roundTrips(int cycles) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = database(pg, "roundtrips");
            JdbcMigrations.migrate(ds, JdbcDialect.POSTGRESQL);
            AtomicLong trips = new AtomicLong();
            ServiceDeskBenchmark commands = commandsOn(counting(ds, trips));
            ServiceDeskBenchmark.Agent agent = cycles(commands, 20);
            long[] perStep = new long[8];
            for (int i = 0; i < cycles * 8; i++) {
                long before = trips.get();
                commands.mix(agent);
                perStep[i & 7] += trips.get() - before;
            }
            String[] names = {"open", "start", "comment", "comment", "comment", "resolve", "reopen", "comment"};
            long total = 0;
            for (int step = 0; step < 8; step++) {
                System.out.printf("round trips, %-8s %.2f%n", names[step], perStep[step] / (double) cycles);
                total += perStep[step];
            }
            System.out.printf("round trips per command: %.2f%n", total / (cycles * 8.0));
        }
    }

    /**
     * One client runs the engine's cycle on a server with {@code pg_stat_statements} (planning tracked), then
     * pgbench with one client on the same server: for each, the server processes' CPU time (from
     * {@code /proc}), the WAL written and the statements' planning and execution time, per command or
     * transaction; and the tables' updates and how many of them were HOT (no index touched).
     */
    private static void statements(int cycles, int seconds) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_planning", "on")
                .setServerConfig("pg_stat_statements.max", "1000")
                .setServerConfig("track_io_timing", "off")
                .start()) {
            DataSource ds = database(pg, "statements");
            JdbcMigrations.migrate(ds, JdbcDialect.POSTGRESQL);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            if (!Boolean.getBoolean("harness.noAnalyze")) {
                preload(ds);
            }
            ServiceDeskBenchmark commands = commandsOn(ds);
            ServiceDeskBenchmark.Agent agent = cycles(commands, 100);
            Server server = Server.of(ds);
            server.reset(ds);
            long start = System.nanoTime();
            for (int i = 0; i < cycles * 8; i++) {
                commands.mix(agent);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            server.report(ds, "ITSM Kit engine commands", cycles * 8L, elapsed);
            long hold = Long.getLong("harness.hold", 0);
            if (hold > 0) {
                // keeps the server up for a look from psql (EXPLAIN, sizes) before pgbench runs
                System.out.printf("holding the server on port %d, database statements, for %d s%n", pg.getPort(), hold);
                TimeUnit.SECONDS.sleep(hold);
            }
            if (pgbenchInit(pg, "statements")) {
                server.reset(ds);
                String out = run(List.of("pgbench", "-c", "1", "-j", "1", "-T", Integer.toString(seconds), "-h", "localhost",
                        "-p", Integer.toString(pg.getPort()), "-U", "postgres", "statements"));
                long transactions = out.lines().filter(l -> l.startsWith("number of transactions actually processed"))
                        .mapToLong(l -> Long.parseLong(l.replaceAll(".*: ([0-9]+).*", "$1"))).findFirst().orElse(0);
                server.report(ds, "pgbench TPC-B transactions", transactions, seconds);
            }
        }
    }

    /** The server's processes (the postmaster's children) and what they spent since the last reset. */
    private static final class Server {
        private final long postmaster;
        private long cpuTicks;
        private String walLsn = "0/0";

        private Server(long postmaster) {
            this.postmaster = postmaster;
        }

        static Server of(DataSource ds) throws SQLException, IOException {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                return new Server(Long.parseLong(stat(rs.getLong(1))[2]));
            }
        }

        /** Fields of /proc/pid/stat after the command name: index 1 is the state, 2 the parent, 12 to 15 CPU ticks. */
        private static String[] stat(long pid) throws IOException {
            String line = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            return ("x " + line.substring(line.lastIndexOf(')') + 2)).split(" ");
        }

        private long cpuTicks() throws IOException {
            long ticks = 0;
            try (java.nio.file.DirectoryStream<java.nio.file.Path> procs = java.nio.file.Files.newDirectoryStream(
                    java.nio.file.Path.of("/proc"), p -> p.getFileName().toString().matches("[0-9]+"))) {
                for (java.nio.file.Path p : procs) {
                    long pid = Long.parseLong(p.getFileName().toString());
                    try {
                        String[] f = stat(pid);
                        if (pid == postmaster || Long.parseLong(f[2]) == postmaster) {
                            // utime, stime, and the children's (a backend that ended is counted in the postmaster's)
                            ticks += Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]) + Long.parseLong(f[15]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return ticks;
        }

        void reset(DataSource ds) throws SQLException, IOException {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT pg_stat_statements_reset()");
                s.execute("SELECT pg_stat_reset()");
                try (java.sql.ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()")) {
                    rs.next();
                    walLsn = rs.getString(1);
                }
            }
            cpuTicks = cpuTicks();
        }

        void report(DataSource ds, String what, long count, double seconds) throws SQLException, IOException {
            double cpuMs = (cpuTicks() - cpuTicks) * 10.0;
            System.out.printf("%n%s: %,d in %.1f s (%,.0f/s), server CPU %.3f ms each%n", what, count, seconds, count / seconds,
                    cpuMs / count);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT pg_stat_force_next_flush()");
                try (PreparedStatement wal = c.prepareStatement("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), CAST(? AS pg_lsn))")) {
                    wal.setString(1, walLsn);
                    try (java.sql.ResultSet rs = wal.executeQuery()) {
                        rs.next();
                        System.out.printf("  WAL: %,.0f bytes each%n", rs.getDouble(1) / count);
                    }
                }
                try (java.sql.ResultSet rs = s.executeQuery("SELECT SUM(calls), SUM(plans), SUM(total_plan_time), SUM(total_exec_time)"
                        + " FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%' AND query NOT LIKE '%pg_current_wal%'")) {
                    rs.next();
                    System.out.printf("  statements: %.2f calls, %.2f plans, %.3f ms planning, %.3f ms executing, each%n",
                            rs.getDouble(1) / count, rs.getDouble(2) / count, rs.getDouble(3) / count, rs.getDouble(4) / count);
                }
                try (java.sql.ResultSet rs = s.executeQuery("SELECT calls, plans, total_plan_time, total_exec_time, rows, query"
                        + " FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%' AND query NOT LIKE '%pg_current_wal%'"
                        + " ORDER BY total_plan_time + total_exec_time DESC LIMIT 25")) {
                    System.out.println("  calls    plans   plan ms/call  exec ms/call  rows/call  query");
                    while (rs.next()) {
                        long calls = rs.getLong(1);
                        String q = rs.getString(6).replaceAll("\\s+", " ");
                        System.out.printf("  %7d  %7d  %12.4f  %12.4f  %9.2f  %s%n", calls, rs.getLong(2),
                                rs.getDouble(3) / Math.max(1, rs.getLong(2)), rs.getDouble(4) / calls, rs.getDouble(5) / calls,
                                q.length() > 150 ? q.substring(0, 150) : q);
                    }
                }
                try (java.sql.ResultSet rs = s.executeQuery("SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del"
                        + " FROM pg_stat_user_tables WHERE n_tup_ins + n_tup_upd + n_tup_del > 0 ORDER BY relname")) {
                    System.out.println("  table                 inserts   updates  HOT      deletes (per command or transaction)");
                    while (rs.next()) {
                        System.out.printf("  %-20s  %7.2f  %7.2f  %7.2f  %7.2f%n", rs.getString(1), rs.getDouble(2) / count,
                                rs.getDouble(3) / count, rs.getDouble(4) / count, rs.getDouble(5) / count);
                    }
                }
            }
        }
    }

    /** A data source whose connections count the calls that each cost one round trip. */
    private static DataSource counting(DataSource ds, AtomicLong trips) {
        InvocationHandler sourceHandler = (proxy, method, args) -> {
            Object result = invoke(ds, method, args);
            return result instanceof Connection c ? countingConnection(c, trips) : result;
        };
        return (DataSource) Proxy.newProxyInstance(JdbcHarness.class.getClassLoader(), new Class<?>[] {DataSource.class}, sourceHandler);
    }

    private static Connection countingConnection(Connection c, AtomicLong trips) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("commit") || name.equals("rollback") || name.equals("setSavepoint") || name.equals("releaseSavepoint")) {
                trips.incrementAndGet();
            }
            Object result = invoke(c, method, args);
            if (result instanceof PreparedStatement ps) {
                InvocationHandler statement = (p, m, a) -> {
                    if (m.getName().startsWith("execute")) {
                        trips.incrementAndGet();
                    }
                    return invoke(ps, m, a);
                };
                return Proxy.newProxyInstance(JdbcHarness.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, statement);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(JdbcHarness.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static @Nullable Object invoke(Object target, Method method, Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static DataSource database(EmbeddedPostgres pg, String name) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setServerNames(new String[] {"localhost"});
        source.setPortNumbers(new int[] {pg.getPort()});
        source.setDatabaseName(name);
        source.setUser("postgres");
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(64);
        return pool;
    }

    /** Every timer due now; each client claims 100 at a time and completes each claim: fired = completed. */
    private static double ourClaims(DataSource ds, int timers, int clients) throws Exception {
        JdbcMigrations.migrate(ds, JdbcDialect.POSTGRESQL);
        JdbcStores stores = JdbcStores.builder(ds).dialect(JdbcDialect.POSTGRESQL).build();
        Instant due = Instant.now();
        UnitOfWork uow = stores.forTenant(TENANT).begin();
        for (int i = 0; i < timers; i++) {
            uow.schedule(DueTimer.of(TENANT, TicketId.of("inc-" + i), "resolution", 1, 100, due));
        }
        uow.commit();
        Map<String, Integer> fired = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int n = 0; n < clients; n++) {
            NodeId node = NodeId.of("node-" + n);
            TimerClaims claims = stores.timerClaims();
            runs.add(pool.submit(() -> {
                while (true) {
                    List<TimerClaim> got = claims.claimDue(Instant.now(), node, Duration.ofMinutes(5), 100);
                    if (got.isEmpty()) {
                        return null;
                    }
                    for (TimerClaim c : claims.completeAll(got)) {
                        fired.merge(c.timer().id().value(), 1, Integer::sum);
                    }
                }
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        double rate = timers / ((System.nanoTime() - start) / 1e9);
        pool.shutdown();
        check(fired, timers);
        return rate;
    }

    /** The same timers as db-scheduler one-time tasks, all due now, fetched with lock-and-fetch (SKIP LOCKED). */
    private static double dbScheduler(DataSource ds, int timers, int clients) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE scheduled_tasks (task_name TEXT NOT NULL, task_instance TEXT NOT NULL, task_data BYTEA,"
                    + " execution_time TIMESTAMP WITH TIME ZONE NOT NULL, picked BOOLEAN NOT NULL, picked_by TEXT,"
                    + " last_success TIMESTAMP WITH TIME ZONE, last_failure TIMESTAMP WITH TIME ZONE, consecutive_failures INT,"
                    + " last_heartbeat TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL, priority SMALLINT,"
                    + " PRIMARY KEY (task_name, task_instance))");
            s.execute("CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)");
            s.execute("CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
            s.execute("CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)");
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO scheduled_tasks"
                + " (task_name, task_instance, execution_time, picked, version, priority)"
                + " SELECT 'fire', 'inc-' || g, now(), FALSE, 1, 0 FROM generate_series(0, ?) g")) {
            ps.setInt(1, timers - 1);
            ps.executeUpdate();
        }
        Map<String, Integer> fired = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(timers);
        OneTimeTask<Void> task = Tasks.oneTime("fire").execute((instance, context) -> {
            fired.merge(instance.getId(), 1, Integer::sum);
            all.countDown();
        });
        Scheduler scheduler = Scheduler.create(ds, task)
                .threads(clients)
                .pollingInterval(Duration.ofMillis(100))
                .pollUsingLockAndFetch(0.5, 4.0)
                .build();
        long start = System.nanoTime();
        scheduler.start();
        if (!all.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("db-scheduler did not execute every task in 10 minutes");
        }
        double rate = timers / ((System.nanoTime() - start) / 1e9);
        scheduler.stop();
        check(fired, timers);
        return rate;
    }

    private static void check(Map<String, Integer> fired, int timers) {
        long twice = fired.values().stream().filter(n -> n > 1).count();
        if (fired.size() != timers || twice > 0) {
            throw new IllegalStateException("expected every one of " + timers + " timers fired once, got " + fired.size()
                    + " fired, " + twice + " more than once");
        }
    }

    /** Each client commits, for the given seconds, units of work of one new ticket, an event, a timer and an outbox entry. */
    private static double ourCommits(DataSource ds, int clients, int seconds) throws Exception {
        JdbcMigrations.migrate(ds, JdbcDialect.POSTGRESQL);
        JdbcStores stores = JdbcStores.builder(ds).dialect(JdbcDialect.POSTGRESQL).build();
        AtomicInteger next = new AtomicInteger();
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> runs = new ArrayList<>();
        for (int n = 0; n < clients; n++) {
            runs.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    int i = next.incrementAndGet();
                    Instant at = Instant.now();
                    Ticket t = Ticket.builder(TENANT, TicketId.of("inc-" + i), new TicketNumber(TicketKind.INCIDENT, i))
                            .title("Ticket " + i).state(TicketState.of("NEW", StateCategory.NEW)).requester(Party.person("alice"))
                            .createdAt(at).updatedAt(at).build();
                    TicketEvent event = new SlaWarned(TENANT, t.id(), Party.ITSM_KIT, at, 1, 1, "resolution", 1, 75, at);
                    stores.forTenant(TENANT).begin().save(t, 0).append(event)
                            .schedule(DueTimer.of(TENANT, t.id(), "resolution", 1, 100, at.plusSeconds(3600)))
                            .enqueue(OutboxEntry.announcing(OutboxEntryId.of("o-" + i), event, at)).commit();
                    commits.incrementAndGet();
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        for (Future<?> f : runs) {
            f.get();
        }
        pool.shutdown();
        return commits.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** pgbench's TPC-B-like run on a database of the same server, if pgbench is on the path. */
    private static void pgbench(EmbeddedPostgres pg, String database, int clients, int seconds)
            throws IOException, InterruptedException {
        if (database.equals("postgres") && !pgbenchInit(pg, database)) {
            return;
        }
        String port = Integer.toString(pg.getPort());
        String out = run(List.of("pgbench", "-c", Integer.toString(clients), "-j", Integer.toString(clients), "-T",
                Integer.toString(seconds), "-h", "localhost", "-p", port, "-U", "postgres", database));
        out.lines().filter(l -> l.startsWith("tps") || l.startsWith("number of clients") || l.startsWith("scaling"))
                .forEach(l -> System.out.println("pgbench TPC-B:           " + l));
    }

    /** Creates pgbench's tables at scale 10 in a database; false if pgbench is not on the path. */
    private static boolean pgbenchInit(EmbeddedPostgres pg, String database) throws IOException, InterruptedException {
        try {
            run(List.of("pgbench", "-i", "-q", "-s", "10", "-h", "localhost", "-p", Integer.toString(pg.getPort()),
                    "-U", "postgres", database));
            return true;
        } catch (IOException e) {
            System.out.println("pgbench:                 not found on the path (" + e.getMessage() + ")");
            return false;
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
