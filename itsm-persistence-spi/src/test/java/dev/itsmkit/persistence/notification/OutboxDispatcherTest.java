package dev.itsmkit.persistence.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.outbox.OutboxEntryId;
import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.spi.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final TenantId TENANT = TenantId.of("acme");

    private final InMemoryStores stores = InMemoryStores.create();

    private static OutboxEntry entry(int n) {
        TicketEvent e = new SlaWarned(TENANT, TicketId.of("inc-" + n), Party.ITSM_KIT, T0, 1, 1, "resolution", 1, 50, T0);
        return OutboxEntry.announcing(OutboxEntryId.of("o-" + n), e, T0);
    }

    private List<OutboxEntry> enqueue(int count) {
        List<OutboxEntry> entries = IntStream.rangeClosed(1, count).mapToObj(OutboxDispatcherTest::entry).toList();
        var uow = stores.forTenant(TENANT).begin();
        entries.forEach(uow::enqueue);
        uow.commit();
        return entries;
    }

    private OutboxDispatcher dispatcher(Notifier... notifiers) {
        var b = OutboxDispatcher.builder(stores.outboxDelivery()).backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)).batchSize(3);
        for (Notifier n : notifiers) {
            b.notifier(n);
        }
        return b.build();
    }

    @Test
    void everyNotifierReceivesEveryEntryOnceWhenNothingFails() {
        List<OutboxEntry> entries = enqueue(7);
        RecordingNotifier mail = RecordingNotifier.named("mail");
        RecordingNotifier hook = RecordingNotifier.named("webhook");
        OutboxDispatcher dispatcher = dispatcher(mail, hook);
        assertThat(dispatcher.dispatchDue(T0)).isEqualTo(new OutboxDispatcher.Report(14, 0));
        assertThat(mail.received()).containsExactlyElementsOf(entries);
        assertThat(hook.received()).containsExactlyElementsOf(entries);
        assertThat(dispatcher.dispatchDue(T0.plusSeconds(3600))).isEqualTo(new OutboxDispatcher.Report(0, 0));
    }

    @Test
    void aFailingNotifierNeitherBlocksTheOthersNorLosesAnEntry() {
        List<OutboxEntry> entries = enqueue(5);
        RecordingNotifier broken = RecordingNotifier.named("broken");
        RecordingNotifier fine = RecordingNotifier.named("fine");
        broken.failing(true);
        OutboxDispatcher dispatcher = dispatcher(broken, fine);
        assertThat(dispatcher.dispatchDue(T0)).isEqualTo(new OutboxDispatcher.Report(5, 5));
        assertThat(fine.received()).containsExactlyElementsOf(entries);
        assertThat(broken.received()).isEmpty();

        broken.failing(false);
        assertThat(dispatcher.dispatchDue(T0.plusMillis(999)).delivered()).as("before the backoff").isZero();
        assertThat(dispatcher.dispatchDue(T0.plusSeconds(1)).delivered()).isEqualTo(5);
        assertThat(broken.received()).containsExactlyElementsOf(entries);
        assertThat(fine.received()).hasSize(5);
    }

    @Test
    void retriesBackOffExponentiallyUpToTheMaximum() {
        enqueue(1);
        RecordingNotifier flaky = RecordingNotifier.named("flaky");
        flaky.failing(true);
        OutboxDispatcher dispatcher = dispatcher(flaky);
        Instant now = T0;
        List<Long> waits = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 7; attempt++) {
            assertThat(dispatcher.dispatchDue(now).failed()).isEqualTo(1);
            Duration wait = dispatcher.backoff(attempt);
            assertThat(dispatcher.dispatchDue(now.plus(wait).minusNanos(1)).failed()).isZero();
            waits.add(wait.toSeconds());
            now = now.plus(wait);
        }
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
        flaky.failing(false);
        assertThat(dispatcher.dispatchDue(now).delivered()).isEqualTo(1);
        assertThat(flaky.attempts()).isEqualTo(8);
    }

    @Test
    void anEntryFailingForOneNotifierDoesNotHoldUpItsLaterEntries() {
        List<OutboxEntry> entries = enqueue(3);
        Notifier picky = new Notifier() {
            final RecordingNotifier inner = RecordingNotifier.named("picky");

            @Override
            public String name() {
                return "picky";
            }

            @Override
            public void deliver(OutboxEntry entry) {
                if (entry.equals(entries.get(0))) {
                    throw new IllegalStateException("poison");
                }
                inner.deliver(entry);
            }
        };
        assertThat(dispatcher(picky).dispatchDue(T0)).isEqualTo(new OutboxDispatcher.Report(2, 1));
        assertThat(stores.outboxDelivery().due("picky", T0.plusSeconds(1), 10))
                .singleElement().satisfies(p -> {
                    assertThat(p.entry()).isEqualTo(entries.get(0));
                    assertThat(p.failedAttempts()).isEqualTo(1);
                    assertThat(p.lastError()).hasValueSatisfying(e -> assertThat(e).contains("poison"));
                });
    }

    /** A notifier named {@code counting} that records each entry, then counts each latch down. */
    private static Notifier countingDown(RecordingNotifier recorder, CountDownLatch... latches) {
        return new Notifier() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public void deliver(OutboxEntry entry) {
                recorder.deliver(entry);
                for (CountDownLatch latch : latches) {
                    latch.countDown();
                }
            }
        };
    }

    @Test
    void theBackgroundThreadDeliversWithTheGivenClock() throws InterruptedException {
        List<OutboxEntry> entries = enqueue(2);
        CountDownLatch delivered = new CountDownLatch(2);
        RecordingNotifier recorder = RecordingNotifier.named("rec");
        Notifier counting = countingDown(recorder, delivered);
        try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(stores.outboxDelivery()).notifier(counting)
                .schedule(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofMillis(10)).build()) {
            dispatcher.start();
            assertThatThrownBy(dispatcher::start).isInstanceOf(IllegalStateException.class);
            assertThat(delivered.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(recorder.received()).containsExactlyElementsOf(entries);
    }

    @Test
    void dispatchSoonRunsAStepOnTheStartedThreadAtOnceAndDoesNothingBeforeStart() throws InterruptedException {
        List<OutboxEntry> entries = enqueue(1);
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch both = new CountDownLatch(2);
        RecordingNotifier recorder = RecordingNotifier.named("rec");
        Notifier counting = countingDown(recorder, first, both);
        // an hour between polls: within the test only the step at start and dispatchSoon can deliver
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(stores.outboxDelivery()).notifier(counting)
                .schedule(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC), Duration.ofHours(1)).build();
        try {
            dispatcher.dispatchSoon();
            assertThat(dispatcher.isRunning()).isFalse();
            assertThat(recorder.received()).isEmpty();
            dispatcher.start();
            assertThat(dispatcher.isRunning()).isTrue();
            assertThat(first.await(30, TimeUnit.SECONDS)).isTrue();
            OutboxEntry later = entry(2);
            stores.forTenant(TENANT).begin().enqueue(later).commit();
            dispatcher.dispatchSoon();
            assertThat(both.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(recorder.received()).containsExactly(entries.get(0), later);
        } finally {
            dispatcher.close();
        }
        assertThat(dispatcher.isRunning()).isFalse();
    }

    @Test
    void aNotifierThrowingAnErrorHasFailedThatDeliveryAndTheOthersGoOn() {
        List<OutboxEntry> entries = enqueue(2);
        RecordingNotifier good = RecordingNotifier.named("good");
        Notifier asserting = new Notifier() {
            private int calls;

            @Override
            public String name() {
                return "asserting";
            }

            @Override
            public void deliver(OutboxEntry entry) {
                if (calls++ == 0) {
                    throw new AssertionError("not this one");
                }
            }
        };
        OutboxDispatcher dispatcher = dispatcher(asserting, good);
        assertThat(dispatcher.dispatchDue(T0.plusSeconds(1))).isEqualTo(new OutboxDispatcher.Report(3, 1));
        assertThat(good.received()).containsExactlyElementsOf(entries);
        assertThat(dispatcher.dispatchDue(T0.plusSeconds(3))).isEqualTo(new OutboxDispatcher.Report(1, 0));
    }

    /** Throws a checked exception without declaring it, as code of other JVM languages can. */
    @SuppressWarnings("unchecked") // the erased cast is the point: the compiler does not see the checked exception
    private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    @Test
    void aNotifierThrowingAnUndeclaredCheckedExceptionHasFailedThatDeliveryOnly() {
        List<OutboxEntry> entries = enqueue(1);
        RecordingNotifier good = RecordingNotifier.named("good");
        Notifier sneaky = new Notifier() {
            @Override
            public String name() {
                return "sneaky";
            }

            @Override
            public void deliver(OutboxEntry entry) {
                OutboxDispatcherTest.<RuntimeException>sneakyThrow(new java.io.IOException("connection reset"));
            }
        };
        OutboxDispatcher dispatcher = dispatcher(sneaky, good);
        assertThat(dispatcher.dispatchDue(T0.plusSeconds(1))).isEqualTo(new OutboxDispatcher.Report(1, 1));
        assertThat(good.received()).containsExactlyElementsOf(entries);
    }

    @Test
    void aDispatcherNeedsDistinctlyNamedNotifiersAndSaneSettings() {
        var outbox = stores.outboxDelivery();
        assertThatThrownBy(() -> OutboxDispatcher.builder(outbox).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxDispatcher.builder(outbox).notifier(RecordingNotifier.named("a"))
                .notifier(RecordingNotifier.named("a")).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxDispatcher.builder(outbox).notifier(RecordingNotifier.named("a"))
                .backoff(Duration.ofSeconds(10), Duration.ofSeconds(1)).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxDispatcher.builder(outbox).notifier(RecordingNotifier.named("a"))
                .batchSize(0).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLoggingNotifierWritesOneInfoLinePerEntryWithItsKeyEventTenantAndTicket() {
        List<OutboxEntry> entries = enqueue(2);
        LoggingNotifier log = LoggingNotifier.create();
        assertThat(log.name()).isEqualTo("log");
        assertThat(LoggingNotifier.named("audit-log").name()).isEqualTo("audit-log");
        assertThatThrownBy(() -> LoggingNotifier.named(" ")).isInstanceOf(IllegalArgumentException.class);
        int before = RecordingLogs.of("dev.itsmkit.notifications").size();
        assertThat(dispatcher(log).dispatchDue(T0)).isEqualTo(new OutboxDispatcher.Report(entries.size(), 0));
        List<String> expected = entries.stream().map(e -> "INFO " + e.idempotencyKey() + " "
                + e.event().getClass().getSimpleName() + " " + e.tenant() + " " + e.ticket()).toList();
        List<String> logged = RecordingLogs.of("dev.itsmkit.notifications");
        assertThat(logged.subList(before, logged.size())).containsExactlyElementsOf(expected);
    }

    @Test
    void theRecordingNotifierKeepsDuplicatesButKeysOnce() {
        RecordingNotifier r = RecordingNotifier.named("r");
        r.deliver(entry(1));
        r.deliver(entry(1));
        assertThat(r.received()).hasSize(2);
        assertThat(r.keys()).containsExactly(entry(1).idempotencyKey());
    }

    @Test
    void entriesEveryNotifierAcceptedArePurgedAfterTheRetention() {
        List<OutboxEntry> entries = enqueue(4);
        RecordingNotifier mail = RecordingNotifier.named("mail");
        RecordingNotifier hook = RecordingNotifier.named("webhook");
        hook.failing(true);
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(stores.outboxDelivery()).notifier(mail).notifier(hook)
                .retention(Duration.ofMinutes(5)).build();
        TicketId ticket = entries.get(0).ticket();

        dispatcher.dispatchDue(T0.plusSeconds(60));
        assertThat(stores.forTenant(TENANT).outbox().forTicket(ticket)).containsExactly(entries.get(0));

        hook.failing(false);
        assertThat(dispatcher.dispatchDue(T0.plusSeconds(120)).delivered()).isEqualTo(4);
        assertThat(stores.forTenant(TENANT).outbox().forTicket(ticket)).containsExactly(entries.get(0));
        dispatcher.dispatchDue(T0.plusSeconds(299));
        assertThat(stores.forTenant(TENANT).outbox().forTicket(ticket)).containsExactly(entries.get(0));
        dispatcher.dispatchDue(T0.plusSeconds(300));
        assertThat(stores.forTenant(TENANT).outbox().forTicket(ticket)).isEmpty();
        assertThat(stores.outboxDelivery().due("webhook", T0.plusSeconds(300), 10)).isEmpty();
        assertThat(stores.outboxDelivery().due("a-new-channel", T0.plusSeconds(300), 10)).isEmpty();
    }

    @Test
    void aNegativeRetentionIsRefused() {
        assertThatThrownBy(() -> OutboxDispatcher.builder(stores.outboxDelivery()).notifier(RecordingNotifier.named("mail"))
                .retention(Duration.ofSeconds(-1)).build()).isInstanceOf(IllegalArgumentException.class);
    }
}
