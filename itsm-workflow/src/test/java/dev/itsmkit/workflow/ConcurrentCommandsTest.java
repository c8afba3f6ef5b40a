package dev.itsmkit.workflow;

import static dev.itsmkit.workflow.DeskFixtures.ACME;
import static dev.itsmkit.workflow.DeskFixtures.ALICE;
import static dev.itsmkit.workflow.DeskFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.command.AddJournalEntry;
import dev.itsmkit.core.command.Assign;
import dev.itsmkit.core.command.UpdateFields;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.event.TicketEvents;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentCommandsTest {
    private static final int THREADS = 4;
    private static final int COMMANDS = 200;

    /** Runs a task on several threads released at once; returns once all are done. */
    private static void race(int threads, IntTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Void> run = () -> {
                    start.await();
                    task.run(thread);
                    return null;
                };
                done.add(pool.submit(run));
            }
            start.countDown();
            for (Future<Void> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface IntTask {
        void run(int thread) throws Exception;
    }

    @Test
    void concurrentCommentsOnOneTicketAreAllKept() throws Exception {
        ServiceDesk desk = ServiceDesk.builder().retryPolicy(RetryPolicy.attempts(10_000)).build();
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Busy ticket")).ticket();
        race(THREADS, thread -> {
            for (int i = 0; i < COMMANDS; i++) {
                desk.execute(new AddJournalEntry(ACME, Party.person("agent" + thread), ticket.id(), OptionalLong.empty(),
                        JournalEntryKind.WORK_NOTE, "note " + thread + "/" + i, List.of()));
            }
        });
        Ticket after = desk.get(ACME, ticket.id());
        assertThat(after.journal()).hasSize(THREADS * COMMANDS);
        assertThat(after.version()).isEqualTo(1 + THREADS * COMMANDS);
        for (int thread = 0; thread < THREADS; thread++) {
            String prefix = "note " + thread + "/";
            assertThat(after.journal().stream().filter(e -> e.text().startsWith(prefix)).map(e -> e.text()).toList())
                    .as("each thread's notes, in its order").containsExactlyElementsOf(
                            java.util.stream.IntStream.range(0, COMMANDS).mapToObj(i -> prefix + i).toList());
        }
        List<TicketEvent> history = desk.history(ACME, ticket.id());
        assertThat(history).extracting(TicketEvent::sequence).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 1 + THREADS * COMMANDS).boxed().toList());
        assertThat(TicketEvents.replay(history)).isEqualTo(after);
    }

    @Test
    void concurrentFieldUpdatesAndAssignmentsLoseNoUpdate() throws Exception {
        ServiceDesk desk = ServiceDesk.builder().retryPolicy(RetryPolicy.attempts(10_000)).build();
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Busy ticket")).ticket();
        race(THREADS, thread -> {
            for (int i = 1; i <= COMMANDS; i++) {
                desk.execute(new UpdateFields(ACME, ALICE, ticket.id(), OptionalLong.empty(),
                        Map.of("counter" + thread, Optional.of(new FieldValue.Number(BigDecimal.valueOf(i))))));
                if (thread == 0 && i % 10 == 0) {
                    desk.execute(new Assign(ACME, ALICE, ticket.id(), OptionalLong.empty(), Optional.of(Party.person("p" + i)),
                            Optional.empty()));
                }
            }
        });
        Ticket after = desk.get(ACME, ticket.id());
        for (int thread = 0; thread < THREADS; thread++) {
            assertThat(after.customFields().get("counter" + thread)).contains(new FieldValue.Number(BigDecimal.valueOf(COMMANDS)));
        }
        assertThat(after.assignee()).contains(Party.person("p" + COMMANDS));
        assertThat(after.version()).isEqualTo(1 + THREADS * COMMANDS + COMMANDS / 10);
    }

    @Test
    void withoutRetriesEveryConflictIsReportedAndEveryAcceptedCommandIsKept() throws Exception {
        ServiceDesk desk = ServiceDesk.builder().retryPolicy(RetryPolicy.NEVER).build();
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Busy ticket")).ticket();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        race(THREADS, thread -> {
            for (int i = 0; i < COMMANDS; i++) {
                try {
                    desk.execute(new AddJournalEntry(ACME, ALICE, ticket.id(), OptionalLong.empty(), JournalEntryKind.WORK_NOTE,
                            "note", List.of()));
                    accepted.incrementAndGet();
                } catch (ConcurrentUpdateException e) {
                    refused.incrementAndGet();
                }
            }
        });
        assertThat(accepted.get() + refused.get()).isEqualTo(THREADS * COMMANDS);
        assertThat(desk.get(ACME, ticket.id()).journal()).hasSize(accepted.get());
    }

    @Test
    void aCommandPinnedToAVersionIsNeverRetried() {
        ServiceDesk desk = ServiceDesk.inMemory();
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Ticket")).ticket();
        AddJournalEntry pinned = new AddJournalEntry(ACME, ALICE, ticket.id(), OptionalLong.of(1), JournalEntryKind.WORK_NOTE, "a",
                List.of());
        desk.execute(pinned);
        assertThat(RetryPolicy.isSafeToRetry(pinned)).isFalse();
        assertThat(RetryPolicy.isSafeToRetry(open(TicketKind.INCIDENT, "x"))).isFalse();
        assertThat(RetryPolicy.isSafeToRetry(new AddJournalEntry(ACME, ALICE, ticket.id(), OptionalLong.empty(),
                JournalEntryKind.WORK_NOTE, "a", List.of()))).isTrue();
        assertThatThrownBy(() -> desk.execute(pinned)).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> RetryPolicy.attempts(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }
}
