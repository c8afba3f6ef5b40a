package dev.itsmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void anIdWithAControlCharacterIsRefusedAndTheMessageShowsItEscaped() {
        assertThatIllegalArgumentException().isThrownBy(() -> TenantId.of("acme\u0000corp"))
                .withMessageContaining("tenant id 'acme\\u0000corp'")
                .withMessageContaining("the control character U+0000 at index 4");
    }

    @Test
    void anIdWithWhiteSpaceIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TicketId.of("INC 1"))
                .withMessageContaining("white space U+0020 at index 3");
    }

    @Test
    void anEmptyOrOverlongIdIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceId.of(""))
                .withMessage("service id must not be empty");
        assertThatIllegalArgumentException().isThrownBy(() -> ConfigurationItemId.of("x".repeat(129)))
                .withMessageContaining("at most 128 characters, got 129");
    }

    @Test
    void punctuationIsAllowedButNotAsTheFirstCharacter() {
        assertThat(CatalogueItemId.of("laptop.standard_v2:eu@2026-1").value()).isEqualTo("laptop.standard_v2:eu@2026-1");
        assertThatIllegalArgumentException().isThrownBy(() -> TenantId.of("-acme"))
                .withMessageContaining("the character '-' at index 0");
    }

    @Test
    void everyCharacterIsAllowedFirstOrLaterExactlyWhenTheRuleSaysSo() {
        // every UTF-16 unit, first and at index 2: the bit masks against the rule written as character classes
        for (int code = 0; code <= Character.MAX_VALUE; code++) {
            char c = (char) code;
            boolean letterOrDigit = c < 128 && (Character.isLetterOrDigit(c));
            boolean rest = letterOrDigit || ".:_@-".indexOf(c) >= 0;
            String first = c + "ab";
            String later = "ab" + c;
            if (letterOrDigit) {
                assertThat(dev.itsmkit.core.internal.Identifiers.check("id", first)).isSameAs(first);
            } else {
                assertThatIllegalArgumentException().isThrownBy(() -> dev.itsmkit.core.internal.Identifiers.check("id", first))
                        .withMessageContaining(" at index 0;");
            }
            if (rest) {
                assertThat(dev.itsmkit.core.internal.Identifiers.check("id", later)).isSameAs(later);
            } else {
                assertThatIllegalArgumentException().isThrownBy(() -> dev.itsmkit.core.internal.Identifiers.check("id", later))
                        .withMessageContaining(" at index 2;");
            }
        }
    }

    @Test
    void everyIdOfAllowedCharactersIsAccepted() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.:_@-";
        qt().forAll(lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(1, 128))
                .as(indices -> {
                    StringBuilder id = new StringBuilder();
                    indices.forEach(i -> id.append(alphabet.charAt(id.length() == 0 ? i % 62 : i)));
                    return id.toString();
                })
                .checkAssert(s -> assertThat(TicketId.of(s).value()).isEqualTo(s));
    }

    @Test
    void aTicketNumberPrintsWithSevenDigitsAndParsesBack() {
        assertThat(new TicketNumber(TicketKind.INCIDENT, 1042)).hasToString("INC0001042");
        assertThat(new TicketNumber(TicketKind.CHANGE, 123_456_789)).hasToString("CHG123456789");
        assertThat(new TicketNumber(TicketKind.TASK, 7)).hasToString("TASK0000007");
        assertThat(TicketNumber.parse("TASK999999999999999999")).isEqualTo(new TicketNumber(TicketKind.TASK, TicketNumber.MAX_SEQUENCE));
        qt().forAll(integers().between(0, TicketKind.values().length - 1), longs().between(1, 999_999_999_999L))
                .checkAssert((kind, sequence) -> {
                    TicketNumber number = new TicketNumber(TicketKind.values()[kind], sequence);
                    assertThat(TicketNumber.parse(number.toString())).isEqualTo(number);
                });
    }

    @Test
    void aMalformedTicketNumberIsRefusedWithTheAllowedPrefixes() {
        assertThatIllegalArgumentException().isThrownBy(() -> TicketNumber.parse("TKT0000001"))
                .withMessageContaining("INC, REQ, PRB, CHG and TASK");
        assertThatIllegalArgumentException().isThrownBy(() -> TicketNumber.parse("TASKS0000001"))
                .withMessageContaining("a prefix (INC, REQ, PRB, CHG, TASK) and 1 to 18 digits");
        assertThatIllegalArgumentException().isThrownBy(() -> TicketNumber.parse("TASK"))
                .withMessageContaining("1 to 18 digits");
        assertThatIllegalArgumentException().isThrownBy(() -> TicketNumber.parse("INC00x1"))
                .withMessageContaining("only digits");
        assertThatIllegalArgumentException().isThrownBy(() -> TicketNumber.parse("INC0000000"))
                .withMessageContaining("is 1 to 999999999999999999 (18 digits), got 0");
    }

    @Test
    void prioritiesParseAndOrderFromTheHighest() {
        assertThat(Priority.parse("P2")).isEqualTo(Priority.of(2)).hasToString("P2");
        assertThat(Priority.of(1).isHigherThan(Priority.of(3))).isTrue();
        assertThat(Priority.of(1)).isLessThan(Priority.of(2));
        assertThatIllegalArgumentException().isThrownBy(() -> Priority.parse("P0")).withMessageContaining("P1 to P9");
        assertThatIllegalArgumentException().isThrownBy(() -> Impact.of(10))
                .withMessage("impact level must be between 1 (highest) and 9, got 10");
    }

    @Test
    void fieldValuesCompareWithTheirTypeAndNumbersIgnoreScale() {
        assertThat(FieldValue.of(new BigDecimal("1.50"))).isEqualTo(FieldValue.of(new BigDecimal("1.5")));
        assertThat(FieldValue.of(new BigDecimal("0.000"))).isEqualTo(FieldValue.of(0));
        assertThat(FieldValue.of("1")).isNotEqualTo(FieldValue.of(1));
        assertThat(FieldValue.of(true)).isNotEqualTo(FieldValue.of(1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FieldValue.Multi(java.util.List.of(new FieldValue.Multi(java.util.List.of()))))
                .withMessageContaining("cannot hold another list");
    }

    @Test
    void customFieldsAreImmutableAndKeptInNameOrder() {
        CustomFields fields = CustomFields.of(Map.of("risk", FieldValue.of("high"), "cost", FieldValue.of(10)));
        CustomFields changed = fields.with("approved", FieldValue.of(false)).without("cost");
        assertThat(fields.asMap().keySet()).containsExactly("cost", "risk");
        assertThat(changed.asMap().keySet()).containsExactly("approved", "risk");
        assertThat(changed.without("unknown")).isSameAs(changed);
        assertThat(CustomFields.of(Map.of())).isSameAs(CustomFields.EMPTY);
        assertThatIllegalArgumentException().isThrownBy(() -> fields.with("bad name", FieldValue.of(1)))
                .withMessageContaining("field name 'bad name'");
    }
}
