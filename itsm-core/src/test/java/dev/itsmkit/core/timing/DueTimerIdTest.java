package dev.itsmkit.core.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueTimerIdTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final Instant DUE = Instant.parse("2026-01-05T09:00:00Z");
    private static final List<String> TICKETS = List.of("t", "t-1", "t:1", "6f1c2a9e-9d2b-4c7e-8a51-3f0b6f7d2e10");
    private static final List<String> TARGETS = List.of("r", "gold.resolution", "gold.x:1", "gold.x:12", "a:1:2");

    @Test
    void aTimerAcceptsExactlyTheIdOfItsOwnComponents() {
        qt().withExamples(3000).forAll(integers().between(0, 4 * 5 * 4 * 5 - 1), integers().between(1, 120),
                integers().between(1, 100), integers().between(1, 120)).checkAssert((pick, cycle, percent, otherCycle) -> {
                    TicketId ticket = TicketId.of(TICKETS.get(pick % 4));
                    String target = TARGETS.get(pick / 4 % 5);
                    TicketId otherTicket = TicketId.of(TICKETS.get(pick / 20 % 4));
                    String otherTarget = TARGETS.get(pick / 80 % 5);
                    int otherPercent = (percent + otherCycle) % 100 + 1;
                    TimerId other = TimerId.of(otherTicket, otherTarget, otherCycle, otherPercent);
                    boolean same = other.equals(TimerId.of(ticket, target, cycle, percent));
                    assertThat(TimerId.isIdOf(other.value(), ticket, target, cycle, percent)).isEqualTo(same);
                    assertThat(other.identifies(ticket, target, cycle, percent)).isEqualTo(same);
                    assertThat(new DueTimer(TimerId.of(ticket, target, cycle, percent), TENANT, ticket, target, cycle, percent,
                            DUE).id().value()).isEqualTo(ticket.value() + ":" + target + ":" + cycle + ":" + percent);
                });
    }

    @Test
    void aTimerWithTheIdOfAnotherThresholdIsRefusedWithTheIdItShouldHave() {
        TicketId ticket = TicketId.of("t-1");
        assertThatThrownBy(() -> new DueTimer(TimerId.of(ticket, "gold.resolution", 1, 75), TENANT, ticket, "gold.resolution", 1,
                50, DUE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t-1:gold.resolution:1:50");
        assertThatThrownBy(() -> new DueTimer(TimerId.of(ticket, "gold.resolution", 10, 50), TENANT, ticket, "gold.resolution",
                1, 50, DUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DueTimer(new TimerId("t-1:gold.resolution:1:50x"), TENANT, ticket, "gold.resolution",
                1, 50, DUE)).isInstanceOf(IllegalArgumentException.class);
    }
}
