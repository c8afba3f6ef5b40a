package dev.itsmkit.workflow;

import static dev.itsmkit.workflow.DeskFixtures.ACME;
import static dev.itsmkit.workflow.DeskFixtures.T0;
import static dev.itsmkit.workflow.DeskFixtures.open;
import static dev.itsmkit.workflow.DeskFixtures.resolution;
import static dev.itsmkit.workflow.DeskFixtures.transition;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.itsmkit.sla.BusinessCalendars;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.sla.Escalation;
import dev.itsmkit.sla.Goals;
import dev.itsmkit.sla.SlaEngine;
import dev.itsmkit.sla.SlaPolicy;
import dev.itsmkit.sla.SlaTarget;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
}
