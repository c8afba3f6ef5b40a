package dev.itsmkit.workflow.internal;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.persistence.AuditRecord;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.TimerClaim;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.persistence.spi.TimerClaims;
import dev.itsmkit.sla.ClockChange;
import dev.itsmkit.sla.SlaEngine;
import dev.itsmkit.sla.SlaUpdate;
import dev.itsmkit.workflow.CommandResult;
import dev.itsmkit.workflow.FiringReport;
import dev.itsmkit.workflow.TicketNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due SLA timers: claims those due by the clock's now for this node, brings each ticket's
 * clocks up to now through the SLA engine, records the thresholds crossed (once: the clocks saved
 * with a crossing do not report it again) and their escalations in one unit of work per ticket, and
 * completes the claims. Optionally on a daemon thread that waits until the next due instant.
 *
 * <p>Exactly once: a threshold is recorded in the same unit of work that saves the clock which
 * crossed it. A node that dies after claiming leaves the timer to be claimed again when its lease
 * expires; the second firing then finds either the clock without the crossing (and records it) or
 * with it (and records nothing). Thread-safe.
 */
public final class TimerService {
    private static final Logger LOG = LoggerFactory.getLogger(TimerService.class);
    private static final int BATCH = 100;
    private static final int ATTEMPTS = 10;
    /* The longest the thread sleeps, so it sees timers other nodes schedule in shared stores. */
    private static final Duration MAX_SLEEP = Duration.ofSeconds(30);

    private final DeskSettings settings;
    private final Recorder recorder;
    private final Object monitor = new Object();
    private @Nullable Thread thread;
    /*
     * Whether start() ever ran: until then a command that schedules a timer has no thread to wake and
     * skips the monitor, which the threads running commands would otherwise all take in turn. A signal
     * missed just before the start is harmless: the thread fires and reads the next due instant first.
     */
    private volatile boolean started;
    private boolean wakeUp;
    private boolean stopped;

    /**
     * Creates the service.
     *
     * @param settings the desk's configuration
     * @param engine the desk's command engine, whose recorder this service shares
     */
    public TimerService(DeskSettings settings, CommandEngine engine) {
        this.settings = requireNonNull(settings, "settings");
        this.recorder = engine.recorder();
        recorder.onTimersScheduled(this::signal);
    }

    /**
     * Fires every timer due by the clock's now.
     *
     * @return what was fired
     */
    public FiringReport fireDue() {
        Instant now = settings.clock().instant();
        TimerClaims claims = settings.stores().timerClaims();
        int claimed = 0;
        List<TicketEvent> events = new ArrayList<>();
        List<TimerClaim> batch;
        do {
            batch = claims.claimDue(now, settings.node(), settings.lease(), BATCH);
            claimed += batch.size();
            List<TimerClaim> fired = new ArrayList<>(batch.size());
            for (TimerClaim claim : batch) {
                try {
                    events.addAll(fire(claim.timer(), now));
                    fired.add(claim);
                } catch (RuntimeException e) {
                    // Left claimed: when the lease expires the timer is claimed and fired again.
                    LOG.error("firing SLA timer {} failed; it is retried when its lease expires", claim.timer().id(), e);
                }
            }
            // one round trip for the batch; a crash before it only lets the leases expire, and firing again
            // records nothing twice, since a threshold already recorded on the clock is not crossed again
            claims.completeAll(fired);
        } while (batch.size() == BATCH);
        return new FiringReport(claimed, events);
    }

    private List<TicketEvent> fire(DueTimer timer, Instant now) {
        TenantStores stores = settings.stores().forTenant(timer.tenant());
        return retried(() -> fireOnce(stores, timer, now));
    }

    /** Runs a read-then-write step again from a fresh read while a command keeps changing its ticket. */
    private static <T> T retried(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (ConcurrentUpdateException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Refuses a trail whose last record is not the snapshot's version: a commit came between the two reads. */
    private static void requireSameVersion(Ticket ticket, List<AuditRecord> trail) {
        if (!trail.isEmpty() && trail.get(trail.size() - 1).event().version() != ticket.version()) {
            throw new ConcurrentUpdateException(ticket.id(), "version", ticket.version(),
                    trail.get(trail.size() - 1).event().version());
        }
    }

    private List<TicketEvent> fireOnce(TenantStores stores, DueTimer timer, Instant now) {
        Batch batch = new Batch(stores, now);
        Optional<Ticket> exists = stores.tickets().find(timer.ticket());
        if (exists.isEmpty()) {
            return List.of();
        }
        TicketChange change = batch.existing(timer.ticket());
        Ticket ticket = change.current();
        requireSameVersion(ticket, stores.auditTrail().forTicket(ticket.id(), Math.max(1, stores.auditTrail().lastSequence(ticket.id()))));
        List<SlaClockSnapshot> clocks = stores.clocks().forTicket(ticket.id());
        if (clocks.isEmpty()) {
            return List.of();
        }
        SlaEngine engine = settings.slaFor(ticket.tenant());
        SlaUpdate update = engine.onTime(ticket, now, clocks);
        recorder.recordTimers(batch, change, engine, clocks, update);
        return change.events();
    }

    /**
     * Recomputes a ticket's clocks of one policy from its audit trail under a version of the policy, and
     * writes the result as a firing does: the clocks, their timers (the old cancelled, the new scheduled),
     * each threshold the saved clocks had not reported as an event, and its escalations, in one unit of
     * work. Retried from a fresh read if a command changed the ticket meanwhile.
     *
     * @param tenant the tenant
     * @param id the ticket
     * @param policyId the policy
     * @param version the version to recompute under; the tenant's SLA engine must have it
     * @return the ticket after the recompute and the events it recorded
     * @throws TicketNotFoundException if the tenant has no such ticket
     * @throws IllegalArgumentException if the engine has no such policy version
     */
    public CommandResult recompute(TenantId tenant, TicketId id, String policyId, int version) {
        TenantStores stores = settings.stores().forTenant(tenant);
        return retried(() -> recomputeOnce(stores, tenant, id, policyId, version));
    }

    private CommandResult recomputeOnce(TenantStores stores, TenantId tenant, TicketId id, String policyId, int version) {
        Instant now = settings.clock().instant();
        if (stores.tickets().find(id).isEmpty()) {
            throw new TicketNotFoundException(tenant, id);
        }
        Batch batch = new Batch(stores, now);
        TicketChange change = batch.existing(id);
        Ticket ticket = change.current();
        List<TicketEvent> trail = trailOf(stores, ticket);
        List<SlaClockSnapshot> clocks = stores.clocks().forTicket(id);
        SlaEngine engine = settings.slaFor(tenant);
        SlaUpdate update = engine.recompute(trail, policyId, version, now, clocks);
        recorder.recordTimers(batch, change, engine, clocks, update);
        return new CommandResult(change.current(), change.events(), List.of(), List.of());
    }

    /**
     * Explains a saved clock of a ticket from its audit trail (see {@link SlaEngine#explain}).
     *
     * @param tenant the tenant
     * @param id the ticket
     * @param clock the clock
     * @return the clock's steps and their causes, as of now
     * @throws TicketNotFoundException if the tenant has no such ticket
     * @throws IllegalArgumentException if the clock is another tenant's or another ticket's
     */
    public List<ClockChange> explain(TenantId tenant, TicketId id, SlaClockSnapshot clock) {
        if (!clock.tenant().equals(tenant) || !clock.ticket().equals(id)) {
            throw new IllegalArgumentException("the clock " + clock.target() + "#" + clock.cycle() + " is ticket "
                    + clock.ticket() + "'s of tenant " + clock.tenant() + ", not " + id + "'s of tenant " + tenant
                    + ": explain a clock of the ticket's own");
        }
        TenantStores stores = settings.stores().forTenant(tenant);
        return retried(() -> {
            Ticket ticket = stores.tickets().find(id).orElseThrow(() -> new TicketNotFoundException(tenant, id));
            return settings.slaFor(tenant).explain(trailOf(stores, ticket), clock, settings.clock().instant());
        });
    }

    /** The ticket's whole trail, checked to end at the snapshot's version (else a commit came between the reads). */
    private static List<TicketEvent> trailOf(TenantStores stores, Ticket ticket) {
        List<AuditRecord> records = stores.auditTrail().forTicket(ticket.id());
        requireSameVersion(ticket, records);
        List<TicketEvent> events = new ArrayList<>(records.size());
        for (AuditRecord r : records) {
            events.add(r.event());
        }
        return events;
    }

    /**
     * Starts the daemon thread.
     *
     * @throws IllegalStateException if it runs already or the service was stopped
     */
    public void start() {
        synchronized (monitor) {
            if (thread != null || stopped) {
                throw new IllegalStateException(stopped ? "the timer service was stopped" : "the timer thread runs already");
            }
            Thread t = new Thread(this::run, "itsm-sla-timers-" + settings.node());
            t.setDaemon(true);
            thread = t;
            started = true;
            t.start();
        }
    }

    /** Stops the daemon thread, if it runs. */
    public void stop() {
        Thread t;
        synchronized (monitor) {
            stopped = true;
            t = thread;
            thread = null;
            monitor.notifyAll();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(MAX_SLEEP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void signal() {
        if (!started) {
            return;
        }
        synchronized (monitor) {
            if (thread != null) {
                wakeUp = true;
                monitor.notifyAll();
            }
        }
    }

    private void run() {
        while (true) {
            try {
                fireDue();
            } catch (RuntimeException e) {
                LOG.error("firing due SLA timers failed; trying again at the next wake-up", e);
            }
            synchronized (monitor) {
                if (stopped) {
                    return;
                }
                if (!wakeUp) {
                    long millis = sleepMillis();
                    if (millis > 0) {
                        try {
                            monitor.wait(millis);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
                wakeUp = false;
                if (stopped) {
                    return;
                }
            }
        }
    }

    private long sleepMillis() {
        Instant now = settings.clock().instant();
        Duration wait = settings.stores().timerClaims().nextWakeUp().map(next -> Duration.between(now, next)).orElse(MAX_SLEEP);
        if (wait.compareTo(MAX_SLEEP) > 0) {
            wait = MAX_SLEEP;
        }
        return wait.isNegative() ? 0 : Math.max(1, wait.toMillis());
    }
}
