package dev.itsmkit.persistence.tck;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static dev.itsmkit.persistence.tck.Fixtures.GLOBEX;
import static dev.itsmkit.persistence.tck.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.persistence.AuditRecord;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.Page;
import dev.itsmkit.persistence.PendingDelivery;
import dev.itsmkit.persistence.TicketOrder;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.TimerClaim;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.persistence.spi.UnitOfWork;
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
 * A stateful property: random sequences of operations on two tenants, checked after every step against a simple
 * model held in hash maps. The operations: create; update with a current or a stale version (a unit of work that
 * also appends an event, saves a clock and enqueues an outbox entry, so a stale one must roll all of them back);
 * save a clock; schedule and cancel timers; claim due timers as one of two nodes with a lease, complete a held claim
 * (fenced: a claim re-claimed after its lease expired, rescheduled or cancelled completes nothing), and advance the
 * virtual clock past leases; take ticket numbers; deliver and acknowledge outbox entries; and query with one of
 * several criteria in every order, paged. QuickTheories shrinks a failing sequence to a short one; each operation is
 * encoded as one integer, so shrinking makes operations simpler too.
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

    private static final int KINDS = 12;
    private static final String CHANNEL = "model";
    private static final Duration LEASE = Duration.ofSeconds(20);
    private static final NodeId[] NODES = {NodeId.of("node-a"), NodeId.of("node-b")};

    private record Key(TenantId tenant, TicketId id) {}

    private record TimerKey(TenantId tenant, TimerId id) {}

    private record ClockKey(Key ticket, String target) {}

    private record NumberKey(TenantId tenant, TicketKind kind) {}

    /** A scheduled timer and the claim that holds it, if any (expired or not). */
    private record ModelTimer(DueTimer timer, Optional<TimerClaim> claim) {}

    /** The model: what the stores must hold. */
    private static final class Model {
        Instant now = T0;
        final Map<Key, Ticket> tickets = new HashMap<>();
        final Map<Key, List<TicketEvent>> events = new HashMap<>();
        final Map<ClockKey, SlaClockSnapshot> clocks = new HashMap<>();
        final Map<Key, List<OutboxEntry>> outbox = new HashMap<>();
        /** Every entry not yet acknowledged on {@link #CHANNEL}, in commit order. */
        final List<OutboxEntry> undelivered = new ArrayList<>();
        final Map<TimerKey, ModelTimer> timers = new HashMap<>();
        /** Claims handed out and not yet offered to {@code complete}, current or not. */
        final List<TimerClaim> held = new ArrayList<>();
        final Map<NumberKey, TicketNumber> numbers = new HashMap<>();
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

    /** Incidents for odd numbers, service requests for even ones; created at {@code T0} or a second later. */
    private static Ticket fresh(TenantId tenant, int n) {
        TicketKind kind = n % 2 == 1 ? TicketKind.INCIDENT : TicketKind.SERVICE_REQUEST;
        return Fixtures.ticket(tenant, new TicketNumber(kind, n), T0.plusSeconds(n / 3));
    }

    private static String describe(int op) {
        int kind = op % KINDS;
        int rest = op / KINDS;
        String tenant = rest % 2 == 0 ? "acme" : "globex";
        int n = rest / 2 % 4 + 1;
        int detail = rest / 8;
        return switch (kind) {
            case 0 -> "create " + tenant + " #" + n;
            case 1 -> "update " + tenant + " #" + n;
            case 2 -> "stale update " + tenant + " #" + n;
            case 3 -> "schedule " + tenant + " #" + n + " " + percent(detail) + "% at +" + 5 * (detail % 10) + "s";
            case 4 -> "cancel " + tenant + " #" + n + " " + percent(detail) + "%";
            case 5 -> "claim as " + NODES[detail % 2] + " up to " + (1 + detail % 3);
            case 6 -> "query " + tenant + " " + criterion(detail) + " by " + TicketOrder.values()[detail % 3]
                    + " in pages of " + (1 + detail % 4);
            case 7 -> "save clock " + tenant + " #" + n + " " + target(detail);
            case 8 -> "advance " + advance(detail).toSeconds() + "s";
            case 9 -> "complete held claim " + detail;
            case 10 -> "next number " + tenant + " " + TicketKind.values()[detail % 4];
            default -> "deliver up to " + (1 + detail % 3) + ", acknowledge " + (detail % 3);
        };
    }

    private static int percent(int detail) {
        return detail % 2 == 0 ? 100 : 50;
    }

    private static String target(int detail) {
        return detail % 2 == 0 ? "resolution" : "response";
    }

    private static Duration advance(int detail) {
        return Duration.ofSeconds(5 + 10L * (detail % 4));
    }

    private static String criterion(int detail) {
        return switch (detail / 3 % 9) {
            case 0 -> "all";
            case 1 -> "NEW or OPEN";
            case 2 -> "assigned to agent1";
            case 3 -> "of group network";
            case 4 -> "incidents";
            case 5 -> "updated in +" + detail % 10 + "s..+" + (detail % 10 + 12) + "s";
            case 6 -> "created in +0s..+1s";
            case 7 -> "tier t1";
            default -> "RESOLVED or CLOSED service requests";
        };
    }

    private static TicketQuery query(int detail) {
        TicketQuery.Builder b = TicketQuery.builder().orderBy(TicketOrder.values()[detail % 3]);
        return switch (detail / 3 % 9) {
            case 0 -> b.build();
            case 1 -> b.categories(StateCategory.NEW, StateCategory.OPEN).build();
            case 2 -> b.assignee(Party.person("agent1")).build();
            case 3 -> b.assignmentGroup(Party.group("network")).build();
            case 4 -> b.kinds(TicketKind.INCIDENT).build();
            case 5 -> b.updatedIn(new TimeWindow(T0.plusSeconds(detail % 10), T0.plusSeconds(detail % 10 + 12))).build();
            case 6 -> b.createdIn(new TimeWindow(T0, T0.plusSeconds(1))).build();
            case 7 -> b.field("tier", new FieldValue.Text("t1")).build();
            default -> b.categories(StateCategory.RESOLVED, StateCategory.CLOSED).kinds(TicketKind.SERVICE_REQUEST).build();
        };
    }

    private void apply(int op, Model model, int step) {
        int kind = op % KINDS;
        int rest = op / KINDS;
        TenantId tenant = rest % 2 == 0 ? ACME : GLOBEX;
        TenantStores stores = this.stores.forTenant(tenant);
        int n = rest / 2 % 4 + 1;
        int detail = rest / 8;
        Key key = new Key(tenant, Fixtures.idOf(fresh(tenant, n).number()));
        Ticket current = model.tickets.get(key);
        switch (kind) {
            case 0 -> {
                Ticket fresh = fresh(tenant, n);
                if (current != null) {
                    assertThatThrownBy(() -> stores.begin().save(fresh, 0).commit()).isInstanceOf(ConcurrentUpdateException.class);
                } else {
                    stores.begin().save(fresh, 0).commit();
                    model.tickets.put(key, fresh);
                }
            }
            case 1, 2 -> update(model, stores, key, n, kind == 2, detail, step);
            case 3 -> {
                DueTimer timer = DueTimer.of(tenant, key.id(), "resolution", 1, percent(detail), T0.plusSeconds(5L * (detail % 10)));
                stores.begin().schedule(timer).commit();
                // scheduling replaces the timer and un-claims it: a claim held on the old one is stale
                model.timers.put(new TimerKey(tenant, timer.id()), new ModelTimer(timer, Optional.empty()));
            }
            case 4 -> {
                TimerId id = TimerId.of(key.id(), "resolution", 1, percent(detail));
                stores.begin().cancel(id).commit();
                model.timers.remove(new TimerKey(tenant, id));
            }
            case 5 -> claim(model, NODES[detail % 2], 1 + detail % 3);
            case 6 -> checkQuery(tenant, model, query(detail), 1 + detail % 4);
            case 7 -> {
                SlaClockSnapshot clock = Fixtures.clock(fresh(tenant, n), target(detail), Duration.ofMinutes(detail % 5));
                stores.begin().save(clock).commit();
                model.clocks.put(new ClockKey(key, clock.target()), clock);
            }
            case 8 -> model.now = model.now.plus(advance(detail));
            case 9 -> complete(model, detail);
            case 10 -> {
                TicketKind numberKind = TicketKind.values()[detail % 4];
                TicketNumber next = stores.numbers().next(numberKind);
                TicketNumber before = model.numbers.put(new NumberKey(tenant, numberKind), next);
                assertThat(next.kind()).isEqualTo(numberKind);
                assertThat(next.sequence()).as("the next number after %s", before)
                        .isGreaterThan(before == null ? 0 : before.sequence());
            }
            default -> deliver(model, 1 + detail % 3, detail % 3);
        }
        assertThat(stores.tickets().find(key.id())).isEqualTo(Optional.ofNullable(model.tickets.get(key)));
        assertThat(this.stores.timerClaims().nextWakeUp()).as("the next wake-up").isEqualTo(nextWakeUp(model));
    }

    /** One command's unit of work: the snapshot, an event, a clock and an outbox entry; all or nothing. */
    private void update(Model model, TenantStores stores, Key key, int n, boolean stale, int detail, int step) {
        Ticket current = model.tickets.get(key);
        Ticket base = current != null ? current : fresh(key.tenant(), n);
        long expected = stale ? base.version() - 1 : base.version();
        Ticket updated = base.toBuilder()
                .state(STATES[detail % STATES.length])
                .assignee(detail % 3 == 0 ? Optional.empty() : Optional.of(Party.person("agent" + detail % 3)))
                .assignmentGroup(detail % 2 == 0 ? Optional.empty() : Optional.of(Party.group("network")))
                .field("tier", Optional.of(new FieldValue.Text("t" + detail % 3)))
                .version(expected + 1)
                .updatedAt(T0.plusSeconds(step))
                .build();
        List<TicketEvent> trail = model.events.getOrDefault(key, List.of());
        TicketEvent event = Fixtures.event(key.tenant(), key.id(), trail.size() + 1L, T0.plusSeconds(step));
        SlaClockSnapshot clock = Fixtures.clock(updated, "resolution", Duration.ofMinutes(step));
        OutboxEntry entry = Fixtures.entry(event);
        UnitOfWork uow = stores.begin().save(updated, expected).append(event).save(clock).enqueue(entry);
        // the store's rule: a save commits if and only if it expects the stored version (0 when absent)
        if (expected != (current == null ? 0 : current.version())) {
            assertThatThrownBy(uow::commit).isInstanceOf(ConcurrentUpdateException.class);
            return;
        }
        uow.commit();
        model.tickets.put(key, updated);
        List<TicketEvent> longer = new ArrayList<>(trail);
        longer.add(event);
        model.events.put(key, longer);
        model.clocks.put(new ClockKey(key, "resolution"), clock);
        model.outbox.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
        model.undelivered.add(entry);
    }

    /** When a timer next needs attention: its due instant, or the end of the lease of the claim that holds it. */
    private static Instant wake(ModelTimer t) {
        return t.claim().map(TimerClaim::leaseUntil).orElse(t.timer().dueAt());
    }

    /**
     * Claims as a node: the claimable timers (due, and unclaimed or with an expired lease) that wake first, a
     * timer held by an expired claim waking at its lease's end (both adapters order so, as {@code nextWakeUp} does).
     */
    private void claim(Model model, NodeId node, int limit) {
        Map<DueTimer, Instant> claimable = new HashMap<>();
        model.timers.values().stream()
                .filter(t -> !t.timer().dueAt().isAfter(model.now))
                .filter(t -> t.claim().isEmpty() || !t.claim().get().leaseUntil().isAfter(model.now))
                .forEach(t -> claimable.put(t.timer(), wake(t)));
        List<TimerClaim> claims = this.stores.timerClaims().claimDue(model.now, node, LEASE, limit);
        assertThat(claims).hasSize(Math.min(limit, claimable.size()));
        assertThat(claims).extracting(TimerClaim::timer).isSubsetOf(claimable.keySet()).doesNotHaveDuplicates();
        assertThat(claims).extracting(c -> claimable.get(c.timer())).as("the claims' wake instants").isSorted();
        if (!claims.isEmpty()) {
            Instant latestClaimed = claimable.get(claims.get(claims.size() - 1).timer());
            List<DueTimer> claimedTimers = claims.stream().map(TimerClaim::timer).toList();
            assertThat(claimable.entrySet()).filteredOn(e -> !claimedTimers.contains(e.getKey()))
                    .as("claimable timers left behind wake no earlier than the last one claimed")
                    .allSatisfy(e -> assertThat(e.getValue()).isAfterOrEqualTo(latestClaimed));
        }
        for (TimerClaim c : claims) {
            assertThat(c.node()).isEqualTo(node);
            assertThat(c.leaseUntil()).isEqualTo(model.now.plus(LEASE));
            TimerKey key = new TimerKey(c.timer().tenant(), c.timer().id());
            model.timers.get(key).claim()
                    .ifPresent(previous -> assertThat(c.token()).as("a new claim's token").isNotEqualTo(previous.token()));
            model.timers.put(key, new ModelTimer(c.timer(), Optional.of(c)));
            model.held.add(c);
        }
    }

    /** Completes a held claim: removes its timer if and only if the claim is still the timer's current one. */
    private void complete(Model model, int detail) {
        if (model.held.isEmpty()) {
            return;
        }
        TimerClaim c = model.held.remove(detail % model.held.size());
        TimerKey key = new TimerKey(c.timer().tenant(), c.timer().id());
        ModelTimer timer = model.timers.get(key);
        boolean current = timer != null && timer.claim().isPresent() && timer.claim().get().token() == c.token();
        assertThat(this.stores.timerClaims().complete(c)).as("completing %s", c).isEqualTo(current);
        if (current) {
            model.timers.remove(key);
        }
    }

    /** Reads the due entries of the model's channel, then acknowledges the first few of them. */
    private void deliver(Model model, int limit, int acknowledge) {
        List<PendingDelivery> due = this.stores.outboxDelivery().due(CHANNEL, model.now, limit);
        assertThat(due).extracting(PendingDelivery::entry)
                .containsExactlyElementsOf(model.undelivered.subList(0, Math.min(limit, model.undelivered.size())));
        assertThat(due).extracting(PendingDelivery::position).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < Math.min(acknowledge, due.size()); i++) {
            this.stores.outboxDelivery().acknowledge(CHANNEL, due.get(i).position());
            model.undelivered.remove(due.get(i).entry());
        }
    }

    private static Optional<Instant> nextWakeUp(Model model) {
        return model.timers.values().stream().map(ModelContract::wake).min(Comparator.naturalOrder());
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
        assertThat(stores.forTenant(tenant).tickets().count(query)).isEqualTo(expected.size());
    }

    private void checkEverything(Model model) {
        for (TenantId tenant : List.of(ACME, GLOBEX)) {
            TenantStores stores = this.stores.forTenant(tenant);
            long count = model.tickets.keySet().stream().filter(k -> k.tenant().equals(tenant)).count();
            assertThat(stores.tickets().count(TicketQuery.all())).isEqualTo(count);
            checkQuery(tenant, model, TicketQuery.all(), 2);
            for (int n = 1; n <= 4; n++) {
                Key key = new Key(tenant, Fixtures.idOf(fresh(tenant, n).number()));
                Ticket ticket = model.tickets.get(key);
                assertThat(stores.tickets().findByNumber(fresh(tenant, n).number())).isEqualTo(Optional.ofNullable(ticket));
                List<SlaClockSnapshot> clocks = model.clocks.entrySet().stream().filter(e -> e.getKey().ticket().equals(key))
                        .sorted(Comparator.comparing(e -> e.getKey().target())).map(Map.Entry::getValue).toList();
                assertThat(stores.clocks().forTicket(key.id())).as("the clocks of %s", key).containsExactlyElementsOf(clocks);
                assertThat(stores.outbox().forTicket(key.id())).as("the outbox of %s", key)
                        .containsExactlyElementsOf(model.outbox.getOrDefault(key, List.of()));
                assertThat(stores.timers().forTicket(key.id())).as("the timers of %s", key)
                        .containsExactlyInAnyOrderElementsOf(model.timers.entrySet().stream()
                                .filter(e -> e.getKey().tenant().equals(tenant) && e.getValue().timer().ticket().equals(key.id()))
                                .map(e -> e.getValue().timer()).toList());
                if (ticket != null) {
                    assertThat(stores.loadForCommand(key.id()).orElseThrow().lastSequence())
                            .isEqualTo(model.events.getOrDefault(key, List.of()).size());
                }
            }
        }
        model.events.forEach((key, events) -> {
            TenantStores stores = this.stores.forTenant(key.tenant());
            assertThat(stores.auditTrail().forTicket(key.id())).extracting(AuditRecord::event).containsExactlyElementsOf(events);
            assertThat(stores.auditTrail().verify(key.id()).intact()).isTrue();
        });
        model.timers.forEach((key, timer) ->
                assertThat(this.stores.forTenant(key.tenant()).timers().find(key.id())).contains(timer.timer()));
        assertThat(this.stores.outboxDelivery().due(CHANNEL, model.now, 1000)).extracting(PendingDelivery::entry)
                .containsExactlyElementsOf(model.undelivered);
    }
}
