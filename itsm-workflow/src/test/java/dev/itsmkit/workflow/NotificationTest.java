package dev.itsmkit.workflow;

import static dev.itsmkit.workflow.DeskFixtures.ACME;
import static dev.itsmkit.workflow.DeskFixtures.T0;
import static dev.itsmkit.workflow.DeskFixtures.open;
import static dev.itsmkit.workflow.DeskFixtures.resolution;
import static dev.itsmkit.workflow.DeskFixtures.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.event.SlaBreached;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.event.StateChanged;
import dev.itsmkit.core.outbox.Notice;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.persistence.notification.RecordingNotifier;
import dev.itsmkit.persistence.spi.Notifier;
import dev.itsmkit.sla.BusinessCalendars;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.sla.Escalation;
import dev.itsmkit.sla.Goals;
import dev.itsmkit.sla.SlaEngine;
import dev.itsmkit.sla.SlaPolicy;
import dev.itsmkit.sla.SlaTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Notify actions and SLA notify escalations reach the notifiers as named notices with channel and recipients. */
class NotificationTest {
    private final MutableClock clock = new MutableClock(T0);
    private final RecordingNotifier notifier = RecordingNotifier.named("test");

    private static String keyOf(Ticket ticket, long sequence) {
        return ACME.value() + "/" + ticket.id().value() + "/" + sequence;
    }

    @Test
    void resolvingAnIncidentSendsTheIncidentResolvedNotificationAboutTheStateChange() {
        ServiceDesk desk = ServiceDesk.builder().clock(clock).notifier(notifier).build();
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        desk.execute(transition(ticket.id(), "resolve", resolution()));
        assertThat(notifier.received()).singleElement().satisfies(entry -> {
            assertThat(entry.event()).isInstanceOf(StateChanged.class);
            assertThat(entry.notice()).contains(Notice.named("incident-resolved"));
            assertThat(entry.idempotencyKey()).isEqualTo(keyOf(ticket, entry.event().sequence()) + "/incident-resolved");
        });
    }

    @Test
    void anAnnouncedEventThatANotifyActionIsAboutGivesTwoEntriesWithDifferentKeys() {
        ServiceDesk desk = ServiceDesk.builder().clock(clock).notifier(notifier).announce(e -> e instanceof StateChanged).build();
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        desk.execute(transition(ticket.id(), "resolve", resolution()));
        List<OutboxEntry> received = notifier.received();
        assertThat(received).extracting(OutboxEntry::notice)
                .containsExactly(Optional.empty(), Optional.of(Notice.named("incident-resolved")));
        assertThat(received.get(0).event()).isSameAs(received.get(1).event());
        assertThat(received.get(0).idempotencyKey()).isEqualTo(keyOf(ticket, received.get(0).event().sequence()));
        assertThat(notifier.keys()).hasSize(2);
    }

    @Test
    void everyNotifyActionOfATransitionReachesTheOutboxAndARepeatedNameOnce() {
        Lifecycle twice = Lifecycle.builder("twice", TicketKind.INCIDENT)
                .initialState("NEW", StateCategory.NEW).state("DONE", StateCategory.CLOSED)
                .transition(Transition.builder("finish").from("NEW").to("DONE")
                        .action(Action.notify("requester-told"), Action.notify("manager-told"), Action.notify("requester-told")))
                .build();
        ServiceDesk desk = ServiceDesk.builder().clock(clock).notifier(notifier)
                .lifecycles(LifecycleCatalog.itil().registerDefault(twice)).build();
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        desk.execute(transition(ticket.id(), "finish"));
        assertThat(notifier.received()).extracting(e -> e.notice().orElseThrow().name())
                .containsExactly("requester-told", "manager-told");
        assertThat(notifier.received()).allSatisfy(e -> assertThat(e.event()).isInstanceOf(StateChanged.class));
    }

    @Test
    void slaNotifyEscalationsCarryThePolicysChannelAndRecipients() {
        Party manager = Party.person("manager");
        Party director = Party.person("director");
        Party network = Party.group("network");
        SlaPolicy policy = SlaPolicy.of("silver", 1, List.of(SlaTarget.builder("resolution")
                .goals(Goals.always(Duration.ofHours(4)))
                .stop(Condition.category(StateCategory.RESOLVED))
                .warnAt(50)
                .escalateAt(50, Escalation.notify("email", manager))
                .escalateAt(100, Escalation.notify("pager", network), Escalation.notify("email", manager, director),
                        Escalation.notify("email", director))
                .build())).forKinds(Set.of(TicketKind.INCIDENT));
        ServiceDesk desk = ServiceDesk.builder().clock(clock).notifier(notifier)
                .sla(SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(policy))).build();
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();

        clock.advance(Duration.ofHours(2).plusSeconds(1));
        desk.fireDue();
        assertThat(notifier.received()).singleElement().satisfies(entry -> {
            assertThat(entry.event()).isInstanceOf(SlaWarned.class);
            assertThat(entry.notice()).contains(Notice.of("sla-warned", "email", manager));
            assertThat(entry.idempotencyKey()).isEqualTo(keyOf(ticket, entry.event().sequence()) + "/sla-warned/email");
        });

        clock.advance(Duration.ofHours(2));
        desk.fireDue();
        List<OutboxEntry> breach = notifier.received().subList(1, notifier.received().size());
        assertThat(breach).allSatisfy(e -> assertThat(e.event()).isInstanceOf(SlaBreached.class));
        // the two e-mail escalations of the breach are one notification to both, in the order the policy names them
        assertThat(breach).extracting(e -> e.notice().orElseThrow())
                .containsExactly(Notice.of("sla-breached", "pager", network), Notice.of("sla-breached", "email", manager, director));
        assertThat(notifier.keys()).hasSize(3);
    }

    @Test
    void aRedeliveredNotificationKeepsItsKey() {
        notifier.failing(true);
        ServiceDesk desk = ServiceDesk.builder().clock(clock).notifier(notifier).build();
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        desk.execute(transition(ticket.id(), "resolve", resolution()));
        OutboxEntry written = desk.stores().forTenant(ACME).outbox().forTicket(ticket.id()).get(0);
        notifier.failing(false);
        clock.advance(Duration.ofMinutes(1));
        assertThat(desk.deliverOutbox().delivered()).isEqualTo(1);
        assertThat(notifier.received()).singleElement().satisfies(entry -> {
            assertThat(entry.idempotencyKey()).isEqualTo(written.idempotencyKey()).endsWith("/incident-resolved");
            assertThat(entry.notice()).isEqualTo(written.notice());
        });
        assertThat(notifier.attempts()).isEqualTo(2);
    }

    /**
     * A notifier that can hold its deliveries at a gate, counts them down, and remembers which thread made each; fails
     * (with an error, not an exception) as many times as told first.
     */
    private static final class GatedNotifier implements Notifier {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch gate;
        final CountDownLatch delivered = new CountDownLatch(1);
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());
        private volatile int failuresLeft;

        GatedNotifier(boolean held, int failures) {
            gate = new CountDownLatch(held ? 1 : 0);
            failuresLeft = failures;
        }

        @Override
        public String name() {
            return "gated";
        }

        @Override
        public void deliver(OutboxEntry entry) {
            threads.add(Thread.currentThread().getName());
            entered.countDown();
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new AssertionError("the receiving end said no");
            }
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            delivered.countDown();
        }
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertThat(latch.await(30, TimeUnit.SECONDS)).as(what).isTrue();
    }

    @Test
    void inBackgroundDeliveryCommandsCallNoNotifierAndTheEntriesWaitForTheDeliveryThread() {
        ServiceDesk desk = ServiceDesk.builder().clock(clock).notifier(notifier).delivery(NotificationDelivery.inBackground()).build();
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        desk.execute(transition(ticket.id(), "resolve", resolution()));
        assertThat(notifier.attempts()).isZero();
        assertThat(desk.stores().forTenant(ACME).outbox().forTicket(ticket.id())).hasSize(1);
        assertThat(desk.deliverOutbox().delivered()).isEqualTo(1);
        assertThat(notifier.received()).singleElement().satisfies(e -> assertThat(e.notice()).contains(Notice.named("incident-resolved")));
    }

    @Test
    void aCommandReturnsWhileTheDeliveryThreadIsStillWaitingForASlowNotifier() throws InterruptedException {
        GatedNotifier slow = new GatedNotifier(true, 0);
        ServiceDesk desk = ServiceDesk.builder().clock(clock).notifier(slow).delivery(NotificationDelivery.inBackground()).build();
        try {
            desk.start();
            Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
            // were the notifier called on this thread, the command would wait at the closed gate: the guard ends the test
            CommandResult resolved = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> desk.execute(transition(ticket.id(), "resolve", resolution())));
            assertThat(resolved.ticket().state().category()).isEqualTo(StateCategory.RESOLVED);
            await(slow.entered, "the delivery thread reached the notifier");
            assertThat(slow.delivered.getCount()).isEqualTo(1);
            slow.gate.countDown();
            await(slow.delivered, "the delivery went through once the notifier answered");
            assertThat(slow.threads).containsOnly("itsm-outbox-dispatcher");
        } finally {
            slow.gate.countDown();
            desk.close();
        }
    }

    @Test
    void theDeliveryThreadRetriesAFailedDeliveryWithoutWaitingForAnotherCommand() throws InterruptedException {
        GatedNotifier flaky = new GatedNotifier(false, 1);
        ServiceDesk desk = ServiceDesk.builder().clock(clock).notifier(flaky)
                .delivery(NotificationDelivery.afterEachCommand().withBackoff(Duration.ofSeconds(30), Duration.ofMinutes(5))
                        .withPollInterval(Duration.ofMillis(5)))
                .build();
        try {
            Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
            // the command delivers on its own thread; the notifier's error fails that delivery, not the command
            desk.execute(transition(ticket.id(), "resolve", resolution()));
            assertThat(flaky.threads).containsExactly(Thread.currentThread().getName());
            assertThat(flaky.delivered.getCount()).isEqualTo(1);
            desk.start();
            clock.advance(Duration.ofSeconds(31));
            await(flaky.delivered, "the delivery thread retried after the backoff");
            assertThat(flaky.threads).hasSize(2).last().isEqualTo("itsm-outbox-dispatcher");
        } finally {
            desk.close();
        }
    }

    @Test
    void aNotifierThatThrowsAnErrorFailsOnlyItsOwnDelivery() {
        GatedNotifier failing = new GatedNotifier(false, 1);
        ServiceDesk desk = ServiceDesk.builder().clock(clock).notifier(failing).notifier(notifier).build();
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        CommandResult resolved = desk.execute(transition(ticket.id(), "resolve", resolution()));
        assertThat(resolved.ticket().state().category()).isEqualTo(StateCategory.RESOLVED);
        assertThat(notifier.received()).hasSize(1);
        assertThat(failing.delivered.getCount()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(desk.deliverOutbox().delivered()).isEqualTo(1);
        assertThat(failing.delivered.getCount()).isZero();
    }

    @Test
    void aDeskWithoutANotifierKeepsNoNotificationsUnlessTheApplicationReadsTheOutbox() {
        ServiceDesk quiet = ServiceDesk.builder().clock(clock).build();
        Ticket unread = quiet.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        quiet.execute(transition(unread.id(), "resolve", resolution()));
        assertThat(quiet.stores().forTenant(ACME).outbox().forTicket(unread.id())).isEmpty();

        ServiceDesk read = ServiceDesk.builder().clock(clock).outboxReadElsewhere().build();
        Ticket ticket = read.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        read.execute(transition(ticket.id(), "resolve", resolution()));
        assertThat(read.stores().forTenant(ACME).outbox().forTicket(ticket.id()))
                .singleElement().satisfies(e -> assertThat(e.notice()).contains(Notice.named("incident-resolved")));
    }

    @Test
    void announcingEventsWithNeitherANotifierNorAnOutsideReaderIsRefused() {
        assertThatThrownBy(() -> ServiceDesk.builder().announce(e -> true).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outboxReadElsewhere()");
        assertThat(ServiceDesk.builder().announce(e -> true).outboxReadElsewhere().build()).isNotNull();
    }

    @Test
    void deliveredEntriesAreKeptForTheRetentionOfTheDeliverySettings() {
        ServiceDesk keeping = ServiceDesk.builder().clock(clock).notifier(notifier)
                .delivery(NotificationDelivery.afterEachCommand().withRetention(Duration.ofHours(1))).build();
        Ticket ticket = keeping.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        keeping.execute(transition(ticket.id(), "resolve", resolution()));
        assertThat(notifier.received()).hasSize(1);
        assertThat(keeping.stores().forTenant(ACME).outbox().forTicket(ticket.id())).hasSize(1);
        clock.advance(Duration.ofHours(1));
        keeping.deliverOutbox();
        assertThat(keeping.stores().forTenant(ACME).outbox().forTicket(ticket.id())).isEmpty();
    }

    @Test
    void deliverySettingsThatCannotWorkAreRefusedWithTheValueAndTheRule() {
        NotificationDelivery defaults = NotificationDelivery.afterEachCommand();
        assertThat(defaults.onCommandThread()).isTrue();
        assertThat(NotificationDelivery.inBackground().onCommandThread()).isFalse();
        assertThatThrownBy(() -> defaults.withBackoff(Duration.ofMinutes(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT1S").hasMessageContaining("PT5M");
        assertThatThrownBy(() -> defaults.withBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> defaults.withPollInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval must be positive");
        assertThatThrownBy(() -> defaults.withRetention(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero or more");
    }
}
