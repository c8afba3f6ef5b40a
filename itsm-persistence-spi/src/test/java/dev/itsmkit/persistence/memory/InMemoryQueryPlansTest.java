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
import dev.itsmkit.persistence.Page;
import dev.itsmkit.persistence.TicketOrder;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.spi.TenantStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store answers an indexed criterion either from the index's candidates or by walking
 * a sort index, depending on the candidates' count and the page size; both plans must give the
 * same pages.
 */
class InMemoryQueryPlansTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final TenantId TENANT = TenantId.of("acme");

    @Test
    void commonAndRareAssigneesPageAlikeWhicheverPlanIsChosen() {
        TenantStores acme = InMemoryStores.create().forTenant(TENANT);
        List<Ticket> all = new ArrayList<>();
        for (int n = 1; n <= 3000; n++) {
            String agent = n % 500 == 0 ? "rare" : "agent" + n % 2;
            Ticket t = Ticket.builder(TENANT, TicketId.of("inc-" + n), new TicketNumber(TicketKind.INCIDENT, n))
                    .title("t" + n)
                    .state(TicketState.of(n % 3 == 0 ? "DONE" : "WIP", n % 3 == 0 ? StateCategory.RESOLVED : StateCategory.OPEN))
                    .requester(Party.person("u"))
                    .assignee(Optional.of(Party.person(agent)))
                    .createdAt(T0.plusSeconds(n % 97))
                    .updatedAt(T0.plusSeconds(n % 89 + 100))
                    .build();
            all.add(t);
            acme.begin().save(t, 0).commit();
        }
        for (String agent : List.of("agent0", "agent1", "rare", "nobody")) {
            for (TicketOrder order : TicketOrder.values()) {
                TicketQuery query = TicketQuery.builder().assignee(Party.person(agent)).categories(StateCategory.OPEN)
                        .orderBy(order).build();
                Comparator<Ticket> byId = Comparator.comparing(t -> t.id().value());
                Comparator<Ticket> comparator = switch (order) {
                    case NUMBER -> Comparator.comparing(Ticket::number);
                    case CREATED -> Comparator.comparing(Ticket::createdAt).thenComparing(byId);
                    case UPDATED -> Comparator.comparing(Ticket::updatedAt).thenComparing(byId);
                };
                List<Ticket> expected = all.stream().filter(query::matches).sorted(comparator).toList();
                for (int size : new int[] {1, 5, 400, 5000}) {
                    List<Ticket> seen = new ArrayList<>();
                    Page<Ticket> page = acme.tickets().query(query, size);
                    seen.addAll(page.items());
                    while (page.hasNext()) {
                        page = acme.tickets().query(query, page.next().orElseThrow(), size);
                        seen.addAll(page.items());
                    }
                    assertThat(seen).as("%s %s pages of %d", agent, order, size).containsExactlyElementsOf(expected);
                }
            }
        }
    }
}
