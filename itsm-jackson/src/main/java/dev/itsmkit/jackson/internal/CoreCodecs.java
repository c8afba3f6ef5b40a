package dev.itsmkit.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.itsmkit.core.CatalogueItemId;
import dev.itsmkit.core.ChangeRisk;
import dev.itsmkit.core.ChangeType;
import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.FieldType;
import dev.itsmkit.core.HoldReason;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.ImpactUrgencyMatrix;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.PartyKind;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.PriorityDecision;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.Verdict;
import dev.itsmkit.core.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Codecs of the core's small values: ids, numbers, parties, states, priorities, enums. */
final class CoreCodecs {
    private CoreCodecs() {}

    private static final String ID_FORM = "1 to 128 letters, digits and . _ : @ - (not first)";

    static final Codec<TenantId> TENANT_ID = Scalars.text(TenantId.class, "a tenant id: " + ID_FORM,
            TenantId::of, TenantId::value);
    static final Codec<TicketId> TICKET_ID = Scalars.text(TicketId.class, "a ticket id: " + ID_FORM,
            TicketId::of, TicketId::value);
    static final Codec<ServiceId> SERVICE_ID = Scalars.text(ServiceId.class, "a service id: " + ID_FORM,
            ServiceId::of, ServiceId::value);
    static final Codec<ConfigurationItemId> CONFIGURATION_ITEM_ID = Scalars.text(ConfigurationItemId.class,
            "a configuration item id: " + ID_FORM, ConfigurationItemId::of, ConfigurationItemId::value);
    static final Codec<CatalogueItemId> CATALOGUE_ITEM_ID = Scalars.text(CatalogueItemId.class,
            "a catalogue item id: " + ID_FORM, CatalogueItemId::of, CatalogueItemId::value);

    static final Codec<TicketNumber> TICKET_NUMBER = Scalars.text(TicketNumber.class,
            "a ticket number: a prefix (INC, REQ, PRB, CHG) and digits, such as \"INC0001042\"",
            TicketNumber::parse, TicketNumber::toString);
    static final Codec<Party> PARTY = Scalars.text(Party.class,
            "a party written kind:id, such as \"person:alice\" or \"group:service-desk\"", Party::parse,
            Party::toString);
    static final Codec<Priority> PRIORITY = Scalars.text(Priority.class, "a priority, \"P1\" (highest) to \"P9\"",
            Priority::parse, Priority::toString);
    static final Codec<Impact> IMPACT = Scalars.integer(Impact.class, "an impact level, 1 (highest) to 9",
            Impact::of, Impact::level);
    static final Codec<Urgency> URGENCY = Scalars.integer(Urgency.class, "an urgency level, 1 (highest) to 9",
            Urgency::of, Urgency::level);

    static final Codec<TicketKind> TICKET_KIND = Scalars.enumeration(TicketKind.class, "ticket kind");
    static final Codec<StateCategory> STATE_CATEGORY = Scalars.enumeration(StateCategory.class, "state category");
    static final Codec<PartyKind> PARTY_KIND = Scalars.enumeration(PartyKind.class, "party kind");
    static final Codec<HoldReason> HOLD_REASON = Scalars.enumeration(HoldReason.class, "hold reason");
    static final Codec<ChangeType> CHANGE_TYPE = Scalars.enumeration(ChangeType.class, "change type");
    static final Codec<ChangeRisk> CHANGE_RISK = Scalars.enumeration(ChangeRisk.class, "change risk");
    static final Codec<LinkType> LINK_TYPE = Scalars.enumeration(LinkType.class, "link type");
    static final Codec<JournalEntryKind> JOURNAL_ENTRY_KIND = Scalars.enumeration(JournalEntryKind.class,
            "journal entry kind");
    static final Codec<Verdict> VERDICT = Scalars.enumeration(Verdict.class, "verdict");
    static final Codec<FieldType> FIELD_TYPE = Scalars.enumeration(FieldType.class, "field type");

    static final ObjectCodec<TicketState> TICKET_STATE = ObjectCodec.of(TicketState.class, "a ticket state",
            List.of("name", "category"),
            (out, s) -> {
                out.string("name", s.name());
                out.value("category", STATE_CATEGORY, s.category());
            },
            in -> new TicketState(in.string("name"), in.get("category", STATE_CATEGORY)));

    static final ObjectCodec<PriorityDecision> PRIORITY_DECISION = ObjectCodec.of(PriorityDecision.class,
            "a priority decision", List.of("derived", "override", "reason"),
            (out, d) -> {
                out.value("derived", PRIORITY, d.derived());
                out.optional("override", PRIORITY, d.override());
                out.optionalString("reason", d.reason());
            },
            in -> new PriorityDecision(in.get("derived", PRIORITY), in.optional("override", PRIORITY),
                    in.optionalString("reason")));

    /** One row of a matrix: the priorities of one impact level, from urgency 1. */
    @SuppressWarnings({"unchecked", "rawtypes"}) // List<Priority> has no class literal of its own
    private static final Codec<List<Priority>> PRIORITY_ROW = new Codec<>() {
        @Override
        public Class<List<Priority>> type() {
            return (Class) List.class;
        }

        @Override
        public String description() {
            return "a row of priorities, one per urgency level, such as [\"P1\", \"P2\", \"P3\"]";
        }

        @Override
        public void write(JsonGenerator g, List<Priority> row) throws IOException {
            g.writeStartArray();
            for (Priority p : row) {
                PRIORITY.write(g, p);
            }
            g.writeEndArray();
        }

        @Override
        public List<Priority> read(Source in) throws JsonMappingException {
            return in.list(PRIORITY);
        }
    };

    static final ObjectCodec<ImpactUrgencyMatrix> MATRIX = ObjectCodec.of(ImpactUrgencyMatrix.class,
            "an impact/urgency matrix", List.of("table"),
            (out, m) -> out.list("table", PRIORITY_ROW, m.table()),
            CoreCodecs::readMatrix);

    private static ImpactUrgencyMatrix readMatrix(Fields in) throws JsonMappingException {
        List<List<Priority>> rows = new ArrayList<>(in.required("table", "a list of rows, one per impact level from impact 1")
                .list(PRIORITY_ROW));
        ImpactUrgencyMatrix.Builder builder = ImpactUrgencyMatrix.builder(rows.size(),
                rows.isEmpty() ? 0 : rows.get(0).size());
        for (int i = 0; i < rows.size(); i++) {
            builder.row(i + 1, rows.get(i).stream().mapToInt(Priority::level).toArray());
        }
        return builder.build();
    }

    static final ObjectCodec<Violation> VIOLATION = ObjectCodec.of(Violation.class, "a violation",
            List.of("path", "invalidValue", "message"),
            (out, v) -> {
                out.string("path", v.path());
                out.string("invalidValue", v.invalidValue());
                out.string("message", v.message());
            },
            in -> new Violation(in.string("path"), in.string("invalidValue", ""), in.string("message")));
}
