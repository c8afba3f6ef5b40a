package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.TimerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaEngineTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final TicketState NEW = TicketState.of("NEW", StateCategory.NEW);
    private static final TicketState RESOLVED = TicketState.of("RESOLVED", StateCategory.RESOLVED);

    private static final SlaPolicy GOLD = SlaPolicy.of("gold", 1, List.of(SlaTarget.builder("resolution")
            .goals(Goals.always(Duration.ofHours(4)))
            .stop(Condition.category(StateCategory.RESOLVED))
            .warnAt(50).build())).forKinds(Set.of(TicketKind.INCIDENT));
    private static final SlaEngine ENGINE = SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(GOLD));

    private static Ticket incident(TicketState state, Instant at) {
        return Ticket.builder(TenantId.of("acme"), TicketId.of("t-1"), new TicketNumber(TicketKind.INCIDENT, 1))
                .title("Printer on fire").state(state).priority(dev.itsmkit.core.Impact.of(2), dev.itsmkit.core.Urgency.of(2),
                        Priority.of(2)).requester(Party.person("alice")).createdAt(T0).updatedAt(at).build();
    }

    @Test
    void anUpdatesTimersAreAnImmutableListEqualToTheTimersBuiltAndTheUnchangedOnesAreTheScheduledInstances() {
        SlaUpdate started = ENGINE.onChange(null, incident(NEW, T0), T0, List.of());
        // a later change that moves no threshold (a comment): its timer is unchanged
        SlaUpdate comment = ENGINE.onChange(incident(NEW, T0), incident(NEW, T0.plusSeconds(60)), T0.plusSeconds(60),
                started.clocks());
        DueTimer expected = DueTimer.of(TenantId.of("acme"), TicketId.of("t-1"), "gold.resolution", 1, 50,
                T0.plus(Duration.ofHours(2)).plusMillis(1));
        assertThat(comment.schedule()).containsExactly(expected);
        assertThat(comment.unchanged()).containsExactly(expected);
        assertThat(comment.unchanged().get(0)).isSameAs(comment.schedule().get(0));
        assertThat(comment.moved()).isEmpty();
        SlaUpdate copied = new SlaUpdate(List.copyOf(comment.clocks()), List.of(expected), List.copyOf(comment.cancel()),
                List.copyOf(comment.crossed()), List.of(expected));
        assertThat(comment).isEqualTo(copied).hasSameHashCodeAs(copied);
        assertThat(comment.schedule()).isEqualTo(List.of(expected)).hasSameHashCodeAs(List.of(expected));
        assertThatThrownBy(() -> comment.schedule().add(expected)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> comment.schedule().set(0, expected)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> comment.unchanged().remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTimerWhoseIdWouldBeTooLongIsRefusedByTheChangeThatSchedulesIt() {
        // 128 characters at most: a ticket id of 110 and ":gold.resolution:1:50" make 131
        Ticket longId = Ticket.builder(TenantId.of("acme"), TicketId.of("t".repeat(110)), new TicketNumber(TicketKind.INCIDENT, 1))
                .title("Printer on fire").state(NEW).priority(dev.itsmkit.core.Impact.of(2), dev.itsmkit.core.Urgency.of(2),
                        Priority.of(2)).requester(Party.person("alice")).createdAt(T0).updatedAt(T0).build();
        assertThatThrownBy(() -> ENGINE.onChange(null, longId, T0, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 128 characters");
    }

    @Test
    void aNewIncidentStartsItsClockAndSchedulesItsFirstThreshold() {
        SlaUpdate update = ENGINE.onChange(null, incident(NEW, T0), T0, List.of());
        assertThat(update.clocks()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ClockStatus.RUNNING);
            assertThat(c.deadline()).contains(T0.plus(Duration.ofHours(4)));
        });
        assertThat(update.schedule()).containsExactly(DueTimer.of(TenantId.of("acme"), TicketId.of("t-1"), "gold.resolution",
                1, 50, T0.plus(Duration.ofHours(2)).plusMillis(1)));
        assertThat(update.crossed()).isEmpty();
    }

    @Test
    void aTimerFiredAtItsDueInstantCrossesItsThresholdSoItIsNeverScheduledForTheSameInstantAgain() {
        SlaUpdate started = ENGINE.onChange(null, incident(NEW, T0), T0, List.of());
        DueTimer first = started.schedule().get(0);
        SlaUpdate fired = ENGINE.onTime(incident(NEW, T0), first.dueAt(), started.clocks());
        assertThat(fired.crossed()).extracting(SlaCrossing::percent).containsExactly(50);
        assertThat(fired.schedule()).allSatisfy(next -> assertThat(next.dueAt()).isAfter(first.dueAt()));
        SlaUpdate atThreshold = ENGINE.onTime(incident(NEW, T0), T0.plus(Duration.ofHours(2)), started.clocks());
        assertThat(atThreshold.crossed()).isEmpty();
        assertThat(atThreshold.schedule()).containsExactly(first);
    }

    @Test
    void aThresholdIsReportedOnceWhenTimePassesItAndTheNextIsScheduled() {
        SlaUpdate started = ENGINE.onChange(null, incident(NEW, T0), T0, List.of());
        Instant later = T0.plus(Duration.ofHours(2)).plusMillis(1);
        SlaUpdate fired = ENGINE.onTime(incident(NEW, T0), later, started.clocks());
        assertThat(fired.crossed()).containsExactly(new SlaCrossing("gold", "resolution", 1, 50, T0.plus(Duration.ofHours(2))));
        assertThat(fired.schedule()).extracting(DueTimer::percent).containsExactly(100);
        assertThat(fired.cancel()).containsExactly(TimerId.of(TicketId.of("t-1"), "gold.resolution", 1, 50));
        assertThat(ENGINE.onTime(incident(NEW, T0), later, fired.clocks()).crossed()).isEmpty();
        SlaUpdate breached = ENGINE.onTime(incident(NEW, T0), T0.plus(Duration.ofHours(5)), fired.clocks());
        assertThat(breached.crossed()).extracting(SlaCrossing::isBreach).containsExactly(true);
        assertThat(breached.schedule()).isEmpty();
    }

    @Test
    void resolvingStopsTheClockAndCancelsItsTimer() {
        SlaUpdate started = ENGINE.onChange(null, incident(NEW, T0), T0, List.of());
        Instant at = T0.plus(Duration.ofHours(1));
        SlaUpdate resolved = ENGINE.onChange(incident(NEW, T0), incident(RESOLVED, at), at, started.clocks());
        assertThat(resolved.clocks()).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(ClockStatus.MET));
        assertThat(resolved.schedule()).isEmpty();
        assertThat(resolved.cancel()).containsExactly(TimerId.of(TicketId.of("t-1"), "gold.resolution", 1, 50));
    }

    @Test
    void aPolicyForOtherKindsGivesNoClock() {
        Ticket change = Ticket.builder(TenantId.of("acme"), TicketId.of("c-1"), new TicketNumber(TicketKind.CHANGE, 1))
                .title("Patch").state(NEW).requester(Party.person("bob")).createdAt(T0).build();
        assertThat(ENGINE.onChange(null, change, T0, List.of()).clocks()).isEmpty();
    }

    @Test
    void runningClocksKeepThePolicyVersionTheyStartedWith() {
        SlaPolicy gold2 = SlaPolicy.of("gold", 2, List.of(SlaTarget.builder("resolution").goals(Goals.always(Duration.ofHours(1)))
                .stop(Condition.category(StateCategory.RESOLVED)).build()));
        SlaUpdate started = ENGINE.onChange(null, incident(NEW, T0), T0, List.of());
        SlaEngine upgraded = SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(GOLD, gold2));
        SlaUpdate later = upgraded.onTime(incident(NEW, T0), T0.plus(Duration.ofHours(3)), started.clocks());
        assertThat(later.clocks()).singleElement().satisfies(c -> {
            assertThat(c.policyVersion()).isEqualTo(1);
            assertThat(c.status()).isEqualTo(ClockStatus.RUNNING);
        });
        assertThat(upgraded.onChange(null, incident(NEW, T0), T0, List.of()).clocks().get(0).policyVersion()).isEqualTo(2);
        assertThatThrownBy(() -> SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(gold2)).onTime(incident(NEW, T0), T0,
                started.clocks())).hasMessageContaining("version 1, which this engine does not have");
    }

    @Test
    void aTargetOnAnUnknownCalendarIsRefusedWhenTheEngineIsBuilt() {
        SlaPolicy odd = SlaPolicy.of("odd", 1, List.of(SlaTarget.builder("x").calendar("office").goals(Goals.always(Duration.ofHours(1)))
                .stop(Condition.category(StateCategory.RESOLVED)).build()));
        assertThatThrownBy(() -> SlaEngine.of(BusinessCalendars.of(Map.of()), List.of(odd)))
                .hasMessageContaining("no business calendar is named 'office'");
    }
}
