package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.itsmkit.core.Impact;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final TicketState NEW = TicketState.of("NEW", StateCategory.NEW);
    private static final Escalation MAIL_LEAD = Escalation.notify("email", Party.person("lead"), Party.group("service-desk"));
    private static final Escalation TO_L2 = Escalation.reassign(Party.group("l2"));
    private static final Escalation RAISE = Escalation.raisePriority(1);

    private static SlaTarget.Builder resolution() {
        return SlaTarget.builder("resolution").goals(Goals.always(Duration.ofHours(4)))
                .stop(Condition.category(StateCategory.RESOLVED));
    }

    private static Ticket incident(Instant at) {
        return Ticket.builder(TenantId.of("acme"), TicketId.of("t-1"), new TicketNumber(TicketKind.INCIDENT, 1))
                .title("Printer on fire").state(NEW).priority(Impact.of(2), Urgency.of(2), Priority.of(2))
                .requester(Party.person("alice")).createdAt(T0).updatedAt(at).build();
    }

    @Test
    void aTargetKeepsItsEscalationsPerThresholdInOrder() {
        SlaTarget target = resolution().warnAt(75, 50).escalateAt(100, RAISE, TO_L2).escalateAt(50, MAIL_LEAD)
                .escalateAt(100, MAIL_LEAD).build();
        assertThat(target.escalations()).containsOnlyKeys(50, 100);
        assertThat(target.escalations().firstKey()).isEqualTo(50);
        assertThat(target.escalationsAt(100)).containsExactly(RAISE, TO_L2, MAIL_LEAD);
        assertThat(target.escalationsAt(75)).isEmpty();
        assertThat(target.toBuilder().build().escalations()).isEqualTo(target.escalations());
    }

    @Test
    void anEscalationAtAThresholdThatIsNotAWarningNorTheBreachIsRefused() {
        assertThatThrownBy(() -> resolution().warnAt(50).escalateAt(80, MAIL_LEAD).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("escalation at 80%").hasMessageContaining("[50]");
        assertThatThrownBy(() -> resolution().escalateAt(100).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one action");
    }

    @Test
    void escalationsCheckTheirValues() {
        assertThatThrownBy(() -> Escalation.notify("email")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one recipient");
        assertThatThrownBy(() -> Escalation.notify("e mail", Party.person("a"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Escalation.notify("email", Party.person("a"), Party.person("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must differ");
        assertThatThrownBy(() -> Escalation.raisePriority(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void raisingPriorityGoesTowardsP1AndNeverAboveIt() {
        assertThat(Escalation.raisePriority(1).applyTo(Priority.of(3))).isEqualTo(Priority.of(2));
        assertThat(Escalation.raisePriority(5).applyTo(Priority.of(3))).isEqualTo(Priority.of(1));
        qt().forAll(integers().between(1, Priority.MAX_LEVEL), integers().between(1, 20)).checkAssert((level, levels) -> {
            Priority raised = Escalation.raisePriority(levels).applyTo(Priority.of(level));
            assertThat(raised.level()).isBetween(1, level);
            assertThat(level - raised.level()).isEqualTo(Math.min(levels, level - 1));
        });
    }

    @Test
    void eachCrossingCarriesTheEscalationsOfItsThreshold() {
        SlaPolicy policy = SlaPolicy.of("gold", 1, List.of(resolution().warnAt(50).escalateAt(50, MAIL_LEAD)
                .escalateAt(100, RAISE, TO_L2).build()));
        SlaEngine engine = SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(policy));
        SlaUpdate started = engine.onChange(null, incident(T0), T0, List.of());
        SlaUpdate warned = engine.onTime(incident(T0), T0.plus(Duration.ofHours(3)), started.clocks());
        assertThat(warned.crossed()).singleElement().satisfies(c -> {
            assertThat(c.percent()).isEqualTo(50);
            assertThat(c.escalations()).containsExactly(MAIL_LEAD);
        });
        SlaUpdate breached = engine.onTime(incident(T0), T0.plus(Duration.ofHours(5)), warned.clocks());
        assertThat(breached.crossed()).singleElement().satisfies(c -> {
            assertThat(c.isBreach()).isTrue();
            assertThat(c.escalations()).containsExactly(RAISE, TO_L2);
        });
    }

    @Test
    void aCrossingOfAThresholdWithoutEscalationsCarriesNone() {
        SlaPolicy policy = SlaPolicy.of("gold", 1, List.of(resolution().warnAt(50).escalateAt(100, TO_L2).build()));
        SlaEngine engine = SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(policy));
        SlaUpdate started = engine.onChange(null, incident(T0), T0, List.of());
        SlaUpdate warned = engine.onTime(incident(T0), T0.plus(Duration.ofHours(3)), started.clocks());
        assertThat(warned.crossed()).singleElement().satisfies(c -> assertThat(c.escalations()).isEmpty());
    }
}
