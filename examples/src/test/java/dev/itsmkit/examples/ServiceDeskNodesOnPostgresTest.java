package dev.itsmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.event.SlaBreached;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.jdbc.JdbcMigrations;
import dev.itsmkit.persistence.jdbc.JdbcStores;
import dev.itsmkit.persistence.spi.OutboxDelivery;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.persistence.spi.TimerClaims;
import dev.itsmkit.sla.BusinessCalendars;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.sla.Goals;
import dev.itsmkit.sla.SlaPolicy;
import dev.itsmkit.sla.SlaTarget;
import dev.itsmkit.testkit.VirtualClock;
import dev.itsmkit.workflow.FiringReport;
import dev.itsmkit.workflow.ServiceDesk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Three engine nodes — three {@link ServiceDesk}s with their own {@link JdbcStores} and node ids — share one
 * PostgreSQL database and fire the SLA timers of 2,500 incidents: a warning and a breach of a response and of
 * a resolution target each, 10,000 thresholds coming due over an hour of virtual time. Midway one node dies
 * holding the claims of the thresholds due at that instant (its stores fail from then on, as a crashed process would; it never
 * calls again). The audit trails then hold every {@link SlaWarned} and {@link SlaBreached} exactly once, each
 * recorded no later than its lease after its timer came due; the dead node's timers exactly a lease late.
 *
 * <p>A shared {@link VirtualClock} moves to the next instant a timer comes due (or a lease runs out), and a
 * {@link Phaser} makes each such step a barrier for the three nodes: no test code sleeps.
 */
class ServiceDeskNodesOnPostgresTest {
    private static final TenantId TENANT = TenantId.of("northwind");
    private static final int TICKETS = 2_500;
    private static final int OPENING_SECONDS = 25;
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    /** Between the responses' breaches at 10 minutes and the resolutions' warnings at 30: half the thresholds fired. */
    private static final Instant KILL_AT = T0.plus(Duration.ofMinutes(20));
    /** The timer engine schedules a threshold's timer 1 ms after the threshold, so that it has been crossed. */
    private static final Duration DUE_AFTER_THRESHOLD = Duration.ofMillis(1);

    private record Threshold(TicketId ticket, String target, int cycle, int percent) {}

    @Test
    void threeNodesRecordEachOfTenThousandSlaThresholdsExactlyOnceThoughOneDiesMidway() throws Exception {
        DataSource database = EmbeddedDatabases.create("three_nodes", 12);
        JdbcMigrations.migrate(database);
        VirtualClock clock = VirtualClock.at(T0);
        AtomicBoolean crashed = new AtomicBoolean();
        List<ServiceDesk> desks = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            Stores stores = JdbcStores.builder(database).build();
            desks.add(ServiceDesk.builder()
                    .stores(n == 3 ? new Crashing(stores, crashed) : stores)
                    .clock(clock)
                    .node(NodeId.of("node-" + n), LEASE)
                    .sla(BusinessCalendars.onlyAlways(), List.of(policy()))
                    .build());
        }
        List<TicketId> tickets = openTickets(desks, clock);

        Phaser steps = new Phaser(4);
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch died = new CountDownLatch(1);
        AtomicInteger abandoned = new AtomicInteger();
        Map<String, AtomicInteger> firedBy = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> nodes = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            ServiceDesk desk = desks.get(n - 1);
            String node = "node-" + n;
            boolean mortal = n == 3;
            firedBy.put(node, new AtomicInteger());
            nodes.add(pool.submit(() -> {
                while (true) {
                    steps.arriveAndAwaitAdvance();
                    if (done.get()) {
                        steps.arriveAndDeregister();
                        return null;
                    }
                    boolean killStep = !clock.instant().isBefore(KILL_AT);
                    if (mortal && killStep) {
                        // the node dies mid-firing: it claims a batch, its writes fail, and it is never called again
                        crashed.set(true);
                        abandoned.set(desk.fireDue().claimed());
                        died.countDown();
                        steps.arriveAndDeregister();
                        return null;
                    }
                    if (killStep && !died.await(1, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("the mortal node did not die");
                    }
                    FiringReport fired = desk.fireDue();
                    firedBy.get(node).addAndGet(fired.events().size());
                    steps.arriveAndAwaitAdvance();
                }
            }));
        }
        ServiceDesk observer = desks.get(0);
        for (Optional<Instant> next = observer.nextTimerDue(); next.isPresent(); next = observer.nextTimerDue()) {
            clock.moveTo(next.get().isAfter(clock.instant()) ? next.get() : clock.instant());
            steps.arriveAndAwaitAdvance();
            steps.arriveAndAwaitAdvance();
        }
        done.set(true);
        steps.arriveAndDeregister();
        for (Future<?> f : nodes) {
            f.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();

        Map<Threshold, List<Duration>> recorded = new HashMap<>();
        for (TicketId ticket : tickets) {
            for (TicketEvent event : observer.history(TENANT, ticket)) {
                if (event instanceof SlaWarned warned) {
                    recorded.computeIfAbsent(new Threshold(ticket, warned.target(), warned.cycle(), warned.percent()),
                            k -> new ArrayList<>()).add(Duration.between(warned.thresholdAt(), warned.at()));
                } else if (event instanceof SlaBreached breached) {
                    recorded.computeIfAbsent(new Threshold(ticket, breached.target(), breached.cycle(), 100),
                            k -> new ArrayList<>()).add(Duration.between(breached.breachedAt(), breached.at()));
                }
            }
        }
        assertThat(abandoned.get()).as("claims the dying node took with it").isPositive();
        assertThat(recorded).hasSize(4 * TICKETS);
        assertThat(recorded.values()).allSatisfy(lateness -> assertThat(lateness).hasSize(1));
        List<Duration> lateness = recorded.values().stream().map(l -> l.get(0)).toList();
        assertThat(lateness).allSatisfy(late -> assertThat(late).isBetween(Duration.ZERO, LEASE.plus(DUE_AFTER_THRESHOLD)));
        assertThat(lateness.stream().filter(late -> late.compareTo(DUE_AFTER_THRESHOLD) > 0))
                .as("thresholds taken over after the lease").hasSize(abandoned.get());
        assertThat(firedBy.get("node-1").get()).isPositive();
        assertThat(firedBy.get("node-2").get()).isPositive();
        assertThat(firedBy.get("node-3").get()).as("what the mortal node fired before it died").isPositive();
        assertThat(observer.nextTimerDue()).isEmpty();
    }

    /** A response and a resolution target, each warning at half its goal and breaching at the goal. */
    private static SlaPolicy policy() {
        return SlaPolicy.of("standard", 1, List.of(target("response", Duration.ofMinutes(10)),
                target("resolution", Duration.ofMinutes(60)))).forKinds(Set.of(TicketKind.INCIDENT));
    }

    private static SlaTarget target(String name, Duration goal) {
        return SlaTarget.builder(name)
                .goals(Goals.always(goal))
                .stop(Condition.category(StateCategory.RESOLVED))
                .warnAt(50)
                .build();
    }

    /**
     * Opens the incidents in the first seconds, from the three nodes in turn, one clock second per group: all
     * are open before the first threshold comes due, five minutes later.
     */
    private static List<TicketId> openTickets(List<ServiceDesk> desks, VirtualClock clock) {
        List<TicketId> tickets = new ArrayList<>();
        int perSecond = TICKETS / OPENING_SECONDS;
        for (int i = 0; i < TICKETS; i++) {
            clock.moveTo(T0.plusSeconds(i / perSecond));
            OpenTicket open = OpenTicket.builder(TENANT, Party.person("caller-" + i % 7), TicketKind.INCIDENT,
                    "Incident " + i).build();
            tickets.add(desks.get(i % 3).open(open).ticket().id());
        }
        return tickets;
    }

    /** A node's stores that fail every call once the node has crashed, as those of a dead process would. */
    private static final class Crashing implements Stores {
        private final Stores stores;
        private final AtomicBoolean crashed;

        Crashing(Stores stores, AtomicBoolean crashed) {
            this.stores = stores;
            this.crashed = crashed;
        }

        @Override
        public TenantStores forTenant(TenantId tenant) {
            alive();
            return stores.forTenant(tenant);
        }

        @Override
        public TimerClaims timerClaims() {
            return stores.timerClaims();
        }

        @Override
        public OutboxDelivery outboxDelivery() {
            alive();
            return stores.outboxDelivery();
        }

        private void alive() {
            if (crashed.get()) {
                throw new IllegalStateException("the node has crashed");
            }
        }
    }
}
