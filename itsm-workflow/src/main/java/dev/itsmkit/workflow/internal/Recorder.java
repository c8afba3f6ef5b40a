package dev.itsmkit.workflow.internal;

import dev.itsmkit.core.CustomFields;
import dev.itsmkit.core.JournalEntry;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.event.Commented;
import dev.itsmkit.core.event.Linked;
import dev.itsmkit.core.event.SlaBreached;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.persistence.notification.OutboxDispatcher;
import dev.itsmkit.persistence.spi.UnitOfWork;
import dev.itsmkit.sla.SlaCrossing;
import dev.itsmkit.sla.SlaEngine;
import dev.itsmkit.sla.SlaUpdate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a decided batch: brings the problems' known errors to their incidents, checks custom fields
 * against the tenant's schema, lets the SLA engine update each changed ticket's clocks (recording the
 * thresholds crossed and their escalations), and commits everything in one unit of work; then
 * delivers the outbox. Thread-safe: it keeps no state between batches.
 */
final class Recorder {
    private final DeskSettings settings;
    private volatile Runnable timersScheduled = () -> { };

    Recorder(DeskSettings settings) {
        this.settings = settings;
    }

    void onTimersScheduled(Runnable listener) {
        this.timersScheduled = listener;
    }

    /** Writes a batch of changes made by a command. */
    void record(Batch batch) {
        propagateKnownErrors(batch);
        List<TicketChange> changes = batch.changes();
        if (!anyEvents(changes)) {
            return;
        }
        UnitOfWork work = batch.stores.begin();
        boolean scheduled = false;
        boolean announced = false;
        // indexed loops here and in write(): the compiler does not always remove the iterators of these short lists
        for (int c = 0; c < changes.size(); c++) {
            TicketChange change = changes.get(c);
            if (change.events().isEmpty()) {
                continue;
            }
            if (change.snapshotChanged()) {
                checkSchema(change);
                SlaEngine engine = settings.slaFor(batch.tenant);
                if (engine == DeskSettings.NO_SLA) {
                    // No policy: the update would hand the saved clocks back unchanged, with nothing to
                    // schedule, cancel or record; skip reading them.
                    announced |= write(batch, change, work);
                    continue;
                }
                List<SlaClockSnapshot> clocks = change.isNew() ? List.of()
                        : batch.storedClocks(change.current().id());
                SlaUpdate update = engine.onChange(change.before(), change.current(), batch.now, clocks);
                scheduled |= applySla(batch, change, engine, clocks, update, work, true);
            }
            announced |= write(batch, change, work);
        }
        work.commit();
        afterCommit(scheduled, announced);
    }

    private static boolean anyEvents(List<TicketChange> changes) {
        for (int c = 0; c < changes.size(); c++) {
            if (!changes.get(c).events().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes the result of firing one ticket's timers: the update of its clocks to now, the
     * thresholds crossed and their escalations.
     *
     * @return whether anything was recorded or changed
     */
    boolean recordTimers(Batch batch, TicketChange change, SlaEngine engine, List<SlaClockSnapshot> clocks, SlaUpdate update) {
        UnitOfWork work = batch.stores.begin();
        // A fired timer is claimed: its claim is completed after the commit, so every timer is written
        // again (un-claimed), not only those the firing moved.
        boolean scheduled = applySla(batch, change, engine, clocks, update, work, false);
        boolean announced = write(batch, change, work);
        work.commit();
        afterCommit(scheduled, announced);
        return scheduled || !change.events().isEmpty();
    }

    private void afterCommit(boolean scheduled, boolean announced) {
        if (scheduled) {
            timersScheduled.run();
        }
        if (announced) {
            if (settings.delivery().onCommandThread()) {
                deliverOutbox();
            } else {
                settings.dispatcher().ifPresent(OutboxDispatcher::dispatchSoon);
            }
        }
    }

    OutboxDispatcher.Report deliverOutbox() {
        return settings.dispatcher().map(d -> d.dispatchDue(settings.clock().instant()))
                .orElse(new OutboxDispatcher.Report(0, 0));
    }

    private boolean write(Batch batch, TicketChange change, UnitOfWork work) {
        if (change.snapshotChanged()) {
            work.save(change.current(), change.expectedVersion());
        }
        boolean announced = false;
        List<TicketEvent> events = change.events();
        for (int i = 0; i < events.size(); i++) {
            TicketEvent event = events.get(i);
            work.append(event);
            if (settings.writesOutbox() && settings.announce().test(event)) {
                work.enqueue(OutboxEntry.announcing(CommandEngine.randomEntryId(), event, batch.now));
                announced = true;
            }
        }
        // notices nobody will read are not kept: an outbox without a notifier or an outside reader only grows
        List<TicketChange.Notification> notifications = settings.writesOutbox() ? change.notifications() : List.of();
        for (int i = 0; i < notifications.size(); i++) {
            TicketChange.Notification asked = notifications.get(i);
            // the notice of a lifecycle's notify action is shared by name (see Notices)
            work.enqueue(OutboxEntry.notifying(CommandEngine.randomEntryId(), asked.event(), asked.notice(), batch.now));
            announced = true;
        }
        return announced;
    }

    /**
     * Records what the SLA engine found and queues its clocks and timers.
     *
     * @param onlyMoved whether to leave out the timers the saved clocks had already scheduled at the same
     *     instant (a comment moves no threshold): the stores hold them, since every update is written whole
     * @return whether a timer was scheduled
     */
    private boolean applySla(Batch batch, TicketChange change, SlaEngine engine, List<SlaClockSnapshot> loaded, SlaUpdate update,
            UnitOfWork work, boolean onlyMoved) {
        SlaUpdate last = update;
        Ticket beforeEscalation = change.current();
        List<SlaCrossing> crossed = update.crossed();
        for (int i = 0; i < crossed.size(); i++) {
            SlaCrossing crossing = crossed.get(i);
            TicketEvent event = recordCrossing(batch, change, crossing);
            Escalations.run(batch, change, crossing, event);
        }
        boolean scheduled = queue(update, work, onlyMoved);
        if (change.current().version() != beforeEscalation.version()) {
            // An escalation changed the ticket (a new assignee, a higher priority): the clocks follow it.
            last = engine.onChange(beforeEscalation, change.current(), batch.now, update.clocks());
            for (SlaCrossing crossing : last.crossed()) {
                recordCrossing(batch, change, crossing);
            }
            // The unchanged timers of this second update are those of the first, written above or already stored.
            scheduled |= queue(last, work, onlyMoved);
        }
        List<SlaClockSnapshot> clocks = last.clocks();
        if (loaded.size() <= SMALL) {
            // A ticket has a handful of clocks: a linear search beats hashing every snapshot.
            for (int i = 0; i < clocks.size(); i++) {
                SlaClockSnapshot clock = clocks.get(i);
                if (!loaded.contains(clock)) {
                    work.save(clock);
                }
            }
        } else {
            Set<SlaClockSnapshot> unchanged = new HashSet<>(loaded);
            for (SlaClockSnapshot clock : clocks) {
                if (!unchanged.contains(clock)) {
                    work.save(clock);
                }
            }
        }
        return scheduled;
    }

    /* Up to this many saved clocks, applySla finds the unchanged ones by a linear search. */
    private static final int SMALL = 8;

    private static boolean queue(SlaUpdate update, UnitOfWork work, boolean onlyMoved) {
        // indexed loops: the lists are immutable lists of one or two, whose iterators the compiler does not always remove
        List<TimerId> cancel = update.cancel();
        for (int i = 0; i < cancel.size(); i++) {
            work.cancel(cancel.get(i));
        }
        List<DueTimer> timers = onlyMoved ? update.moved() : update.schedule();
        for (int i = 0; i < timers.size(); i++) {
            work.schedule(timers.get(i));
        }
        return !timers.isEmpty();
    }

    private static TicketEvent recordCrossing(Batch batch, TicketChange change, SlaCrossing crossing) {
        String target = crossing.policy() + "." + crossing.target();
        Ticket t = change.current();
        if (crossing.isBreach()) {
            return change.observe((seq, v) -> new SlaBreached(batch.tenant, t.id(), Party.ITSM_KIT, batch.now, seq, v, target,
                    crossing.cycle(), crossing.thresholdAt()));
        }
        return change.observe((seq, v) -> new SlaWarned(batch.tenant, t.id(), Party.ITSM_KIT, batch.now, seq, v, target,
                crossing.cycle(), crossing.percent(), crossing.thresholdAt()));
    }

    private void checkSchema(TicketChange change) {
        Ticket before = change.before();
        CustomFields fields = change.current().customFields();
        if (before == null ? !fields.isEmpty() : !before.customFields().equals(fields)) {
            settings.schemaFor(change.current().tenant(), change.current().kind())
                    .check("custom fields of " + change.current().number(), fields);
        }
    }

    /*
     * A problem that became a known error tells each of its incidents: a work note naming the known
     * error and its workaround, and the link back to the problem where the incident lacks it. An
     * incident linked to a problem that is a known error already is told the same when the link is made.
     */
    private static void propagateKnownErrors(Batch batch) {
        for (TicketChange change : batch.changes()) {
            Ticket problem = change.current();
            if (problem.kind() != TicketKind.PROBLEM || !problem.problem().knownError()) {
                continue;
            }
            Ticket before = change.before();
            boolean wasKnownError = before != null && before.problem().knownError();
            if (wasKnownError && before.links().size() >= problem.links().size()) {
                continue; // no link was added: every incident it has was told before
            }
            Party actor = change.events().isEmpty() ? Party.ITSM_KIT : change.events().get(change.events().size() - 1).actor();
            Link back = new Link(LinkType.INCIDENT_OF_PROBLEM, problem.ref());
            String note = "Known error recorded in " + problem.number() + ": " + problem.title()
                    + problem.problem().workaround().map(w -> ". Workaround: " + w).orElse("");
            for (Link link : problem.links()) {
                if (link.type() != LinkType.PROBLEM_OF_INCIDENT || batch.peek(link.target().id()).isEmpty()
                        || wasKnownError && before.links().contains(link)) {
                    continue;
                }
                TicketChange incident = batch.existing(link.target().id());
                Ticket t = incident.current();
                if (!t.links().contains(back)) {
                    incident.record((seq, v) -> new Linked(batch.tenant, t.id(), actor, batch.now, seq, v, back));
                }
                JournalEntry entry = new JournalEntry(JournalEntryKind.WORK_NOTE, actor, batch.now, note, List.of());
                incident.record((seq, v) -> new Commented(batch.tenant, t.id(), actor, batch.now, seq, v, entry));
            }
        }
    }

    static List<TicketEvent> eventsOf(List<TicketChange> changes) {
        List<TicketEvent> events = new ArrayList<>();
        changes.forEach(c -> events.addAll(c.events()));
        return events;
    }
}
