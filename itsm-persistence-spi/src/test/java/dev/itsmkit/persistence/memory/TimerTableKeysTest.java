package dev.itsmkit.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.TimerId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The timer table finds a timer scheduled again by its components (the ticket, target, cycle and percent) among its
 * ticket's timers, without the id's text; timers stay identified by that text, so two timers whose components differ
 * but whose ids are the same text (a colon in a ticket id or a target) are still one, whichever ticket holds it.
 */
class TimerTableKeysTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void timersWhoseIdsAreTheSameTextAreOneTimerWhateverTheirComponents() {
        InMemoryStores stores = InMemoryStores.create();
        DueTimer first = DueTimer.of(ACME, TicketId.of("a:b"), "c", 1, 50, T0);
        DueTimer second = DueTimer.of(ACME, TicketId.of("a"), "b:c", 1, 50, T0.plusSeconds(60));
        assertThat(first.id()).isEqualTo(second.id());
        stores.forTenant(ACME).begin().schedule(first).commit();
        stores.forTenant(ACME).begin().schedule(second).commit();
        assertThat(stores.timers.size()).isEqualTo(1);
        assertThat(stores.forTenant(ACME).timers().find(first.id())).contains(second);
        assertThat(stores.forTenant(ACME).timers().forTicket(TicketId.of("a:b"))).isEmpty();
        assertThat(stores.forTenant(ACME).timers().forTicket(TicketId.of("a"))).containsExactly(second);
    }

    @Test
    void reschedulesWithTheSameOrEqualComponentsOrCollidingIdsLeaveWhatAMapByIdTextHolds() {
        qt().withExamples(30).forAll(longs().all(), integers().between(1, 2000)).checkAssert((seed, operations) -> {
            SplittableRandom random = new SplittableRandom(seed);
            InMemoryStores stores = InMemoryStores.create();
            // the same instances (as an engine reschedules with), equal copies, and colons that make ids collide
            TicketId[] tickets = {TicketId.of("a"), TicketId.of("a:b"), TicketId.of("a:b:c"), TicketId.of("inc-1")};
            String[] targets = {"c", "b:c", "resolution", "b"};
            Map<String, DueTimer> model = new HashMap<>();
            for (int op = 0; op < operations; op++) {
                TicketId ticket = tickets[random.nextInt(tickets.length)];
                if (random.nextBoolean()) {
                    ticket = TicketId.of(new String(ticket.value().toCharArray()));
                }
                DueTimer timer = DueTimer.of(ACME, ticket, targets[random.nextInt(targets.length)], 1 + random.nextInt(2),
                        50 + 50 * random.nextInt(2), T0.plusMillis(random.nextInt(100_000)));
                if (random.nextInt(4) == 0) {
                    stores.forTenant(ACME).begin().cancel(timer.id()).commit();
                    model.remove(timer.id().value());
                } else {
                    stores.forTenant(ACME).begin().schedule(timer).commit();
                    model.put(timer.id().value(), timer);
                }
            }
            assertThat(stores.timers.size()).isEqualTo(model.size());
            model.forEach((id, timer) -> assertThat(stores.forTenant(ACME).timers().find(new TimerId(id))).contains(timer));
            for (TicketId ticket : tickets) {
                List<DueTimer> expected = model.values().stream().filter(t -> t.ticket().equals(ticket)).toList();
                assertThat(stores.forTenant(ACME).timers().forTicket(ticket)).containsExactlyInAnyOrderElementsOf(expected);
            }
        });
    }
}
