package dev.itsmkit.core.testing;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.itsmkit.core.Attachment;
import dev.itsmkit.core.CatalogueItemId;
import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketField;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketRef;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.Verdict;
import dev.itsmkit.core.command.AddJournalEntry;
import dev.itsmkit.core.command.AddLink;
import dev.itsmkit.core.command.Assign;
import dev.itsmkit.core.command.ChangeImpactUrgency;
import dev.itsmkit.core.command.ClearPriorityOverride;
import dev.itsmkit.core.command.Unassign;
import dev.itsmkit.core.command.DecideApproval;
import dev.itsmkit.core.command.MultiLine;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.command.OverridePriority;
import dev.itsmkit.core.command.RemoveLink;
import dev.itsmkit.core.command.RequestApprovals;
import dev.itsmkit.core.command.SingleLine;
import dev.itsmkit.core.command.TicketCommand;
import dev.itsmkit.core.command.TransitionTicket;
import dev.itsmkit.core.command.UpdateFields;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of valid commands of every kind, valid also by their Bean Validation
 * constraints (as {@code CommandValidatorTest} checks). Shipped in itsm-core's test-jar so other
 * modules' tests reuse them.
 */
// tests are compiled into the module dev.itsmkit.core, which does not (and must not) require
// QuickTheories: the 'exports' lint would flag every generator's signature
@SuppressWarnings("exports")
public final class CommandGenerators {
    private CommandGenerators() {}

    // ----------------------------------------------------------------------------------------- values

    /**
     * Returns identifiers: lower-case letters, sometimes with a number.
     *
     * @return identifiers
     */
    public static Gen<String> identifiers() {
        return strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12)
                .zip(integers().between(0, 999), (letters, n) -> letters + (n % 3 == 0 ? "" : "-" + n));
    }

    /**
     * Returns tenant ids.
     *
     * @return tenant ids
     */
    public static Gen<TenantId> tenants() {
        return identifiers().map(TenantId::of);
    }

    /**
     * Returns persons.
     *
     * @return persons
     */
    public static Gen<Party> persons() {
        return identifiers().map(Party::person);
    }

    /**
     * Returns groups.
     *
     * @return groups
     */
    public static Gen<Party> groups() {
        return identifiers().map(Party::group);
    }

    /**
     * Returns persons and sometimes systems.
     *
     * @return persons and systems
     */
    public static Gen<Party> personsOrSystems() {
        return persons().mix(identifiers().map(Party::system), 20);
    }

    /**
     * Returns persons and groups.
     *
     * @return persons and groups
     */
    public static Gen<Party> personsOrGroups() {
        return persons().mix(groups(), 40);
    }

    /**
     * Returns ticket ids.
     *
     * @return ticket ids
     */
    public static Gen<TicketId> ticketIds() {
        return identifiers().map(TicketId::of);
    }

    /**
     * Returns expected versions, 1 or more, sometimes absent.
     *
     * @return expected versions
     */
    public static Gen<OptionalLong> expectedVersions() {
        return longs().between(1, Long.MAX_VALUE).toOptionals(30)
                .map(v -> v.map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    /** Printable text without control characters: letters, punctuation, spaces, accents, a euro sign. */
    private static Gen<String> printable(int maxLength) {
        return strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, Math.min(maxLength - 1, 60))
                .mix(strings().betweenCodePoints(0xA0, 0x2FF).ofLengthBetween(0, Math.min(maxLength - 1, 20)), 20)
                .map(s -> "T" + s) // never blank
                .mix(Generate.constant("x".repeat(maxLength)), 5) // the longest allowed
                .mix(Generate.constant("Printer on floor 3 is out of toner €"), 5);
    }

    /**
     * Returns single lines, not blank, of at most {@code max} characters.
     *
     * @param max the most characters
     * @return single lines
     */
    public static Gen<String> lines(int max) {
        return printable(max);
    }

    /**
     * Returns texts of several lines with tabs, not blank, of at most {@code max} characters.
     *
     * @param max the most characters
     * @return texts
     */
    public static Gen<String> multiLineTexts(int max) {
        Gen<String> lines = printable(80);
        Gen<String> several = in -> {
            int count = integers().between(1, 4).generate(in);
            StringBuilder b = new StringBuilder(lines.generate(in));
            for (int i = 1; i < count; i++) {
                b.append(Generate.pick(List.of("\n", "\r\n", "\n\t", "\n\n")).generate(in)).append(lines.generate(in));
            }
            return b.length() <= max ? b.toString() : b.substring(0, max);
        };
        return several.mix(Generate.constant(("line\n".repeat(max / 5) + "x".repeat(max)).substring(0, max)), 3); // the longest allowed
    }

    /**
     * Returns field values: texts, numbers and booleans.
     *
     * @return field values
     */
    public static Gen<FieldValue> fieldValues() {
        return Generate.oneOf(
                printable(50).map(FieldValue::of),
                longs().between(-1000, 1000).map(FieldValue::of),
                Generate.booleans().map(FieldValue::of));
    }

    /**
     * Returns custom field names.
     *
     * @return custom field names
     */
    public static Gen<String> customFieldNames() {
        return identifiers().map(name -> "cf_" + name);
    }

    /**
     * Returns up to three custom fields.
     *
     * @return custom fields by name
     */
    public static Gen<Map<String, FieldValue>> customFields() {
        return in -> {
            Map<String, FieldValue> fields = new LinkedHashMap<>();
            int count = integers().between(0, 3).generate(in);
            for (int i = 0; i < count; i++) {
                fields.put(customFieldNames().generate(in), fieldValues().generate(in));
            }
            return fields;
        };
    }

    /**
     * Returns the built-in fields that {@link OpenTicket#fields()} may hold for a kind.
     *
     * @param kind the kind of ticket
     * @return the field names
     */
    public static List<String> settableFields(TicketKind kind) {
        Set<String> own = Set.of("title", "description", "category", "service", "configurationItems", "catalogueItem");
        return Stream.of(TicketField.values())
                .filter(f -> f.kinds().contains(kind) && !own.contains(f.fieldName()))
                .map(TicketField::fieldName)
                .toList();
    }

    /**
     * Returns references to tickets of a tenant.
     *
     * @param tenant the tenant of the tickets
     * @return ticket references
     */
    public static Gen<TicketRef> refs(TenantId tenant) {
        return in -> new TicketRef(tenant, ticketIds().generate(in),
                new TicketNumber(Generate.enumValues(TicketKind.class).generate(in), longs().between(1, 9_999_999).generate(in)));
    }

    /**
     * Returns attachments.
     *
     * @return attachments
     */
    public static Gen<Attachment> attachments() {
        return identifiers().map(name -> new Attachment(name + ".png", "image/png", name.length() * 100L,
                URI.create("https://files.example.com/" + name)));
    }

    private static <T> List<T> distinct(Gen<T> gen, RandomnessSource in, int min, int max) {
        Set<T> values = new LinkedHashSet<>();
        int size = integers().between(min, max).generate(in);
        for (int attempt = 0; values.size() < size && attempt < 10 * max; attempt++) {
            values.add(gen.generate(in)); // a generator with fewer distinct values than asked gives fewer
        }
        return new ArrayList<>(values);
    }

    // ------------------------------------------------------------------------------- valid commands

    /**
     * Returns valid open-ticket commands of every kind.
     *
     * @return open-ticket commands
     */
    public static Gen<OpenTicket> openTickets() {
        return in -> {
            TicketKind kind = Generate.enumValues(TicketKind.class).generate(in);
            OpenTicket.Builder b = OpenTicket.builder(tenants().generate(in), persons().generate(in), kind,
                            lines(SingleLine.MAX_TITLE).generate(in))
                    .impact(Impact.of(integers().between(1, 5).generate(in)))
                    .urgency(Urgency.of(integers().between(1, 5).generate(in)))
                    .requester(persons().generate(in));
            if (Generate.booleans().generate(in)) {
                b.description(multiLineTexts(MultiLine.MAX_TEXT).generate(in));
            }
            if (Generate.booleans().generate(in)) {
                b.category(lines(SingleLine.MAX_LINE).generate(in));
            }
            if (Generate.booleans().generate(in)) {
                b.service(ServiceId.of(identifiers().generate(in)));
            }
            b.configurationItems(distinct(identifiers().map(ConfigurationItemId::of), in, 0, 3));
            List<String> settable = settableFields(kind);
            // a task has no field of its own to set
            for (String field : settable.isEmpty() ? List.<String>of() : distinct(Generate.pick(settable), in, 0, 2)) {
                b.field(field, fieldValues().generate(in));
            }
            customFields().generate(in).forEach(b::customField);
            if (kind == TicketKind.SERVICE_REQUEST && Generate.booleans().generate(in)) {
                b.catalogueItem(CatalogueItemId.of(identifiers().generate(in)));
            }
            return b.build();
        };
    }

    /**
     * Returns valid transition commands.
     *
     * @return transition commands
     */
    public static Gen<TransitionTicket> transitions() {
        return in -> new TransitionTicket(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                expectedVersions().generate(in),
                Generate.pick(List.of("resolve", "put-on-hold", "Start work", "close")).generate(in),
                customFields().generate(in),
                multiLineTexts(MultiLine.MAX_TEXT).toOptionals(50).generate(in));
    }

    /**
     * Returns valid field updates, some removing a field.
     *
     * @return field updates
     */
    public static Gen<UpdateFields> fieldUpdates() {
        return in -> {
            Map<String, Optional<FieldValue>> fields = new LinkedHashMap<>();
            fields.put(Generate.pick(List.of("category", "risk", "cf_cost", "resolutionCode")).generate(in),
                    fieldValues().toOptionals(70).generate(in));
            customFields().generate(in).forEach((name, value) -> fields.put(name, Optional.of(value)));
            return new UpdateFields(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                    expectedVersions().generate(in), fields);
        };
    }

    /**
     * Returns valid assignments.
     *
     * @return assignments
     */
    public static Gen<Assign> assignments() {
        return in -> {
            Optional<Party> assignee = personsOrSystems().toOptionals(30).generate(in);
            Optional<Party> group = assignee.isEmpty() ? Optional.of(groups().generate(in))
                    : groups().toOptionals(50).generate(in);
            return new Assign(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                    expectedVersions().generate(in), assignee, group);
        };
    }

    /**
     * Returns valid unassignments: the assignee, the group or both.
     *
     * @return unassignments
     */
    public static Gen<Unassign> unassignments() {
        return in -> {
            int which = integers().between(0, 2).generate(in);
            return new Unassign(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                    expectedVersions().generate(in), which != 1, which != 0);
        };
    }

    /**
     * Returns valid changes of impact and urgency.
     *
     * @return changes of impact and urgency
     */
    public static Gen<ChangeImpactUrgency> impactUrgencyChanges() {
        return in -> new ChangeImpactUrgency(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                expectedVersions().generate(in), Impact.of(integers().between(1, 9).generate(in)),
                Urgency.of(integers().between(1, 9).generate(in)));
    }

    /**
     * Returns valid priority overrides.
     *
     * @return priority overrides
     */
    public static Gen<OverridePriority> priorityOverrides() {
        return in -> new OverridePriority(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                expectedVersions().generate(in), Priority.of(integers().between(1, 5).generate(in)),
                lines(SingleLine.MAX_LINE).generate(in));
    }

    /**
     * Returns commands that clear a priority override.
     *
     * @return the commands
     */
    public static Gen<ClearPriorityOverride> priorityOverrideClearings() {
        return in -> new ClearPriorityOverride(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                expectedVersions().generate(in));
    }

    /**
     * Returns valid link additions.
     *
     * @return link additions
     */
    public static Gen<AddLink> linkAdditions() {
        return in -> {
            TenantId tenant = tenants().generate(in);
            TicketId ticket = ticketIds().generate(in);
            TicketRef target = refs(tenant).assuming(ref -> !ref.id().equals(ticket)).generate(in);
            return new AddLink(tenant, persons().generate(in), ticket, expectedVersions().generate(in),
                    new Link(Generate.enumValues(LinkType.class).generate(in), target));
        };
    }

    /**
     * Returns valid link removals.
     *
     * @return link removals
     */
    public static Gen<RemoveLink> linkRemovals() {
        return in -> {
            TenantId tenant = tenants().generate(in);
            return new RemoveLink(tenant, persons().generate(in), ticketIds().generate(in), expectedVersions().generate(in),
                    new Link(Generate.enumValues(LinkType.class).generate(in), refs(tenant).generate(in)));
        };
    }

    /**
     * Returns valid journal entries, some with attachments.
     *
     * @return journal entries
     */
    public static Gen<AddJournalEntry> journalEntries() {
        return in -> {
            List<Attachment> files = distinct(attachments(), in, 0, 2);
            String text = files.isEmpty() || Generate.booleans().generate(in)
                    ? multiLineTexts(MultiLine.MAX_TEXT).generate(in) : "";
            return new AddJournalEntry(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                    expectedVersions().generate(in), Generate.enumValues(JournalEntryKind.class).generate(in), text, files);
        };
    }

    /**
     * Returns valid approval requests.
     *
     * @return approval requests
     */
    public static Gen<RequestApprovals> approvalRequests() {
        return in -> new RequestApprovals(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                expectedVersions().generate(in), integers().between(1, 5).generate(in),
                distinct(personsOrGroups(), in, 1, 4));
    }

    /**
     * Returns valid approval decisions.
     *
     * @return approval decisions
     */
    public static Gen<DecideApproval> approvalDecisions() {
        return in -> new DecideApproval(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                expectedVersions().generate(in), personsOrGroups().generate(in),
                Generate.enumValues(Verdict.class).generate(in),
                Generate.booleans().generate(in) ? "" : multiLineTexts(MultiLine.MAX_TEXT).generate(in));
    }

    /**
     * Returns valid commands of every kind.
     *
     * @return valid commands
     */
    public static Gen<TicketCommand> validCommands() {
        List<Gen<? extends TicketCommand>> all = List.of(openTickets(), transitions(), fieldUpdates(), assignments(), unassignments(),
                impactUrgencyChanges(), priorityOverrides(), priorityOverrideClearings(), linkAdditions(), linkRemovals(),
                journalEntries(), approvalRequests(), approvalDecisions());
        return in -> all.get(integers().between(0, all.size() - 1).generate(in)).generate(in);
    }
}
