package dev.itsmkit.core.command;

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
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generators of valid commands of every kind, and of commands with exactly one fault injected
 * together with the violation that fault must produce.
 */
final class CommandGenerators {
    private CommandGenerators() {}

    /**
     * A command with one fault, and the violation it must produce.
     *
     * @param command the faulty command
     * @param path the path of the violation
     * @param message how the violation's message starts
     * @param fault what was injected, for the report of a failing property
     */
    record Faulty(TicketCommand command, String path, String message, String fault) {
        @Override
        public String toString() {
            return fault + ": " + abbreviate(command);
        }
    }

    /** Shortens a command for an assertion message: some hold texts of 32768 characters. */
    static String abbreviate(Object command) {
        String text = command.toString();
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }

    // ----------------------------------------------------------------------------------------- values

    static Gen<String> identifiers() {
        return strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12)
                .zip(integers().between(0, 999), (letters, n) -> letters + (n % 3 == 0 ? "" : "-" + n));
    }

    static Gen<TenantId> tenants() {
        return identifiers().map(TenantId::of);
    }

    static Gen<Party> persons() {
        return identifiers().map(Party::person);
    }

    static Gen<Party> groups() {
        return identifiers().map(Party::group);
    }

    static Gen<Party> personsOrSystems() {
        return persons().mix(identifiers().map(Party::system), 20);
    }

    static Gen<Party> personsOrGroups() {
        return persons().mix(groups(), 40);
    }

    static Gen<TicketId> ticketIds() {
        return identifiers().map(TicketId::of);
    }

    static Gen<OptionalLong> expectedVersions() {
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

    /** One line, not blank, at most {@code max} characters. */
    static Gen<String> lines(int max) {
        return printable(max);
    }

    /** Text of several lines with tabs, not blank, at most {@code max} characters. */
    static Gen<String> multiLineTexts(int max) {
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

    static Gen<FieldValue> fieldValues() {
        return Generate.oneOf(
                printable(50).map(FieldValue::of),
                longs().between(-1000, 1000).map(FieldValue::of),
                Generate.booleans().map(FieldValue::of));
    }

    static Gen<String> customFieldNames() {
        return identifiers().map(name -> "cf_" + name);
    }

    static Gen<Map<String, FieldValue>> customFields() {
        return in -> {
            Map<String, FieldValue> fields = new LinkedHashMap<>();
            int count = integers().between(0, 3).generate(in);
            for (int i = 0; i < count; i++) {
                fields.put(customFieldNames().generate(in), fieldValues().generate(in));
            }
            return fields;
        };
    }

    /** Built-in fields that {@link OpenTicket#fields()} may hold for a kind. */
    static List<String> settableFields(TicketKind kind) {
        Set<String> own = Set.of("title", "description", "category", "service", "configurationItems", "catalogueItem");
        return Stream.of(TicketField.values())
                .filter(f -> f.kinds().contains(kind) && !own.contains(f.fieldName()))
                .map(TicketField::fieldName)
                .toList();
    }

    static Gen<TicketRef> refs(TenantId tenant) {
        return in -> new TicketRef(tenant, ticketIds().generate(in),
                new TicketNumber(Generate.enumValues(TicketKind.class).generate(in), longs().between(1, 9_999_999).generate(in)));
    }

    static Gen<Attachment> attachments() {
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

    static Gen<OpenTicket> openTickets() {
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
            for (String field : distinct(Generate.pick(settableFields(kind)), in, 0, 2)) {
                b.field(field, fieldValues().generate(in));
            }
            customFields().generate(in).forEach(b::customField);
            if (kind == TicketKind.SERVICE_REQUEST && Generate.booleans().generate(in)) {
                b.catalogueItem(CatalogueItemId.of(identifiers().generate(in)));
            }
            return b.build();
        };
    }

    static Gen<TransitionTicket> transitions() {
        return in -> new TransitionTicket(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                expectedVersions().generate(in),
                Generate.pick(List.of("resolve", "put-on-hold", "Start work", "close")).generate(in),
                customFields().generate(in),
                multiLineTexts(MultiLine.MAX_TEXT).toOptionals(50).generate(in));
    }

    static Gen<UpdateFields> fieldUpdates() {
        return in -> {
            Map<String, Optional<FieldValue>> fields = new LinkedHashMap<>();
            fields.put(Generate.pick(List.of("category", "risk", "cf_cost", "resolutionCode")).generate(in),
                    fieldValues().toOptionals(70).generate(in));
            customFields().generate(in).forEach((name, value) -> fields.put(name, Optional.of(value)));
            return new UpdateFields(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                    expectedVersions().generate(in), fields);
        };
    }

    static Gen<Assign> assignments() {
        return in -> {
            Optional<Party> assignee = personsOrSystems().toOptionals(30).generate(in);
            Optional<Party> group = assignee.isEmpty() ? Optional.of(groups().generate(in))
                    : groups().toOptionals(50).generate(in);
            return new Assign(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                    expectedVersions().generate(in), assignee, group);
        };
    }

    static Gen<ChangeImpactUrgency> impactUrgencyChanges() {
        return in -> new ChangeImpactUrgency(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                expectedVersions().generate(in), Impact.of(integers().between(1, 9).generate(in)),
                Urgency.of(integers().between(1, 9).generate(in)));
    }

    static Gen<OverridePriority> priorityOverrides() {
        return in -> new OverridePriority(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                expectedVersions().generate(in), Priority.of(integers().between(1, 5).generate(in)),
                lines(SingleLine.MAX_LINE).generate(in));
    }

    static Gen<ClearPriorityOverride> priorityOverrideClearings() {
        return in -> new ClearPriorityOverride(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                expectedVersions().generate(in));
    }

    static Gen<AddLink> linkAdditions() {
        return in -> {
            TenantId tenant = tenants().generate(in);
            TicketId ticket = ticketIds().generate(in);
            TicketRef target = refs(tenant).assuming(ref -> !ref.id().equals(ticket)).generate(in);
            return new AddLink(tenant, persons().generate(in), ticket, expectedVersions().generate(in),
                    new Link(Generate.enumValues(LinkType.class).generate(in), target));
        };
    }

    static Gen<RemoveLink> linkRemovals() {
        return in -> {
            TenantId tenant = tenants().generate(in);
            return new RemoveLink(tenant, persons().generate(in), ticketIds().generate(in), expectedVersions().generate(in),
                    new Link(Generate.enumValues(LinkType.class).generate(in), refs(tenant).generate(in)));
        };
    }

    static Gen<AddJournalEntry> journalEntries() {
        return in -> {
            List<Attachment> files = distinct(attachments(), in, 0, 2);
            String text = files.isEmpty() || Generate.booleans().generate(in)
                    ? multiLineTexts(MultiLine.MAX_TEXT).generate(in) : "";
            return new AddJournalEntry(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                    expectedVersions().generate(in), Generate.enumValues(JournalEntryKind.class).generate(in), text, files);
        };
    }

    static Gen<RequestApprovals> approvalRequests() {
        return in -> new RequestApprovals(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                expectedVersions().generate(in), integers().between(1, 5).generate(in),
                distinct(personsOrGroups(), in, 1, 4));
    }

    static Gen<DecideApproval> approvalDecisions() {
        return in -> new DecideApproval(tenants().generate(in), persons().generate(in), ticketIds().generate(in),
                expectedVersions().generate(in), personsOrGroups().generate(in),
                Generate.enumValues(Verdict.class).generate(in),
                Generate.booleans().generate(in) ? "" : multiLineTexts(MultiLine.MAX_TEXT).generate(in));
    }

    /** Valid commands of every kind. */
    static Gen<TicketCommand> validCommands() {
        List<Gen<? extends TicketCommand>> all = List.of(openTickets(), transitions(), fieldUpdates(), assignments(),
                impactUrgencyChanges(), priorityOverrides(), priorityOverrideClearings(), linkAdditions(), linkRemovals(),
                journalEntries(), approvalRequests(), approvalDecisions());
        return in -> all.get(integers().between(0, all.size() - 1).generate(in)).generate(in);
    }

    // ------------------------------------------------------------------------------ faulty commands

    private static final String SINGLE_LINE = "must be one line of at most ";
    private static final String MULTI_LINE = "must be at most 32768 characters without control characters other than tab";
    private static final String BLANK = "must not be blank";

    /** Control characters that no text may hold (tab, CR and LF are allowed in multi-line text). */
    static Gen<Character> forbiddenControlCharacters() {
        return Generate.pick(List.of('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f'));
    }

    /** Inserts a character somewhere into a text. */
    private static Gen<String> inserting(String text, Gen<Character> characters) {
        return in -> {
            int at = integers().between(0, text.length()).generate(in);
            return text.substring(0, at) + characters.generate(in) + text.substring(at);
        };
    }

    /** Blank single lines: empty or spaces, with no control character (a tab would be a second fault). */
    private static Gen<String> blanks() {
        return Generate.pick(List.of("", " ", "   ", "\u2003", "\u3000 \u2003"));
    }

    /** Blank texts of several lines. */
    private static Gen<String> blankTexts() {
        return blanks().mix(Generate.pick(List.of(" \t ", "\n", "\r\n\t")), 50);
    }

    private static <C extends TicketCommand> Gen<Faulty> fault(Gen<C> valid, String fault, String path, String message,
            Function<C, Gen<? extends TicketCommand>> inject) {
        return in -> new Faulty(inject.apply(valid.generate(in)).generate(in), path, message, fault);
    }

    private static OpenTicket.Builder open(OpenTicket c) {
        return c.toBuilder();
    }

    static List<Gen<Faulty>> faults() {
        List<Gen<Faulty>> faults = new ArrayList<>();
        // OpenTicket
        faults.add(fault(openTickets(), "blank title", "title", BLANK,
                c -> blanks().map(t -> open(c).title(t).build())));
        faults.add(fault(openTickets(), "title too long", "title", SINGLE_LINE + "200 characters",
                c -> integers().between(201, 400).map(n -> open(c).title("t".repeat(n)).build())));
        faults.add(fault(openTickets(), "control character in title", "title", SINGLE_LINE + "200 characters",
                c -> inserting(c.title(), forbiddenControlCharacters().mix(Generate.pick(List.of('\n', '\r', '\t')), 40))
                        .map(t -> open(c).title(t).build())));
        faults.add(fault(openTickets(), "control character in description", "description", MULTI_LINE,
                c -> inserting(c.description(), forbiddenControlCharacters()).map(d -> open(c).description(d).build())));
        faults.add(fault(openTickets(), "description too long", "description", MULTI_LINE,
                c -> integers().between(MultiLine.MAX_TEXT + 1, MultiLine.MAX_TEXT + 100)
                        .map(n -> open(c).description("d".repeat(n)).build())));
        faults.add(fault(openTickets(), "blank category", "category", BLANK,
                c -> blanks().map(t -> open(c).category(t).build())));
        faults.add(fault(openTickets(), "built-in name for a custom field", "customFields[risk]", "must be a custom field name",
                c -> Generate.constant(() -> open(c).customField("risk", FieldValue.of(1)).build())));
        faults.add(fault(openTickets(), "invalid custom field name", "customFields[cost center]", "must be a custom field name",
                c -> Generate.constant(() -> open(c).customField("cost center", FieldValue.of(1)).build())));
        faults.add(fault(openTickets().assuming(o -> o.kind() != TicketKind.PROBLEM), "field of another kind", "fields[knownError]", "must be a built-in field of a ticket of kind",
                c -> Generate.constant(() -> open(c).field("knownError", FieldValue.of(true)).build())));
        faults.add(fault(openTickets(), "own component among the fields", "fields[title]", "must be given as the command's title",
                c -> Generate.constant(() -> open(c).field("title", FieldValue.of("x")).build())));
        faults.add(fault(openTickets().assuming(o -> o.kind() != TicketKind.SERVICE_REQUEST), "catalogue item for another kind", "catalogueItem", "must be empty unless the kind is SERVICE_REQUEST",
                c -> Generate.constant(() -> open(c).catalogueItem(CatalogueItemId.of("laptop")).build())));
        // TransitionTicket
        faults.add(fault(transitions(), "blank transition", "transition", BLANK,
                c -> blanks().map(t -> new TransitionTicket(c.tenant(), c.actor(), c.ticket(), c.expectedVersion(), t,
                        c.fields(), c.comment()))));
        faults.add(fault(transitions(), "transition name of two lines", "transition", SINGLE_LINE + "128 characters",
                c -> Generate.constant(() -> new TransitionTicket(c.tenant(), c.actor(), c.ticket(), c.expectedVersion(),
                        "resolve\nnow", c.fields(), c.comment()))));
        faults.add(fault(transitions(), "blank comment", "comment", BLANK,
                c -> blankTexts().map(t -> new TransitionTicket(c.tenant(), c.actor(), c.ticket(), c.expectedVersion(),
                        c.transition(), c.fields(), Optional.of(t)))));
        faults.add(fault(transitions(), "version 0", "expectedVersion", "must be 1 or more",
                c -> longs().between(Long.MIN_VALUE, 0).map(v -> new TransitionTicket(c.tenant(), c.actor(), c.ticket(),
                        OptionalLong.of(v), c.transition(), c.fields(), c.comment()))));
        // UpdateFields
        faults.add(fault(fieldUpdates(), "no field", "fields", "must name at least one field",
                c -> Generate.constant(() -> new UpdateFields(c.tenant(), c.actor(), c.ticket(), c.expectedVersion(), Map.of()))));
        faults.add(fault(fieldUpdates(), "invalid field name", "fields[-x]", "must be a field name",
                c -> Generate.constant(() -> {
                    Map<String, Optional<FieldValue>> fields = new LinkedHashMap<>(c.fields());
                    fields.put("-x", Optional.empty());
                    return new UpdateFields(c.tenant(), c.actor(), c.ticket(), c.expectedVersion(), fields);
                })));
        // Assign
        faults.add(fault(assignments(), "neither assignee nor group", "", "must name an assignee, an assignment group or both",
                c -> Generate.constant(() -> new Assign(c.tenant(), c.actor(), c.ticket(), c.expectedVersion(),
                        Optional.empty(), Optional.empty()))));
        faults.add(fault(assignments(), "a group as assignee", "assignee", "must be a person or a system",
                c -> groups().map(g -> new Assign(c.tenant(), c.actor(), c.ticket(), c.expectedVersion(),
                        Optional.of(g), c.group()))));
        faults.add(fault(assignments(), "a person as group", "group", "must be a group",
                c -> persons().map(p -> new Assign(c.tenant(), c.actor(), c.ticket(), c.expectedVersion(),
                        c.assignee(), Optional.of(p)))));
        // OverridePriority
        faults.add(fault(priorityOverrides(), "blank reason", "reason", BLANK,
                c -> blanks().map(r -> new OverridePriority(c.tenant(), c.actor(), c.ticket(), c.expectedVersion(),
                        c.priority(), r))));
        faults.add(fault(priorityOverrides(), "reason of two lines", "reason", SINGLE_LINE + "1000 characters",
                c -> inserting(c.reason(), Generate.pick(List.of('\n', '\r'))).map(r -> new OverridePriority(c.tenant(),
                        c.actor(), c.ticket(), c.expectedVersion(), c.priority(), r))));
        // AddLink, RemoveLink
        faults.add(fault(linkAdditions(), "link into another tenant", "link.target", "must be a ticket of the command's own tenant",
                c -> tenants().assuming(t -> !t.equals(c.tenant())).map(t -> new AddLink(c.tenant(), c.actor(), c.ticket(),
                        c.expectedVersion(), new Link(c.link().type(), new TicketRef(t, c.link().target().id(),
                                c.link().target().number()))))));
        faults.add(fault(linkAdditions(), "link to itself", "link.target", "must be another ticket",
                c -> Generate.constant(() -> new AddLink(c.tenant(), c.actor(), c.ticket(), c.expectedVersion(),
                        new Link(c.link().type(), new TicketRef(c.tenant(), c.ticket(), c.link().target().number()))))));
        faults.add(fault(linkRemovals(), "unlink from another tenant", "link.target", "must be a ticket of the command's own tenant",
                c -> tenants().assuming(t -> !t.equals(c.tenant())).map(t -> new RemoveLink(c.tenant(), c.actor(), c.ticket(),
                        c.expectedVersion(), new Link(c.link().type(), new TicketRef(t, c.link().target().id(),
                                c.link().target().number()))))));
        // AddJournalEntry
        faults.add(fault(journalEntries(), "blank entry without attachments", "text", "must not be blank unless the entry has attachments",
                c -> blankTexts().map(t -> new AddJournalEntry(c.tenant(), c.actor(), c.ticket(), c.expectedVersion(), c.kind(),
                        t, List.of()))));
        faults.add(fault(journalEntries(), "control character in an entry", "text", MULTI_LINE,
                c -> inserting(c.text().isEmpty() ? "note" : c.text(), forbiddenControlCharacters()).map(t -> new AddJournalEntry(
                        c.tenant(), c.actor(), c.ticket(), c.expectedVersion(), c.kind(), t, c.attachments()))));
        // RequestApprovals
        faults.add(fault(approvalRequests(), "no approver", "approvers", "must name at least one approver",
                c -> Generate.constant(() -> new RequestApprovals(c.tenant(), c.actor(), c.ticket(), c.expectedVersion(),
                        c.step(), List.of()))));
        faults.add(fault(approvalRequests(), "an approver twice", "approvers", "must name each approver once, found ",
                c -> integers().between(0, c.approvers().size() - 1).zip(integers().between(0, c.approvers().size()),
                        (from, to) -> {
                            List<Party> approvers = new ArrayList<>(c.approvers());
                            approvers.add(to, approvers.get(from));
                            return new RequestApprovals(c.tenant(), c.actor(), c.ticket(), c.expectedVersion(), c.step(),
                                    approvers);
                        })));
        faults.add(fault(approvalRequests(), "step 0", "step", "must be 1 or more",
                c -> integers().between(Integer.MIN_VALUE, 0).map(s -> new RequestApprovals(c.tenant(), c.actor(),
                        c.ticket(), c.expectedVersion(), s, c.approvers()))));
        faults.add(fault(approvalRequests(), "an organisation as approver", "approvers[0]", "must be a person or a group",
                c -> identifiers().map(id -> {
                    List<Party> approvers = new ArrayList<>(c.approvers());
                    approvers.add(0, Party.organization(id));
                    return new RequestApprovals(c.tenant(), c.actor(), c.ticket(), c.expectedVersion(), c.step(), approvers);
                })));
        // DecideApproval
        faults.add(fault(approvalDecisions(), "a system as approver", "approver", "must be a person or a group",
                c -> identifiers().map(id -> new DecideApproval(c.tenant(), c.actor(), c.ticket(), c.expectedVersion(),
                        Party.system(id), c.verdict(), c.comment()))));
        faults.add(fault(approvalDecisions(), "control character in a comment", "comment", MULTI_LINE,
                c -> inserting(c.comment(), forbiddenControlCharacters()).map(t -> new DecideApproval(c.tenant(), c.actor(),
                        c.ticket(), c.expectedVersion(), c.approver(), c.verdict(), t))));
        return faults;
    }

    /** Commands with exactly one fault, of every kind the faults list knows. */
    static Gen<Faulty> faultyCommands() {
        List<Gen<Faulty>> all = faults();
        return in -> all.get(integers().between(0, all.size() - 1).generate(in)).generate(in);
    }
}
