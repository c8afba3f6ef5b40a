package dev.itsmkit.jackson.internal;

import static dev.itsmkit.jackson.internal.CoreCodecs.CATALOGUE_ITEM_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.CONFIGURATION_ITEM_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.IMPACT;
import static dev.itsmkit.jackson.internal.CoreCodecs.JOURNAL_ENTRY_KIND;
import static dev.itsmkit.jackson.internal.CoreCodecs.PARTY;
import static dev.itsmkit.jackson.internal.CoreCodecs.PRIORITY;
import static dev.itsmkit.jackson.internal.CoreCodecs.SERVICE_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.TENANT_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.TICKET_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.TICKET_KIND;
import static dev.itsmkit.jackson.internal.CoreCodecs.URGENCY;
import static dev.itsmkit.jackson.internal.CoreCodecs.VERDICT;
import static dev.itsmkit.jackson.internal.Family.member;
import static dev.itsmkit.jackson.internal.TicketCodecs.ATTACHMENT;
import static dev.itsmkit.jackson.internal.TicketCodecs.FIELD_VALUE;
import static dev.itsmkit.jackson.internal.TicketCodecs.LINK;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
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
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Codecs of ticket commands. Every command is an object with its {@code type}, then {@code tenant} and
 * {@code actor}; a command on an existing ticket then has {@code ticket} and {@code expectedVersion}
 * (left out when absent); then the command's own properties.
 *
 * <p>Commands are read through their constructors (and {@link OpenTicket}'s builder) only: their Bean
 * Validation constraints are checked by the core's {@code CommandValidator}, a separate step.
 */
final class CommandCodecs {
    private CommandCodecs() {}

    /** The properties every command has, in the order written. */
    static final List<String> HEADER = List.of("tenant", "actor");

    /** The properties every command on an existing ticket has after {@link #HEADER}. */
    static final List<String> EXISTING_HEADER = List.of("ticket", "expectedVersion");

    // ---- maps of field values

    @SuppressWarnings("unchecked") // Map.class stands for every map; the codecs below hold only their own
    private static <V> Class<Map<String, V>> mapType() {
        return (Class<Map<String, V>>) (Class<?>) Map.class;
    }

    /** Field values by field name, written in name order. */
    static final Codec<Map<String, FieldValue>> FIELD_VALUES = new Codec<>() {
        @Override
        public Class<Map<String, FieldValue>> type() {
            return mapType();
        }

        @Override
        public String description() {
            return "fields: an object of field values by field name";
        }

        @Override
        public void write(JsonGenerator g, Map<String, FieldValue> fields) throws IOException {
            g.writeStartObject();
            for (Map.Entry<String, FieldValue> field : new TreeMap<>(fields).entrySet()) {
                g.writeFieldName(field.getKey());
                FIELD_VALUE.write(g, field.getValue());
            }
            g.writeEndObject();
        }

        @Override
        public Map<String, FieldValue> read(Source in) throws JsonMappingException {
            if (!in.node().isObject()) {
                throw Errors.wrongType(in, type(), description());
            }
            Map<String, FieldValue> values = new LinkedHashMap<>();
            for (Iterator<String> names = in.node().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                values.put(name, in.child(type(), name, in.node().get(name)).as(FIELD_VALUE));
            }
            return values;
        }
    };

    /**
     * Field edits by field name, written in name order: a field value sets the field, {@code null}
     * removes it (the one place where {@code null} is not the same as absent).
     */
    static final Codec<Map<String, Optional<FieldValue>>> FIELD_EDITS = new Codec<>() {
        @Override
        public Class<Map<String, Optional<FieldValue>>> type() {
            return mapType();
        }

        @Override
        public String description() {
            return "field edits: an object of field values by field name, null to remove the field";
        }

        @Override
        public void write(JsonGenerator g, Map<String, Optional<FieldValue>> fields) throws IOException {
            g.writeStartObject();
            for (Map.Entry<String, Optional<FieldValue>> field : new TreeMap<>(fields).entrySet()) {
                g.writeFieldName(field.getKey());
                if (field.getValue().isPresent()) {
                    FIELD_VALUE.write(g, field.getValue().get());
                } else {
                    g.writeNull();
                }
            }
            g.writeEndObject();
        }

        @Override
        public Map<String, Optional<FieldValue>> read(Source in) throws JsonMappingException {
            if (!in.node().isObject()) {
                throw Errors.wrongType(in, type(), description());
            }
            Map<String, Optional<FieldValue>> values = new LinkedHashMap<>();
            for (Iterator<String> names = in.node().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode value = in.node().get(name);
                values.put(name, value.isNull() ? Optional.empty()
                        : Optional.of(in.child(type(), name, value).as(FIELD_VALUE)));
            }
            return values;
        }
    };

    // ---- the common properties

    /** The properties every command on an existing ticket has, as read. */
    record Header(TenantId tenant, Party actor, TicketId ticket, OptionalLong expectedVersion) {
        static Header read(Fields in) throws JsonMappingException {
            return new Header(in.get("tenant", TENANT_ID), in.get("actor", PARTY), in.get("ticket", TICKET_ID),
                    in.optionalLongInteger("expectedVersion"));
        }
    }

    /** Builds a command on an existing ticket from the header and its own properties. */
    @FunctionalInterface
    interface CommandReader<C> {
        C read(Header header, Fields in) throws JsonMappingException;
    }

    private static <C extends ExistingTicketCommand> ObjectCodec<C> command(Class<C> type, String description,
            List<String> own, ObjectCodec.Writer<C> writer, CommandReader<C> reader) {
        List<String> properties = new ArrayList<>(HEADER);
        properties.addAll(EXISTING_HEADER);
        properties.addAll(own);
        return ObjectCodec.of(type, description, properties,
                (out, c) -> {
                    out.value("tenant", TENANT_ID, c.tenant());
                    out.value("actor", PARTY, c.actor());
                    out.value("ticket", TICKET_ID, c.ticket());
                    out.optionalInteger("expectedVersion", c.expectedVersion());
                    writer.write(out, c);
                },
                in -> reader.read(Header.read(in), in));
    }

    // ---- the commands

    static final ObjectCodec<OpenTicket> OPEN_TICKET = ObjectCodec.of(OpenTicket.class, "an open-ticket command",
            List.of("tenant", "actor", "kind", "title", "description", "impact", "urgency", "requester", "category",
                    "service", "configurationItems", "fields", "customFields", "catalogueItem"),
            (out, c) -> {
                out.value("tenant", TENANT_ID, c.tenant());
                out.value("actor", PARTY, c.actor());
                out.value("kind", TICKET_KIND, c.kind());
                out.string("title", c.title());
                out.string("description", c.description());
                out.value("impact", IMPACT, c.impact());
                out.value("urgency", URGENCY, c.urgency());
                out.value("requester", PARTY, c.requester());
                out.optionalString("category", c.category());
                out.optional("service", SERVICE_ID, c.service());
                out.list("configurationItems", CONFIGURATION_ITEM_ID, c.configurationItems());
                out.value("fields", FIELD_VALUES, c.fields());
                out.value("customFields", FIELD_VALUES, c.customFields());
                out.optional("catalogueItem", CATALOGUE_ITEM_ID, c.catalogueItem());
            },
            in -> {
                Party actor = in.get("actor", PARTY);
                OpenTicket.Builder b = OpenTicket.builder(in.get("tenant", TENANT_ID), actor,
                                in.get("kind", TICKET_KIND), in.string("title"))
                        .description(in.string("description", ""))
                        .requester(in.get("requester", PARTY, actor))
                        .configurationItems(in.list("configurationItems", CONFIGURATION_ITEM_ID));
                in.optional("impact", IMPACT).ifPresent(b::impact);
                in.optional("urgency", URGENCY).ifPresent(b::urgency);
                in.optionalString("category").ifPresent(b::category);
                in.optional("service", SERVICE_ID).ifPresent(b::service);
                in.get("fields", FIELD_VALUES, Map.of()).forEach(b::field);
                in.get("customFields", FIELD_VALUES, Map.of()).forEach(b::customField);
                in.optional("catalogueItem", CATALOGUE_ITEM_ID).ifPresent(b::catalogueItem);
                return b.build();
            });

    static final ObjectCodec<TransitionTicket> TRANSITION_TICKET = command(TransitionTicket.class,
            "a transition-ticket command", List.of("transition", "fields", "comment"),
            (out, c) -> {
                out.string("transition", c.transition());
                out.value("fields", FIELD_VALUES, c.fields());
                out.optionalString("comment", c.comment());
            },
            (h, in) -> new TransitionTicket(h.tenant(), h.actor(), h.ticket(), h.expectedVersion(),
                    in.string("transition"), in.get("fields", FIELD_VALUES, Map.of()), in.optionalString("comment")));

    static final ObjectCodec<UpdateFields> UPDATE_FIELDS = command(UpdateFields.class, "an update-fields command",
            List.of("fields"),
            (out, c) -> out.value("fields", FIELD_EDITS, c.fields()),
            (h, in) -> new UpdateFields(h.tenant(), h.actor(), h.ticket(), h.expectedVersion(),
                    in.get("fields", FIELD_EDITS)));

    static final ObjectCodec<Assign> ASSIGN = command(Assign.class, "an assign command", List.of("assignee", "group"),
            (out, c) -> {
                out.optional("assignee", PARTY, c.assignee());
                out.optional("group", PARTY, c.group());
            },
            (h, in) -> new Assign(h.tenant(), h.actor(), h.ticket(), h.expectedVersion(), in.optional("assignee", PARTY),
                    in.optional("group", PARTY)));

    static final ObjectCodec<Unassign> UNASSIGN = command(Unassign.class, "an unassign command", List.of("assignee", "group"),
            (out, c) -> {
                out.bool("assignee", c.assignee());
                out.bool("group", c.group());
            },
            (h, in) -> new Unassign(h.tenant(), h.actor(), h.ticket(), h.expectedVersion(), in.bool("assignee", false),
                    in.bool("group", false)));

    static final ObjectCodec<ChangeImpactUrgency> CHANGE_IMPACT_URGENCY = command(ChangeImpactUrgency.class,
            "a change-impact-urgency command", List.of("impact", "urgency"),
            (out, c) -> {
                out.value("impact", IMPACT, c.impact());
                out.value("urgency", URGENCY, c.urgency());
            },
            (h, in) -> new ChangeImpactUrgency(h.tenant(), h.actor(), h.ticket(), h.expectedVersion(),
                    in.get("impact", IMPACT), in.get("urgency", URGENCY)));

    static final ObjectCodec<OverridePriority> OVERRIDE_PRIORITY = command(OverridePriority.class,
            "an override-priority command", List.of("priority", "reason"),
            (out, c) -> {
                out.value("priority", PRIORITY, c.priority());
                out.string("reason", c.reason());
            },
            (h, in) -> new OverridePriority(h.tenant(), h.actor(), h.ticket(), h.expectedVersion(),
                    in.get("priority", PRIORITY), in.string("reason")));

    static final ObjectCodec<ClearPriorityOverride> CLEAR_PRIORITY_OVERRIDE = command(ClearPriorityOverride.class,
            "a clear-priority-override command", List.of(),
            (out, c) -> { },
            (h, in) -> new ClearPriorityOverride(h.tenant(), h.actor(), h.ticket(), h.expectedVersion()));

    static final ObjectCodec<AddLink> ADD_LINK = command(AddLink.class, "an add-link command", List.of("link"),
            (out, c) -> out.value("link", LINK, c.link()),
            (h, in) -> new AddLink(h.tenant(), h.actor(), h.ticket(), h.expectedVersion(), in.get("link", LINK)));

    static final ObjectCodec<RemoveLink> REMOVE_LINK = command(RemoveLink.class, "a remove-link command",
            List.of("link"),
            (out, c) -> out.value("link", LINK, c.link()),
            (h, in) -> new RemoveLink(h.tenant(), h.actor(), h.ticket(), h.expectedVersion(), in.get("link", LINK)));

    static final ObjectCodec<AddJournalEntry> ADD_JOURNAL_ENTRY = command(AddJournalEntry.class,
            "an add-journal-entry command", List.of("kind", "text", "attachments"),
            (out, c) -> {
                out.value("kind", JOURNAL_ENTRY_KIND, c.kind());
                out.string("text", c.text());
                out.list("attachments", ATTACHMENT, c.attachments());
            },
            (h, in) -> new AddJournalEntry(h.tenant(), h.actor(), h.ticket(), h.expectedVersion(),
                    in.get("kind", JOURNAL_ENTRY_KIND), in.string("text", ""), in.list("attachments", ATTACHMENT)));

    static final ObjectCodec<RequestApprovals> REQUEST_APPROVALS = command(RequestApprovals.class,
            "a request-approvals command", List.of("step", "approvers"),
            (out, c) -> {
                out.integer("step", c.step());
                out.list("approvers", PARTY, c.approvers());
            },
            (h, in) -> new RequestApprovals(h.tenant(), h.actor(), h.ticket(), h.expectedVersion(), in.integer("step"),
                    in.list("approvers", PARTY)));

    static final ObjectCodec<DecideApproval> DECIDE_APPROVAL = command(DecideApproval.class,
            "a decide-approval command", List.of("approver", "verdict", "comment"),
            (out, c) -> {
                out.value("approver", PARTY, c.approver());
                out.value("verdict", VERDICT, c.verdict());
                out.string("comment", c.comment());
            },
            (h, in) -> new DecideApproval(h.tenant(), h.actor(), h.ticket(), h.expectedVersion(),
                    in.get("approver", PARTY), in.get("verdict", VERDICT), in.string("comment", "")));

    /** Every command on an existing ticket, with its stable name. */
    private static final List<Family.Member<? extends ExistingTicketCommand>> EXISTING = List.of(
            member("transitionTicket", TRANSITION_TICKET),
            member("updateFields", UPDATE_FIELDS),
            member("assign", ASSIGN),
            member("unassign", UNASSIGN),
            member("changeImpactUrgency", CHANGE_IMPACT_URGENCY),
            member("overridePriority", OVERRIDE_PRIORITY),
            member("clearPriorityOverride", CLEAR_PRIORITY_OVERRIDE),
            member("addLink", ADD_LINK),
            member("removeLink", REMOVE_LINK),
            member("addJournalEntry", ADD_JOURNAL_ENTRY),
            member("requestApprovals", REQUEST_APPROVALS),
            member("decideApproval", DECIDE_APPROVAL));

    static final Family<TicketCommand> TICKET_COMMAND = Family.of(TicketCommand.class, "ticket command", commands());

    /** The same members but {@code openTicket}, for a value declared as a command on an existing ticket. */
    static final Family<ExistingTicketCommand> EXISTING_TICKET_COMMAND = Family.of(ExistingTicketCommand.class,
            "command on an existing ticket", EXISTING);

    private static List<Family.Member<? extends TicketCommand>> commands() {
        List<Family.Member<? extends TicketCommand>> all = new ArrayList<>();
        all.add(member("openTicket", OPEN_TICKET));
        all.addAll(EXISTING);
        return all;
    }
}
