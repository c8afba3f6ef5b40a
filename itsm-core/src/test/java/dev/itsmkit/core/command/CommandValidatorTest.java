package dev.itsmkit.core.command;

import static dev.itsmkit.core.command.CommandFaults.faultyCommands;
import static dev.itsmkit.core.testing.CommandGenerators.validCommands;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

import dev.itsmkit.core.CatalogueItemId;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketRef;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Verdict;
import dev.itsmkit.core.Violation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CommandValidatorTest {
    private static final CommandValidator VALIDATOR = CommandValidator.create();
    private static final TenantId ACME = TenantId.of("acme");
    private static final Party ALICE = Party.person("alice");
    private static final TicketId T1 = TicketId.of("t-1");

    private static OpenTicket.Builder incident(String title) {
        return OpenTicket.builder(ACME, ALICE, TicketKind.INCIDENT, title);
    }

    private static Violation only(TicketCommand command) {
        List<Violation> violations = VALIDATOR.violations(command);
        assertThat(violations).as("violations of %s", CommandFaults.abbreviate(command)).hasSize(1);
        return violations.get(0);
    }

    // ------------------------------------------------------------------------------------ examples

    @Test
    void aValidIncidentPasses() {
        OpenTicket open = incident("Printer on floor 3 prints blank pages")
                .description("Since this morning.\nTried a restart.\tNo change.")
                .category("hardware")
                .field("major", FieldValue.of(false))
                .customField("costCentre", FieldValue.of("CC-42"))
                .build();
        assertThat(VALIDATOR.violations(open)).isEmpty();
        VALIDATOR.validate(open); // does not throw
    }

    @Test
    void aBlankTitleIsRefused() {
        assertThat(only(incident("  ").build())).isEqualTo(new Violation("title", "  ", "must not be blank"));
    }

    @Test
    void anOversizeTitleIsRefusedWithItsLengthAndTheValueAbbreviated() {
        Violation v = only(incident("a".repeat(201)).build());
        assertThat(v.path()).isEqualTo("title");
        assertThat(v.message()).isEqualTo(
                "must be one line of at most 200 characters without control characters, found 201 characters");
        assertThat(v.invalidValue()).isEqualTo("a".repeat(60) + "...");
        assertThat(VALIDATOR.violations(incident("a".repeat(200)).build())).isEmpty();
    }

    @Test
    void aControlCharacterInATitleIsRefusedAndShownEscaped() {
        Violation v = only(incident("Disk full\u0007").build());
        assertThat(v).isEqualTo(new Violation("title", "Disk full\\u0007",
                "must be one line of at most 200 characters without control characters,"
                        + " found the control character U+0007 at index 9"));
        assertThat(only(incident("Disk\nfull").build()).message()).endsWith("found the control character U+000A at index 4");
    }

    @Test
    void aDescriptionMayHoldLineBreaksAndTabsButNoOtherControlCharacter() {
        assertThat(VALIDATOR.violations(incident("t").description("a\r\n\tb\n").build())).isEmpty();
        assertThat(only(incident("t").description("a\u001b[31mred").build())).isEqualTo(new Violation("description",
                "a\\u001B[31mred", "must be at most 32768 characters without control characters other than tab and"
                        + " line breaks, found the control character U+001B at index 1"));
    }

    @Test
    void anOversizeTextIsRefused() {
        Violation v = only(incident("t").description("d".repeat(MultiLine.MAX_TEXT + 1)).build());
        assertThat(v.path()).isEqualTo("description");
        assertThat(v.message()).endsWith("found 32769 characters");
    }

    @Test
    void aLinkToATicketOfAnotherTenantIsRefused() {
        TicketRef foreign = new TicketRef(TenantId.of("globex"), TicketId.of("t-9"), new TicketNumber(TicketKind.PROBLEM, 7));
        AddLink add = new AddLink(ACME, ALICE, T1, OptionalLong.empty(), new Link(LinkType.INCIDENT_OF_PROBLEM, foreign));
        assertThat(only(add)).isEqualTo(new Violation("link.target", "PRB0000007@globex",
                "must be a ticket of the command's own tenant; tickets never refer to another tenant's tickets"));
        RemoveLink remove = new RemoveLink(ACME, ALICE, T1, OptionalLong.empty(), new Link(LinkType.RELATED_TO, foreign));
        assertThat(only(remove).path()).isEqualTo("link.target");
    }

    @Test
    void aLinkOfATicketToItselfIsRefused() {
        TicketRef self = new TicketRef(ACME, T1, new TicketNumber(TicketKind.INCIDENT, 1));
        assertThat(only(new AddLink(ACME, ALICE, T1, OptionalLong.empty(), new Link(LinkType.RELATED_TO, self))))
                .isEqualTo(new Violation("link.target", "INC0000001@acme",
                        "must be another ticket; a ticket cannot be linked to itself"));
    }

    @Test
    void anAssignmentToNobodyIsRefused() {
        assertThat(only(new Assign(ACME, ALICE, T1, OptionalLong.empty(), Optional.empty(), Optional.empty())))
                .isEqualTo(new Violation("", "", "must name an assignee, an assignment group or both"));
    }

    @Test
    void anAssigneeMustBeAPersonOrASystemAndAGroupAGroup() {
        assertThat(VALIDATOR.violations(new Assign(ACME, ALICE, T1, OptionalLong.of(3),
                Optional.of(Party.group("desk")), Optional.of(Party.person("bob")))))
                .containsExactly(
                        new Violation("assignee", "group:desk", "must be a person or a system"),
                        new Violation("group", "person:bob", "must be a group"));
        assertThat(VALIDATOR.violations(new Assign(ACME, ALICE, T1, OptionalLong.empty(),
                Optional.of(Party.system("bot")), Optional.empty()))).isEmpty();
    }

    @Test
    void anApprovalRequestWithoutApproversIsRefused() {
        assertThat(only(new RequestApprovals(ACME, ALICE, T1, OptionalLong.empty(), 1, List.of())))
                .isEqualTo(new Violation("approvers", "[]", "must name at least one approver"));
    }

    @Test
    void anApprovalRequestNamingAnApproverTwiceIsRefused() {
        Party cab = Party.group("cab");
        assertThat(only(new RequestApprovals(ACME, ALICE, T1, OptionalLong.empty(), 1, List.of(cab, ALICE, cab))))
                .isEqualTo(new Violation("approvers", "[group:cab, person:alice, group:cab]",
                        "must name each approver once, found group:cab more than once"));
    }

    @Test
    void anApproverThatIsNeitherAPersonNorAGroupIsRefusedAtItsIndex() {
        assertThat(only(new RequestApprovals(ACME, ALICE, T1, OptionalLong.empty(), 2,
                List.of(ALICE, Party.organization("acme-corp")))))
                .isEqualTo(new Violation("approvers[1]", "organization:acme-corp", "must be a person or a group"));
    }

    @Test
    void anExpectedVersionBelowOneIsRefused() {
        assertThat(only(new ClearPriorityOverride(ACME, ALICE, T1, OptionalLong.of(0))))
                .isEqualTo(new Violation("expectedVersion", "0", "must be 1 or more, as versions count from 1"));
    }

    @Test
    void aCustomFieldCannotTakeTheNameOfABuiltInField() {
        assertThat(only(incident("t").customField("resolutionCode", FieldValue.of("x")).build()))
                .isEqualTo(new Violation("customFields[resolutionCode]", "resolutionCode",
                        "must be a custom field name of 1 to 128 letters, digits and . _ : @ - (not first) that is not"
                                + " the name of a built-in field, found resolutionCode, the name of a built-in field"));
        assertThat(only(incident("t").customField("cost centre", FieldValue.of("x")).build()).path())
                .isEqualTo("customFields[cost centre]");
    }

    @Test
    void theBuiltInFieldsOfAnOpenedTicketMustBeFieldsOfItsKind() {
        OpenTicket change = OpenTicket.builder(ACME, ALICE, TicketKind.CHANGE, "Upgrade the mail relay")
                .field("risk", FieldValue.of("HIGH"))
                .field("plannedStart", FieldValue.of(java.time.Instant.parse("2026-03-01T20:00:00Z")))
                .field("resolutionCode", FieldValue.of("fixed"))
                .field("description", FieldValue.of("x"))
                .field("colour", FieldValue.of("red"))
                .catalogueItem(CatalogueItemId.of("mail"))
                .build();
        String changeFields = "changeType, risk, plannedStart, plannedEnd, implementationPlan, backoutPlan, acceptanceCriteria";
        assertThat(VALIDATOR.violations(change)).containsExactly(
                new Violation("catalogueItem", "mail",
                        "must be empty unless the kind is SERVICE_REQUEST: only service requests order catalogue items"),
                new Violation("fields[colour]", "\"red\"", "must be a built-in field of a ticket of kind CHANGE that"
                        + " the command has no component for (" + changeFields + "); custom fields go in customFields"),
                new Violation("fields[description]", "\"x\"",
                        "must be given as the command's description, not among the fields"),
                new Violation("fields[resolutionCode]", "\"fixed\"", "must be a built-in field of a ticket of kind"
                        + " CHANGE that the command has no component for (" + changeFields + "); custom fields go in"
                        + " customFields"));
    }

    @Test
    void aTransitionFieldNameMustBeAFieldName() {
        TransitionTicket resolve = new TransitionTicket(ACME, ALICE, T1, OptionalLong.of(4), "resolve",
                Map.of("resolution code", FieldValue.of("fixed")), Optional.of("Replaced the toner."));
        assertThat(only(resolve)).isEqualTo(new Violation("fields[resolution code]", "resolution code",
                "must be a field name of 1 to 128 letters, digits and . _ : @ - (not first)"));
    }

    @Test
    void anUpdateOfNoFieldIsRefused() {
        assertThat(only(new UpdateFields(ACME, ALICE, T1, OptionalLong.empty(), Map.of())))
                .isEqualTo(new Violation("fields", "{}", "must name at least one field"));
    }

    @Test
    void aJournalEntryNeedsATextOrAnAttachment() {
        assertThat(only(new AddJournalEntry(ACME, ALICE, T1, OptionalLong.empty(), JournalEntryKind.WORK_NOTE, " ", List.of())))
                .isEqualTo(new Violation("text", " ", "must not be blank unless the entry has attachments"));
    }

    @Test
    void aPriorityOverrideNeedsAOneLineReason() {
        assertThat(only(new OverridePriority(ACME, ALICE, T1, OptionalLong.empty(), Priority.of(1), "")))
                .isEqualTo(new Violation("reason", "", "must not be blank"));
        assertThat(only(new OverridePriority(ACME, ALICE, T1, OptionalLong.empty(), Priority.of(1), "VIP\ncaller")).message())
                .startsWith("must be one line of at most 1000 characters");
    }

    @Test
    void validateThrowsOneExceptionListingEveryViolationInPathOrder() {
        OpenTicket open = incident("").category("a\u0000b").customField("risk", FieldValue.of(1)).build();
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> VALIDATOR.validate(open));
        assertThat(e.subject()).isEqualTo("OpenTicket command in tenant acme");
        assertThat(e.violations()).isEqualTo(VALIDATOR.violations(open))
                .extracting(Violation::path).containsExactly("category", "customFields[risk]", "title");
        assertThat(e.getMessage()).startsWith("OpenTicket command in tenant acme is invalid: 3 violations")
                .contains("title: must not be blank");
        DecideApproval decide = new DecideApproval(ACME, ALICE, T1, OptionalLong.empty(), Party.system("x"), Verdict.APPROVED, "");
        assertThatThrownBy(() -> VALIDATOR.validate(decide)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("DecideApproval command for ticket t-1 of tenant acme is invalid: 1 violation");
    }

    @Test
    void messagesAreEnglishWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(VALIDATOR.violations(incident(" ").category("a\tb").build())).containsExactly(
                    new Violation("category", "a\\u0009b", "must be one line of at most 1000 characters without control"
                            + " characters, found the control character U+0009 at index 1"),
                    new Violation("title", " ", "must not be blank"));
        } finally {
            Locale.setDefault(before);
        }
    }

    // --------------------------------------------------------------------------------- bootstrap

    @Test
    void aValidatorOfTheApplicationIsUsedAsItIs() {
        MessageInterpolator shouting = new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return template.toUpperCase(Locale.ROOT);
            }

            @Override
            public String interpolate(String template, Context context, Locale locale) {
                return interpolate(template, context);
            }
        };
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure().messageInterpolator(shouting)
                .buildValidatorFactory()) {
            CommandValidator own = CommandValidator.using(factory.getValidator());
            assertThat(own.violations(incident(" ").build())).containsExactly(new Violation("title", " ", "MUST NOT BE BLANK"));
        }
    }

    // -------------------------------------------------------------------------------- properties

    @Test
    void generatedValidCommandsHaveNoViolation() {
        qt().withExamples(500).forAll(validCommands())
                .checkAssert(command -> assertThat(VALIDATOR.violations(command)).as("%s", CommandFaults.abbreviate(command)).isEmpty());
    }

    @Test
    void aCommandWithOneInjectedFaultHasExactlyThatViolation() {
        qt().withExamples(1000).forAll(faultyCommands()).checkAssert(faulty -> {
            List<Violation> violations = VALIDATOR.violations(faulty.command());
            assertThat(violations).as("%s", faulty).hasSize(1);
            assertThat(violations.get(0).path()).as("%s", faulty).isEqualTo(faulty.path());
            assertThat(violations.get(0).message()).as("%s", faulty).startsWith(faulty.message());
        });
    }

    @Test
    void everyKindOfFaultIsInjected() {
        // the property above is only as good as its faults: each is tried, and each is a fault
        for (var fault : CommandFaults.faults()) {
            qt().withExamples(20).forAll(fault).checkAssert(faulty ->
                    assertThat(VALIDATOR.violations(faulty.command())).as("%s", faulty).hasSize(1));
        }
    }

    @Test
    void commentsAndTransitionsSkipBeanValidationOnlyWhenProvenValidAndTheProofStandsForTheirConstraints() {
        jakarta.validation.Validator hv = Validation.byDefaultProvider().configure()
                .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        dev.itsmkit.core.command.internal.ProvenValid proven = dev.itsmkit.core.command.internal.ProvenValid.forValidator(hv);
        // The shortcut is on for both commands: the constraints it was written for are the ones declared.
        AddJournalEntry note = new AddJournalEntry(TenantId.of("acme"), Party.person("bob"), TicketId.of("tk-1"),
                OptionalLong.empty(), JournalEntryKind.WORK_NOTE, "Looked into it", List.of());
        TransitionTicket start = new TransitionTicket(TenantId.of("acme"), Party.person("bob"), TicketId.of("tk-1"),
                OptionalLong.of(3), "start", Map.of("resolutionCode", new FieldValue.Text("fixed")), Optional.of("On it"));
        assertThat(proven.test(note)).isTrue();
        assertThat(proven.test(start)).isTrue();
        OpenTicket open = OpenTicket.builder(TenantId.of("acme"), Party.person("bob"), TicketKind.INCIDENT, "Mail is down").build();
        assertThat(proven.test(open)).isTrue();
        assertThat(dev.itsmkit.core.command.internal.ProvenValid.none().test(note)).isFalse();
        // A command proven valid has no violation; a faulty one is never proven valid.
        qt().withExamples(1000).forAll(validCommands()).checkAssert(command -> {
            if (proven.test(command)) {
                assertThat(hv.validate(command)).as("%s", CommandFaults.abbreviate(command)).isEmpty();
            }
        });
        qt().withExamples(1000).forAll(faultyCommands()).checkAssert(faulty ->
                assertThat(proven.test(faulty.command())).as("%s", faulty).isFalse());
    }

    @Test
    void oneValidatorServesManyThreadsAtOnce() throws Exception {
        List<CommandFaults.Faulty> faulty = new ArrayList<>();
        qt().withExamples(200).forAll(faultyCommands()).checkAssert(faulty::add);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Violation>>> results = new ArrayList<>();
            for (CommandFaults.Faulty f : faulty) {
                results.add(pool.submit(() -> VALIDATOR.violations(f.command())));
            }
            for (int i = 0; i < faulty.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(VALIDATOR.violations(faulty.get(i).command()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void printedValuesNeverHoldAControlCharacter() {
        qt().withExamples(300).forAll(faultyCommands()).checkAssert(faulty -> VALIDATOR.violations(faulty.command())
                .forEach(v -> assertThat(v.invalidValue() + v.path()).as("%s", v).doesNotContainPattern("\\p{Cc}")));
    }
}
