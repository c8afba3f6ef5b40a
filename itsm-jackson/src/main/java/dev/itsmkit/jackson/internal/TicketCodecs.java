package dev.itsmkit.jackson.internal;

import static dev.itsmkit.jackson.internal.CoreCodecs.CATALOGUE_ITEM_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.CHANGE_RISK;
import static dev.itsmkit.jackson.internal.CoreCodecs.CHANGE_TYPE;
import static dev.itsmkit.jackson.internal.CoreCodecs.CONFIGURATION_ITEM_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.FIELD_TYPE;
import static dev.itsmkit.jackson.internal.CoreCodecs.HOLD_REASON;
import static dev.itsmkit.jackson.internal.CoreCodecs.IMPACT;
import static dev.itsmkit.jackson.internal.CoreCodecs.JOURNAL_ENTRY_KIND;
import static dev.itsmkit.jackson.internal.CoreCodecs.LINK_TYPE;
import static dev.itsmkit.jackson.internal.CoreCodecs.PARTY;
import static dev.itsmkit.jackson.internal.CoreCodecs.PRIORITY_DECISION;
import static dev.itsmkit.jackson.internal.CoreCodecs.SERVICE_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.TENANT_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.TICKET_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.TICKET_NUMBER;
import static dev.itsmkit.jackson.internal.CoreCodecs.TICKET_STATE;
import static dev.itsmkit.jackson.internal.CoreCodecs.URGENCY;
import static dev.itsmkit.jackson.internal.CoreCodecs.VERDICT;
import static dev.itsmkit.jackson.internal.Family.member;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.itsmkit.core.Approval;
import dev.itsmkit.core.ApprovalDecision;
import dev.itsmkit.core.Attachment;
import dev.itsmkit.core.ChangeDetails;
import dev.itsmkit.core.CustomFields;
import dev.itsmkit.core.FieldChange;
import dev.itsmkit.core.FieldDefinition;
import dev.itsmkit.core.FieldSchema;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.IncidentDetails;
import dev.itsmkit.core.JournalEntry;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.ProblemDetails;
import dev.itsmkit.core.RequestDetails;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TaskDetails;
import dev.itsmkit.core.TicketDetails;
import dev.itsmkit.core.TicketRef;
import dev.itsmkit.core.TimeWindow;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Codecs of tickets and what they hold: field values, details, links, journal, approvals. */
final class TicketCodecs {
    private TicketCodecs() {}

    // ---- field values: {"type": "text", "value": ...}

    static final ObjectCodec<FieldValue.Text> TEXT_VALUE = ObjectCodec.of(FieldValue.Text.class, "a text value",
            List.of("value"),
            (out, v) -> out.string("value", v.value()),
            in -> new FieldValue.Text(in.string("value")));
    static final ObjectCodec<FieldValue.Number> NUMBER_VALUE = ObjectCodec.of(FieldValue.Number.class,
            "a number value", List.of("value"),
            (out, v) -> out.value("value", Scalars.PLAIN_DECIMAL, v.value()),
            in -> new FieldValue.Number(in.get("value", Scalars.PLAIN_DECIMAL)));
    static final ObjectCodec<FieldValue.Bool> BOOLEAN_VALUE = ObjectCodec.of(FieldValue.Bool.class,
            "a boolean value", List.of("value"),
            (out, v) -> out.bool("value", v.value()),
            in -> new FieldValue.Bool(in.required("value", "true or false").bool(FieldValue.Bool.class,
                    "true or false")));
    static final ObjectCodec<FieldValue.Timestamp> TIMESTAMP_VALUE = ObjectCodec.of(FieldValue.Timestamp.class,
            "a timestamp value", List.of("value"),
            (out, v) -> out.value("value", Scalars.INSTANT, v.value()),
            in -> new FieldValue.Timestamp(in.get("value", Scalars.INSTANT)));
    static final ObjectCodec<FieldValue.Date> DATE_VALUE = ObjectCodec.of(FieldValue.Date.class, "a date value",
            List.of("value"),
            (out, v) -> out.value("value", Scalars.DATE, v.value()),
            in -> new FieldValue.Date(in.get("value", Scalars.DATE)));
    /** A list holds no lists; the core refuses one, naming the rule. */
    static final ObjectCodec<FieldValue.Multi> LIST_VALUE = ObjectCodec.of(FieldValue.Multi.class, "a list value",
            List.of("value"),
            (out, v) -> out.list("value", TicketCodecs.FIELD_VALUE, v.values()),
            in -> new FieldValue.Multi(in.required("value", "a list of field values")
                    .list(TicketCodecs.FIELD_VALUE)));

    static final Family<FieldValue> FIELD_VALUE = Family.of(FieldValue.class, "field value", List.of(
            member("text", TEXT_VALUE),
            member("number", NUMBER_VALUE),
            member("boolean", BOOLEAN_VALUE),
            member("timestamp", TIMESTAMP_VALUE),
            member("date", DATE_VALUE),
            member("list", LIST_VALUE)));

    /** Custom fields: one property per field, in name order, each a field value. */
    static final Codec<CustomFields> CUSTOM_FIELDS = new Codec<>() {
        @Override
        public Class<CustomFields> type() {
            return CustomFields.class;
        }

        @Override
        public String description() {
            return "custom fields: an object of field values by field name";
        }

        @Override
        public void write(JsonGenerator g, CustomFields fields) throws IOException {
            g.writeStartObject();
            for (Map.Entry<String, FieldValue> field : fields.asMap().entrySet()) {
                g.writeFieldName(field.getKey());
                FIELD_VALUE.write(g, field.getValue());
            }
            g.writeEndObject();
        }

        @Override
        public CustomFields read(Source in) throws JsonMappingException {
            if (!in.node().isObject()) {
                throw Errors.wrongType(in, CustomFields.class, description());
            }
            Map<String, FieldValue> values = new LinkedHashMap<>();
            for (Iterator<String> names = in.node().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                values.put(name, in.child(CustomFields.class, name, in.node().get(name)).as(FIELD_VALUE));
            }
            return CustomFields.of(values);
        }
    };

    // ---- field schemas

    static final ObjectCodec<FieldDefinition> FIELD_DEFINITION = ObjectCodec.of(FieldDefinition.class,
            "a field definition",
            List.of("name", "label", "type", "required", "maxLength", "min", "max", "choices"),
            (out, d) -> {
                out.string("name", d.name());
                out.string("label", d.label());
                out.value("type", FIELD_TYPE, d.type());
                out.bool("required", d.required());
                if (d.maxLength().isPresent()) {
                    out.integer("maxLength", d.maxLength().getAsInt());
                }
                out.optional("min", Scalars.DECIMAL, d.min());
                out.optional("max", Scalars.DECIMAL, d.max());
                out.list("choices", Scalars.STRING, d.choices());
            },
            in -> {
                FieldDefinition.Builder b = FieldDefinition.builder(in.string("name"), in.get("type", FIELD_TYPE))
                        .required(in.bool("required", false))
                        .choices(in.list("choices", Scalars.STRING));
                Optional<String> label = in.optionalString("label");
                if (label.isPresent()) {
                    b.label(label.get());
                }
                Optional<Source> maxLength = in.optional("maxLength");
                if (maxLength.isPresent()) {
                    b.maxLength(maxLength.get().integer(FieldDefinition.class, "a whole number"));
                }
                in.optional("min", Scalars.DECIMAL).ifPresent(b::min);
                in.optional("max", Scalars.DECIMAL).ifPresent(b::max);
                return b.build();
            });

    static final ObjectCodec<FieldSchema> FIELD_SCHEMA = ObjectCodec.of(FieldSchema.class, "a field schema",
            List.of("open", "definitions"),
            (out, s) -> {
                out.bool("open", s.isOpen());
                out.list("definitions", FIELD_DEFINITION, s.definitions());
            },
            in -> {
                boolean open = in.required("open", "true or false").bool(FieldSchema.class, "true or false");
                List<FieldDefinition> definitions = in.list("definitions", FIELD_DEFINITION);
                if (open && !definitions.isEmpty()) {
                    throw new IllegalArgumentException("an open schema accepts any field and has no definitions;"
                            + " give \"open\": false to accept only the " + definitions.size() + " fields defined");
                }
                return open ? FieldSchema.OPEN : FieldSchema.of(definitions);
            });

    static final ObjectCodec<FieldChange> FIELD_CHANGE = ObjectCodec.of(FieldChange.class, "a field change",
            List.of("field", "before", "after"),
            (out, c) -> {
                out.string("field", c.field());
                out.optional("before", FIELD_VALUE, c.before());
                out.optional("after", FIELD_VALUE, c.after());
            },
            in -> new FieldChange(in.string("field"), in.optional("before", FIELD_VALUE),
                    in.optional("after", FIELD_VALUE)));

    // ---- ticket details: {"type": "incident", ...}

    static final ObjectCodec<TimeWindow> TIME_WINDOW = ObjectCodec.of(TimeWindow.class, "a time window",
            List.of("start", "end"),
            (out, w) -> {
                out.value("start", Scalars.INSTANT, w.start());
                out.value("end", Scalars.INSTANT, w.end());
            },
            in -> new TimeWindow(in.get("start", Scalars.INSTANT), in.get("end", Scalars.INSTANT)));

    static final ObjectCodec<IncidentDetails> INCIDENT = ObjectCodec.of(IncidentDetails.class, "incident details",
            List.of("major", "holdReason", "resolutionCode", "resolutionNotes"),
            (out, d) -> {
                out.bool("major", d.major());
                out.optional("holdReason", HOLD_REASON, d.holdReason());
                out.optionalString("resolutionCode", d.resolutionCode());
                out.optionalString("resolutionNotes", d.resolutionNotes());
            },
            in -> IncidentDetails.EMPTY.withMajor(in.bool("major", false))
                    .withHoldReason(in.optional("holdReason", HOLD_REASON))
                    .withResolutionCode(in.optionalString("resolutionCode"))
                    .withResolutionNotes(in.optionalString("resolutionNotes")));
    static final ObjectCodec<RequestDetails> SERVICE_REQUEST = ObjectCodec.of(RequestDetails.class,
            "service request details", List.of("catalogueItem", "requestedFor"),
            (out, d) -> {
                out.optional("catalogueItem", CATALOGUE_ITEM_ID, d.catalogueItem());
                out.optional("requestedFor", PARTY, d.requestedFor());
            },
            in -> RequestDetails.EMPTY.withCatalogueItem(in.optional("catalogueItem", CATALOGUE_ITEM_ID))
                    .withRequestedFor(in.optional("requestedFor", PARTY)));
    static final ObjectCodec<ProblemDetails> PROBLEM = ObjectCodec.of(ProblemDetails.class, "problem details",
            List.of("knownError", "rootCause", "workaround"),
            (out, d) -> {
                out.bool("knownError", d.knownError());
                out.optionalString("rootCause", d.rootCause());
                out.optionalString("workaround", d.workaround());
            },
            in -> ProblemDetails.EMPTY.withKnownError(in.bool("knownError", false))
                    .withRootCause(in.optionalString("rootCause"))
                    .withWorkaround(in.optionalString("workaround")));
    static final ObjectCodec<ChangeDetails> CHANGE = ObjectCodec.of(ChangeDetails.class, "change details",
            List.of("changeType", "risk", "plannedWindow", "implementationPlan", "backoutPlan", "acceptanceCriteria"),
            (out, d) -> {
                out.value("changeType", CHANGE_TYPE, d.type());
                out.value("risk", CHANGE_RISK, d.risk());
                out.optional("plannedWindow", TIME_WINDOW, d.plannedWindow());
                out.optionalString("implementationPlan", d.implementationPlan());
                out.optionalString("backoutPlan", d.backoutPlan());
                out.list("acceptanceCriteria", Scalars.STRING, d.acceptanceCriteria());
            },
            in -> ChangeDetails.EMPTY.withType(in.get("changeType", CHANGE_TYPE))
                    .withRisk(in.get("risk", CHANGE_RISK))
                    .withPlannedWindow(in.optional("plannedWindow", TIME_WINDOW))
                    .withImplementationPlan(in.optionalString("implementationPlan"))
                    .withBackoutPlan(in.optionalString("backoutPlan"))
                    .withAcceptanceCriteria(in.list("acceptanceCriteria", Scalars.STRING)));

    static final ObjectCodec<TaskDetails> TASK = ObjectCodec.of(TaskDetails.class, "task details", List.of(),
            (out, d) -> { },
            in -> TaskDetails.EMPTY);

    static final Family<TicketDetails> TICKET_DETAILS = Family.of(TicketDetails.class, "ticket details", List.of(
            member("incident", INCIDENT),
            member("serviceRequest", SERVICE_REQUEST),
            member("problem", PROBLEM),
            member("change", CHANGE),
            member("task", TASK)));

    // ---- the parts of a ticket

    static final ObjectCodec<TicketRef> TICKET_REF = ObjectCodec.of(TicketRef.class, "a ticket reference",
            List.of("tenant", "id", "number"),
            (out, r) -> {
                out.value("tenant", TENANT_ID, r.tenant());
                out.value("id", TICKET_ID, r.id());
                out.value("number", TICKET_NUMBER, r.number());
            },
            in -> new TicketRef(in.get("tenant", TENANT_ID), in.get("id", TICKET_ID),
                    in.get("number", TICKET_NUMBER)));

    static final ObjectCodec<Link> LINK = ObjectCodec.of(Link.class, "a link", List.of("type", "target"),
            (out, l) -> {
                out.value("type", LINK_TYPE, l.type());
                out.value("target", TICKET_REF, l.target());
            },
            in -> new Link(in.get("type", LINK_TYPE), in.get("target", TICKET_REF)));

    static final ObjectCodec<Attachment> ATTACHMENT = ObjectCodec.of(Attachment.class, "an attachment",
            List.of("name", "mediaType", "sizeBytes", "location"),
            (out, a) -> {
                out.string("name", a.name());
                out.string("mediaType", a.mediaType());
                out.integer("sizeBytes", a.sizeBytes());
                out.value("location", Scalars.URI_CODEC, a.location());
            },
            in -> new Attachment(in.string("name"), in.string("mediaType"), in.longInteger("sizeBytes"),
                    in.get("location", Scalars.URI_CODEC)));

    static final ObjectCodec<JournalEntry> JOURNAL_ENTRY = ObjectCodec.of(JournalEntry.class, "a journal entry",
            List.of("kind", "author", "at", "text", "attachments"),
            (out, e) -> {
                out.value("kind", JOURNAL_ENTRY_KIND, e.kind());
                out.value("author", PARTY, e.author());
                out.value("at", Scalars.INSTANT, e.at());
                out.string("text", e.text());
                out.list("attachments", ATTACHMENT, e.attachments());
            },
            in -> new JournalEntry(in.get("kind", JOURNAL_ENTRY_KIND), in.get("author", PARTY),
                    in.get("at", Scalars.INSTANT), in.string("text"), in.list("attachments", ATTACHMENT)));

    static final ObjectCodec<ApprovalDecision> APPROVAL_DECISION = ObjectCodec.of(ApprovalDecision.class,
            "an approval decision", List.of("verdict", "decidedBy", "at", "comment"),
            (out, d) -> {
                out.value("verdict", VERDICT, d.verdict());
                out.value("decidedBy", PARTY, d.decidedBy());
                out.value("at", Scalars.INSTANT, d.at());
                out.string("comment", d.comment());
            },
            in -> new ApprovalDecision(in.get("verdict", VERDICT), in.get("decidedBy", PARTY),
                    in.get("at", Scalars.INSTANT), in.string("comment", "")));

    static final ObjectCodec<Approval> APPROVAL = ObjectCodec.of(Approval.class, "an approval",
            List.of("step", "approver", "requestedAt", "decision"),
            (out, a) -> {
                out.integer("step", a.step());
                out.value("approver", PARTY, a.approver());
                out.value("requestedAt", Scalars.INSTANT, a.requestedAt());
                out.optional("decision", APPROVAL_DECISION, a.decision());
            },
            in -> new Approval(in.integer("step"), in.get("approver", PARTY), in.get("requestedAt", Scalars.INSTANT),
                    in.optional("decision", APPROVAL_DECISION)));

    // ---- the ticket

    static final ObjectCodec<Ticket> TICKET = ObjectCodec.of(Ticket.class, "a ticket",
            List.of("tenant", "id", "number", "version", "title", "description", "state", "impact", "urgency",
                    "priority", "category", "requester", "assignee", "assignmentGroup", "service",
                    "configurationItems", "customFields", "details", "links", "journal", "approvals", "createdAt",
                    "updatedAt", "resolvedAt", "closedAt"),
            (out, t) -> {
                out.value("tenant", TENANT_ID, t.tenant());
                out.value("id", TICKET_ID, t.id());
                out.value("number", TICKET_NUMBER, t.number());
                out.integer("version", t.version());
                out.string("title", t.title());
                out.string("description", t.description());
                out.value("state", TICKET_STATE, t.state());
                out.value("impact", IMPACT, t.impact());
                out.value("urgency", URGENCY, t.urgency());
                out.value("priority", PRIORITY_DECISION, t.priorityDecision());
                out.optionalString("category", t.category());
                out.value("requester", PARTY, t.requester());
                out.optional("assignee", PARTY, t.assignee());
                out.optional("assignmentGroup", PARTY, t.assignmentGroup());
                out.optional("service", SERVICE_ID, t.service());
                out.list("configurationItems", CONFIGURATION_ITEM_ID, t.configurationItems());
                out.value("customFields", CUSTOM_FIELDS, t.customFields());
                out.value("details", TICKET_DETAILS, t.details());
                out.list("links", LINK, t.links());
                out.list("journal", JOURNAL_ENTRY, t.journal());
                out.list("approvals", APPROVAL, t.approvals());
                out.value("createdAt", Scalars.INSTANT, t.createdAt());
                out.value("updatedAt", Scalars.INSTANT, t.updatedAt());
                out.optional("resolvedAt", Scalars.INSTANT, t.resolvedAt());
                out.optional("closedAt", Scalars.INSTANT, t.closedAt());
            },
            in -> Ticket.builder(in.get("tenant", TENANT_ID), in.get("id", TICKET_ID), in.get("number", TICKET_NUMBER))
                    .version(in.longInteger("version"))
                    .title(in.string("title"))
                    .description(in.string("description", ""))
                    .state(in.get("state", TICKET_STATE))
                    .priority(in.get("impact", IMPACT), in.get("urgency", URGENCY), in.get("priority", PRIORITY_DECISION))
                    .category(in.optionalString("category"))
                    .requester(in.get("requester", PARTY))
                    .assignee(in.optional("assignee", PARTY))
                    .assignmentGroup(in.optional("assignmentGroup", PARTY))
                    .service(in.optional("service", SERVICE_ID))
                    .configurationItems(in.list("configurationItems", CONFIGURATION_ITEM_ID))
                    .customFields(in.get("customFields", CUSTOM_FIELDS, CustomFields.EMPTY))
                    .details(in.get("details", TICKET_DETAILS))
                    .links(in.list("links", LINK))
                    .journal(in.list("journal", JOURNAL_ENTRY))
                    .approvals(in.list("approvals", APPROVAL))
                    .createdAt(in.get("createdAt", Scalars.INSTANT))
                    .updatedAt(in.get("updatedAt", Scalars.INSTANT))
                    .resolvedAt(in.optional("resolvedAt", Scalars.INSTANT))
                    .closedAt(in.optional("closedAt", Scalars.INSTANT))
                    .build());
}
