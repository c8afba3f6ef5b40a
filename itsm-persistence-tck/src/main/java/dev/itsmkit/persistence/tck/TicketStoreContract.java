package dev.itsmkit.persistence.tck;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static dev.itsmkit.persistence.tck.Fixtures.T0;
import static dev.itsmkit.persistence.tck.Fixtures.incident;
import static dev.itsmkit.persistence.tck.Fixtures.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.Cursor;
import dev.itsmkit.persistence.Page;
import dev.itsmkit.persistence.TicketOrder;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.spi.TicketStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TicketStore} and of saving snapshots: load, optimistic versions, numbers,
 * every query criterion, the orders, and cursor paging.
 */
public abstract class TicketStoreContract extends StoresContract {
    /** Creates the contract. */
    protected TicketStoreContract() {}

    private TicketStore tickets() {
        return acme().tickets();
    }

    /** A saved ticket is loaded back equal, by id and by number. */
    @Test
    public void aSavedTicketLoadsBackEqualByIdAndByNumber() {
        Ticket t = incident(ACME, 1);
        create(t);
        assertThat(tickets().find(t.id())).contains(t);
        assertThat(tickets().findByNumber(t.number())).contains(t);
    }

    /** An unknown id or number finds nothing. */
    @Test
    public void anUnknownTicketIsNotFound() {
        create(incident(ACME, 1));
        assertThat(tickets().find(TicketId.of("nope"))).isEmpty();
        assertThat(tickets().findByNumber(new TicketNumber(TicketKind.INCIDENT, 2))).isEmpty();
        assertThat(tickets().findByNumber(new TicketNumber(TicketKind.PROBLEM, 1))).isEmpty();
    }

    /** Saving over the expected version replaces the snapshot. */
    @Test
    public void savingOverTheExpectedVersionReplacesTheSnapshot() {
        Ticket v1 = incident(ACME, 1);
        create(v1);
        Ticket v2 = next(v1, b -> b.title("Printer on fire"));
        acme().begin().save(v2, 1).commit();
        assertThat(tickets().find(v1.id())).contains(v2);
        assertThat(tickets().findByNumber(v1.number())).contains(v2);
    }

    /** Saving over a stale version fails with the versions and leaves the snapshot as it was. */
    @Test
    public void savingOverAStaleVersionFailsAndChangesNothing() {
        Ticket v1 = incident(ACME, 1);
        create(v1);
        Ticket v2 = next(v1, b -> b.title("First writer"));
        acme().begin().save(v2, 1).commit();
        Ticket stale = next(v1, b -> b.title("Second writer"));
        assertThatThrownBy(() -> acme().begin().save(stale, 1).commit())
                .isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
                    assertThat(e.ticket()).isEqualTo(v1.id());
                    assertThat(e.expected()).isEqualTo(1);
                    assertThat(e.actual()).isEqualTo(2);
                });
        assertThat(tickets().find(v1.id())).contains(v2);
    }

    /** Creating a ticket whose id exists already is a concurrent update. */
    @Test
    public void creatingATicketThatExistsFails() {
        Ticket v1 = incident(ACME, 1);
        create(v1);
        assertThatThrownBy(() -> acme().begin().save(v1, 0).commit()).isInstanceOf(ConcurrentUpdateException.class);
    }

    /** Updating a ticket that was never created is a concurrent update (it was deleted or never existed). */
    @Test
    public void updatingATicketThatDoesNotExistFails() {
        Ticket v2 = next(incident(ACME, 1), b -> b);
        assertThatThrownBy(() -> acme().begin().save(v2, 1).commit())
                .isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> assertThat(e.actual()).isZero());
        assertThat(tickets().find(v2.id())).isEmpty();
    }

    /** A snapshot whose version is not the expected one plus one is a programming error. */
    @Test
    public void aSnapshotMustBeOneVersionAfterTheExpectedOne() {
        Ticket v1 = incident(ACME, 1);
        assertThatThrownBy(() -> acme().begin().save(v1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A second ticket cannot take a number that a ticket holds. */
    @Test
    public void aNumberHeldByATicketCannotBeTakenByAnother() {
        Ticket first = incident(ACME, 1);
        create(first);
        Ticket impostor = Ticket.builder(ACME, TicketId.of("other"), first.number()).title("Impostor")
                .state(Fixtures.NEW).requester(Party.person("eve")).createdAt(T0).updatedAt(T0).build();
        assertThatThrownBy(() -> acme().begin().save(impostor, 0).commit()).isInstanceOf(IllegalArgumentException.class);
        assertThat(tickets().find(impostor.id())).isEmpty();
        assertThat(tickets().findByNumber(first.number())).contains(first);
    }

    /** Numbers count from 1 per kind and never repeat. */
    @Test
    public void numbersCountFromOnePerKind() {
        var numbers = acme().numbers();
        assertThat(numbers.next(TicketKind.INCIDENT)).isEqualTo(new TicketNumber(TicketKind.INCIDENT, 1));
        assertThat(numbers.next(TicketKind.INCIDENT)).isEqualTo(new TicketNumber(TicketKind.INCIDENT, 2));
        assertThat(numbers.next(TicketKind.CHANGE)).isEqualTo(new TicketNumber(TicketKind.CHANGE, 1));
        assertThat(numbers.next(TicketKind.INCIDENT)).isEqualTo(new TicketNumber(TicketKind.INCIDENT, 3));
    }

    private List<Ticket> variedTickets() {
        List<Ticket> all = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            final int n = i;
            TicketKind kind = TicketKind.values()[n % 4];
            Ticket t = Fixtures.ticket(ACME, new TicketNumber(kind, n), T0.plusSeconds(97L * ((n * 37) % 60)));
            Ticket changed = t.toBuilder()
                    .state(n % 3 == 0 ? Fixtures.IN_PROGRESS : n % 3 == 1 ? Fixtures.NEW : Fixtures.RESOLVED)
                    .overridePriority(Priority.of(1 + n % 4), "fixture")
                    .assignee(n % 5 == 0 ? Optional.empty() : Optional.of(Party.person("agent" + n % 5)))
                    .assignmentGroup(Optional.of(Party.group(n % 2 == 0 ? "network" : "desktop")))
                    .service(n % 7 == 0 ? Optional.empty() : Optional.of(ServiceId.of("svc" + n % 3)))
                    .configurationItems(n % 4 == 0 ? List.of() : List.of(ConfigurationItemId.of("ci" + n % 6),
                            ConfigurationItemId.of("ci" + (n + 1) % 6)))
                    .field("site", Optional.of(FieldValue.of(n % 2 == 0 ? "berlin" : "paris")))
                    .updatedAt(t.createdAt().plusSeconds(n * 13L % 50))
                    .build();
            all.add(changed);
        }
        create(all);
        return all;
    }

    private static Comparator<Ticket> comparator(TicketOrder order) {
        Comparator<Ticket> byId = Comparator.comparing(t -> t.id().value());
        return switch (order) {
            case NUMBER -> Comparator.comparing(Ticket::number);
            case CREATED -> Comparator.comparing(Ticket::createdAt).thenComparing(byId);
            case UPDATED -> Comparator.comparing(Ticket::updatedAt).thenComparing(byId);
        };
    }

    private List<Ticket> readAll(TicketQuery query, int pageSize) {
        List<Ticket> all = new ArrayList<>();
        Page<Ticket> page = tickets().query(query, pageSize);
        all.addAll(page.items());
        int guard = 0;
        while (page.next().isPresent()) {
            assertThat(page.items()).hasSize(pageSize);
            page = tickets().query(query, page.next().get(), pageSize);
            all.addAll(page.items());
            assertThat(++guard).isLessThan(10_000);
        }
        return all;
    }

    private void assertQueryMatchesModel(List<Ticket> all, TicketQuery query) {
        List<Ticket> expected = all.stream().filter(query::matches).sorted(comparator(query.order())).toList();
        for (int pageSize : new int[] {1, 3, 7, 100}) {
            assertThat(readAll(query, pageSize)).as("%s in pages of %d", query, pageSize).containsExactlyElementsOf(expected);
        }
        assertThat(tickets().count(query)).as("count of %s", query).isEqualTo(expected.size());
    }

    /** Every criterion, alone and in every order, returns exactly the matching tickets in order, page by page. */
    @Test
    public void everyCriterionSelectsExactlyTheMatchingTicketsInOrder() {
        List<Ticket> all = variedTickets();
        List<Function<TicketQuery.Builder, TicketQuery.Builder>> criteria = List.of(
                b -> b,
                b -> b.categories(StateCategory.OPEN),
                b -> b.categories(StateCategory.NEW, StateCategory.RESOLVED),
                b -> b.kinds(TicketKind.INCIDENT, TicketKind.CHANGE),
                b -> b.priorities(List.of(Priority.of(1), Priority.of(3))),
                b -> b.assignee(Party.person("agent2")),
                b -> b.assignmentGroup(Party.group("network")),
                b -> b.service(ServiceId.of("svc1")),
                b -> b.configurationItem(ConfigurationItemId.of("ci3")),
                b -> b.createdIn(new TimeWindow(T0.plusSeconds(500), T0.plusSeconds(3000))),
                b -> b.updatedIn(new TimeWindow(T0.plusSeconds(1000), T0.plusSeconds(4000))),
                b -> b.field("site", FieldValue.of("berlin")),
                b -> b.assignmentGroup(Party.group("network")).categories(StateCategory.OPEN).service(ServiceId.of("svc2")),
                b -> b.assignee(Party.person("nobody")));
        for (var criterion : criteria) {
            for (TicketOrder order : TicketOrder.values()) {
                assertQueryMatchesModel(all, criterion.apply(TicketQuery.builder()).orderBy(order).build());
            }
        }
    }

    /** Queries see saved changes: a ticket leaves the results of criteria it no longer meets. */
    @Test
    public void queriesFollowUpdates() {
        Ticket t = incident(ACME, 1).toBuilder().assignee(Optional.of(Party.person("bob"))).build();
        create(t);
        TicketQuery bobs = TicketQuery.builder().assignee(Party.person("bob")).build();
        assertThat(tickets().query(bobs, 10).items()).containsExactly(t);
        Ticket moved = next(t, b -> b.assignee(Optional.of(Party.person("carol"))).state(Fixtures.IN_PROGRESS));
        acme().begin().save(moved, 1).commit();
        assertThat(tickets().query(bobs, 10).items()).isEmpty();
        assertThat(tickets().query(TicketQuery.builder().assignee(Party.person("carol")).build(), 10).items())
                .containsExactly(moved);
        assertThat(tickets().query(TicketQuery.builder().categories(StateCategory.NEW).build(), 10).items()).isEmpty();
        assertThat(tickets().query(TicketQuery.builder().orderBy(TicketOrder.UPDATED).build(), 10).items())
                .containsExactly(moved);
    }

    /** Tickets inserted while a caller pages neither repeat nor hide any ticket that was there at the start. */
    @Test
    public void pagingIsStableUnderInserts() {
        for (TicketOrder order : TicketOrder.values()) {
            createFreshStores();
            List<Ticket> initial = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                initial.add(Fixtures.ticket(ACME, new TicketNumber(TicketKind.INCIDENT, i * 2L), T0.plusSeconds(i * 2L)));
            }
            create(initial);
            TicketQuery query = TicketQuery.builder().orderBy(order).build();
            List<Ticket> seen = new ArrayList<>();
            Page<Ticket> page = tickets().query(query, 4);
            seen.addAll(page.items());
            int inserted = 0;
            while (page.next().isPresent()) {
                // inserts before, between and after the cursor's position
                inserted++;
                create(Fixtures.ticket(ACME, new TicketNumber(TicketKind.INCIDENT, inserted * 4L - 1),
                        T0.plusSeconds(inserted * 4L - 1)));
                create(Fixtures.ticket(ACME, new TicketNumber(TicketKind.INCIDENT, 1000L + inserted), T0.plusSeconds(1000 + inserted)));
                page = tickets().query(query, page.next().get(), 4);
                seen.addAll(page.items());
            }
            Set<TicketId> ids = new HashSet<>();
            seen.forEach(t -> assertThat(ids.add(t.id())).as("%s seen twice in order %s", t, order).isTrue());
            assertThat(seen).as("order %s", order).containsAll(initial).isSortedAccordingTo(comparator(order));
        }
    }

    /** A cursor works only with the query that made it. */
    @Test
    public void aCursorOfAnotherQueryIsRefused() {
        variedTickets();
        Page<Ticket> page = tickets().query(TicketQuery.all(), 5);
        Cursor cursor = page.next().orElseThrow();
        TicketQuery other = TicketQuery.builder().categories(StateCategory.OPEN).build();
        assertThatThrownBy(() -> tickets().query(other, cursor, 5)).isInstanceOf(IllegalArgumentException.class);
        TicketQuery otherOrder = TicketQuery.builder().orderBy(TicketOrder.UPDATED).build();
        assertThatThrownBy(() -> tickets().query(otherOrder, cursor, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tickets().query(TicketQuery.all(), new Cursor("garbage"), 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A page holds 1 to 10,000 items. */
    @Test
    public void aPageLimitOutOfRangeIsRefused() {
        assertThatThrownBy(() -> tickets().query(TicketQuery.all(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tickets().query(TicketQuery.all(), 10_001)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The last page has no next cursor; an empty store gives one empty page. */
    @Test
    public void theLastPageHasNoCursor() {
        assertThat(tickets().query(TicketQuery.all(), 10)).isEqualTo(new Page<Ticket>(List.of(), Optional.empty()));
        create(incident(ACME, 1), incident(ACME, 2));
        Page<Ticket> exact = tickets().query(TicketQuery.all(), 2);
        assertThat(exact.items()).hasSize(2);
        assertThat(exact.hasNext()).isFalse();
    }
}
