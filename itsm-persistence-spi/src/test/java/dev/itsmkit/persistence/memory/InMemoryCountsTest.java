package dev.itsmkit.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.spi.TenantStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store answers some counts without reading the tickets: by kinds and state categories from counts it
 * keeps as tickets are saved, by one assignee from the size of that assignee's index. Whatever the saves (new tickets,
 * state changes, a ticket's number and so its kind replaced, assignees moved), every count must equal the number of
 * tickets the query matches.
 */
class InMemoryCountsTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final TenantId TENANT = TenantId.of("acme");
    private static final StateCategory[] CATEGORIES = StateCategory.values();
    private static final TicketKind[] KINDS = TicketKind.values();

    /**
     * Operations drawn as integers: the value picks one of 40 tickets and what its next snapshot changes (state, the
     * same state in another instance, assignee, number, or nothing but the version).
     */
    @Test
    void countsAnsweredWithoutReadingTheTicketsEqualTheMatchingTickets() {
        qt().withExamples(60).forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(0, 300))
                .checkAssert(ops -> {
            TenantStores acme = InMemoryStores.create().forTenant(TENANT);
            Map<TicketId, Ticket> model = new HashMap<>();
            for (int op : ops) {
                TicketId id = TicketId.of("t-" + op % 40);
                Ticket before = model.get(id);
                Ticket after = before == null ? first(id, op) : next(before, op);
                acme.begin().save(after, before == null ? 0 : before.version()).commit();
                model.put(id, after);
            }
            for (TicketQuery query : queries()) {
                long expected = model.values().stream().filter(query::matches).count();
                assertThat(acme.tickets().count(query)).as("%s", query).isEqualTo(expected);
            }
        });
    }

    private static Ticket first(TicketId id, int op) {
        return Ticket.builder(TENANT, id, new TicketNumber(KINDS[op % KINDS.length], op % 40 + 1))
                .title("t").state(TicketState.of("S" + op % 5, CATEGORIES[op % CATEGORIES.length]))
                .requester(Party.person("u")).assignee(Optional.of(Party.person("a" + op % 3)))
                .createdAt(T0).updatedAt(T0).build();
    }

    private static Ticket next(Ticket before, int op) {
        Ticket.Builder b = before.toBuilder().version(before.version() + 1).updatedAt(before.updatedAt().plusSeconds(1));
        switch (op / 40 % 5) {
            case 0 -> b.state(TicketState.of("S" + op % 5, CATEGORIES[op / 7 % CATEGORIES.length]));
            // an equal state in another instance: the counts must not move
            case 1 -> b.state(TicketState.of(before.state().name(), before.state().category()));
            case 2 -> b.assignee(op % 4 == 0 ? Optional.empty() : Optional.of(Party.person("a" + op / 3 % 3)));
            case 3 -> {
                // another number, so another kind: a ticket saved again under the same id
                return Ticket.builder(TENANT, before.id(), new TicketNumber(KINDS[op / 11 % KINDS.length],
                                before.number().sequence() + 40))
                        .title("t").state(before.state()).requester(Party.person("u")).assignee(before.assignee())
                        .createdAt(T0).updatedAt(before.updatedAt().plusSeconds(1)).version(before.version() + 1).build();
            }
            default -> { }
        }
        return b.build();
    }

    /** Every query the fast paths answer, and some beside them that they must leave to the walk. */
    private static List<TicketQuery> queries() {
        List<TicketQuery> queries = new ArrayList<>();
        queries.add(TicketQuery.all());
        for (StateCategory category : CATEGORIES) {
            queries.add(TicketQuery.builder().categories(category).build());
            for (TicketKind kind : KINDS) {
                queries.add(TicketQuery.builder().categories(category).kinds(kind).build());
            }
        }
        for (TicketKind kind : KINDS) {
            queries.add(TicketQuery.builder().kinds(kind).build());
        }
        queries.add(TicketQuery.builder().categories(StateCategory.OPEN, StateCategory.PENDING)
                .kinds(TicketKind.INCIDENT, TicketKind.CHANGE).build());
        for (int a = 0; a < 4; a++) {
            Party agent = Party.person("a" + a);
            queries.add(TicketQuery.builder().assignee(agent).build());
            queries.add(TicketQuery.builder().assignee(agent).categories(StateCategory.OPEN).build());
            queries.add(TicketQuery.builder().assignee(agent).kinds(TicketKind.INCIDENT).build());
        }
        queries.add(TicketQuery.builder().categories(StateCategory.OPEN).priorities(List.of(new Priority(3))).build());
        return queries;
    }
}
