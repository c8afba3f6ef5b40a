package dev.itsmkit.jackson;

import static dev.itsmkit.core.testing.CommandGenerators.fieldUpdates;
import static dev.itsmkit.core.testing.CommandGenerators.openTickets;
import static dev.itsmkit.core.testing.CommandGenerators.validCommands;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.command.AddJournalEntry;
import dev.itsmkit.core.command.ClearPriorityOverride;
import dev.itsmkit.core.command.CommandValidator;
import dev.itsmkit.core.command.DecideApproval;
import dev.itsmkit.core.command.ExistingTicketCommand;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.command.TicketCommand;
import dev.itsmkit.core.command.TransitionTicket;
import dev.itsmkit.core.command.UpdateFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every ticket command survives a JSON round trip; its form is the documented one; what the form does
 * not allow is refused; reading does not check the Bean Validation constraints, the validator does.
 */
class CommandJsonTest {
    private static final ObjectMapper JSON = ItsmJson.mapper();
    private static final TenantId ACME = TenantId.of("acme");
    private static final Party ALICE = Party.person("alice");

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- round trips

    @Test
    void everyCommandSurvivesARoundTripAsItsFamilyAndAsItsOwnType() {
        Set<Class<?>> seen = new HashSet<>();
        qt().withExamples(500).forAll(validCommands()).checkAssert(command -> {
            seen.add(command.getClass());
            assertThat(JsonRoundTripTest.throughBytes(command, TicketCommand.class)).isEqualTo(command);
            @SuppressWarnings("unchecked")
            Class<TicketCommand> own = (Class<TicketCommand>) command.getClass();
            assertThat(JsonRoundTripTest.throughText(command, own)).isEqualTo(command);
        });
        assertThat(seen).as("every kind of command was tried")
                .hasSize(1 + ExistingTicketCommand.class.getPermittedSubclasses().length);
    }

    @Test
    void everyCommandOnAnExistingTicketSurvivesARoundTripAsSuch() {
        qt().withExamples(200).forAll(validCommands().assuming(c -> c instanceof ExistingTicketCommand))
                .checkAssert(command -> assertThat(JsonRoundTripTest.throughText((ExistingTicketCommand) command,
                        ExistingTicketCommand.class)).isEqualTo(command));
    }

    @Test
    void writingACommandIsStableAcrossARoundTrip() {
        qt().withExamples(200).forAll(validCommands()).checkAssert(command -> {
            String once = write(command);
            assertThat(write(JsonRoundTripTest.throughText(command, TicketCommand.class))).isEqualTo(once);
        });
    }

    @Test
    void aCommandIsWrittenWithItsTypeThenTenantAndActor() {
        qt().withExamples(100).forAll(validCommands()).checkAssert(command ->
                assertThat(write(command)).startsWith("{\"type\":\"")
                        .contains("\",\"tenant\":\"" + command.tenant() + "\",\"actor\":\"" + command.actor() + "\""));
    }

    @Test
    void commandsInsideAListSurviveARoundTrip() {
        qt().withExamples(50).forAll(validCommands(), validCommands()).checkAssert((a, b) -> {
            try {
                List<TicketCommand> back = JSON.readValue(write(List.of(a, b)), new TypeReference<>() { });
                assertThat(back).containsExactly(a, b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void aFieldToRemoveIsWrittenAsNullAndReadBackAsAbsent() {
        qt().forAll(fieldUpdates()).checkAssert(update -> {
            UpdateFields back = JsonRoundTripTest.throughText(update, UpdateFields.class);
            update.fields().forEach((name, value) -> {
                assertThat(back.fields()).containsEntry(name, value);
                assertThat(write(update)).contains("\"" + name + "\":" + (value.isPresent() ? "{\"type\":" : "null"));
            });
        });
    }

    // ---- the documented form

    @Test
    void anUpdateOfFieldsHasTheDocumentedForm() {
        Map<String, Optional<FieldValue>> fields = new LinkedHashMap<>();
        fields.put("risk", Optional.of(FieldValue.of("HIGH")));
        fields.put("category", Optional.empty());
        UpdateFields update = new UpdateFields(ACME, ALICE, TicketId.of("t-42"), OptionalLong.of(7), fields);
        assertThat(write(update)).isEqualTo("{\"type\":\"updateFields\",\"tenant\":\"acme\",\"actor\":\"person:alice\","
                + "\"ticket\":\"t-42\",\"expectedVersion\":7,"
                + "\"fields\":{\"category\":null,\"risk\":{\"type\":\"text\",\"value\":\"HIGH\"}}}");
    }

    @Test
    void anAbsentExpectedVersionIsLeftOut() {
        ClearPriorityOverride clear = new ClearPriorityOverride(ACME, ALICE, TicketId.of("t-42"), OptionalLong.empty());
        assertThat(write(clear)).isEqualTo(
                "{\"type\":\"clearPriorityOverride\",\"tenant\":\"acme\",\"actor\":\"person:alice\",\"ticket\":\"t-42\"}");
    }

    @Test
    void anOpenTicketCommandReadsWithTheBuildersDefaults() throws IOException {
        OpenTicket read = JSON.readValue("{\"type\":\"openTicket\",\"tenant\":\"acme\",\"actor\":\"person:alice\","
                + "\"kind\":\"INCIDENT\",\"title\":\"Printer is out of toner\"}", OpenTicket.class);
        assertThat(read).isEqualTo(OpenTicket.builder(ACME, ALICE, TicketKind.INCIDENT, "Printer is out of toner").build());
        assertThat(read.requester()).isEqualTo(ALICE);
        assertThat(read.impact()).isEqualTo(Impact.of(3));
        assertThat(read.urgency()).isEqualTo(Urgency.of(3));
        assertThat(read.description()).isEmpty();
    }

    @Test
    void anOpenTicketCommandIsWrittenWithEveryPropertyEvenAtItsDefault() {
        qt().withExamples(50).forAll(openTickets()).checkAssert(open -> assertThat(write(open))
                .contains("\"description\":", "\"impact\":", "\"urgency\":", "\"requester\":", "\"configurationItems\":[",
                        "\"fields\":{", "\"customFields\":{"));
    }

    // ---- failures

    @Test
    void aCommandOfAnUnknownTypeIsRefusedNamingTheKnownTypes() {
        InvalidTypeIdException e = catchThrowableOfType(InvalidTypeIdException.class, () -> JSON.readValue(
                "{\"type\":\"deleteTicket\",\"tenant\":\"acme\",\"actor\":\"person:alice\",\"ticket\":\"t-1\"}",
                TicketCommand.class));
        assertThat(e.getMessage()).contains("'deleteTicket' is not a type of ticket command")
                .contains("openTicket", "transitionTicket", "decideApproval");
    }

    @Test
    void openingATicketIsNotACommandOnAnExistingTicket() {
        String open = write(OpenTicket.builder(ACME, ALICE, TicketKind.INCIDENT, "Printer").build());
        InvalidTypeIdException e = catchThrowableOfType(InvalidTypeIdException.class,
                () -> JSON.readValue(open, ExistingTicketCommand.class));
        assertThat(e.getMessage()).contains("'openTicket' is not a type of command on an existing ticket");
    }

    @Test
    void aCommandOfAnotherTypeIsRefusedWhereOneTypeIsExpected() {
        String clear = write(new ClearPriorityOverride(ACME, ALICE, TicketId.of("t-1"), OptionalLong.empty()));
        InvalidTypeIdException e = catchThrowableOfType(InvalidTypeIdException.class,
                () -> JSON.readValue(clear, TransitionTicket.class));
        assertThat(e.getMessage()).contains("'clearPriorityOverride'").contains("only \"transitionTicket\" here");
    }

    @Test
    void anUnknownPropertyOfACommandIsNamedWithTheKnownOnes() {
        UnrecognizedPropertyException e = catchThrowableOfType(UnrecognizedPropertyException.class, () -> JSON.readValue(
                "{\"type\":\"transitionTicket\",\"tenant\":\"acme\",\"actor\":\"person:alice\",\"ticket\":\"t-1\","
                        + "\"transiton\":\"resolve\"}", TicketCommand.class));
        assertThat(e.getPropertyName()).isEqualTo("transiton");
        assertThat(e.getMessage()).contains("a transition-ticket command at the top level has the unknown property 'transiton'")
                .contains("transition", "expectedVersion", "comment");
    }

    @Test
    void anUnknownEnumNameInACommandIsNamedWithTheKnownOnes() {
        InvalidFormatException e = catchThrowableOfType(InvalidFormatException.class, () -> JSON.readValue(
                "{\"type\":\"decideApproval\",\"tenant\":\"acme\",\"actor\":\"person:alice\",\"ticket\":\"t-1\","
                        + "\"approver\":\"person:alice\",\"verdict\":\"MAYBE\"}", TicketCommand.class));
        assertThat(e.getMessage()).contains("at verdict: 'MAYBE' is not a verdict").contains("APPROVED");
    }

    @Test
    void anUnknownTicketKindIsRefused() {
        InvalidFormatException e = catchThrowableOfType(InvalidFormatException.class, () -> JSON.readValue(
                "{\"type\":\"openTicket\",\"tenant\":\"acme\",\"actor\":\"person:alice\",\"kind\":\"BUG\","
                        + "\"title\":\"x\"}", OpenTicket.class));
        assertThat(e.getMessage()).contains("at kind: 'BUG' is not a ticket kind").contains("INCIDENT", "CHANGE");
    }

    @Test
    void anExpectedVersionThatIsNoWholeNumberIsRefused() {
        MismatchedInputException e = catchThrowableOfType(MismatchedInputException.class, () -> JSON.readValue(
                "{\"type\":\"clearPriorityOverride\",\"tenant\":\"acme\",\"actor\":\"person:alice\",\"ticket\":\"t-1\","
                        + "\"expectedVersion\":\"7\"}", TicketCommand.class));
        assertThat(e.getMessage()).contains("at expectedVersion: expected a whole number, got the string \"7\"");
    }

    @Test
    void anUpdateWithoutFieldsLacksARequiredProperty() {
        MismatchedInputException e = catchThrowableOfType(MismatchedInputException.class, () -> JSON.readValue(
                "{\"type\":\"updateFields\",\"tenant\":\"acme\",\"actor\":\"person:alice\",\"ticket\":\"t-1\"}",
                TicketCommand.class));
        assertThat(e.getMessage()).contains("lacks the required property 'fields'");
    }

    @Test
    void aMalformedFieldValueInsideAnUpdateIsNamedWithItsPath() {
        InvalidTypeIdException e = catchThrowableOfType(InvalidTypeIdException.class, () -> JSON.readValue(
                "{\"type\":\"updateFields\",\"tenant\":\"acme\",\"actor\":\"person:alice\",\"ticket\":\"t-1\","
                        + "\"fields\":{\"risk\":{\"type\":\"colour\",\"value\":\"red\"}}}", TicketCommand.class));
        assertThat(e.getMessage()).contains("at fields.risk.type: 'colour' is not a type of field value");
    }

    // ---- reading does not validate; the validator does

    @Test
    void readingACommandDoesNotCheckItsBeanValidationConstraintsTheValidatorDoes() throws IOException {
        String json = "{\"type\":\"addJournalEntry\",\"tenant\":\"acme\",\"actor\":\"person:alice\",\"ticket\":\"t-1\","
                + "\"expectedVersion\":0,\"kind\":\"PUBLIC_COMMENT\",\"text\":\"   \"}";
        TicketCommand command = JSON.readValue(json, TicketCommand.class);
        assertThat(command).isEqualTo(new AddJournalEntry(ACME, ALICE, TicketId.of("t-1"), OptionalLong.of(0),
                dev.itsmkit.core.JournalEntryKind.PUBLIC_COMMENT, "   ", List.of()));

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> CommandValidator.create().validate(command));
        assertThat(e.violations()).extracting(v -> v.path()).containsExactlyInAnyOrder("expectedVersion", "text");
    }

    @Test
    void aDecisionReadWithoutACommentHasAnEmptyOne() throws IOException {
        DecideApproval read = JSON.readValue("{\"type\":\"decideApproval\",\"tenant\":\"acme\",\"actor\":\"person:alice\","
                + "\"ticket\":\"t-1\",\"approver\":\"group:cab\",\"verdict\":\"APPROVED\"}", DecideApproval.class);
        assertThat(read.comment()).isEmpty();
        assertThat(read.expectedVersion()).isEmpty();
        assertThat(CommandValidator.create().violations(read)).isEmpty();
    }
}
