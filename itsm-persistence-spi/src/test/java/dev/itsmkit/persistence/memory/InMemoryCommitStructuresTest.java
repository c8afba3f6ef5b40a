package dev.itsmkit.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.persistence.AuditChain;
import dev.itsmkit.persistence.AuditRecord;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.TimerClaim;
import dev.itsmkit.persistence.spi.TenantStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The structures a commit writes without allocating per write: the timer table's open-addressing
 * tables (growth, backward-shift removal, the per-ticket lists) against a plain map, and the trail's
 * binary hashes against the audit chain computed from text.
 */
class InMemoryCommitStructuresTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final TenantId[] TENANTS = {TenantId.of("acme"), TenantId.of("globex")};

    private record Key(TenantId tenant, TimerId id) {}

    @Test
    void randomSchedulesCancelsAndCompletionsLeaveTheTimersAPlainMapWouldHold() {
        qt().withExamples(20).forAll(longs().all(), integers().between(1, 3000)).checkAssert((seed, operations) -> {
            SplittableRandom random = new SplittableRandom(seed);
            InMemoryStores stores = InMemoryStores.create();
            Map<Key, DueTimer> model = new HashMap<>();
            NodeId node = NodeId.of("n1");
            for (int op = 0; op < operations; op++) {
                TenantId tenant = TENANTS[random.nextInt(TENANTS.length)];
                // few tickets and targets: the tables' probe runs collide, grow and shrink often
                TicketId ticket = TicketId.of("inc-" + random.nextInt(40));
                DueTimer timer = DueTimer.of(tenant, ticket, "t" + random.nextInt(3), 1, 50 + random.nextInt(2),
                        T0.plusSeconds(random.nextInt(1000)));
                Key key = new Key(tenant, timer.id());
                switch (random.nextInt(4)) {
                    case 0, 1 -> {
                        stores.forTenant(tenant).begin().schedule(timer).commit();
                        model.put(key, timer);
                    }
                    case 2 -> {
                        stores.forTenant(tenant).begin().cancel(timer.id()).commit();
                        model.remove(key);
                    }
                    default -> {
                        List<TimerClaim> claims = stores.timerClaims().claimDue(T0.plusSeconds(random.nextInt(1000)), node,
                                Duration.ofHours(1), 1 + random.nextInt(3));
                        for (TimerClaim claim : claims) {
                            assertThat(stores.timerClaims().complete(claim)).isTrue();
                            model.remove(new Key(claim.timer().tenant(), claim.timer().id()));
                        }
                    }
                }
            }
            assertThat(stores.timers.size()).isEqualTo(model.size());
            for (TenantId tenant : TENANTS) {
                TenantStores views = stores.forTenant(tenant);
                for (int n = 0; n < 40; n++) {
                    TicketId ticket = TicketId.of("inc-" + n);
                    List<DueTimer> expected = new ArrayList<>();
                    model.forEach((k, t) -> {
                        if (k.tenant().equals(tenant) && t.ticket().equals(ticket)) {
                            expected.add(t);
                        }
                    });
                    expected.sort(Comparator.comparing(DueTimer::dueAt).thenComparing(t -> t.id().value()));
                    assertThat(views.timers().forTicket(ticket)).containsExactlyElementsOf(expected);
                    for (DueTimer t : expected) {
                        assertThat(views.timers().find(t.id())).contains(t);
                    }
                }
            }
            model.forEach((k, t) -> assertThat(stores.forTenant(k.tenant()).timers().find(k.id())).contains(t));
        });
    }

    @Test
    void theSegmentedOutboxLogDeliversAndPurgesWhatASortedSetWould() {
        qt().withExamples(10).forAll(longs().all(), integers().between(1, 5000)).checkAssert((seed, count) -> {
            SplittableRandom random = new SplittableRandom(seed);
            InMemoryStores stores = InMemoryStores.create();
            TenantStores acme = stores.forTenant(TENANTS[0]);
            TicketId ticket = TicketId.of("inc-1");
            java.util.TreeSet<Long> held = new java.util.TreeSet<>();
            java.util.Set<Long> ackedByA = new java.util.HashSet<>();
            java.util.Set<Long> ackedByB = new java.util.HashSet<>();
            long appended = 0;
            while (appended < count) {
                // batches of several entries: segments fill across commits and within one
                int batch = 1 + random.nextInt(3);
                var unit = acme.begin();
                for (int i = 0; i < batch; i++) {
                    appended++;
                    SlaWarned event = new SlaWarned(TENANTS[0], ticket, Party.ITSM_KIT, T0, appended, 1, "r", 1, 50, T0);
                    unit.enqueue(dev.itsmkit.core.outbox.OutboxEntry.announcing(
                            dev.itsmkit.core.outbox.OutboxEntryId.of("o-" + appended), event, T0));
                    held.add(appended);
                }
                unit.commit();
                for (int i = 0; i < batch; i++) {
                    long position = 1 + random.nextLong(appended);
                    String channel = random.nextBoolean() ? "a" : "b";
                    stores.outboxDelivery().acknowledge(channel, position);
                    if (held.contains(position)) {
                        (channel.equals("a") ? ackedByA : ackedByB).add(position);
                    }
                }
                if (random.nextInt(50) == 0) {
                    stores.outboxDelivery().purgeAcknowledged(java.util.Set.of("a", "b"), T0);
                    held.removeIf(p -> ackedByA.contains(p) && ackedByB.contains(p));
                }
            }
            assertThat(stores.outbox.size()).isEqualTo(held.size());
            List<Long> dueToA = stores.outboxDelivery().due("a", T0, 10_000).stream()
                    .map(dev.itsmkit.persistence.PendingDelivery::position).toList();
            assertThat(dueToA).containsExactlyElementsOf(held.stream().filter(p -> !ackedByA.contains(p)).toList());
            for (long p = 1; p <= appended; p++) {
                stores.outboxDelivery().acknowledge("a", p);
                stores.outboxDelivery().acknowledge("b", p);
            }
            assertThat(stores.outboxDelivery().purgeAcknowledged(java.util.Set.of("a", "b"), T0)).isEqualTo(held.size());
            assertThat(stores.outbox.size()).isZero();
            assertThat(stores.outbox.retainedPositions()).isZero();
            assertThat(stores.outboxDelivery().due("a", T0, 10)).isEmpty();
        });
    }

    @Test
    void theTrailsBinaryHashesAreTheAuditChainsHashesOfTheEventsText() {
        qt().withExamples(30).forAll(integers().between(1, 40), integers().between(1, 5)).checkAssert((count, tickets) -> {
            InMemoryStores stores = InMemoryStores.create();
            TenantStores acme = stores.forTenant(TENANTS[0]);
            Map<TicketId, List<AuditRecord>> expected = new HashMap<>();
            for (int i = 0; i < count; i++) {
                TicketId ticket = TicketId.of("inc-" + (i % tickets));
                List<AuditRecord> chain = expected.computeIfAbsent(ticket, t -> new ArrayList<>());
                TicketEvent event = new SlaWarned(TENANTS[0], ticket, Party.person("p" + i), T0.plusSeconds(i),
                        chain.size() + 1, 1, "target-" + i, 1, 50, T0.plusSeconds(i));
                String previous = chain.isEmpty() ? AuditChain.GENESIS : chain.get(chain.size() - 1).hash();
                chain.add(new AuditRecord(event, previous, AuditChain.hash(previous, event)));
                acme.begin().append(event).commit();
            }
            List<AuditRecord> all = new ArrayList<>();
            expected.forEach((ticket, chain) -> {
                assertThat(acme.auditTrail().forTicket(ticket)).containsExactlyElementsOf(chain);
                assertThat(acme.auditTrail().forTicket(ticket, 2)).containsExactlyElementsOf(chain.subList(Math.min(1, chain.size()), chain.size()));
                all.addAll(chain);
            });
            all.sort(Comparator.comparing((AuditRecord r) -> r.event().at()));
            assertThat(acme.auditTrail().between(new TimeWindow(T0, T0.plusSeconds(count)), 10_000).items())
                    .containsExactlyElementsOf(all);
        });
    }
}
