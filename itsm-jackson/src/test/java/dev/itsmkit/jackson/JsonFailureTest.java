package dev.itsmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.itsmkit.core.FieldSchema;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Violation;
import dev.itsmkit.core.cmdb.ConfigurationModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Unknown or malformed JSON fails with an error that names the path and what would be right. */
class JsonFailureTest {
    private static final ObjectMapper JSON = ItsmJson.mapper();
    /** A mapper that knows nothing of ITSM Kit, to edit the JSON as a tree. */
    private static final ObjectMapper PLAIN = JsonMapper.builder().build();

    private static String incidentWith(Consumer<ObjectNode> change) {
        try {
            ObjectNode tree = (ObjectNode) PLAIN.readTree(JSON.writeValueAsString(Samples.incident()));
            change.accept(tree);
            return PLAIN.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <E extends JsonMappingException> E readingTicketFails(String json, Class<E> type) {
        E e = catchThrowableOfType(type, () -> JSON.readValue(json, Ticket.class));
        assertThat(e).as("reading should fail with " + type.getSimpleName()).isNotNull();
        return e;
    }

    @Test
    void anUnknownPropertyIsNamedWithTheKnownOnes() {
        UnrecognizedPropertyException e = readingTicketFails(incidentWith(t -> t.put("titel", "typo")),
                UnrecognizedPropertyException.class);
        assertThat(e.getPropertyName()).isEqualTo("titel");
        assertThat(e.getMessage()).contains("a ticket at the top level has the unknown property 'titel'")
                .contains("title", "requester");
    }

    @Test
    void anUnknownPropertyDeepInsideIsNamedWithItsPath() {
        UnrecognizedPropertyException e = readingTicketFails(incidentWith(t ->
                ((ObjectNode) t.get("journal").get(1).get("attachments").get(0)).put("size", 1)),
                UnrecognizedPropertyException.class);
        assertThat(e.getMessage()).contains("an attachment at journal[1].attachments[0] has the unknown property 'size'")
                .contains("sizeBytes");
        assertThat(e.getPathReference()).contains("journal").contains("attachments");
    }

    @Test
    void aMissingPropertyIsNamedWithWhatItShouldHold() {
        MismatchedInputException e = readingTicketFails(incidentWith(t -> t.remove("requester")),
                MismatchedInputException.class);
        assertThat(e.getMessage()).contains("lacks the required property 'requester'").contains("person:alice");
    }

    @Test
    void aNullRequiredPropertyCountsAsMissing() {
        MismatchedInputException e = readingTicketFails(incidentWith(t -> t.putNull("title")),
                MismatchedInputException.class);
        assertThat(e.getMessage()).contains("lacks the required property 'title'");
    }

    @Test
    void anUnknownEnumNameIsNamedWithTheKnownNames() {
        InvalidFormatException e = readingTicketFails(incidentWith(t ->
                ((ObjectNode) t.get("state")).put("category", "ACTIVE")), InvalidFormatException.class);
        assertThat(e.getValue()).isEqualTo("ACTIVE");
        assertThat(e.getMessage()).contains("at state.category: 'ACTIVE' is not a state category")
                .contains("[NEW, OPEN, PENDING, RESOLVED, CLOSED, CANCELLED]");
    }

    @Test
    void enumNamesAreCaseSensitive() {
        InvalidFormatException e = readingTicketFails(incidentWith(t ->
                ((ObjectNode) t.get("journal").get(0)).put("kind", "public_comment")), InvalidFormatException.class);
        assertThat(e.getMessage()).contains("journal[0].kind").contains("PUBLIC_COMMENT");
    }

    @Test
    void anUnknownDiscriminatorIsNamedWithTheKnownTypes() {
        InvalidTypeIdException e = readingTicketFails(incidentWith(t ->
                ((ObjectNode) t.get("details")).put("type", "bug")), InvalidTypeIdException.class);
        assertThat(e.getTypeId()).isEqualTo("bug");
        assertThat(e.getMessage()).contains("at details.type: 'bug' is not a type of ticket details")
                .contains("[incident, serviceRequest, problem, change, task]");
    }

    @Test
    void aMissingDiscriminatorIsReported() {
        MismatchedInputException e = readingTicketFails(incidentWith(t ->
                ((ObjectNode) t.get("customFields").get("costCentre")).remove("type")), MismatchedInputException.class);
        assertThat(e.getMessage()).contains("a field value at customFields.costCentre lacks the required property 'type'")
                .contains("[text, number, boolean, timestamp, date, list]");
    }

    @Test
    void anIdWithAControlCharacterIsRefusedWithTheCoresMessage() {
        InvalidFormatException e = readingTicketFails(incidentWith(t -> t.put("tenant", "ac\u0007me")),
                InvalidFormatException.class);
        assertThat(e.getMessage()).contains("at tenant: 'ac\\u0007me' is not a tenant id")
                .contains("the control character U+0007 at index 2");
    }

    @Test
    void aBlankTitleIsRefusedWithThePathAndTheCoresViolation() {
        JsonValidationException e = readingTicketFails(incidentWith(t -> t.put("title", "   ")),
                JsonValidationException.class);
        assertThat(e.violations()).containsExactly(new Violation("title", "   ", "must not be blank"));
        assertThat(e.getMessage()).contains("a ticket at the top level is invalid")
                .contains("title: must not be blank");
        assertThat(e.getCause()).isInstanceOf(ValidationException.class);
    }

    @Test
    void aViolationDeepInsideCarriesItsFullPath() {
        JsonValidationException e = readingTicketFails(incidentWith(t ->
                ((ObjectNode) t.get("journal").get(1)).put("text", "bad\u0000text")), JsonValidationException.class);
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("journal[1].text");
            assertThat(v.message()).contains("U+0000");
        });
    }

    @Test
    void everyViolationOfATicketIsReportedAtOnce() {
        JsonValidationException e = readingTicketFails(incidentWith(t -> {
            t.put("title", "");
            t.put("assignee", "group:service-desk");
            ((ObjectNode) t.get("links").get(0).get("target")).put("tenant", "other");
        }), JsonValidationException.class);
        assertThat(e.violations()).extracting(Violation::path)
                .containsExactlyInAnyOrder("title", "assignee", "links[0].target");
    }

    @Test
    void aValueOfTheWrongJsonTypeIsNamedWithTheExpectedType() {
        MismatchedInputException e = readingTicketFails(incidentWith(t -> t.put("version", "7")),
                MismatchedInputException.class);
        assertThat(e.getMessage()).contains("at version: expected a whole number, got the string \"7\"");
    }

    @Test
    void aNumberFieldValueMustBeAStringSoThatNoReaderRoundsIt() {
        MismatchedInputException e = readingTicketFails(incidentWith(t ->
                ((ObjectNode) t.get("customFields").get("estimatedLoss")).put("value", 12500.5)),
                MismatchedInputException.class);
        assertThat(e.getMessage()).contains("at customFields.estimatedLoss.value: expected a decimal number written as a string");
    }

    @Test
    void aPropertyGivenTwiceIsRefused() {
        String json = incidentWith(t -> { }).replaceFirst("\"title\":", "\"title\":\"first\",\"title\":");
        // the mapper of ItsmJson detects it already in the parser
        assertThatThrownBy(() -> JSON.readValue(json, Ticket.class)).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field 'title'");
    }

    @Test
    void aPropertyGivenTwiceIsRefusedWhateverTheMapperSays() {
        ObjectMapper lenient = JsonMapper.builder().addModule(new ItsmKitJacksonModule()).build();
        String json = incidentWith(t -> { }).replaceFirst("\"title\":", "\"title\":\"first\",\"title\":");
        assertThatThrownBy(() -> lenient.readValue(json, Ticket.class)).isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("'title' appears twice");
    }

    @Test
    void detailsOfAnotherKindAreRefusedByTheCore() {
        JsonValidationException e = readingTicketFails(incidentWith(t -> {
            ObjectNode details = PLAIN.createObjectNode().put("type", "problem").put("knownError", true);
            t.set("details", details);
        }), JsonValidationException.class);
        assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.path()).isEqualTo("details"));
    }

    @Test
    void aTicketInsideAListIsNamedByItsPlaceInTheDocument() throws IOException {
        String bad = incidentWith(t -> t.put("title", " "));
        String good = JSON.writeValueAsString(Samples.change());
        JsonValidationException e = catchThrowableOfType(JsonValidationException.class,
                () -> JSON.readValue("[" + good + "," + bad + "]", new TypeReference<List<Ticket>>() { }));
        assertThat(e.getMessage()).contains("a ticket at /1 is invalid");
    }

    @Test
    void aFamilyMemberIsReadOnlyWhenTheDiscriminatorNamesIt() {
        assertThatThrownBy(() -> JSON.readValue("{\"type\":\"number\",\"value\":\"1\"}", FieldValue.Text.class))
                .isInstanceOf(InvalidTypeIdException.class).hasMessageContaining("'number'")
                .hasMessageContaining("[text]");
    }

    @Test
    void aListFieldValueHoldsNoList() {
        String json = "{\"type\":\"list\",\"value\":[{\"type\":\"list\",\"value\":[]}]}";
        JsonValidationException e = catchThrowableOfType(JsonValidationException.class,
                () -> JSON.readValue(json, FieldValue.class));
        assertThat(e.getMessage()).contains("cannot hold another list");
    }

    @Test
    void anOpenSchemaWithDefinitionsIsRefused() {
        String json = "{\"open\":true,\"definitions\":[{\"name\":\"costCentre\",\"type\":\"TEXT\"}]}";
        JsonValidationException e = catchThrowableOfType(JsonValidationException.class,
                () -> JSON.readValue(json, FieldSchema.class));
        assertThat(e.getMessage()).contains("\"open\": false");
    }

    @Test
    void aConfigurationModelListingAnItemTwiceIsRefused() {
        String item = "{\"tenant\":\"acme\",\"id\":\"ci-1\",\"name\":\"db\",\"type\":\"database\",\"status\":\"OPERATIONAL\"}";
        String json = "{\"tenant\":\"acme\",\"items\":[" + item + "," + item + "]}";
        MismatchedInputException e = catchThrowableOfType(MismatchedInputException.class,
                () -> JSON.readValue(json, ConfigurationModel.class));
        assertThat(e.getMessage()).contains("lists ci-1 more than once in 'items'");
    }

    @Test
    void aTextThatIsNotOfItsTypesFormIsNamedWithTheForm() {
        InvalidFormatException e = readingTicketFails(incidentWith(t -> t.put("createdAt", "yesterday")),
                InvalidFormatException.class);
        assertThat(e.getMessage()).contains("at createdAt: 'yesterday' is not an instant in ISO-8601");
        InvalidFormatException p = readingTicketFails(incidentWith(t ->
                ((ObjectNode) t.get("priority")).put("derived", "P0")), InvalidFormatException.class);
        assertThat(p.getMessage()).contains("at priority.derived").contains("P1 to P9");
        InvalidFormatException party = readingTicketFails(incidentWith(t -> t.put("requester", "alice")),
                InvalidFormatException.class);
        assertThat(party.getMessage()).contains("at requester").contains("kind:id");
    }

    @Test
    void aListWhereAnObjectBelongsIsNamed() {
        MismatchedInputException e = readingTicketFails(incidentWith(t -> t.set("state", PLAIN.createArrayNode())),
                MismatchedInputException.class);
        assertThat(e.getMessage()).contains("at state: expected a ticket state (a JSON object), got an array");
        MismatchedInputException list = readingTicketFails(incidentWith(t -> t.put("links", "none")),
                MismatchedInputException.class);
        assertThat(list.getMessage()).contains("at links: expected a list");
    }
}
