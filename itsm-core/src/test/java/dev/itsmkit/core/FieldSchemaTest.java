package dev.itsmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldSchemaTest {
    private static final FieldSchema LAPTOP_REQUEST = FieldSchema.of(
            FieldDefinition.builder("costCentre", FieldType.TEXT).label("Cost centre").required(true).maxLength(10)
                    .build(),
            FieldDefinition.builder("amount", FieldType.NUMBER).min(BigDecimal.ZERO).max(BigDecimal.valueOf(1000))
                    .build(),
            FieldDefinition.builder("express", FieldType.BOOLEAN).build(),
            FieldDefinition.builder("neededBy", FieldType.DATE).build(),
            FieldDefinition.builder("orderedAt", FieldType.TIMESTAMP).build(),
            FieldDefinition.builder("os", FieldType.CHOICE).choices("windows", "macos", "linux").build(),
            FieldDefinition.builder("regions", FieldType.MULTI_CHOICE).choices("eu", "us", "apac").build());

    private static CustomFields valid() {
        return CustomFields.of(Map.of(
                "costCentre", FieldValue.of("CC-4711"),
                "amount", FieldValue.of(999),
                "express", FieldValue.of(true),
                "neededBy", FieldValue.of(LocalDate.of(2026, 12, 1)),
                "orderedAt", FieldValue.of(Instant.parse("2026-11-23T10:15:00Z")),
                "os", FieldValue.of("linux"),
                "regions", new FieldValue.Multi(List.of(FieldValue.of("eu"), FieldValue.of("apac")))));
    }

    private static List<Violation> violationsWith(String name, FieldValue value) {
        return LAPTOP_REQUEST.violationsOf(valid().with(name, value));
    }

    @Test
    void validFieldsPassTheSchema() {
        assertThat(LAPTOP_REQUEST.violationsOf(valid())).isEmpty();
        LAPTOP_REQUEST.check("request for laptop", valid());
        assertThat(LAPTOP_REQUEST.violationsOf(CustomFields.of(Map.of("costCentre", FieldValue.of("CC-1")))))
                .as("optional fields may be left out").isEmpty();
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheKnownFields() {
        assertThat(violationsWith("colour", FieldValue.of("red"))).containsExactly(new Violation(
                "customFields.colour", "red", "is not a known field; the known fields are [costCentre, amount,"
                        + " express, neededBy, orderedAt, os, regions]"));
        assertThat(FieldSchema.of().violationsOf(CustomFields.of(Map.of("colour", FieldValue.of(1)))))
                .extracting(Violation::message).containsExactly("is not a known field; this form defines no fields");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertThat(violationsWith("amount", FieldValue.of("12"))).containsExactly(new Violation(
                "customFields.amount", "12", "must be a number (NUMBER), got a text"));
        assertThat(violationsWith("express", FieldValue.of(1))).extracting(Violation::message)
                .containsExactly("must be a boolean (BOOLEAN), got a number");
        assertThat(violationsWith("neededBy", FieldValue.of(Instant.EPOCH))).extracting(Violation::message)
                .containsExactly("must be a date (DATE), got a timestamp");
        assertThat(violationsWith("os", FieldValue.of(true))).extracting(Violation::message)
                .containsExactly("must be one text from a fixed list (CHOICE), got a boolean");
        assertThat(violationsWith("regions", FieldValue.of("eu"))).extracting(Violation::message)
                .containsExactly("must be a list of texts from a fixed list (MULTI_CHOICE), got a text");
    }

    @Test
    void aMissingOrBlankRequiredFieldIsRefused() {
        assertThat(LAPTOP_REQUEST.violationsOf(valid().without("costCentre")))
                .containsExactly(new Violation("customFields.costCentre", "", "is required (a text)"));
        assertThat(violationsWith("costCentre", FieldValue.of("   ")))
                .containsExactly(new Violation("customFields.costCentre", "   ", "is required and must not be blank"));
    }

    @Test
    void aNumberOutOfRangeIsRefused() {
        assertThat(violationsWith("amount", FieldValue.of(1001))).containsExactly(new Violation(
                "customFields.amount", "1001", "must be between 0 and 1000"));
        assertThat(violationsWith("amount", FieldValue.of(new BigDecimal("-0.5")))).extracting(Violation::invalidValue)
                .containsExactly("-0.5");
    }

    @Test
    void aNumberIsAcceptedExactlyWhenItIsWithinTheRange() {
        qt().forAll(integers().between(-5000, 5000)).checkAssert(n -> assertThat(
                violationsWith("amount", FieldValue.of(n)).isEmpty()).isEqualTo(n >= 0 && n <= 1000));
    }

    @Test
    void aTextTooLongIsRefused() {
        assertThat(violationsWith("costCentre", FieldValue.of("CC-12345678"))).containsExactly(new Violation(
                "customFields.costCentre", "CC-12345678", "must be at most 10 characters long, got 11"));
    }

    @Test
    void aTextIsAcceptedExactlyWhenItIsNoLongerThanTheMaximum() {
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 20)).checkAssert(text -> {
            boolean blank = text.isBlank();
            assertThat(violationsWith("costCentre", FieldValue.of(text)).isEmpty())
                    .isEqualTo(!blank && text.length() <= 10);
        });
    }

    @Test
    void aChoiceNotInTheListIsRefused() {
        assertThat(violationsWith("os", FieldValue.of("Linux"))).containsExactly(new Violation(
                "customFields.os", "Linux", "must be one of ['windows', 'macos', 'linux']"));
    }

    @Test
    void eachWrongOrRepeatedElementOfAMultipleChoiceIsRefused() {
        FieldValue regions = new FieldValue.Multi(List.of(
                FieldValue.of("eu"), FieldValue.of("mars"), FieldValue.of("eu")));
        assertThat(violationsWith("regions", regions)).containsExactly(
                new Violation("customFields.regions[1]", "mars", "must be one of ['eu', 'us', 'apac']"),
                new Violation("customFields.regions[2]", "eu", "is chosen more than once; each choice may appear once"));
    }

    @Test
    void checkingReportsEveryViolationAtOnce() {
        CustomFields bad = CustomFields.of(Map.of(
                "amount", FieldValue.of(-1),
                "os", FieldValue.of("bsd"),
                "colour", FieldValue.of("red")));
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> LAPTOP_REQUEST.check("request for laptop of tenant acme", bad))
                .satisfies(e -> {
                    assertThat(e.subject()).isEqualTo("request for laptop of tenant acme");
                    assertThat(e.violations()).extracting(Violation::path).containsExactly(
                            "customFields.amount", "customFields.colour", "customFields.os",
                            "customFields.costCentre");
                })
                .withMessageStartingWith("request for laptop of tenant acme is invalid: 4 violations")
                .withMessageContaining("customFields.amount: must be between 0 and 1000 (was '-1')");
    }

    @Test
    void aLongOffendingTextIsShortenedInTheViolation() {
        String longText = "x".repeat(500);
        assertThat(violationsWith("os", FieldValue.of(longText))).extracting(Violation::invalidValue)
                .containsExactly("x".repeat(64) + "... (500 characters)");
    }

    @Test
    void theOpenSchemaAcceptsAnyField() {
        assertThat(FieldSchema.OPEN.isOpen()).isTrue();
        assertThat(FieldSchema.OPEN.violationsOf(CustomFields.of(Map.of("anything", FieldValue.of(42))))).isEmpty();
    }

    @Test
    void aDefinitionWhoseConstraintsDoNotFitItsTypeIsNotBuilt() {
        assertThatIllegalStateException().isThrownBy(() -> FieldDefinition.builder("n", FieldType.NUMBER)
                .maxLength(3).build()).withMessage("field 'n' of type NUMBER cannot have a maximum length;"
                        + " only TEXT fields can");
        assertThatIllegalStateException().isThrownBy(() -> FieldDefinition.builder("t", FieldType.TEXT)
                .min(BigDecimal.ONE).build()).withMessageContaining("cannot have a minimum or maximum");
        assertThatIllegalStateException().isThrownBy(() -> FieldDefinition.builder("t", FieldType.TEXT)
                .choices("a").build()).withMessageContaining("cannot have choices");
        assertThatIllegalStateException().isThrownBy(() -> FieldDefinition.builder("c", FieldType.CHOICE).build())
                .withMessage("field 'c' of type CHOICE needs at least one allowed choice");
        assertThatIllegalStateException().isThrownBy(() -> FieldDefinition.builder("n", FieldType.NUMBER)
                .min(BigDecimal.TEN).max(BigDecimal.ONE).build()).withMessage("field 'n' has a minimum 10 above its maximum 1");
        assertThatIllegalArgumentException().isThrownBy(() -> FieldDefinition.builder("c", FieldType.CHOICE)
                .choices("a", "b", "a")).withMessageContaining("lists the choice 'a' twice");
        assertThatIllegalArgumentException().isThrownBy(() -> FieldDefinition.builder("bad name", FieldType.TEXT))
                .withMessageContaining("field name 'bad name'");
    }

    @Test
    void aSchemaDefinesEachFieldOnce() {
        FieldDefinition text = FieldDefinition.builder("x", FieldType.TEXT).build();
        assertThatIllegalArgumentException().isThrownBy(() -> FieldSchema.of(text, text))
                .withMessageContaining("'x' is defined twice");
    }

    @Test
    void aDefinitionRebuiltFromItsBuilderIsEqual() {
        for (FieldDefinition definition : LAPTOP_REQUEST.definitions()) {
            assertThat(definition.toBuilder().build()).isEqualTo(definition).hasSameHashCodeAs(definition)
                    .hasToString(definition.toString());
        }
        assertThat(LAPTOP_REQUEST.definition("costCentre").map(FieldDefinition::label)).contains("Cost centre");
        assertThat(LAPTOP_REQUEST.definition("amount").map(FieldDefinition::label)).contains("amount");
        assertThat(LAPTOP_REQUEST.definition("nope")).isEmpty();
    }
}
