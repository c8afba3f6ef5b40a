package dev.itsmkit.core.command;

import static dev.itsmkit.core.testing.CommandGenerators.approvalDecisions;
import static dev.itsmkit.core.testing.CommandGenerators.approvalRequests;
import static dev.itsmkit.core.testing.CommandGenerators.assignments;
import static dev.itsmkit.core.testing.CommandGenerators.fieldUpdates;
import static dev.itsmkit.core.testing.CommandGenerators.groups;
import static dev.itsmkit.core.testing.CommandGenerators.identifiers;
import static dev.itsmkit.core.testing.CommandGenerators.journalEntries;
import static dev.itsmkit.core.testing.CommandGenerators.linkAdditions;
import static dev.itsmkit.core.testing.CommandGenerators.linkRemovals;
import static dev.itsmkit.core.testing.CommandGenerators.openTickets;
import static dev.itsmkit.core.testing.CommandGenerators.persons;
import static dev.itsmkit.core.testing.CommandGenerators.priorityOverrides;
import static dev.itsmkit.core.testing.CommandGenerators.tenants;
import static dev.itsmkit.core.testing.CommandGenerators.transitions;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.itsmkit.core.CatalogueItemId;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of commands with exactly one fault injected, each with the violation that fault must
 * produce; the valid commands they start from come from {@link dev.itsmkit.core.testing.CommandGenerators}.
 */
final class CommandFaults {
    private CommandFaults() {}

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
