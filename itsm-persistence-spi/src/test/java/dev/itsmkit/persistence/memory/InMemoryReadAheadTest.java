package dev.itsmkit.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.outbox.OutboxEntryId;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.persistence.spi.TenantStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A commit reads ahead, without the tenant's lock, the lines it will touch under it (the ticket's data and the
 * next slots of its trail and outbox, its old key's chunk in the order by last update, the timer tables' slots),
 * while other commits may be growing those arrays and tables. Nothing read ahead may fail or change an outcome.
 */
class InMemoryReadAheadTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");
    private static final int TICKETS = 300;
    private static final int ROUNDS = 6;

    @Test
    void commitsOfTwoThreadsGrowingTheTablesTheOtherReadsAheadAllLandWhole() throws Exception {
        InMemoryStores stores = InMemoryStores.create();
        TenantStores acme = stores.forTenant(ACME);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int first = w * TICKETS;
                writers.add(pool.submit(() -> {
                    start.await();
                    // each round moves every ticket of this writer on: its trail, outbox and the update order grow and
                    // compact, and each round's timers are new ones (another cycle), so the timer tables grow
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int n = first; n < first + TICKETS; n++) {
                            commit(acme, n, round);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int n = 0; n < 2 * TICKETS; n++) {
            TicketId id = TicketId.of("inc-" + n);
            assertThat(acme.tickets().find(id).orElseThrow().version()).isEqualTo(ROUNDS);
            assertThat(acme.auditTrail().forTicket(id)).hasSize(ROUNDS);
            assertThat(acme.auditTrail().verify(id).intact()).isTrue();
            assertThat(acme.outbox().forTicket(id)).hasSize(ROUNDS);
            assertThat(acme.timers().forTicket(id)).hasSize(ROUNDS);
        }
    }

    private static void commit(TenantStores acme, int n, int round) {
        TicketId id = TicketId.of("inc-" + n);
        Instant at = T0.plusSeconds(1_000L * round + n);
        Ticket next = Ticket.builder(ACME, id, new TicketNumber(TicketKind.INCIDENT, n + 1)).title("t" + n)
                .state(TicketState.of("WIP", StateCategory.OPEN)).requester(Party.person("u"))
                .createdAt(T0).updatedAt(at).version(round + 1).build();
        SlaWarned event = new SlaWarned(ACME, id, Party.ITSM_KIT, at, round + 1, round + 1, "resolution", 1, 50, at);
        acme.begin().save(next, round).append(event)
                .schedule(DueTimer.of(ACME, id, "resolution", round + 1, 100, at.plusSeconds(3600)))
                .enqueue(OutboxEntry.announcing(OutboxEntryId.of("o-" + n + "-" + round), event, at))
                .commit();
    }
}
