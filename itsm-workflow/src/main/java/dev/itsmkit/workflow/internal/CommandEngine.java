package dev.itsmkit.workflow.internal;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Approval;
import dev.itsmkit.core.ApprovalDecision;
import dev.itsmkit.core.FieldChange;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.ImpactUrgencyMatrix;
import dev.itsmkit.core.JournalEntry;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.PartyKind;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.RequestDetails;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Violation;
import dev.itsmkit.core.command.AddJournalEntry;
import dev.itsmkit.core.command.AddLink;
import dev.itsmkit.core.command.Assign;
import dev.itsmkit.core.command.ChangeImpactUrgency;
import dev.itsmkit.core.command.ClearPriorityOverride;
import dev.itsmkit.core.command.Unassign;
import dev.itsmkit.core.command.DecideApproval;
import dev.itsmkit.core.command.ExistingTicketCommand;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.command.OverridePriority;
import dev.itsmkit.core.command.RemoveLink;
import dev.itsmkit.core.command.RequestApprovals;
import dev.itsmkit.core.command.TicketCommand;
import dev.itsmkit.core.command.TransitionTicket;
import dev.itsmkit.core.command.UpdateFields;
import dev.itsmkit.core.event.ApprovalDecided;
import dev.itsmkit.core.event.ApprovalRequested;
import dev.itsmkit.core.event.Assigned;
import dev.itsmkit.core.event.Commented;
import dev.itsmkit.core.event.FieldsChanged;
import dev.itsmkit.core.event.Linked;
import dev.itsmkit.core.event.PriorityChanged;
import dev.itsmkit.core.event.StateChanged;
import dev.itsmkit.core.event.TicketCreated;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.event.Unlinked;
import dev.itsmkit.core.outbox.Notice;
import dev.itsmkit.core.outbox.OutboxEntryId;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.notification.OutboxDispatcher;
import dev.itsmkit.workflow.Action;
import dev.itsmkit.workflow.CommandPermissions;
import dev.itsmkit.workflow.CommandRefusedException;
import dev.itsmkit.workflow.CommandResult;
import dev.itsmkit.workflow.Lifecycle;
import dev.itsmkit.workflow.LifecycleState;
import dev.itsmkit.workflow.RetryPolicy;
import dev.itsmkit.workflow.ServiceDesk;
import dev.itsmkit.workflow.TransitionDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs commands: decides each from a fresh load of its ticket, turns it into events, and hands the
 * batch to the {@link Recorder}. A command that lost a race is decided again when
 * {@link RetryPolicy#isSafeToRetry} allows. Thread-safe: it keeps no state between commands.
 */
public final class CommandEngine {
    private final DeskSettings settings;
    private final Recorder recorder;
    private final Notices notices = new Notices();

    /**
     * Creates the engine.
     *
     * @param settings the desk's configuration
     */
    public CommandEngine(DeskSettings settings) {
        this.settings = requireNonNull(settings, "settings");
        this.recorder = new Recorder(settings);
    }

    Recorder recorder() {
        return recorder;
    }

    /**
     * Runs a command.
     *
     * @param command the command
     * @param withChildren for a transition: take it on the open children too
     * @return the result
     */
    public CommandResult execute(TicketCommand command, boolean withChildren) {
        settings.validator().validate(command);
        int attempt = 1;
        while (true) {
            try {
                return attempt(command, withChildren);
            } catch (ConcurrentUpdateException e) {
                if (attempt >= settings.retry().maxAttempts() || !RetryPolicy.isSafeToRetry(command)) {
                    throw e;
                }
                attempt++;
            }
        }
    }

    /**
     * Delivers the outbox entries due now.
     *
     * @return what was delivered
     */
    public OutboxDispatcher.Report deliverOutbox() {
        return recorder.deliverOutbox();
    }

    private CommandResult attempt(TicketCommand command, boolean withChildren) {
        Instant now = settings.clock().instant();
        Batch batch = new Batch(settings.stores().forTenant(command.tenant()), now);
        TicketChange main;
        if (command instanceof OpenTicket open) {
            main = open(batch, open);
        } else {
            ExistingTicketCommand existing = (ExistingTicketCommand) command;
            main = batch.existing(existing.ticket());
            Ticket ticket = main.current();
            // the authorize step of every command, first once the ticket is loaded (an actor without the
            // permission learns nothing of it): one question, a constant permission, nothing built when permitted
            requirePermission(ticket, existing.actor(), CommandPermissions.of(existing));
            if (existing.expectedVersion().isPresent() && existing.expectedVersion().getAsLong() != ticket.version()) {
                throw new ConcurrentUpdateException(ticket.id(), "version", existing.expectedVersion().getAsLong(),
                        ticket.version());
            }
            apply(batch, main, existing, withChildren);
        }
        recorder.record(batch);
        List<Ticket> others = List.of();
        if (batch.size() > 1) {
            others = new ArrayList<>();
            for (TicketChange change : batch.changes()) {
                if (change != main && !change.events().isEmpty()) {
                    others.add(change.current());
                }
            }
        }
        return new CommandResult(main.current(), main.events(), others, openChildren(batch, main));
    }

    private void apply(Batch batch, TicketChange change, ExistingTicketCommand command, boolean withChildren) {
        Party actor = command.actor();
        if (command instanceof TransitionTicket t) {
            transition(batch, change, actor, t.transition(), t.fields(), t.comment());
            if (withChildren) {
                for (Ticket child : openChildren(batch, change)) {
                    requirePermission(child, actor, CommandPermissions.TRANSITION);
                    transition(batch, batch.existing(child.id()), actor, t.transition(), t.fields(), t.comment());
                }
            }
            return;
        }
        if (command instanceof AddJournalEntry j) {
            comment(batch, change, actor, j.kind(), j.text(), j.attachments());
            return;
        }
        if (command instanceof AddLink l) {
            link(batch, change, actor, l.link());
            return;
        }
        if (command instanceof RemoveLink l) {
            unlink(batch, change, actor, l.link());
            return;
        }
        refuseIfFinal(change.current(), command);
        if (command instanceof UpdateFields u) {
            refuseLockedChanges(settings.lifecycles().lifecycle(batch.tenant, change.current().kind()), change.current(), u.fields());
            setFields(batch, change, actor, u.fields());
        } else if (command instanceof Assign a) {
            Ticket t = change.current();
            assign(batch, change, actor, a.assignee().or(t::assignee), a.group().or(t::assignmentGroup));
        } else if (command instanceof Unassign u) {
            Ticket t = change.current();
            assign(batch, change, actor, u.assignee() ? Optional.empty() : t.assignee(),
                    u.group() ? Optional.empty() : t.assignmentGroup());
        } else if (command instanceof ChangeImpactUrgency c) {
            Ticket t = change.current();
            Priority derived = priorityOf(settings.matrixFor(batch.tenant), c.impact(), c.urgency());
            Optional<String> reason = t.priorityOverrideReason();
            Priority to = reason.isPresent() ? t.priority() : derived;
            if (!c.impact().equals(t.impact()) || !c.urgency().equals(t.urgency()) || !to.equals(t.priority())) {
                change.record((seq, v) -> new PriorityChanged(batch.tenant, t.id(), actor, batch.now, seq, v, c.impact(),
                        c.urgency(), derived, t.priority(), to, reason));
            }
        } else if (command instanceof OverridePriority o) {
            // its permission, CommandPermissions.OVERRIDE_PRIORITY, was asked by attempt
            overridePriority(batch, change, actor, o.priority(), o.reason());
        } else if (command instanceof ClearPriorityOverride) {
            Ticket t = change.current();
            if (t.priorityOverrideReason().isPresent()) {
                Priority derived = t.priorityDecision().derived();
                change.record((seq, v) -> new PriorityChanged(batch.tenant, t.id(), actor, batch.now, seq, v, t.impact(),
                        t.urgency(), derived, t.priority(), derived, Optional.empty()));
            }
        } else if (command instanceof RequestApprovals r) {
            for (Party approver : r.approvers()) {
                Approval approval = Approval.pending(r.step(), approver, batch.now);
                change.record((seq, v) -> new ApprovalRequested(batch.tenant, change.current().id(), actor, batch.now, seq, v,
                        approval));
            }
        } else if (command instanceof DecideApproval d) {
            decide(batch, change, d);
        } else {
            throw new IllegalStateException("no handler for command " + command.getClass().getName());
        }
    }

    // ---- open

    private TicketChange open(Batch batch, OpenTicket command) {
        Lifecycle lifecycle = settings.lifecycles().lifecycle(command.tenant(), command.kind());
        Priority derived = priorityOf(settings.matrixFor(command.tenant()), command.impact(), command.urgency());
        TicketNumber number = batch.stores.numbers().next(command.kind());
        Ticket.Builder b = Ticket.builder(command.tenant(), newTicketId(), number)
                .title(command.title())
                .description(command.description())
                .state(lifecycle.initialState())
                .priority(command.impact(), command.urgency(), derived)
                .category(command.category())
                .requester(command.requester())
                .service(command.service())
                .configurationItems(command.configurationItems())
                .createdAt(batch.now)
                .updatedAt(batch.now)
                .version(1);
        command.fields().forEach((name, value) -> b.field(name, Optional.of(value)));
        command.customFields().forEach((name, value) -> b.field(name, Optional.of(value)));
        command.catalogueItem().ifPresent(item -> b.details(((RequestDetails) b.details()).withCatalogueItem(Optional.of(item))));
        Ticket ticket = b.build();
        // authorized with the ticket about to be created (see CommandPermissions): its number is taken, nothing else written
        requirePermission(ticket, command.actor(), CommandPermissions.OPEN);
        if (!command.fields().isEmpty() || !command.customFields().isEmpty()) {
            refuseLockedFieldsAtOpen(lifecycle, ticket, command);
        }
        TicketChange change = TicketChange.created(new TicketCreated(command.tenant(), ticket.id(), command.actor(), batch.now,
                1, 1, ticket));
        batch.add(change);
        return change;
    }

    /*
     * A random version-4 UUID from the thread's own generator: UUID.randomUUID() draws from one
     * shared SecureRandom, which two threads opening tickets would contend on. Ticket ids need to be
     * unique, not unguessable (access goes through the tenant, never through knowing an id).
     */
    private static TicketId newTicketId() {
        return TicketId.of(randomId());
    }

    /** A random version-4 UUID, drawn from the thread's own generator (see {@link #newTicketId()}). */
    static String randomId() {
        return randomUuid().toString();
    }

    /** The id of a new outbox entry: a random UUID as {@link #randomId()}, held as its bits (its text made when read). */
    static OutboxEntryId randomEntryId() {
        return OutboxEntryId.of(randomUuid());
    }

    private static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static Priority priorityOf(ImpactUrgencyMatrix matrix, dev.itsmkit.core.Impact impact, dev.itsmkit.core.Urgency urgency) {
        try {
            return matrix.priorityOf(impact, urgency);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("the tenant's priority matrix",
                    List.of(new Violation("impact", impact + "/" + urgency, e.getMessage())));
        }
    }

    // ---- transitions

    private void transition(Batch batch, TicketChange change, Party actor, String name, Map<String, FieldValue> fields,
            Optional<String> comment) {
        Lifecycle lifecycle = settings.lifecycles().lifecycle(batch.tenant, change.current().kind());
        if (!fields.isEmpty()) {
            Map<String, Optional<FieldValue>> values = new LinkedHashMap<>(2 * fields.size());
            fields.forEach((field, value) -> values.put(field, Optional.of(value)));
            refuseLockedChanges(lifecycle, change.current(), values);
            setFields(batch, change, actor, values);
        }
        Ticket ticket = change.current();
        // the batch finds linked tickets for the guards that read them; the lifecycle asks only when such a guard refused
        TransitionDecision.Allowed allowed = lifecycle.evaluate(ticket, name, actor, batch.now, settings.authorizer(), batch)
                .orElseThrow(ticket);
        TicketEvent stateChange = null;
        if (!allowed.from().equals(allowed.to())) {
            stateChange = change.record((seq, v) -> new StateChanged(batch.tenant, ticket.id(), actor, batch.now, seq, v,
                    allowed.from(), allowed.to(), allowed.transition().name()));
        }
        for (Action action : allowed.actions()) {
            perform(batch, change, actor, action, stateChange);
        }
        if (comment.isPresent()) {
            comment(batch, change, actor, JournalEntryKind.PUBLIC_COMMENT, comment.get(), List.of());
        }
    }

    private void perform(Batch batch, TicketChange change, Party actor, Action action, TicketEvent stateChange) {
        if (action instanceof Action.SetField set) {
            setFields(batch, change, actor, Map.of(set.field(), set.value()));
        } else if (action instanceof Action.Assign assign) {
            Ticket t = change.current();
            Party party = assign.party();
            if (party.kind() == PartyKind.GROUP) {
                assign(batch, change, actor, t.assignee(), Optional.of(party));
            } else {
                assign(batch, change, actor, Optional.of(party), t.assignmentGroup());
            }
        } else if (action instanceof Action.CreateTask task) {
            createTask(batch, change, actor, task);
        } else if (action instanceof Action.Notify notify) {
            List<TicketEvent> events = change.events();
            change.notify(stateChange != null ? stateChange : events.get(events.size() - 1), notices.named(notify.notification()));
        } else {
            throw new IllegalStateException("no handler for action " + action);
        }
    }

    private void createTask(Batch batch, TicketChange parentChange, Party actor, Action.CreateTask task) {
        Ticket parent = parentChange.current();
        Lifecycle lifecycle = settings.lifecycles().lifecycle(batch.tenant, TicketKind.TASK);
        TicketNumber number = batch.stores.numbers().next(TicketKind.TASK);
        Ticket child = Ticket.builder(batch.tenant, newTicketId(), number)
                .title(task.title())
                .state(lifecycle.initialState())
                .priority(parent.impact(), parent.urgency(), parent.priorityDecision())
                .requester(parent.requester())
                .service(parent.service())
                .assignmentGroup(task.group().or(parent::assignmentGroup))
                .links(List.of(new Link(LinkType.CHILD_OF, parent.ref())))
                .createdAt(batch.now)
                .updatedAt(batch.now)
                .version(1)
                .build();
        batch.add(TicketChange.created(new TicketCreated(batch.tenant, child.id(), actor, batch.now, 1, 1, child)));
        Link toChild = new Link(LinkType.PARENT_OF, child.ref());
        parentChange.record((seq, v) -> new Linked(batch.tenant, parent.id(), actor, batch.now, seq, v, toChild));
    }

    /** The targets of the ticket's parent-of links that are neither resolved nor final, after a move into a resolved state. */
    private static List<Ticket> openChildren(Batch batch, TicketChange change) {
        Ticket before = change.before();
        Ticket ticket = change.current();
        if (before == null || before.state().category() == StateCategory.RESOLVED
                || ticket.state().category() != StateCategory.RESOLVED) {
            return List.of();
        }
        List<Ticket> open = new ArrayList<>();
        for (Link link : ticket.links()) {
            if (link.type() == LinkType.PARENT_OF) {
                batch.peek(link.target().id()).filter(CommandEngine::isOpen).ifPresent(open::add);
            }
        }
        return open;
    }

    private static boolean isOpen(Ticket ticket) {
        StateCategory category = ticket.state().category();
        return !category.isFinal() && category != StateCategory.RESOLVED;
    }

    // ---- fields, assignment, priority

    private void setFields(Batch batch, TicketChange change, Party actor, Map<String, Optional<FieldValue>> values) {
        Ticket ticket = change.current();
        List<FieldChange> changes = change.changesTo(values);
        if (!changes.isEmpty()) {
            recordFields(batch, change, actor, ticket, changes);
        }
    }

    /* Records the changes of fields that setFields found (apart, so that its callers stay small to compile). */
    private static void recordFields(Batch batch, TicketChange change, Party actor, Ticket ticket, List<FieldChange> changes) {
        // Built before the event so that a value the ticket refuses is a ValidationException for the
        // caller, not the IllegalStateException that an event which does not fit its snapshot throws.
        // It is built as FieldsChanged.applyTo builds it (version, updatedAt, then the fields in order),
        // so that when every change is real it is the event's result, and the ticket is built once, not
        // twice. A clock behind the ticket's creation (updatedAt would be refused) keeps the old probe,
        // so that the refusal stays the event's.
        boolean asApplied = !batch.now.isBefore(ticket.createdAt());
        Ticket.Builder probe = ticket.toBuilder();
        if (asApplied) {
            probe.version(change.changeVersion()).updatedAt(batch.now);
        }
        for (int i = 0; i < changes.size(); i++) {
            FieldChange c = changes.get(i);
            probe.field(c.field(), c.after());
        }
        Ticket after = probe.build();
        // A value the ticket reads back as it was (an empty description, say) is no change.
        List<FieldChange> real = changes;
        for (int i = 0; i < changes.size(); i++) {
            if (after.field(changes.get(i).field()).equals(changes.get(i).before())) {
                real = withoutNoChanges(changes, after);
                break;
            }
        }
        List<FieldChange> recorded = real;
        if (recorded.isEmpty()) {
            return;
        }
        TicketChange.EventMaker maker = (seq, v) -> new FieldsChanged(batch.tenant, ticket.id(), actor, batch.now, seq, v, recorded);
        if (asApplied && recorded == changes && change.current() == ticket) {
            change.recordApplied(maker, after);
        } else {
            change.record(maker);
        }
    }

    private static List<FieldChange> withoutNoChanges(List<FieldChange> changes, Ticket after) {
        List<FieldChange> real = new ArrayList<>(changes.size());
        for (FieldChange c : changes) {
            if (!after.field(c.field()).equals(c.before())) {
                real.add(c);
            }
        }
        return real;
    }

    private static void assign(Batch batch, TicketChange change, Party actor, Optional<Party> assignee, Optional<Party> group) {
        Ticket t = change.current();
        if (assignee.equals(t.assignee()) && group.equals(t.assignmentGroup())) {
            return;
        }
        change.record((seq, v) -> new Assigned(batch.tenant, t.id(), actor, batch.now, seq, v, assignee, group, t.assignee(),
                t.assignmentGroup()));
    }

    static void overridePriority(Batch batch, TicketChange change, Party actor, Priority priority, String reason) {
        Ticket t = change.current();
        if (priority.equals(t.priority()) && t.priorityOverrideReason().equals(Optional.of(reason))) {
            return;
        }
        change.record((seq, v) -> new PriorityChanged(batch.tenant, t.id(), actor, batch.now, seq, v, t.impact(), t.urgency(),
                t.priorityDecision().derived(), t.priority(), priority, Optional.of(reason)));
    }

    static void reassign(Batch batch, TicketChange change, Party actor, Party party) {
        Ticket t = change.current();
        if (party.kind() == PartyKind.GROUP) {
            assign(batch, change, actor, Optional.empty(), Optional.of(party));
        } else {
            assign(batch, change, actor, Optional.of(party), t.assignmentGroup());
        }
    }

    // ---- journal, links, approvals

    private static void comment(Batch batch, TicketChange change, Party actor, JournalEntryKind kind, String text,
            List<dev.itsmkit.core.Attachment> attachments) {
        JournalEntry entry = new JournalEntry(kind, actor, batch.now, text, attachments);
        change.record((seq, v) -> new Commented(batch.tenant, change.current().id(), actor, batch.now, seq, v, entry));
    }

    private void link(Batch batch, TicketChange change, Party actor, Link link) {
        Ticket ticket = change.current();
        if (ticket.links().contains(link)) {
            return;
        }
        TicketChange target = target(batch, ticket, link);
        Ticket other = target.current();
        Link inverse = new Link(link.type().inverse(), ticket.ref());
        if (!link.type().allows(ticket.kind(), other.kind())) {
            throw new ValidationException("link from " + ticket.number(), List.of(new Violation("link.type", link.type().name(),
                    "must be one of " + LinkType.allowedBetween(ticket.kind(), other.kind()) + " from a " + ticket.kind()
                            + " to a " + other.kind())));
        }
        change.record((seq, v) -> new Linked(batch.tenant, ticket.id(), actor, batch.now, seq, v, link));
        if (!other.links().contains(inverse)) {
            target.record((seq, v) -> new Linked(batch.tenant, other.id(), actor, batch.now, seq, v, inverse));
        }
    }

    private void unlink(Batch batch, TicketChange change, Party actor, Link link) {
        Ticket ticket = change.current();
        if (!ticket.links().contains(link)) {
            return;
        }
        change.record((seq, v) -> new Unlinked(batch.tenant, ticket.id(), actor, batch.now, seq, v, link));
        Optional<Ticket> other = batch.peek(link.target().id());
        Link inverse = new Link(link.type().inverse(), ticket.ref());
        if (other.isPresent() && other.get().links().contains(inverse)) {
            TicketChange target = batch.existing(other.get().id());
            target.record((seq, v) -> new Unlinked(batch.tenant, other.get().id(), actor, batch.now, seq, v, inverse));
        }
    }

    private static TicketChange target(Batch batch, Ticket ticket, Link link) {
        if (batch.peek(link.target().id()).isEmpty()) {
            throw new CommandRefusedException(ticket.number().toString(), CommandRefusedException.LINK_TARGET,
                    "the link " + link + " points to a ticket that tenant " + batch.tenant + " does not have");
        }
        return batch.existing(link.target().id());
    }

    private void decide(Batch batch, TicketChange change, DecideApproval command) {
        Ticket ticket = change.current();
        Party actor = command.actor();
        Party approver = command.approver();
        // a member decides for its group; anyone else deciding for an approver needs the permission
        if (!actor.equals(approver)
                && !(approver.kind() == PartyKind.GROUP && settings.groups().isMember(actor, approver))) {
            requirePermission(ticket, actor, ServiceDesk.DECIDE_ON_BEHALF_PERMISSION);
        }
        // the approval awaited under the lifecycle's approval policies (a sequence's turn, nothing after the outcome)
        int chosen = ApprovalTurns.approvalToDecide(settings.lifecycles().lifecycle(batch.tenant, ticket.kind()), ticket,
                approver);
        ApprovalDecision decision = new ApprovalDecision(command.verdict(), actor, batch.now, command.comment());
        change.record((seq, v) -> new ApprovalDecided(batch.tenant, ticket.id(), actor, batch.now, seq, v, chosen, decision));
    }

    // ---- rules

    /** Asks the authorizer; the refusal is built out of line, so that the permitted path stays small to inline. */
    private void requirePermission(Ticket ticket, Party actor, String permission) {
        if (!settings.authorizer().permits(actor, permission, ticket)) {
            throw permissionRefused(ticket, actor, permission);
        }
    }

    private static CommandRefusedException permissionRefused(Ticket ticket, Party actor, String permission) {
        return new CommandRefusedException(ticket.number().toString(), CommandRefusedException.PERMISSION,
                actor + " does not hold the permission " + permission);
    }

    /**
     * Refuses changes by hand to the fields the ticket's state locks (LifecycleState#lockedFields): by
     * UpdateFields and by the fields a transition carries. A value equal to the field's is no change.
     * The lifecycle's actions do not come here. Costs one probe of the lifecycle's state table; nothing is
     * allocated when the state locks nothing.
     */
    private static void refuseLockedChanges(Lifecycle lifecycle, Ticket ticket, Map<String, Optional<FieldValue>> values) {
        Set<String> locked = lifecycle.lockedFields(ticket.state());
        if (locked.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Optional<FieldValue>> value : values.entrySet()) {
            String field = value.getKey();
            if (locked.contains(field) && !ticket.field(field).equals(value.getValue())) {
                throw lockedField(lifecycle, ticket, field);
            }
        }
    }

    /** OpenTicket sets its fields in the initial state: those it locks cannot be given at all. */
    private static void refuseLockedFieldsAtOpen(Lifecycle lifecycle, Ticket ticket, OpenTicket command) {
        Set<String> locked = lifecycle.lockedFields(ticket.state());
        for (String field : locked) {
            if (command.fields().containsKey(field) || command.customFields().containsKey(field)) {
                throw lockedField(lifecycle, ticket, field);
            }
        }
    }

    /** The refusal of a locked field, saying where it may change and which transitions set it. */
    private static CommandRefusedException lockedField(Lifecycle lifecycle, Ticket ticket, String field) {
        List<String> open = new ArrayList<>();
        for (LifecycleState state : lifecycle.states()) {
            if (!state.category().isFinal() && !state.lockedFields().contains(field)) {
                open.add(state.name());
            }
        }
        List<String> setters = new ArrayList<>();
        for (dev.itsmkit.workflow.Transition t : lifecycle.transitions()) {
            for (Action action : t.actions()) {
                if (action instanceof Action.SetField set && set.field().equals(field) && !setters.contains(t.name())) {
                    setters.add(t.name());
                }
            }
        }
        String instead = open.isEmpty() ? "no state of the lifecycle lets it be changed by hand"
                : "it can be changed by hand only in " + open;
        if (!setters.isEmpty()) {
            instead += "; the transitions " + setters + " set it";
        }
        return new CommandRefusedException(ticket.number().toString(), CommandRefusedException.LOCKED_FIELD,
                "the field " + field + " is locked while the ticket is in " + ticket.state().name() + " (lifecycle "
                        + lifecycle.id() + " v" + lifecycle.version() + "); " + instead);
    }

    private static void refuseIfFinal(Ticket ticket, TicketCommand command) {
        if (ticket.state().category().isFinal()) {
            throw new CommandRefusedException(ticket.number().toString(), CommandRefusedException.FINAL_STATE,
                    "the ticket is " + ticket.state() + ", a final state; it takes comments and links only, not "
                            + command.getClass().getSimpleName());
        }
    }

    static boolean kindIs(Ticket ticket, TicketKind kind) {
        return ticket.kind() == kind;
    }
}
