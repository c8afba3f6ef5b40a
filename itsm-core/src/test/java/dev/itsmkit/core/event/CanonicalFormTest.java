package dev.itsmkit.core.event;

import static dev.itsmkit.core.testing.DomainGenerators.commonOf;
import static dev.itsmkit.core.testing.DomainGenerators.events;
import static dev.itsmkit.core.testing.DomainGenerators.histories;
import static dev.itsmkit.core.testing.DomainGenerators.withCommon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.itsmkit.core.testing.DomainGenerators;
import dev.itsmkit.core.testing.DomainGenerators.Common;
import dev.itsmkit.core.FieldChange;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TicketId ID = TicketId.of("tk-1");
    private static final Party ALICE = Party.person("alice");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void appendingTheFormWritesTheSameTextAfterWhatTheBuilderHeld() {
        qt().forAll(events(), integers().between(0, 3)).checkAssert((e, prefixLength) -> {
            String prefix = "{x=".repeat(prefixLength);
            StringBuilder out = new StringBuilder(prefix);
            assertThat(TicketEvents.appendCanonicalForm(out, e)).isSameAs(out);
            assertThat(out.toString()).isEqualTo(prefix + TicketEvents.canonicalForm(e));
        });
    }

    @Test
    void aStateChangeHasExactlyThisForm() {
        StateChanged event = new StateChanged(ACME, ID, ALICE, T0, 7, 4, DomainGenerators.IN_PROGRESS,
                DomainGenerators.RESOLVED, "resolve");
        assertThat(TicketEvents.canonicalForm(event)).isEqualTo("v1|StateChanged|tenant=\"acme\"|ticket=\"tk-1\""
                + "|actor=\"person:alice\"|at=2026-03-02T09:00:00Z|sequence=7|version=4|from=\"IN_PROGRESS/OPEN\""
                + "|to=\"RESOLVED/RESOLVED\"|transition=\"resolve\"");
    }

    @Test
    void aCreatedTicketHasExactlyThisForm() {
        Ticket ticket = Ticket.builder(ACME, ID, new TicketNumber(TicketKind.INCIDENT, 42)).title("Mail \"down\" | é\\")
                .state(DomainGenerators.NEW).requester(ALICE).createdAt(T0).build();
        assertThat(TicketEvents.canonicalForm(new TicketCreated(ACME, ID, ALICE, T0, 1, 1, ticket))).isEqualTo(
                "v1|TicketCreated|tenant=\"acme\"|ticket=\"tk-1\"|actor=\"person:alice\"|at=2026-03-02T09:00:00Z"
                        + "|sequence=1|version=1|snapshot={tenant=\"acme\",id=\"tk-1\",number=\"INC0000042\""
                        + ",title=\"Mail \\\"down\\\" | \\u00E9\\\\\",description=\"\",state=\"NEW/NEW\",impact=3,urgency=3"
                        + ",priority=3,derivedPriority=3,priorityOverrideReason=none,category=none,requester=\"person:alice\",assignee=none"
                        + ",assignmentGroup=none,service=none,configurationItems=[],customFields={}"
                        + ",details={kind=INCIDENT,major=false,holdReason=none,resolutionCode=none,resolutionNotes=none}"
                        + ",links=[],journal=[],approvals=[],createdAt=2026-03-02T09:00:00Z,updatedAt=2026-03-02T09:00:00Z"
                        + ",resolvedAt=none,closedAt=none,version=1}");
    }

    @Test
    void fieldValuesAreWrittenWithTheirType() {
        FieldsChanged event = new FieldsChanged(ACME, ID, ALICE, T0, 2, 2, List.of(
                new FieldChange("cf_n", Optional.of(new FieldValue.Text("1")), Optional.of(FieldValue.of(new BigDecimal("1.50")))),
                new FieldChange("cf_m", Optional.empty(), Optional.of(new FieldValue.Multi(List.of(FieldValue.of(true),
                        FieldValue.of(java.time.LocalDate.of(2026, 1, 31)), FieldValue.of(T0.plusNanos(1))))))));
        assertThat(TicketEvents.canonicalForm(event)).endsWith("|changes=[{field=\"cf_n\",before=text:\"1\",after=number:1.5}"
                + ",{field=\"cf_m\",before=none,after=multi:[bool:true,date:2026-01-31,timestamp:2026-03-02T09:00:00.000000001Z]}]");
    }

    @Test
    void equalEventsHaveEqualFormsAndTheFormIsPrintableAscii() {
        qt().forAll(events()).checkAssert(e -> {
            String form = TicketEvents.canonicalForm(e);
            assertThat(form).startsWith(TicketEvents.CANONICAL_FORM_PREFIX + e.getClass().getSimpleName() + "|")
                    .isEqualTo(TicketEvents.canonicalForm(withCommon(e, commonOf(e))));
            assertThat(form.chars()).allMatch(c -> c >= 0x20 && c <= 0x7E);
        });
    }

    @Test
    void differentEventsHaveDifferentForms() {
        qt().forAll(events(), events()).checkAssert((a, b) ->
                assertThat(TicketEvents.canonicalForm(a).equals(TicketEvents.canonicalForm(b))).isEqualTo(a.equals(b)));
    }

    @Test
    void theEventsOfAHistoryAllHaveDifferentForms() {
        qt().withExamples(200).forAll(histories()).checkAssert(h -> {
            Map<String, TicketEvent> seen = new HashMap<>();
            for (TicketEvent e : h.events()) {
                assertThat(seen.put(TicketEvents.canonicalForm(e), e)).isNull();
            }
        });
    }

    @Test
    void changingAnyCommonComponentChangesTheForm() {
        qt().forAll(events()).checkAssert(e -> {
            Common c = commonOf(e);
            String form = TicketEvents.canonicalForm(e);
            if (!(e instanceof TicketCreated)) {
                assertThat(TicketEvents.canonicalForm(withCommon(e, new Common(c.tenant(), c.ticket(), c.actor(), c.at(),
                        c.sequence() + 1, c.version())))).isNotEqualTo(form);
            }
            assertThat(TicketEvents.canonicalForm(withCommon(e, new Common(c.tenant(), c.ticket(), Party.person("mallory"),
                    c.at(), c.sequence(), c.version())))).isNotEqualTo(form);
            assertThat(TicketEvents.canonicalForm(withCommon(e, new Common(c.tenant(), c.ticket(), c.actor(),
                    c.at().plusNanos(1), c.sequence(), c.version())))).isNotEqualTo(form);
        });
    }

    @Test
    void textsThatDifferOnlyInStructuralCharactersHaveDifferentForms() {
        List<String> texts = List.of("a\",b", "a\\\",b", "a,b", "a|b", "a\\|b", "a\\u0007", "a\u0007", "é", "\\u00E9",
                "a\r\nb", "a\nb", "\uD83D\uDE00", "\uD83D", "\uDE00", "?", "none", "\"none\"");
        Map<String, String> seen = new HashMap<>();
        for (String text : texts) {
            // a text field value may hold any character, control characters and lone surrogates included
            FieldsChanged event = new FieldsChanged(ACME, ID, ALICE, T0, 2, 2, List.of(
                    new FieldChange("cf_x", Optional.empty(), Optional.of(new FieldValue.Text(text)))));
            assertThat(seen.put(TicketEvents.canonicalForm(event), text)).as(text).isNull();
        }
    }

    @Test
    void everyEventTypeHasAForm() {
        List<Class<?>> seen = new java.util.ArrayList<>();
        qt().withExamples(300).forAll(events()).checkAssert(e -> {
            TicketEvents.canonicalForm(e);
            if (!seen.contains(e.getClass())) {
                seen.add(e.getClass());
            }
        });
        assertThat(seen).containsExactlyInAnyOrder(TicketEvent.class.getPermittedSubclasses());
    }

    @Test
    void instantsAreWrittenExactlyAsInstantToStringWritesThem() {
        qt().forAll(longs().between(-100_000_000_000L, 300_000_000_000L), integers().between(0, 999_999_999),
                integers().between(0, 3))
                .checkAssert((seconds, nanos, rounding) -> {
                    // round the fraction to whole millis or micros too, so every fraction width is drawn
                    int nano = rounding == 0 ? nanos : rounding == 1 ? nanos / 1000 * 1000
                            : rounding == 2 ? nanos / 1_000_000 * 1_000_000 : 0;
                    Instant instant = Instant.ofEpochSecond(seconds, nano);
                    FormBuffer out = new FormBuffer(4);
                    CanonicalForm.appendIsoInstant(out, instant);
                    assertThat(out.toString()).isEqualTo(instant.toString());
                });
        for (Instant edge : List.of(Instant.EPOCH, Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.5Z"), Instant.MIN, Instant.MAX)) {
            FormBuffer out = new FormBuffer(4);
            CanonicalForm.appendIsoInstant(out, edge);
            assertThat(out.toString()).isEqualTo(edge.toString());
        }
    }

    @Test
    void ticketNumbersAreWrittenExactlyAsTheirToStringWritesThem() {
        qt().forAll(longs().between(1, TicketNumber.MAX_SEQUENCE), integers().between(0, TicketKind.values().length - 1))
                .checkAssert((sequence, kindIndex) -> {
                    // short sequences too: the padding to seven digits is the part written by hand
                    long seq = sequence % 3 == 0 ? sequence % 10_000_000 + 1 : sequence;
                    TicketKind kind = TicketKind.values()[kindIndex];
                    TicketNumber number = new TicketNumber(kind, seq);
                    Ticket ticket = Ticket.builder(ACME, ID, number).title("t").state(DomainGenerators.NEW).requester(ALICE)
                            .createdAt(T0).build();
                    assertThat(TicketEvents.canonicalForm(new TicketCreated(ACME, ID, ALICE, T0, 1, 1, ticket)))
                            .contains(",number=\"" + number + "\",");
                });
        for (long edge : new long[] {1, 9, 10, 999_999, 1_000_000, 9_999_999, 10_000_000, TicketNumber.MAX_SEQUENCE}) {
            TicketNumber number = new TicketNumber(TicketKind.INCIDENT, edge);
            Ticket ticket = Ticket.builder(ACME, ID, number).title("t").state(DomainGenerators.NEW).requester(ALICE)
                    .createdAt(T0).build();
            assertThat(TicketEvents.canonicalForm(new TicketCreated(ACME, ID, ALICE, T0, 1, 1, ticket)))
                    .contains(",number=\"" + number + "\",");
        }
    }
}
