package dev.itsmkit.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

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
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.persistence.AuditChain;
import dev.itsmkit.persistence.AuditRecord;
import dev.itsmkit.persistence.ChainVerification;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.spi.LoadedTicket;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.persistence.spi.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A commit hashes its events before it takes the tenant's lock, against the trail heads published by
 * earlier commits, and keeps a hash only if its predecessor is still the trail's last record; a command's
 * reads of one ticket come from one published view, without the lock.
 */
class InMemoryHashAheadTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");

    private static Ticket ticket(int n, long version) {
        return Ticket.builder(ACME, TicketId.of("inc-" + n), new TicketNumber(TicketKind.INCIDENT, n))
                .title("t" + n).state(TicketState.of("WIP", StateCategory.OPEN)).requester(Party.person("u"))
                .createdAt(T0).updatedAt(T0.plusSeconds(version)).version(version).build();
    }

    private static TicketEvent event(TicketId ticket, long sequence, String by) {
        return new SlaWarned(ACME, ticket, Party.person(by), T0.plusSeconds(sequence), sequence, 1, "resolution", 1, 50, T0);
    }

    @Test
    void eventsOfSeveralTicketsInterleavedInOneUnitOfWorkChainAsTheAuditChainDoes() {
        qt().withExamples(40).forAll(longs().all(), integers().between(1, 30)).checkAssert((seed, units) -> {
            SplittableRandom random = new SplittableRandom(seed);
            InMemoryStores stores = InMemoryStores.create();
            TenantStores acme = stores.forTenant(ACME);
            Map<TicketId, List<AuditRecord>> expected = new HashMap<>();
            for (int u = 0; u < units; u++) {
                UnitOfWork unit = acme.begin();
                // up to twenty events: past the unit of work's switch from scans to maps
                int events = 1 + random.nextInt(20);
                for (int e = 0; e < events; e++) {
                    TicketId ticket = TicketId.of("inc-" + random.nextInt(4));
                    List<AuditRecord> chain = expected.computeIfAbsent(ticket, t -> new ArrayList<>());
                    TicketEvent event = event(ticket, chain.size() + 1, "p" + u + "-" + e);
                    String previous = chain.isEmpty() ? AuditChain.GENESIS : chain.get(chain.size() - 1).hash();
                    chain.add(new AuditRecord(event, previous, AuditChain.hash(previous, event)));
                    unit.append(event);
                }
                unit.commit();
            }
            expected.forEach((ticket, chain) -> {
                assertThat(acme.auditTrail().forTicket(ticket)).containsExactlyElementsOf(chain);
                assertThat(acme.auditTrail().lastSequence(ticket)).isEqualTo(chain.size());
                assertThat(acme.auditTrail().verify(ticket)).isInstanceOf(ChainVerification.Intact.class);
            });
        });
    }

    @Test
    void aHashComputedAheadIsKeptOnlyIfChainedToTheTrailsPresentLastRecord() {
        TicketId ticket = TicketId.of("inc-1");
        TicketEvent first = event(ticket, 1, "a");
        TicketEvent second = event(ticket, 2, "b");
        TicketEvent third = event(ticket, 3, "c");
        TrailHasher hasher = new TrailHasher();
        TicketData data = new TicketData();
        // hashed "ahead" after a trail of one record, when the trail was still empty
        long[] none = new long[8];
        data.append(first, none, 4, 1, hasher);
        String firstHash = AuditChain.hash(AuditChain.GENESIS, first);
        assertThat(data.hash(0)).isEqualTo(firstHash);
        // hashed after a trail of the right size but chained to another last record
        long[] wrong = {1, 2, 3, 4, 0, 0, 0, 0};
        hasher.chain(wrong, 0, second, 4);
        data.append(second, wrong, 4, 1, hasher);
        String secondHash = AuditChain.hash(firstHash, second);
        assertThat(data.hash(1)).isEqualTo(secondHash);
        assertThat(data.head().trailSize).isZero();
        data.publish();
        assertThat(data.head().trailSize).isEqualTo(2);
        assertThat(data.head().lastSequence).isEqualTo(2);
        // chained to the present last record: kept as given, not hashed again (a marker value proves which)
        long[] right = {data.head().hash0, data.head().hash1, data.head().hash2, data.head().hash3, 7, 7, 7, 7};
        data.append(third, right, 4, 2, hasher);
        assertThat(data.hash(2)).isEqualTo("0000000000000007".repeat(4));
    }

    @Test
    void twoCommitsRacingOnOneTicketLeaveTheWinnersChainAndNothingOfTheLosers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 200; round++) {
                InMemoryStores stores = InMemoryStores.create();
                TenantStores acme = stores.forTenant(ACME);
                TicketId id = TicketId.of("inc-1");
                acme.begin().save(ticket(1, 1), 0).append(event(id, 1, "creator")).commit();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<TicketEvent>> racers = new ArrayList<>();
                for (String racer : List.of("left", "right")) {
                    racers.add(pool.submit(() -> {
                        TicketEvent event = event(id, 2, racer);
                        UnitOfWork unit = acme.begin().save(ticket(1, 2), 1).append(event);
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            unit.commit();
                            return event;
                        } catch (ConcurrentUpdateException lost) {
                            return null;
                        }
                    }));
                }
                List<TicketEvent> winners = new ArrayList<>();
                for (Future<TicketEvent> racer : racers) {
                    TicketEvent won = racer.get(10, TimeUnit.SECONDS);
                    if (won != null) {
                        winners.add(won);
                    }
                }
                assertThat(winners).hasSize(1);
                List<AuditRecord> trail = acme.auditTrail().forTicket(id);
                assertThat(trail).extracting(AuditRecord::event).containsExactly(event(id, 1, "creator"), winners.get(0));
                assertThat(trail.get(1).hash()).isEqualTo(AuditChain.hash(trail.get(0).hash(), winners.get(0)));
                assertThat(acme.auditTrail().verify(id)).isEqualTo(new ChainVerification.Intact(id, 2, trail.get(1).hash()));
                assertThat(acme.loadForCommand(id).map(LoadedTicket::lastSequence)).contains(2L);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLoadForCommandSeesTheSnapshotAndSequenceOfOneCommitAndARefusedCommitPublishesNothing() {
        InMemoryStores stores = InMemoryStores.create();
        TenantStores acme = stores.forTenant(ACME);
        TicketId id = TicketId.of("inc-1");
        assertThat(acme.loadForCommand(id)).isEmpty();
        SlaClockSnapshot clock = SlaClockSnapshot.builder(ACME, id, "resolution").policy("p", 1).calendar("24x7")
                .goal(Duration.ofHours(8)).status(ClockStatus.RUNNING).startedAt(Optional.of(T0))
                .elapsed(Duration.ofMinutes(5), T0).build();
        acme.begin().save(ticket(1, 1), 0).append(event(id, 1, "a")).save(clock).commit();
        LoadedTicket loaded = acme.loadForCommand(id).orElseThrow();
        assertThat(loaded.ticket()).isEqualTo(ticket(1, 1));
        assertThat(loaded.lastSequence()).isEqualTo(1);
        // the clocks of the same commit's view, handed over with the snapshot
        assertThat(loaded.clocks()).contains(List.of(clock));
        assertThat(acme.clocks().forTicket(id)).containsExactly(clock);
        assertThatThrownBy(() -> acme.begin().save(ticket(1, 1), 0).append(event(id, 2, "b")).commit())
                .isInstanceOf(ConcurrentUpdateException.class);
        // the refused commit published nothing
        assertThat(acme.loadForCommand(id)).contains(loaded);
        assertThat(acme.clocks().forTicket(id)).containsExactly(clock);
    }

    /** A clock whose elapsed minutes name the commit that saved it. */
    private static SlaClockSnapshot clockOf(TicketId id, long version) {
        return SlaClockSnapshot.builder(ACME, id, "resolution").policy("p", 1).calendar("24x7")
                .goal(Duration.ofHours(8)).status(ClockStatus.RUNNING).startedAt(Optional.of(T0))
                .elapsed(Duration.ofMinutes(version), T0).build();
    }

    @Test
    void aLoadForCommandDuringCommitsNeverPairsASnapshotWithTheSequenceOrClocksOfAnotherCommit() throws Exception {
        InMemoryStores stores = InMemoryStores.create();
        TenantStores acme = stores.forTenant(ACME);
        TicketId id = TicketId.of("inc-1");
        acme.begin().save(ticket(1, 1), 0).append(event(id, 1, "creator")).save(clockOf(id, 1)).commit();
        int commits = 3_000;
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> writing = writer.submit(() -> {
                for (long version = 2; version <= commits; version++) {
                    acme.begin().save(ticket(1, version), version - 1).append(event(id, version, "w"))
                            .save(clockOf(id, version)).commit();
                }
            });
            long mismatches = 0;
            while (!writing.isDone()) {
                LoadedTicket loaded = acme.loadForCommand(id).orElseThrow();
                // each commit writes version v with event v and a clock of v minutes: one commit's view pairs them
                long version = loaded.ticket().version();
                if (loaded.lastSequence() != version
                        || !loaded.clocks().orElseThrow().equals(List.of(clockOf(id, version)))) {
                    mismatches++;
                }
            }
            writing.get(10, TimeUnit.SECONDS);
            assertThat(mismatches).isZero();
            assertThat(acme.auditTrail().lastSequence(id)).isEqualTo(commits);
        } finally {
            writer.shutdownNow();
        }
    }
}
