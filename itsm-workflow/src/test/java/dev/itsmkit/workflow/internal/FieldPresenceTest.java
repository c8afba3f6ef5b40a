package dev.itsmkit.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketField;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link FieldPresence} decides a text's blankness by its first character when that is printable
 * ASCII, and scans it otherwise; either way it must agree with {@link String#isBlank()}.
 */
class FieldPresenceTest {
    /** Whitespace (ASCII and not), characters that are not whitespace though they look blank, and letters. */
    private static final String CHARACTERS = " \t\n\u000B\f\r\u001C\u001F\u0085\u00A0\u2003\u2007\u3000\u007Fa~!\u00E9\u4E2D";

    @Test
    void aTextIsNotBlankExactlyWhenStringSaysSo() {
        qt().withExamples(2000).forAll(lists().of(integers().between(0, CHARACTERS.length() - 1)).ofSizeBetween(0, 6))
                .checkAssert(indexes -> {
                    StringBuilder text = new StringBuilder();
                    indexes.forEach(i -> text.append(CHARACTERS.charAt(i)));
                    String s = text.toString();
                    assertThat(FieldPresence.notBlank(s)).as("'%s'", s).isEqualTo(!s.isBlank());
                    assertThat(FieldPresence.isSet(Optional.of(new FieldValue.Text(s)))).as("'%s'", s).isEqualTo(!s.isBlank());
                });
    }

    @Test
    void aTextFieldStartingWithWhitespaceIsSetAndACustomTextOfWhitespaceAloneIsNot() {
        FieldPresence.Reader vendorRef = FieldPresence.customReader("vendorRef");
        for (String text : List.of(" fixed", "\u2003fixed", "\u00E9t\u00E9", "\u00A0", "fixed")) {
            assertThat(FieldPresence.isSet(incident("resolutionCode", text), TicketField.RESOLUTION_CODE)).as("'%s'", text)
                    .isTrue();
            assertThat(vendorRef.isSet(incident("vendorRef", text))).as("'%s'", text).isTrue();
        }
        for (String text : List.of(" ", "\t \u2003", "\u001C")) {
            assertThat(vendorRef.isSet(incident("vendorRef", text))).as("'%s'", text).isFalse();
        }
    }

    private static Ticket incident(String field, String text) {
        return Ticket.builder(TenantId.of("acme"), TicketId.of("t-1"), new TicketNumber(TicketKind.INCIDENT, 1))
                .title("Mail is down").state(TicketState.of("IN_PROGRESS", StateCategory.OPEN))
                .requester(Party.person("alice")).createdAt(Instant.parse("2026-03-02T09:00:00Z"))
                .field(field, Optional.of(new FieldValue.Text(text))).build();
    }
}
