package dev.itsmkit.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.TimerClaim;
import dev.itsmkit.persistence.spi.TimerClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The in-memory timer store's wake order (a timer wheel of milliseconds and an exact ready set) against
 * a plain model that sorts every timer by the instant it next needs attention: claims, lease expiry,
 * completion and the next wake-up agree call by call, with due instants inside milliseconds, claims at
 * instants inside milliseconds, look-ahead by {@code nextWakeUp} followed by timers due earlier, and
 * claims at instants earlier than the previous ones (nodes whose clocks differ).
 */
class TimerTableWakeOrderTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final TenantId[] TENANTS = {TenantId.of("acme"), TenantId.of("globex")};
    private static final NodeId[] NODES = {NodeId.of("n1"), NodeId.of("n2")};

    private record Key(TenantId tenant, TimerId id) {}

    /** What the model knows of a timer: the timer, when it next wakes, and its current claim if any. */
    private static final class Modelled {
        DueTimer timer;
        Instant wake;
        TimerClaim claim;

        Modelled(DueTimer timer) {
            this.timer = timer;
            this.wake = timer.dueAt();
        }
    }

    private static final Comparator<Map.Entry<Key, Modelled>> WAKE_ORDER = Comparator
            .<Map.Entry<Key, Modelled>, Instant>comparing(e -> e.getValue().wake)
            .thenComparing(e -> e.getKey().tenant().value())
            .thenComparing(e -> e.getKey().id().value());

    @Test
    void claimsCompletionsAndWakeUpsAreThoseOfTimersSortedByTheInstantTheyNextWake() {
        qt().withExamples(30).forAll(longs().all(), integers().between(1, 2500)).checkAssert((seed, operations) -> {
            SplittableRandom random = new SplittableRandom(seed);
            InMemoryStores stores = InMemoryStores.create();
            Map<Key, Modelled> model = new HashMap<>();
            List<TimerClaim> handedOut = new ArrayList<>();
            // a span of a few seconds, in microseconds: many timers share a millisecond, some an instant
            long spanMicros = 1_000 + random.nextLong(5_000_000);
            Instant now = T0;
            for (int op = 0; op < operations; op++) {
                switch (random.nextInt(7)) {
                    case 0, 1 -> schedule(stores, model, random, now, spanMicros);
                    case 2 -> {
                        TenantId tenant = TENANTS[random.nextInt(TENANTS.length)];
                        DueTimer any = timer(tenant, random, now, spanMicros);
                        stores.forTenant(tenant).begin().cancel(any.id()).commit();
                        model.remove(new Key(tenant, any.id()));
                    }
                    case 3 -> {
                        // mostly forward, sometimes back a little: another node's clock
                        now = now.plusNanos(random.nextLong(4 * spanMicros * 1_000 / Math.max(1, operations) + 2_000_000)
                                - (random.nextInt(8) == 0 ? 1_500_000 : 0));
                        claim(stores, model, handedOut, random, now);
                    }
                    case 4 -> {
                        if (!handedOut.isEmpty()) {
                            TimerClaim claim = handedOut.remove(random.nextInt(handedOut.size()));
                            Key key = new Key(claim.timer().tenant(), claim.timer().id());
                            Modelled m = model.get(key);
                            boolean current = m != null && claim.equals(m.claim);
                            assertThat(stores.timerClaims().complete(claim)).as("completing %s", claim).isEqualTo(current);
                            if (current) {
                                model.remove(key);
                            }
                        }
                    }
                    default -> {
                        Optional<Instant> expected = model.values().stream().map(m -> m.wake).min(Comparator.naturalOrder());
                        assertThat(stores.timerClaims().nextWakeUp()).isEqualTo(expected);
                    }
                }
            }
            // everything still held comes out, in wake order, once its time has come
            claim(stores, model, handedOut, random, now.plus(Duration.ofDays(400)));
        });
    }

    @Test
    void timersAtTheEndsOfTimeAreOrderedAndClaimedExactly() {
        InMemoryStores stores = InMemoryStores.create();
        TenantId tenant = TENANTS[0];
        Instant[] dues = {Instant.MAX, Instant.MIN, Instant.EPOCH.minusNanos(1), Instant.parse("+12000-01-01T00:00:00Z"),
            T0.plusNanos(1), T0};
        for (int i = 0; i < dues.length; i++) {
            stores.forTenant(tenant).begin().schedule(DueTimer.of(tenant, TicketId.of("inc-" + i), "t", 1, 100, dues[i]))
                    .commit();
        }
        TimerClaims claims = stores.timerClaims();
        assertThat(claims.nextWakeUp()).contains(Instant.MIN);
        assertThat(claims.claimDue(T0, NODES[0], Duration.ofDays(400_000_000L * 365), 10)).extracting(c -> c.timer().dueAt())
                .containsExactly(Instant.MIN, Instant.EPOCH.minusNanos(1), T0);
        assertThat(claims.nextWakeUp()).contains(T0.plusNanos(1));
        assertThat(claims.claimDue(Instant.parse("+11999-12-31T23:59:59.999999999Z"), NODES[1], Duration.ofSeconds(1), 10))
                .extracting(c -> c.timer().dueAt()).containsExactly(T0.plusNanos(1));
        // the year 12000 is past the wheel's last millisecond; the leases of the first claims have ended too
        assertThat(claims.claimDue(Instant.MAX.minusSeconds(1), NODES[1], Duration.ofSeconds(1), 10))
                .extracting(c -> c.timer().dueAt()).containsExactly(Instant.parse("+12000-01-01T00:00:00Z"), T0.plusNanos(1),
                        Instant.MIN, Instant.EPOCH.minusNanos(1), T0);
        assertThat(claims.nextWakeUp()).contains(Instant.MAX);
    }

    private static DueTimer timer(TenantId tenant, SplittableRandom random, Instant now, long spanMicros) {
        TicketId ticket = TicketId.of("inc-" + random.nextInt(30));
        // some due before now (overdue), most within the span after it, at any nanosecond
        Instant due = now.plusNanos(random.nextLong(spanMicros * 1_000) - (random.nextInt(6) == 0 ? spanMicros * 500 : 0));
        if (random.nextInt(5) == 0) {
            due = Instant.ofEpochSecond(due.getEpochSecond(), due.getNano() / 1_000_000 * 1_000_000);
        }
        return DueTimer.of(tenant, ticket, "t" + random.nextInt(3), 1, 50 + random.nextInt(2), due);
    }

    private static void schedule(InMemoryStores stores, Map<Key, Modelled> model, SplittableRandom random, Instant now,
            long spanMicros) {
        TenantId tenant = TENANTS[random.nextInt(TENANTS.length)];
        DueTimer timer = timer(tenant, random, now, spanMicros);
        stores.forTenant(tenant).begin().schedule(timer).commit();
        // scheduling again replaces the timer and any claim of it
        model.put(new Key(tenant, timer.id()), new Modelled(timer));
    }

    private static void claim(InMemoryStores stores, Map<Key, Modelled> model, List<TimerClaim> handedOut,
            SplittableRandom random, Instant now) {
        NodeId node = NODES[random.nextInt(NODES.length)];
        Duration lease = Duration.ofNanos(1 + random.nextLong(3_000_000_000L));
        int limit = 1 + random.nextInt(20);
        List<Map.Entry<Key, Modelled>> due = new ArrayList<>();
        for (Map.Entry<Key, Modelled> e : model.entrySet()) {
            if (!e.getValue().wake.isAfter(now)) {
                due.add(e);
            }
        }
        due.sort(WAKE_ORDER);
        List<TimerClaim> claims = stores.timerClaims().claimDue(now, node, lease, limit);
        List<DueTimer> expected = due.subList(0, Math.min(limit, due.size())).stream().map(e -> e.getValue().timer).toList();
        assertThat(claims).extracting(TimerClaim::timer).as("claims at %s", now).containsExactlyElementsOf(expected);
        for (TimerClaim claim : claims) {
            assertThat(claim.leaseUntil()).isEqualTo(now.plus(lease));
            assertThat(claim.node()).isEqualTo(node);
            Modelled m = model.get(new Key(claim.timer().tenant(), claim.timer().id()));
            m.claim = claim;
            m.wake = claim.leaseUntil();
            handedOut.add(claim);
        }
    }
}
