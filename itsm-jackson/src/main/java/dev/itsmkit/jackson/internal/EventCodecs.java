package dev.itsmkit.jackson.internal;

import static dev.itsmkit.jackson.internal.CoreCodecs.IMPACT;
import static dev.itsmkit.jackson.internal.CoreCodecs.PARTY;
import static dev.itsmkit.jackson.internal.CoreCodecs.PRIORITY;
import static dev.itsmkit.jackson.internal.CoreCodecs.TENANT_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.TICKET_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.TICKET_STATE;
import static dev.itsmkit.jackson.internal.CoreCodecs.URGENCY;
import static dev.itsmkit.jackson.internal.Family.member;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.ApprovalDecided;
import dev.itsmkit.core.event.ApprovalRequested;
import dev.itsmkit.core.event.Assigned;
import dev.itsmkit.core.event.Commented;
import dev.itsmkit.core.event.FieldsChanged;
import dev.itsmkit.core.event.Linked;
import dev.itsmkit.core.event.PriorityChanged;
import dev.itsmkit.core.event.SlaBreached;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.event.StateChanged;
import dev.itsmkit.core.event.TicketCreated;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.event.Unlinked;
import dev.itsmkit.core.outbox.Notice;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.outbox.OutboxEntryId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Codecs of ticket events and outbox entries. Every event is an object with its {@code type}, then the
 * properties all events share ({@link #HEADER}), then its own.
 */
final class EventCodecs {
    private EventCodecs() {}

    /** The properties every event has, in the order written. */
    static final List<String> HEADER = List.of("tenant", "ticket", "actor", "at", "sequence", "version");

    /** The properties every event has, as read. */
    record Header(TenantId tenant, TicketId ticket, Party actor, Instant at, long sequence, long version) {
        static Header read(Fields in) throws JsonMappingException {
            return new Header(in.get("tenant", TENANT_ID), in.get("ticket", TICKET_ID), in.get("actor", PARTY),
                    in.get("at", Scalars.INSTANT), in.longInteger("sequence"), in.longInteger("version"));
        }
    }

    /** Builds an event from the header and its own properties. */
    @FunctionalInterface
    interface EventReader<E> {
        E read(Header header, Fields in) throws JsonMappingException;
    }

    private static <E extends TicketEvent> ObjectCodec<E> event(Class<E> type, String description, List<String> own,
            ObjectCodec.Writer<E> writer, EventReader<E> reader) {
        List<String> properties = new ArrayList<>(HEADER);
        properties.addAll(own);
        return ObjectCodec.of(type, description, properties,
                (out, e) -> {
                    writeHeader(out, e);
                    writer.write(out, e);
                },
                in -> reader.read(Header.read(in), in));
    }

    private static void writeHeader(Out out, TicketEvent e) throws IOException {
        out.value("tenant", TENANT_ID, e.tenant());
        out.value("ticket", TICKET_ID, e.ticket());
        out.value("actor", PARTY, e.actor());
        out.value("at", Scalars.INSTANT, e.at());
        out.integer("sequence", e.sequence());
        out.integer("version", e.version());
    }

    static final ObjectCodec<TicketCreated> TICKET_CREATED = event(TicketCreated.class, "a ticket-created event",
            List.of("snapshot"),
            (out, e) -> out.value("snapshot", TicketCodecs.TICKET, e.snapshot()),
            (h, in) -> new TicketCreated(h.tenant(), h.ticket(), h.actor(), h.at(), h.sequence(), h.version(),
                    in.get("snapshot", TicketCodecs.TICKET)));

    static final ObjectCodec<StateChanged> STATE_CHANGED = event(StateChanged.class, "a state-changed event",
            List.of("from", "to", "transition"),
            (out, e) -> {
                out.value("from", TICKET_STATE, e.from());
                out.value("to", TICKET_STATE, e.to());
                out.string("transition", e.transition());
            },
            (h, in) -> new StateChanged(h.tenant(), h.ticket(), h.actor(), h.at(), h.sequence(), h.version(),
                    in.get("from", TICKET_STATE), in.get("to", TICKET_STATE), in.string("transition")));

    static final ObjectCodec<FieldsChanged> FIELDS_CHANGED = event(FieldsChanged.class, "a fields-changed event",
            List.of("changes"),
            (out, e) -> out.list("changes", TicketCodecs.FIELD_CHANGE, e.changes()),
            (h, in) -> new FieldsChanged(h.tenant(), h.ticket(), h.actor(), h.at(), h.sequence(), h.version(),
                    in.required("changes", "a list of field changes").list(TicketCodecs.FIELD_CHANGE)));

    static final ObjectCodec<Assigned> ASSIGNED = event(Assigned.class, "an assigned event",
            List.of("assignee", "group", "previousAssignee", "previousGroup"),
            (out, e) -> {
                out.optional("assignee", PARTY, e.assignee());
                out.optional("group", PARTY, e.group());
                out.optional("previousAssignee", PARTY, e.previousAssignee());
                out.optional("previousGroup", PARTY, e.previousGroup());
            },
            (h, in) -> new Assigned(h.tenant(), h.ticket(), h.actor(), h.at(), h.sequence(), h.version(),
                    in.optional("assignee", PARTY), in.optional("group", PARTY), in.optional("previousAssignee", PARTY),
                    in.optional("previousGroup", PARTY)));

    static final ObjectCodec<PriorityChanged> PRIORITY_CHANGED = event(PriorityChanged.class,
            "a priority-changed event", List.of("impact", "urgency", "derived", "from", "to", "overrideReason"),
            (out, e) -> {
                out.value("impact", IMPACT, e.impact());
                out.value("urgency", URGENCY, e.urgency());
                out.value("derived", PRIORITY, e.derived());
                out.value("from", PRIORITY, e.from());
                out.value("to", PRIORITY, e.to());
                out.optionalString("overrideReason", e.overrideReason());
            },
            (h, in) -> new PriorityChanged(h.tenant(), h.ticket(), h.actor(), h.at(), h.sequence(), h.version(),
                    in.get("impact", IMPACT), in.get("urgency", URGENCY), in.get("derived", PRIORITY),
                    in.get("from", PRIORITY), in.get("to", PRIORITY),
                    in.optionalString("overrideReason")));

    static final ObjectCodec<Linked> LINKED = event(Linked.class, "a linked event", List.of("link"),
            (out, e) -> out.value("link", TicketCodecs.LINK, e.link()),
            (h, in) -> new Linked(h.tenant(), h.ticket(), h.actor(), h.at(), h.sequence(), h.version(),
                    in.get("link", TicketCodecs.LINK)));

    static final ObjectCodec<Unlinked> UNLINKED = event(Unlinked.class, "an unlinked event", List.of("link"),
            (out, e) -> out.value("link", TicketCodecs.LINK, e.link()),
            (h, in) -> new Unlinked(h.tenant(), h.ticket(), h.actor(), h.at(), h.sequence(), h.version(),
                    in.get("link", TicketCodecs.LINK)));

    static final ObjectCodec<Commented> COMMENTED = event(Commented.class, "a commented event", List.of("entry"),
            (out, e) -> out.value("entry", TicketCodecs.JOURNAL_ENTRY, e.entry()),
            (h, in) -> new Commented(h.tenant(), h.ticket(), h.actor(), h.at(), h.sequence(), h.version(),
                    in.get("entry", TicketCodecs.JOURNAL_ENTRY)));

    static final ObjectCodec<ApprovalRequested> APPROVAL_REQUESTED = event(ApprovalRequested.class,
            "an approval-requested event", List.of("approval"),
            (out, e) -> out.value("approval", TicketCodecs.APPROVAL, e.approval()),
            (h, in) -> new ApprovalRequested(h.tenant(), h.ticket(), h.actor(), h.at(), h.sequence(), h.version(),
                    in.get("approval", TicketCodecs.APPROVAL)));

    static final ObjectCodec<ApprovalDecided> APPROVAL_DECIDED = event(ApprovalDecided.class,
            "an approval-decided event", List.of("approvalIndex", "decision"),
            (out, e) -> {
                out.integer("approvalIndex", e.approvalIndex());
                out.value("decision", TicketCodecs.APPROVAL_DECISION, e.decision());
            },
            (h, in) -> new ApprovalDecided(h.tenant(), h.ticket(), h.actor(), h.at(), h.sequence(), h.version(),
                    in.integer("approvalIndex"), in.get("decision", TicketCodecs.APPROVAL_DECISION)));

    static final ObjectCodec<SlaWarned> SLA_WARNED = event(SlaWarned.class, "an SLA-warned event",
            List.of("target", "cycle", "percent", "thresholdAt"),
            (out, e) -> {
                out.string("target", e.target());
                out.integer("cycle", e.cycle());
                out.integer("percent", e.percent());
                out.value("thresholdAt", Scalars.INSTANT, e.thresholdAt());
            },
            (h, in) -> new SlaWarned(h.tenant(), h.ticket(), h.actor(), h.at(), h.sequence(), h.version(),
                    in.string("target"), in.integer("cycle"), in.integer("percent"), in.get("thresholdAt", Scalars.INSTANT)));

    static final ObjectCodec<SlaBreached> SLA_BREACHED = event(SlaBreached.class, "an SLA-breached event",
            List.of("target", "cycle", "breachedAt"),
            (out, e) -> {
                out.string("target", e.target());
                out.integer("cycle", e.cycle());
                out.value("breachedAt", Scalars.INSTANT, e.breachedAt());
            },
            (h, in) -> new SlaBreached(h.tenant(), h.ticket(), h.actor(), h.at(), h.sequence(), h.version(),
                    in.string("target"), in.integer("cycle"), in.get("breachedAt", Scalars.INSTANT)));

    static final Family<TicketEvent> TICKET_EVENT = Family.of(TicketEvent.class, "ticket event", List.of(
            member("ticketCreated", TICKET_CREATED),
            member("stateChanged", STATE_CHANGED),
            member("fieldsChanged", FIELDS_CHANGED),
            member("assigned", ASSIGNED),
            member("priorityChanged", PRIORITY_CHANGED),
            member("linked", LINKED),
            member("unlinked", UNLINKED),
            member("commented", COMMENTED),
            member("approvalRequested", APPROVAL_REQUESTED),
            member("approvalDecided", APPROVAL_DECIDED),
            member("slaWarned", SLA_WARNED),
            member("slaBreached", SLA_BREACHED)));

    static final Codec<OutboxEntryId> OUTBOX_ENTRY_ID = Scalars.text(OutboxEntryId.class,
            "an outbox entry id: 1 to 128 letters, digits and . _ : @ - (not first)", OutboxEntryId::of,
            OutboxEntryId::value);

    static final ObjectCodec<Notice> NOTICE = ObjectCodec.of(Notice.class, "a notice",
            List.of("name", "channel", "recipients"),
            (out, n) -> {
                out.string("name", n.name());
                out.optionalString("channel", n.channel());
                out.list("recipients", CoreCodecs.PARTY, n.recipients());
            },
            in -> new Notice(in.string("name"), in.optionalString("channel"), in.list("recipients", CoreCodecs.PARTY)));

    /** An entry written before notices existed has no {@code notice}: it reads as the announcement it was. */
    static final ObjectCodec<OutboxEntry> OUTBOX_ENTRY = ObjectCodec.of(OutboxEntry.class, "an outbox entry",
            List.of("id", "tenant", "ticket", "event", "createdAt", "idempotencyKey", "notice"),
            (out, o) -> {
                out.value("id", OUTBOX_ENTRY_ID, o.id());
                out.value("tenant", TENANT_ID, o.tenant());
                out.value("ticket", TICKET_ID, o.ticket());
                out.value("event", TICKET_EVENT, o.event());
                out.value("createdAt", Scalars.INSTANT, o.createdAt());
                out.string("idempotencyKey", o.idempotencyKey());
                out.optional("notice", NOTICE, o.notice());
            },
            in -> new OutboxEntry(in.get("id", OUTBOX_ENTRY_ID), in.get("tenant", TENANT_ID), in.get("ticket", TICKET_ID),
                    in.get("event", TICKET_EVENT), in.get("createdAt", Scalars.INSTANT), in.string("idempotencyKey"),
                    in.optional("notice", NOTICE)));
}
