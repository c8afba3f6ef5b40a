package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.FieldSchema;
import dev.itsmkit.core.ImpactUrgencyMatrix;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.command.CommandValidator;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.command.TicketCommand;
import dev.itsmkit.core.command.TransitionTicket;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.persistence.AuditRecord;
import dev.itsmkit.persistence.ChainVerification;
import dev.itsmkit.persistence.Cursor;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.Page;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.notification.OutboxDispatcher;
import dev.itsmkit.persistence.spi.Notifier;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.sla.BusinessCalendars;
import dev.itsmkit.sla.ClockChange;
import dev.itsmkit.sla.SlaEngine;
import dev.itsmkit.sla.SlaPolicy;
import dev.itsmkit.workflow.internal.CommandEngine;
import dev.itsmkit.workflow.internal.DeskSettings;
import dev.itsmkit.workflow.internal.TimerService;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The engine an application embeds: every command on a ticket goes through here, and so do the
 * SLA timers. One {@code ServiceDesk} serves every tenant and any number of threads.
 *
 * <pre>{@code
 * ServiceDesk desk = ServiceDesk.inMemory();
 * Ticket incident = desk.open(OpenTicket.builder(tenant, alice, TicketKind.INCIDENT, "Mail is down").build()).ticket();
 * desk.execute(new TransitionTicket(tenant, alice, incident.id(), OptionalLong.empty(), "start", Map.of(), Optional.empty()));
 * desk.fireDue();   // SLA warnings and breaches that are due by the clock's now
 * }</pre>
 *
 * <p><b>The flow of one command</b> ({@link #execute}): the command is checked with Jakarta Bean
 * Validation; the ticket is loaded; the command is authorized: the {@link TransitionAuthorizer} is
 * asked once whether the actor holds the command's permission ({@link CommandPermissions}) for the
 * ticket; fields the ticket's state locks ({@link LifecycleState#lockedFields()}) are refused; the
 * lifecycle gate decides a transition (its guards, approvals and permission guards); the command becomes domain events, which applied to
 * the snapshot give the new one (version + 1); the lifecycle's actions run (set a field, assign,
 * open a child task, notify); the SLA engine updates the ticket's clocks and says which due timers to
 * schedule and cancel; then one unit of work saves the snapshot with an optimistic version check,
 * appends the events to the audit trail, saves the clocks and timers and writes the outbox; after
 * commit the outbox goes to the notifiers. Any refusal is a typed exception naming the rule —
 * {@link dev.itsmkit.core.ValidationException}, {@link TransitionRefusedException},
 * {@link CommandRefusedException}, {@link TicketNotFoundException},
 * {@link dev.itsmkit.persistence.ConcurrentUpdateException} — and nothing is written.
 *
 * <p><b>Commands and what they record.</b> {@code OpenTicket}: a {@code TicketCreated} in the first
 * state of the kind's lifecycle, priority from the tenant's impact/urgency matrix, custom fields
 * checked against the tenant's field schema. {@code TransitionTicket}: the fields given with it (so
 * guards see them), the state change, the transition's actions, the comment. {@code UpdateFields},
 * {@code Assign}, {@code Unassign}, {@code ChangeImpactUrgency}, {@code OverridePriority} and
 * {@code ClearPriorityOverride} (both need {@link #OVERRIDE_PRIORITY_PERMISSION}),
 * {@code AddJournalEntry}, {@code RequestApprovals}, {@code DecideApproval} (by the approver, by a
 * member of an approving group ({@link Builder#groups}), or by an actor holding {@link #DECIDE_ON_BEHALF_PERMISSION}), {@code AddLink} and {@code RemoveLink}
 * (mirrored on the target with the inverse type, in the same unit of work). A ticket in a final
 * state takes comments and links only. When a problem becomes a known error, each of its incidents
 * gets a work note naming the known error and its workaround (and the link back to the problem, if
 * it lacked it), in the same unit of work; so does an incident linked to the known error later, when
 * the link is made (from either ticket).
 *
 * <p><b>Concurrency.</b> Optimistic: the unit of work checks the version read. A command that lost
 * a race is decided again from a fresh load when {@link RetryPolicy#isSafeToRetry} says so, up to the
 * {@link RetryPolicy}'s attempts; no update is lost either way.
 *
 * <p><b>SLA timers.</b> Due timers are durable in the store's timer table. {@link #fireDue()} claims
 * the timers due by the clock's now (a lease per node, so one node fires each), brings the ticket's
 * clocks up to now, records each warning and breach once as an event, runs the escalations the
 * policy attaches to the threshold, and completes the claims. A new {@code ServiceDesk} on the same
 * stores carries on where the last one stopped. Tests drive a virtual clock and call
 * {@code fireDue()}; production calls {@link #start()} to fire on a daemon thread that sleeps
 * until the next due instant.
 *
 * <p><b>Notifications.</b> What lifecycle notify actions, SLA escalations and
 * {@linkplain Builder#announce announced} events ask for is written to the outbox in the command's unit of
 * work, and delivered to the {@linkplain Builder#notifier notifiers} at least once, by default on the
 * command's thread after its commit, or only on the desk's delivery thread
 * ({@link Builder#delivery NotificationDelivery}); once {@link #start()} has run, that thread also retries
 * failed deliveries with backoff. A desk with no notifier writes no notifications, so that nothing piles
 * up unread, unless the application reads the outbox itself ({@link Builder#outboxReadElsewhere()}).
 *
 * <p>Thread-safe.
 */
public final class ServiceDesk implements AutoCloseable {
    /** The permission to override a ticket's priority or clear the override. */
    public static final String OVERRIDE_PRIORITY_PERMISSION = "ticket.override-priority";
    /** The permission to decide an approval that was asked of another party (a group the actor speaks for, say). */
    public static final String DECIDE_ON_BEHALF_PERMISSION = "approval.decide-on-behalf";

    private final DeskSettings settings;
    private final CommandEngine engine;
    private final TimerService timers;
    /** How many tickets {@link #registerLifecycle} reads at a time. */
    private static final int STRANDED_PAGE = 1_000;
    /** Guards {@link #start()} and {@link #close()}, which start and stop the timer and delivery threads together. */
    private final Object threads = new Object();

    private ServiceDesk(DeskSettings settings) {
        this.settings = settings;
        this.engine = new CommandEngine(settings);
        this.timers = new TimerService(settings, engine);
    }

    /**
     * Returns a desk on fresh in-memory stores with the system UTC clock and every default: the
     * built-in ITIL lifecycles, everything permitted, no SLA policy, no notifier.
     *
     * @return the desk
     */
    public static ServiceDesk inMemory() {
        return inMemory(Clock.systemUTC());
    }

    /**
     * Returns a desk on fresh in-memory stores with a given clock (a virtual one in tests and demos)
     * and every other default.
     *
     * @param clock the clock every instant comes from
     * @return the desk
     */
    public static ServiceDesk inMemory(Clock clock) {
        return builder().clock(clock).build();
    }

    /**
     * Starts configuring a desk; every setting has a default.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs a command through the whole flow described in the class comment.
     *
     * @param command any command of {@code itsm-core}
     * @return the ticket after the command and what it recorded
     * @throws dev.itsmkit.core.ValidationException if the command breaks its constraints, or the
     *     result would break the ticket's rules or the tenant's field schema
     * @throws TransitionRefusedException if the lifecycle refuses a transition
     * @throws CommandRefusedException if another rule refuses the command
     * @throws TicketNotFoundException if the ticket does not exist in the tenant
     * @throws dev.itsmkit.persistence.ConcurrentUpdateException if the ticket is not at the
     *     command's expected version, or changed concurrently more often than the retry policy allows
     */
    public CommandResult execute(TicketCommand command) {
        requireNonNull(command, "command");
        return engine.execute(command, false);
    }

    /**
     * Opens a ticket; the same as {@link #execute} with the command.
     *
     * @param command the command
     * @return the new ticket and its {@code TicketCreated} event (and any task its creation opened)
     * @throws dev.itsmkit.core.ValidationException if the command breaks its constraints or the
     *     tenant's field schema or priority matrix
     * @throws CommandRefusedException if a link of the new ticket names a missing ticket
     */
    public CommandResult open(OpenTicket command) {
        return execute(command);
    }

    /**
     * Takes a transition on a ticket and, if it moves the ticket into a resolved state, the same
     * transition, with the same fields and comment, on each of its children that is neither resolved
     * nor final — all in one unit of work, all or nothing. This is how a caller accepts the offer of
     * {@link CommandResult#openChildren()}: resolving a major incident resolves the incidents it is
     * the parent of. A transition into any other state changes the parent only.
     *
     * @param command the transition of the parent
     * @return the parent after the command; the children are in {@link CommandResult#alsoChanged()}
     * @throws TransitionRefusedException if the lifecycle refuses the transition for the parent or a
     *     child; the exception names the ticket; nothing is written
     * @throws dev.itsmkit.core.ValidationException if the command breaks its constraints
     * @throws TicketNotFoundException if the ticket does not exist
     * @throws dev.itsmkit.persistence.ConcurrentUpdateException as for {@link #execute}
     */
    public CommandResult transitionWithChildren(TransitionTicket command) {
        requireNonNull(command, "command");
        return engine.execute(command, true);
    }

    /**
     * Loads a ticket.
     *
     * @param tenant the tenant
     * @param ticket the ticket's id
     * @return its current snapshot, or empty if the tenant has none of that id
     */
    public Optional<Ticket> find(TenantId tenant, TicketId ticket) {
        requireNonNull(ticket, "ticket");
        return settings.stores().forTenant(requireNonNull(tenant, "tenant")).tickets().find(ticket);
    }

    /**
     * Loads a ticket that must exist.
     *
     * @param tenant the tenant
     * @param ticket the ticket's id
     * @return its current snapshot
     * @throws TicketNotFoundException if the tenant has none of that id
     */
    public Ticket get(TenantId tenant, TicketId ticket) {
        return find(tenant, ticket).orElseThrow(() -> new TicketNotFoundException(tenant, ticket));
    }

    /**
     * Loads a ticket by its number.
     *
     * @param tenant the tenant
     * @param number the ticket's number, such as {@code INC0000042}
     * @return its current snapshot, or empty if the tenant has none of that number
     */
    public Optional<Ticket> findByNumber(TenantId tenant, TicketNumber number) {
        requireNonNull(number, "number");
        return settings.stores().forTenant(requireNonNull(tenant, "tenant")).tickets().findByNumber(number);
    }

    /**
     * Returns the first page of a tenant's tickets that match a query.
     *
     * @param tenant the tenant
     * @param query the criteria and order
     * @param limit the most tickets to return, 1 to 10,000
     * @return the page, with the cursor of the next if there is one
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    public Page<Ticket> query(TenantId tenant, TicketQuery query, int limit) {
        requireNonNull(query, "query");
        return settings.stores().forTenant(requireNonNull(tenant, "tenant")).tickets().query(query, limit);
    }

    /**
     * Returns the page of a tenant's tickets that match a query and follow a cursor.
     *
     * @param tenant the tenant
     * @param query the query that produced the cursor
     * @param after the cursor of the previous page
     * @param limit the most tickets to return, 1 to 10,000
     * @return the page
     * @throws IllegalArgumentException if {@code limit} is out of range or the cursor is not of this query
     */
    public Page<Ticket> query(TenantId tenant, TicketQuery query, Cursor after, int limit) {
        requireNonNull(query, "query");
        requireNonNull(after, "after");
        return settings.stores().forTenant(requireNonNull(tenant, "tenant")).tickets().query(query, after, limit);
    }

    /**
     * Counts a tenant's tickets that match a query.
     *
     * @param tenant the tenant
     * @param query the criteria
     * @return how many match
     */
    public long count(TenantId tenant, TicketQuery query) {
        requireNonNull(query, "query");
        return settings.stores().forTenant(requireNonNull(tenant, "tenant")).tickets().count(query);
    }

    /**
     * Returns the events of a ticket, from its creation on: its history.
     *
     * @param tenant the tenant
     * @param ticket the ticket's id
     * @return the events in sequence order; empty if the tenant has no such ticket
     */
    public List<TicketEvent> history(TenantId tenant, TicketId ticket) {
        return auditTrail(tenant, ticket).stream().map(AuditRecord::event).toList();
    }

    /**
     * Returns a ticket's audit trail as stored, with the links of its hash chain.
     *
     * @param tenant the tenant
     * @param ticket the ticket's id
     * @return the records in sequence order; empty if the tenant has no such ticket
     */
    public List<AuditRecord> auditTrail(TenantId tenant, TicketId ticket) {
        requireNonNull(ticket, "ticket");
        return settings.stores().forTenant(requireNonNull(tenant, "tenant")).auditTrail().forTicket(ticket);
    }

    /**
     * Verifies the hash chain of a ticket's audit trail.
     *
     * @param tenant the tenant
     * @param ticket the ticket's id
     * @return intact, or the first broken link
     */
    public ChainVerification verifyAuditTrail(TenantId tenant, TicketId ticket) {
        requireNonNull(ticket, "ticket");
        return settings.stores().forTenant(requireNonNull(tenant, "tenant")).auditTrail().verify(ticket);
    }

    /**
     * Returns the SLA clocks of a ticket as last saved (by its last command or fired timer).
     *
     * @param tenant the tenant
     * @param ticket the ticket's id
     * @return every cycle of every target, ordered by target name, then cycle; empty if none
     */
    public List<SlaClockSnapshot> clocks(TenantId tenant, TicketId ticket) {
        requireNonNull(ticket, "ticket");
        return settings.stores().forTenant(requireNonNull(tenant, "tenant")).clocks().forTicket(ticket);
    }

    /**
     * Recomputes a ticket's clocks of one SLA policy from its audit trail under a chosen version: a policy
     * change applied on purpose to a ticket whose clocks started under another version (without it, clocks
     * keep the version they started with). To publish a new version, build a desk with an SLA engine that
     * holds the old versions and the new one, on the same stores, and recompute the tickets the change
     * should reach. The result is written as a firing writes ({@link #fireDue()}): the recomputed clocks
     * (a saved cycle the version does not produce comes back cancelled; see {@link SlaEngine#recompute}),
     * their timers, a warning or breach event for each threshold the saved clocks had not reported, and the
     * escalations of those thresholds, in one unit of work. Nothing is written if it fails.
     *
     * @param tenant the tenant
     * @param ticket the ticket's id
     * @param policyId the policy's id
     * @param version the version to recompute under; the tenant's SLA engine must have it
     * @return the ticket afterwards and the events recorded (empty if no threshold was newly crossed)
     * @throws TicketNotFoundException if the tenant has no such ticket
     * @throws IllegalArgumentException if the tenant's SLA engine has no such policy version
     * @throws dev.itsmkit.persistence.ConcurrentUpdateException if commands kept changing the ticket
     *     through every attempt
     */
    public CommandResult recomputeSla(TenantId tenant, TicketId ticket, String policyId, int version) {
        requireNonNull(tenant, "tenant");
        requireNonNull(ticket, "ticket");
        requireNonNull(policyId, "policyId");
        return timers.recompute(tenant, ticket, policyId, version);
    }

    /**
     * Tells why a saved clock of a ticket stands as it does: every step of its cycle (started, paused,
     * resumed, stopped, cancelled, reset, restarted, retargeted, thresholds crossed) with the event and the
     * condition that caused it, recomputed from the ticket's audit trail as of the clock's now (see
     * {@link SlaEngine#explain}).
     *
     * @param tenant the tenant
     * @param ticket the ticket's id
     * @param clock one of the ticket's clocks, as {@link #clocks} returned it
     * @return the steps in time order
     * @throws TicketNotFoundException if the tenant has no such ticket
     * @throws IllegalArgumentException if the clock is another ticket's, or the tenant's SLA engine lacks the
     *     clock's policy version or target
     */
    public List<ClockChange> explainSla(TenantId tenant, TicketId ticket, SlaClockSnapshot clock) {
        requireNonNull(tenant, "tenant");
        requireNonNull(ticket, "ticket");
        requireNonNull(clock, "clock");
        return timers.explain(tenant, ticket, clock);
    }

    /**
     * Returns the lifecycle that governs a tenant's tickets of a kind now.
     *
     * @param tenant the tenant
     * @param kind the kind
     * @return the lifecycle
     */
    public Lifecycle lifecycle(TenantId tenant, TicketKind kind) {
        return settings.lifecycles().lifecycle(tenant, kind);
    }

    /**
     * Returns the transitions a ticket's lifecycle defines from its current state, whatever their
     * guards would say now: what a user interface offers.
     *
     * @param tenant the tenant
     * @param ticket the ticket's id
     * @return the transitions, in the order defined; empty in a final state or a state the lifecycle does not know
     * @throws TicketNotFoundException if the tenant has no such ticket
     */
    public List<Transition> transitionsOf(TenantId tenant, TicketId ticket) {
        Ticket t = get(tenant, ticket);
        Lifecycle lifecycle = lifecycle(tenant, t.kind());
        return lifecycle.defines(t.state()) ? lifecycle.allowedFrom(t.state()) : List.of();
    }

    /**
     * Makes a lifecycle govern a tenant's tickets of its kind, as {@link LifecycleCatalog#register} does, after
     * checking that none of those tickets would be stranded: every ticket of the kind that is not in a final state
     * must stand in a state the lifecycle defines, with the same category. A ticket in a state the lifecycle lacks
     * would refuse every transition from then on ({@link RefusalReason#STATE_NOT_IN_LIFECYCLE}). Tickets in a final
     * state are not checked: they take only comments and links, which no lifecycle decides. The check reads the
     * tenant's open tickets of the kind, page by page; a ticket moved into another state while it runs is not seen,
     * so register while no command moves the kind's tickets to states the new lifecycle lacks.
     *
     * @param tenant the tenant
     * @param lifecycle the lifecycle; its {@link Lifecycle#kind()} says which tickets it governs
     * @throws IllegalArgumentException if tickets of the kind stand in states the lifecycle does not define (each
     *     state named with how many tickets and one ticket's number); nothing is registered then
     */
    public void registerLifecycle(TenantId tenant, Lifecycle lifecycle) {
        requireNonNull(tenant, "tenant");
        requireNonNull(lifecycle, "lifecycle");
        TicketQuery open = TicketQuery.builder().kinds(lifecycle.kind())
                .categories(StateCategory.NEW, StateCategory.OPEN, StateCategory.PENDING, StateCategory.RESOLVED).build();
        Map<TicketState, List<TicketNumber>> stranded = new TreeMap<>(
                Comparator.comparing(TicketState::name).thenComparing(TicketState::category));
        Page<Ticket> page = query(tenant, open, STRANDED_PAGE);
        while (true) {
            for (Ticket t : page.items()) {
                if (!lifecycle.defines(t.state())) {
                    stranded.computeIfAbsent(t.state(), s -> new ArrayList<>()).add(t.number());
                }
            }
            if (page.next().isEmpty()) {
                break;
            }
            page = query(tenant, open, page.next().get(), STRANDED_PAGE);
        }
        if (!stranded.isEmpty()) {
            StringBuilder states = new StringBuilder();
            stranded.forEach((state, numbers) -> states.append(states.length() == 0 ? "" : "; ").append(state.name()).append('(')
                    .append(state.category()).append("): ").append(numbers.size()).append(numbers.size() == 1 ? " ticket, " : " tickets, e.g. ")
                    .append(numbers.get(0)));
            throw new IllegalArgumentException("lifecycle " + lifecycle.id() + " v" + lifecycle.version() + " would strand tenant "
                    + tenant.value() + "'s " + lifecycle.kind() + " tickets in states it does not define: " + states
                    + "; define those states (with the same category) or move the tickets out of them first");
        }
        settings.lifecycles().register(tenant, lifecycle);
    }

    /**
     * Returns the catalogue of lifecycles this desk consults, to load a tenant's own at runtime.
     *
     * @return the catalogue
     */
    public LifecycleCatalog lifecycles() {
        return settings.lifecycles();
    }

    /**
     * Fires every SLA timer due by the clock's now, as described in the class comment. Idempotent:
     * a threshold already recorded is not recorded again. Safe to call from several threads and
     * several nodes at once; each timer is claimed by one.
     *
     * @return how many timers were claimed and the events recorded
     */
    public FiringReport fireDue() {
        return timers.fireDue();
    }

    /**
     * Tells when the next timer comes due, so a caller driving a virtual clock knows how far to move it.
     *
     * @return the earliest due instant of a pending timer (or lease expiry of a claimed one); empty if none
     */
    public Optional<Instant> nextTimerDue() {
        return settings.stores().timerClaims().nextWakeUp();
    }

    /**
     * Delivers the outbox entries due now to the notifiers, on the calling thread, failed deliveries whose
     * backoff has passed included: what the delivery thread of {@link #start()} does every poll interval, for
     * a desk driven by a virtual clock or without that thread.
     *
     * @return how many deliveries succeeded and failed; nothing if no notifier is registered
     */
    public OutboxDispatcher.Report deliverOutbox() {
        return engine.deliverOutbox();
    }

    /**
     * Starts the desk's daemon threads, on the desk's clock: the SLA timer thread, which sleeps until the
     * earliest due instant, fires, and sleeps again (a command that schedules an earlier timer wakes it);
     * and, if notifiers are registered, the delivery thread, which delivers the outbox and retries failed
     * deliveries every {@linkplain NotificationDelivery#pollInterval() poll interval} and, in background
     * delivery, as soon as a command wrote to the outbox. Meant for a real clock; with a virtual clock,
     * call {@link #fireDue()} and {@link #deliverOutbox()} instead.
     *
     * @throws IllegalStateException if the threads are already running or the desk was closed
     */
    public void start() {
        // one lock for both threads: a close() racing a start() never leaves the delivery thread running after it
        synchronized (threads) {
            timers.start();
            settings.dispatcher().ifPresent(OutboxDispatcher::start);
        }
    }

    /**
     * Stops the threads of {@link #start()}, if they run; a firing or delivery under way completes. The desk
     * still takes commands (and {@link #fireDue()}, {@link #deliverOutbox()}), but cannot be started again.
     */
    @Override
    public void close() {
        synchronized (threads) {
            timers.stop();
            settings.dispatcher().ifPresent(OutboxDispatcher::close);
        }
    }

    /**
     * Returns the stores the desk writes to.
     *
     * @return the stores
     */
    public Stores stores() {
        return settings.stores();
    }

    /**
     * Returns the clock every instant comes from.
     *
     * @return the clock
     */
    public Clock clock() {
        return settings.clock();
    }

    @Override
    public String toString() {
        return "ServiceDesk[node " + settings.node() + ", " + settings.stores().getClass().getSimpleName() + "]";
    }

    /**
     * Configures a {@link ServiceDesk}; every setting has a default and {@link #build()} checks
     * the whole. Not thread-safe.
     */
    public static final class Builder {
        private Stores stores = InMemoryStores.create();
        private boolean storesSet;
        private Clock clock = Clock.systemUTC();
        private TransitionAuthorizer authorizer = TransitionAuthorizer.permitAll();
        private GroupMembership groups = GroupMembership.none();
        private LifecycleCatalog lifecycles = LifecycleCatalog.itil();
        private SlaEngine sla = DeskSettings.NO_SLA;
        private final Map<TenantId, SlaEngine> tenantSla = new HashMap<>();
        private final List<Notifier> notifiers = new ArrayList<>();
        private @Nullable CommandValidator validator;
        private ImpactUrgencyMatrix matrix = ImpactUrgencyMatrix.itil3x3();
        private final Map<TenantId, ImpactUrgencyMatrix> tenantMatrices = new HashMap<>();
        private final Map<TenantId, Map<TicketKind, FieldSchema>> schemas = new HashMap<>();
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private NodeId node = NodeId.of("itsm-node");
        private Duration lease = Duration.ofMinutes(1);
        private Predicate<TicketEvent> announce = e -> false;
        private boolean announceSet;
        private NotificationDelivery delivery = NotificationDelivery.afterEachCommand();
        private boolean outboxReadElsewhere;

        private Builder() {}

        /**
         * Sets the stores; fresh {@link InMemoryStores} unless set.
         *
         * @param stores the stores
         * @return this builder
         */
        public Builder stores(Stores stores) {
            this.stores = requireNonNull(stores, "stores");
            this.storesSet = true;
            return this;
        }

        /**
         * Sets the clock every instant comes from; the system UTC clock unless set.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets who may do what: the permission of every command ({@link CommandPermissions}), the
         * permission guards of lifecycles and {@link ServiceDesk#DECIDE_ON_BEHALF_PERMISSION}.
         * {@link TransitionAuthorizer#permitAll()} unless set, so that a desk whose embedder sets
         * none permits every command, as before command permissions existed; an authorizer that is
         * set must grant the {@link CommandPermissions} to whoever may run the commands.
         *
         * @param authorizer the authorizer
         * @return this builder
         */
        public Builder authorizer(TransitionAuthorizer authorizer) {
            this.authorizer = requireNonNull(authorizer, "authorizer");
            return this;
        }

        /**
         * Sets who belongs to which group: an approval requested from a group may then be decided by any
         * of its members without {@link ServiceDesk#DECIDE_ON_BEHALF_PERMISSION} (see
         * {@link GroupMembership}); {@link GroupMembership#none()} unless set.
         *
         * @param groups the directory of groups
         * @return this builder
         */
        public Builder groups(GroupMembership groups) {
            this.groups = requireNonNull(groups, "groups");
            return this;
        }

        /**
         * Sets the lifecycle catalogue; {@link LifecycleCatalog#itil()} unless set. The desk keeps the
         * catalogue itself, so lifecycles registered in it later govern the next commands.
         *
         * @param lifecycles the catalogue
         * @return this builder
         */
        public Builder lifecycles(LifecycleCatalog lifecycles) {
            this.lifecycles = requireNonNull(lifecycles, "lifecycles");
            return this;
        }

        /**
         * Sets the SLA engine for every tenant without its own; an engine with no policy unless set.
         *
         * @param engine the engine
         * @return this builder
         */
        public Builder sla(SlaEngine engine) {
            this.sla = requireNonNull(engine, "engine");
            return this;
        }

        /**
         * Sets the SLA calendars and policies for every tenant without its own.
         *
         * @param calendars the calendars the policies name
         * @param policies every version of every policy
         * @return this builder
         * @throws IllegalArgumentException if a policy names a missing calendar or two share an id and version
         */
        public Builder sla(BusinessCalendars calendars, Collection<SlaPolicy> policies) {
            return sla(SlaEngine.of(calendars, policies));
        }

        /**
         * Sets a tenant's own SLA engine (its calendars and policies).
         *
         * @param tenant the tenant
         * @param engine the engine
         * @return this builder
         */
        public Builder sla(TenantId tenant, SlaEngine engine) {
            tenantSla.put(requireNonNull(tenant, "tenant"), requireNonNull(engine, "engine"));
            return this;
        }

        /**
         * Adds a notifier, to which the outbox is delivered as the {@linkplain #delivery delivery settings}
         * say: by default after every command that wrote to it, on the command's thread once its unit of work
         * has committed. A notifier that fails does not fail the command: the entry stays pending for it and is
         * retried with backoff by the delivery thread of {@link ServiceDesk#start()}, by
         * {@link ServiceDesk#deliverOutbox()}, or by the next command's delivery.
         *
         * @param notifier the notifier; its name must differ from the others'
         * @return this builder
         */
        public Builder notifier(Notifier notifier) {
            notifiers.add(requireNonNull(notifier, "notifier"));
            return this;
        }

        /**
         * Sets the Bean Validation validator for commands; Hibernate Validator through
         * {@link CommandValidator#create()} unless set.
         *
         * @param validator the validator, thread-safe
         * @return this builder
         */
        public Builder validator(Validator validator) {
            this.validator = CommandValidator.using(requireNonNull(validator, "validator"));
            return this;
        }

        /**
         * Sets the command validator.
         *
         * @param validator the validator
         * @return this builder
         */
        public Builder commandValidator(CommandValidator validator) {
            this.validator = requireNonNull(validator, "validator");
            return this;
        }

        /**
         * Sets the impact/urgency matrix of every tenant without its own; {@link ImpactUrgencyMatrix#itil3x3()} unless set.
         *
         * @param matrix the matrix
         * @return this builder
         */
        public Builder priorityMatrix(ImpactUrgencyMatrix matrix) {
            this.matrix = requireNonNull(matrix, "matrix");
            return this;
        }

        /**
         * Sets a tenant's own impact/urgency matrix.
         *
         * @param tenant the tenant
         * @param matrix the matrix
         * @return this builder
         */
        public Builder priorityMatrix(TenantId tenant, ImpactUrgencyMatrix matrix) {
            tenantMatrices.put(requireNonNull(tenant, "tenant"), requireNonNull(matrix, "matrix"));
            return this;
        }

        /**
         * Sets the custom fields a tenant's tickets of a kind may hold; {@link FieldSchema#OPEN} unless set.
         *
         * @param tenant the tenant
         * @param kind the ticket kind
         * @param schema the schema, checked whenever a command changes custom fields
         * @return this builder
         */
        public Builder fieldSchema(TenantId tenant, TicketKind kind, FieldSchema schema) {
            schemas.computeIfAbsent(requireNonNull(tenant, "tenant"), t -> new HashMap<>())
                    .put(requireNonNull(kind, "kind"), requireNonNull(schema, "schema"));
            return this;
        }

        /**
         * Sets how often a command that lost a race is decided again; {@link RetryPolicy#DEFAULT} unless set.
         *
         * @param retry the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retry) {
            this.retry = requireNonNull(retry, "retry");
            return this;
        }

        /**
         * Sets this node's id and the lease of its timer claims; {@code itsm-node} and one minute unless
         * set. Nodes sharing stores need distinct ids; a lease must outlast the firing of one batch.
         *
         * @param node the node's id
         * @param lease how long a claim holds, positive
         * @return this builder
         */
        public Builder node(NodeId node, Duration lease) {
            this.node = requireNonNull(node, "node");
            this.lease = requireNonNull(lease, "lease");
            return this;
        }

        /**
         * Sets which events are written to the outbox besides those that lifecycle
         * {@linkplain Action.Notify notify actions} and SLA escalations ask for; none unless set.
         *
         * @param events which events to announce, for example {@code e -> true} for all
         * @return this builder
         */
        public Builder announce(Predicate<TicketEvent> events) {
            this.announce = requireNonNull(events, "events");
            this.announceSet = true;
            return this;
        }

        /**
         * Sets how the outbox is delivered to the notifiers: on which thread, the backoff of retries, the
         * delivery thread's interval, how long delivered entries are kept; {@link NotificationDelivery#afterEachCommand()}
         * unless set.
         *
         * @param settings the delivery settings
         * @return this builder
         */
        public Builder delivery(NotificationDelivery settings) {
            this.delivery = requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Says that the application reads the stores' outbox itself ({@code stores.outboxDelivery()}, or another
         * process on the same database), so that commands write notifications to it even when no notifier is
         * registered with the desk. Without a notifier and without this, the desk writes none: nothing would read
         * them, and the outbox would only grow.
         *
         * @return this builder
         */
        public Builder outboxReadElsewhere() {
            this.outboxReadElsewhere = true;
            return this;
        }

        /**
         * Checks the configuration and builds the desk.
         *
         * @return the desk
         * @throws IllegalArgumentException if the lease is not positive or two notifiers share a name
         * @throws IllegalStateException if events are {@linkplain #announce announced} with neither a notifier nor
         *     {@link #outboxReadElsewhere()}: nothing would read them
         * @throws IllegalStateException if no validator was set and no Bean Validation provider is on the path
         */
        public ServiceDesk build() {
            if (lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("a timer claim's lease must be positive, got " + lease);
            }
            CommandValidator v = validator != null ? validator : CommandValidator.create();
            if (announceSet && notifiers.isEmpty() && !outboxReadElsewhere) {
                throw new IllegalStateException("events are announced to the outbox, but no notifier is registered and the"
                        + " application does not read the outbox itself: add a notifier, or call outboxReadElsewhere()");
            }
            Optional<OutboxDispatcher> dispatcher = Optional.empty();
            if (!notifiers.isEmpty()) {
                OutboxDispatcher.Builder b = OutboxDispatcher.builder(stores.outboxDelivery())
                        .schedule(clock, delivery.pollInterval())
                        .backoff(delivery.initialBackoff(), delivery.maxBackoff())
                        .retention(delivery.retention());
                notifiers.forEach(b::notifier);
                dispatcher = Optional.of(b.build());
            }
            Map<TenantId, Map<TicketKind, FieldSchema>> frozenSchemas = new HashMap<>();
            schemas.forEach((t, m) -> frozenSchemas.put(t, Map.copyOf(m)));
            return new ServiceDesk(new DeskSettings(stores, clock, authorizer, groups, lifecycles, sla, Map.copyOf(tenantSla), v,
                    matrix, Map.copyOf(tenantMatrices), Map.copyOf(frozenSchemas), retry, node, lease, announce, dispatcher,
                    delivery, !notifiers.isEmpty() || outboxReadElsewhere));
        }

        @Override
        public String toString() {
            return "ServiceDesk.Builder[stores " + (storesSet ? stores.getClass().getSimpleName() : "in memory") + "]";
        }
    }
}
