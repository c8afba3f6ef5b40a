package dev.itsmkit.persistence.tck;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static dev.itsmkit.persistence.tck.Fixtures.GLOBEX;
import static dev.itsmkit.persistence.tck.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.persistence.AuditRecord;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.Page;
import dev.itsmkit.persistence.TicketOrder;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.TimerClaim;
import dev.itsmkit.persistence.spi.TenantStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A stateful property: random sequences of operations (create, update with a current or stale
 * version, schedule, cancel, claim and complete timers, query) on two tenants, checked after every
 * step against a simple model held in hash maps. QuickTheories shrinks a failing sequence to a
 * short one; each operation is encoded as one integer, so shrinking makes operations simpler too.
 */
public abstract class ModelContract extends StoresContract {
    /** Creates the contract. */
    protected ModelContract() {}

    /**
     * Tells how many random sequences to try.
     *
     * @return 200 unless overridden; an adapter on a database may run fewer
     */
    protected int examples() {
        return 200;
    }

    private record Key(TenantId tenant, TicketId id) {}

    private record TimerKey(TenantId tenant, TimerId id) {}

    /** The model: what the stores must hold. */
    private static final class Model {
        final Map<Key, Ticket> tickets = new HashMap<>();
        final Map<Key, List<TicketEvent>> events = new HashMap<>();
        final Map<TimerKey, DueTimer> timers = new HashMap<>();
    }

    private static final TicketState[] STATES = {Fixtures.NEW, Fixtures.IN_PROGRESS, Fixtures.RESOLVED,
            TicketState.of("CLOSED", StateCategory.CLOSED)};

    /** Every sequence of operations leaves the stores equal to the model. */
    @Test
    public void randomOperationSequencesAgreeWithAModel() {
        qt().withExamples(examples())
                .forAll(lists().of(integers().between(0, 9_999_999)).ofSizeBetween(1, 40))
                .describedAs(ops -> ops.stream().map(ModelContract::describe).collect(Collectors.joining("; ")))
                .checkAssert(ops -> {
                    createFreshStores();
                    Model model = new Model();
                    int step = 0;
                    for (int op : ops) {
                        apply(op, model, ++step);
                    }
                    checkEverything(model);
                });
    }

    private static String describe(int op) {
        int kind = op % 7;
        int rest = op / 7;
        String tenant = rest % 2 == 0 ? "acme" : "globex";
        int n = rest / 2 % 4 + 1;
        return switch (kind) {
            case 0 -> "create " + tenant + " #" + n;
            case 1 -> "update " + tenant + " #" + n;
            case 2 -> "stale update " + tenant + " #" + n;
            case 3 -> "schedule " + tenant + " #" + n + " at +" + (rest / 8 % 10);
            case 4 -> "cancel " + tenant + " #" + n;
            case 5 -> "claim at +" + (rest / 8 % 10);
            default -> "query " + tenant + " order " + TicketOrder.values()[rest / 8 % 3];
        };
    }

    private void apply(int op, Model model, int step) {
        int kind = op % 7;
        int rest = op / 7;
        TenantId tenant = rest % 2 == 0 ? ACME : GLOBEX;
        TenantStores stores = this.stores.forTenant(tenant);
        int n = rest / 2 % 4 + 1;
        int detail = rest / 8;
        Key key = new Key(tenant, Fixtures.idOf(Fixtures.incident(tenant, n).number()));
        Ticket current = model.tickets.get(key);
        switch (kind) {
            case 0 -> {
                Ticket fresh = Fixtures.incident(tenant, n);
                if (current != null) {
                    assertThatThrownBy(() -> stores.begin().save(fresh, 0).commit()).isInstanceOf(ConcurrentUpdateException.class);
                } else {
                    stores.begin().save(fresh, 0).commit();
                    model.tickets.put(key, fresh);
                }
            }
            case 1, 2 -> {
                boolean stale = kind == 2;
                Ticket base = current != null ? current : Fixtures.incident(tenant, n);
                long expected = stale ? base.version() - 1 : base.version();
                Ticket updated = base.toBuilder()
                        .state(STATES[detail % STATES.length])
                        .assignee(detail % 3 == 0 ? Optional.empty() : Optional.of(Party.person("agent" + detail % 3)))
                        .version(expected + 1)
                        .updatedAt(T0.plusSeconds(step))
                        .build();
                List<TicketEvent> trail = model.events.getOrDefault(key, List.of());
                TicketEvent event = Fixtures.event(tenant, key.id(), trail.size() + 1L, T0.plusSeconds(step));
                var uow = stores.begin().save(updated, expected).append(event);
                // the store's rule: a save commits if and only if it expects the stored version (0 when absent)
                if (expected != (current == null ? 0 : current.version())) {
                    assertThatThrownBy(uow::commit).isInstanceOf(ConcurrentUpdateException.class);
                } else {
                    uow.commit();
                    model.tickets.put(key, updated);
                    List<TicketEvent> longer = new ArrayList<>(trail);
                    longer.add(event);
                    model.events.put(key, longer);
                }
            }
            case 3 -> {
                DueTimer timer = DueTimer.of(tenant, key.id(), "resolution", 1, 100, T0.plusSeconds(detail % 10));
                stores.begin().schedule(timer).commit();
                model.timers.put(new TimerKey(tenant, timer.id()), timer);
            }
            case 4 -> {
                TimerId id = TimerId.of(key.id(), "resolution", 1, 100);
                stores.begin().cancel(id).commit();
                model.timers.remove(new TimerKey(tenant, id));
            }
            case 5 -> {
                Instant now = T0.plusSeconds(detail % 10);
                List<TimerClaim> claims = this.stores.timerClaims().claimDue(now, NodeId.of("model"), Duration.ofDays(1), 1000);
                List<DueTimer> expectedDue = model.timers.values().stream().filter(t -> !t.dueAt().isAfter(now))
                        .sorted(Comparator.comparing(DueTimer::dueAt)).toList();
                assertThat(claims).extracting(TimerClaim::timer).containsExactlyInAnyOrderElementsOf(expectedDue);
                assertThat(claims).extracting(c -> c.timer().dueAt()).isSorted();
                for (TimerClaim c : claims) {
                    assertThat(this.stores.timerClaims().complete(c)).isTrue();
                    model.timers.remove(new TimerKey(c.timer().tenant(), c.timer().id()));
                }
            }
            default -> {
                TicketOrder order = TicketOrder.values()[detail % 3];
                TicketQuery query = detail % 2 == 0 ? TicketQuery.builder().orderBy(order).build()
                        : TicketQuery.builder().categories(StateCategory.NEW, StateCategory.OPEN).orderBy(order).build();
                checkQuery(tenant, model, query, 1 + detail % 3);
            }
        }
        Optional<Ticket> stored = stores.tickets().find(key.id());
        assertThat(stored).isEqualTo(Optional.ofNullable(model.tickets.get(key)));
    }

    private void checkQuery(TenantId tenant, Model model, TicketQuery query, int pageSize) {
        Comparator<Ticket> byId = Comparator.comparing(t -> t.id().value());
        Comparator<Ticket> comparator = switch (query.order()) {
            case NUMBER -> Comparator.comparing(Ticket::number);
            case CREATED -> Comparator.comparing(Ticket::createdAt).thenComparing(byId);
            case UPDATED -> Comparator.comparing(Ticket::updatedAt).thenComparing(byId);
        };
        List<Ticket> expected = model.tickets.entrySet().stream().filter(e -> e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue).filter(query::matches).sorted(comparator).toList();
        List<Ticket> actual = new ArrayList<>();
        Page<Ticket> page = stores.forTenant(tenant).tickets().query(query, pageSize);
        actual.addAll(page.items());
        while (page.hasNext()) {
            page = stores.forTenant(tenant).tickets().query(query, page.next().orElseThrow(), pageSize);
            actual.addAll(page.items());
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private void checkEverything(Model model) {
        for (TenantId tenant : List.of(ACME, GLOBEX)) {
            TenantStores stores = this.stores.forTenant(tenant);
            long count = model.tickets.keySet().stream().filter(k -> k.tenant().equals(tenant)).count();
            assertThat(stores.tickets().count(TicketQuery.all())).isEqualTo(count);
            checkQuery(tenant, model, TicketQuery.all(), 2);
        }
        model.events.forEach((key, events) -> {
            TenantStores stores = this.stores.forTenant(key.tenant());
            assertThat(stores.auditTrail().forTicket(key.id())).extracting(AuditRecord::event).containsExactlyElementsOf(events);
            assertThat(stores.auditTrail().verify(key.id()).intact()).isTrue();
        });
        model.timers.forEach((key, timer) ->
                assertThat(this.stores.forTenant(key.tenant()).timers().find(key.id())).contains(timer));
        assertThat(this.stores.timerClaims().nextWakeUp())
                .isEqualTo(model.timers.values().stream().map(DueTimer::dueAt).min(Comparator.naturalOrder()));
    }
}
