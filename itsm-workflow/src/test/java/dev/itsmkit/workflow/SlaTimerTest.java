package dev.itsmkit.workflow;

import static dev.itsmkit.workflow.DeskFixtures.ACME;
import static dev.itsmkit.workflow.DeskFixtures.ALICE;
import static dev.itsmkit.workflow.DeskFixtures.T0;
import static dev.itsmkit.workflow.DeskFixtures.open;
import static dev.itsmkit.workflow.DeskFixtures.resolution;
import static dev.itsmkit.workflow.DeskFixtures.transition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.command.AddJournalEntry;
import dev.itsmkit.core.event.Assigned;
import dev.itsmkit.core.event.PriorityChanged;
import dev.itsmkit.core.event.SlaBreached;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.event.TicketEvents;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.TimerClaim;
import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.spi.Notifier;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.sla.BusinessCalendars;
import dev.itsmkit.sla.ClockChange;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.sla.Escalation;
import dev.itsmkit.sla.Goals;
import dev.itsmkit.sla.SlaEngine;
import dev.itsmkit.sla.SlaPolicy;
import dev.itsmkit.sla.SlaTarget;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SlaTimerTest {
    static final SlaPolicy GOLD = SlaPolicy.of("gold", 1, List.of(SlaTarget.builder("resolution")
            .goals(Goals.always(Duration.ofHours(4)))
            .stop(Condition.category(StateCategory.RESOLVED))
            .warnAt(50, 75).build())).forKinds(Set.of(TicketKind.INCIDENT));
    static final SlaEngine SLA = SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(GOLD));

    private final MutableClock clock = new MutableClock(T0);
    private final Stores stores = InMemoryStores.create();

    private ServiceDesk desk(String node) {
        return ServiceDesk.builder().stores(stores).clock(clock).sla(SLA).node(NodeId.of(node), Duration.ofMinutes(1)).build();
    }

    private List<TicketEvent> slaEvents(ServiceDesk desk, Ticket ticket) {
        return desk.history(ACME, ticket.id()).stream().filter(e -> e instanceof SlaWarned || e instanceof SlaBreached).toList();
    }

    @Test
    void eachWarningAndTheBreachFireExactlyOnceUnderAVirtualClock() {
        ServiceDesk desk = desk("a");
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        assertThat(desk.nextTimerDue()).contains(T0.plus(Duration.ofHours(2)).plusMillis(1));   // due just after the threshold: crossed only once time passes it
        clock.advance(Duration.ofMinutes(119));
        assertThat(desk.fireDue().claimed()).isZero();

        clock.advance(Duration.ofMinutes(2));
        FiringReport warned = desk.fireDue();
        assertThat(warned.events()).singleElement().isInstanceOfSatisfying(SlaWarned.class, w -> {
            assertThat(w.percent()).isEqualTo(50);
            assertThat(w.target()).isEqualTo("gold.resolution");
            assertThat(w.thresholdAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        });
        assertThat(desk.fireDue().events()).isEmpty();
        assertThat(desk.nextTimerDue()).contains(T0.plus(Duration.ofHours(3)).plusMillis(1));

        clock.advance(Duration.ofHours(3));
        FiringReport late = desk.fireDue();
        assertThat(late.events()).extracting(e -> e.getClass().getSimpleName()).containsExactly("SlaWarned", "SlaBreached");
        clock.advance(Duration.ofHours(3));
        assertThat(desk.fireDue().events()).isEmpty();
        assertThat(desk.nextTimerDue()).isEmpty();

        assertThat(slaEvents(desk, ticket)).hasSize(3);
        assertThat(desk.clocks(ACME, ticket.id())).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ClockStatus.BREACHED);
            assertThat(c.warnings()).hasSize(2);
        });
        assertThat(TicketEvents.replay(desk.history(ACME, ticket.id()))).isEqualTo(desk.get(ACME, ticket.id()));
    }

    @Test
    void aNewPolicyVersionReachesARunningClockOnlyWhenTheTicketIsRecomputedAndThenBreachesAndEscalatesOnce() {
        Ticket ticket = desk("a").open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        clock.advance(Duration.ofMinutes(90));
        // version 2: a one-hour goal that raises the priority on breach; published next to version 1
        SlaPolicy gold2 = SlaPolicy.of("gold", 2, List.of(SlaTarget.builder("resolution")
                .goals(Goals.always(Duration.ofHours(1))).stop(Condition.category(StateCategory.RESOLVED))
                .warnAt(50).escalateAt(100, Escalation.raisePriority(1)).build())).forKinds(Set.of(TicketKind.INCIDENT));
        ServiceDesk published = ServiceDesk.builder().stores(stores).clock(clock)
                .sla(SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(GOLD, gold2))).build();
        assertThat(published.clocks(ACME, ticket.id())).as("running clocks keep their version")
                .singleElement().satisfies(c -> assertThat(c.policyVersion()).isEqualTo(1));
        assertThat(published.nextTimerDue()).contains(T0.plus(Duration.ofHours(2)).plusMillis(1));

        CommandResult recomputed = published.recomputeSla(ACME, ticket.id(), "gold", 2);
        assertThat(recomputed.events()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("SlaWarned", "SlaBreached", "PriorityChanged");
        assertThat(recomputed.events().get(1)).isInstanceOfSatisfying(SlaBreached.class,
                b -> assertThat(b.breachedAt()).isEqualTo(T0.plus(Duration.ofHours(1))));
        assertThat(published.clocks(ACME, ticket.id())).singleElement().satisfies(c -> {
            assertThat(c.policyVersion()).isEqualTo(2);
            assertThat(c.status()).isEqualTo(ClockStatus.BREACHED);
        });
        assertThat(published.nextTimerDue()).as("the old version's timers are gone; a breached clock has none").isEmpty();
        assertThat(published.recomputeSla(ACME, ticket.id(), "gold", 2).events()).as("each threshold once").isEmpty();
        assertThat(TicketEvents.replay(published.history(ACME, ticket.id()))).isEqualTo(published.get(ACME, ticket.id()));

        List<ClockChange> why = published.explainSla(ACME, ticket.id(), published.clocks(ACME, ticket.id()).get(0));
        assertThat(why).isNotEmpty();
        assertThat(why).anySatisfy(step -> assertThat(step.to()).isEqualTo(ClockStatus.BREACHED));
    }

    @Test
    void aClockIsExplainedOnlyWithItsOwnTicket() {
        ServiceDesk desk = desk("a");
        Ticket mail = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        Ticket vpn = desk.open(open(TicketKind.INCIDENT, "VPN is down")).ticket();
        var mailClock = desk.clocks(ACME, mail.id()).get(0);
        assertThat(desk.explainSla(ACME, mail.id(), mailClock)).isNotEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.explainSla(ACME, vpn.id(), mailClock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(mail.id().toString())
                .hasMessageContaining(vpn.id().toString());
    }

    @Test
    void recomputingNeedsAPublishedVersionAndAnExistingTicket() {
        ServiceDesk desk = desk("a");
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        List<Object> before = DeskFixtures.picture(desk, ACME);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.recomputeSla(ACME, ticket.id(), "gold", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gold");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.recomputeSla(ACME,
                dev.itsmkit.core.TicketId.of("nope"), "gold", 1)).isInstanceOf(TicketNotFoundException.class);
        assertThat(DeskFixtures.picture(desk, ACME)).isEqualTo(before);
    }

    @Test
    void firingCarriesOnAfterARestartOnTheSameStores() {
        Ticket ticket = desk("a").open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        assertThat(desk("b").fireDue().events()).hasSize(1);
        assertThat(desk("a").fireDue().events()).isEmpty();
        clock.advance(Duration.ofHours(3));
        assertThat(desk("c").fireDue().events()).hasSize(2);
        assertThat(desk("d").fireDue().events()).isEmpty();
        assertThat(slaEvents(desk("e"), ticket)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("SlaWarned", "SlaWarned", "SlaBreached");
    }

    @Test
    void aTimerClaimedByANodeThatDiedFiresOnceItsLeaseRunsOut() {
        ServiceDesk desk = desk("a");
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        List<TimerClaim> stolen = stores.timerClaims().claimDue(clock.instant(), NodeId.of("dead"), Duration.ofMinutes(5), 10);
        assertThat(stolen).hasSize(1);
        assertThat(desk.fireDue().claimed()).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(desk.fireDue().events()).singleElement().isInstanceOf(SlaWarned.class);
        assertThat(stores.timerClaims().complete(stolen.get(0))).isFalse();
        assertThat(desk.fireDue().events()).isEmpty();
        assertThat(slaEvents(desk, ticket)).hasSize(1);
    }

    @Test
    void resolvingInTimeStopsTheClockAndCancelsItsTimers() {
        ServiceDesk desk = desk("a");
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        clock.advance(Duration.ofHours(1));
        desk.execute(transition(ticket.id(), "resolve", resolution()));
        assertThat(desk.nextTimerDue()).isEmpty();
        clock.advance(Duration.ofHours(10));
        assertThat(desk.fireDue().claimed()).isZero();
        assertThat(desk.clocks(ACME, ticket.id())).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ClockStatus.MET));
        assertThat(slaEvents(desk, ticket)).isEmpty();
    }

    @Test
    void aThresholdPassedBeforeTheTimerFiredIsRecordedByTheNextCommandAndNotAgain() {
        ServiceDesk desk = desk("a");
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        clock.advance(Duration.ofHours(2).plusMinutes(30));
        CommandResult commented = desk.execute(new AddJournalEntry(ACME, ALICE, ticket.id(), OptionalLong.empty(),
                JournalEntryKind.PUBLIC_COMMENT, "Still looking", List.of()));
        assertThat(commented.events()).extracting(e -> e.getClass().getSimpleName()).containsExactly("Commented", "SlaWarned");
        assertThat(desk.fireDue().events()).isEmpty();
        assertThat(slaEvents(desk, ticket)).hasSize(1);
        assertThat(TicketEvents.replay(desk.history(ACME, ticket.id()))).isEqualTo(commented.ticket());
    }

    @Test
    void theTimerThreadStartsAndStops() {
        ServiceDesk desk = ServiceDesk.builder().sla(SLA).build();
        desk.start();
        org.assertj.core.api.Assertions.assertThatThrownBy(desk::start).isInstanceOf(IllegalStateException.class);
        desk.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(desk::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped");
    }

    @Test
    void escalationsAtAThresholdAreRecordedAsEventsOfTheSystem() {
        Party level2 = Party.group("level-2");
        SlaPolicy escalating = SlaPolicy.of("silver", 1, List.of(SlaTarget.builder("resolution")
                .goals(Goals.always(Duration.ofHours(4)))
                .stop(Condition.category(StateCategory.RESOLVED))
                .warnAt(50)
                .escalateAt(50, Escalation.reassign(level2), Escalation.notify("email", Party.person("manager")))
                .escalateAt(100, Escalation.raisePriority(1))
                .build())).forKinds(Set.of(TicketKind.INCIDENT));
        // the test reads the outbox itself
        ServiceDesk desk = ServiceDesk.builder().stores(stores).clock(clock).outboxReadElsewhere()
                .sla(SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(escalating))).build();
        Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        FiringReport warned = desk.fireDue();
        assertThat(warned.events()).hasExactlyElementsOfTypes(SlaWarned.class, Assigned.class);
        assertThat(warned.events()).allSatisfy(e -> assertThat(e.actor()).isEqualTo(Party.ITSM_KIT));
        assertThat(desk.get(ACME, ticket.id()).assignmentGroup()).contains(level2);
        assertThat(desk.stores().forTenant(ACME).outbox().forTicket(ticket.id())).singleElement()
                .satisfies(entry -> assertThat(entry.event()).isInstanceOf(SlaWarned.class));

        clock.advance(Duration.ofHours(2));
        FiringReport breached = desk.fireDue();
        assertThat(breached.events()).hasExactlyElementsOfTypes(SlaBreached.class, PriorityChanged.class);
        Ticket after = desk.get(ACME, ticket.id());
        assertThat(after.priority().level()).isEqualTo(Math.max(1, ticket.priority().level() - 1));
        assertThat(after.priorityOverrideReason()).hasValueSatisfying(r -> assertThat(r).contains("silver.resolution breached"));
        assertThat(desk.fireDue().events()).isEmpty();
        assertThat(TicketEvents.replay(desk.history(ACME, ticket.id()))).isEqualTo(after);
    }

    @Test
    void theTimerThreadFiresOnARealClockWhenTheThresholdComes() throws InterruptedException {
        CountDownLatch breached = new CountDownLatch(1);
        Notifier pager = new Notifier() {
            @Override
            public String name() {
                return "pager";
            }

            @Override
            public void deliver(OutboxEntry entry) {
                if (entry.event() instanceof SlaBreached) {
                    breached.countDown();
                }
            }
        };
        SlaPolicy quick = SlaPolicy.of("quick", 1, List.of(SlaTarget.builder("response")
                .goals(Goals.always(Duration.ofSeconds(1)))
                .stop(Condition.category(StateCategory.RESOLVED))
                .escalateAt(100, Escalation.notify("pager", Party.person("manager")))
                .build())).forKinds(Set.of(TicketKind.INCIDENT));
        try (ServiceDesk desk = ServiceDesk.builder().sla(SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(quick)))
                .notifier(pager).build()) {
            desk.start();
            Ticket ticket = desk.open(open(TicketKind.INCIDENT, "Mail is down")).ticket();
            assertThat(breached.await(30, TimeUnit.SECONDS)).as("the breach was delivered").isTrue();
            assertThat(slaEvents(desk, ticket)).singleElement().isInstanceOf(SlaBreached.class);
        }
    }
}
