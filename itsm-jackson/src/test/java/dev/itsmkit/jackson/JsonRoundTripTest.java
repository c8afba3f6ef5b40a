package dev.itsmkit.jackson;

import static dev.itsmkit.jackson.JsonGenerators.attachments;
import static dev.itsmkit.jackson.JsonGenerators.configurationModels;
import static dev.itsmkit.jackson.JsonGenerators.customFields;
import static dev.itsmkit.jackson.JsonGenerators.decimals;
import static dev.itsmkit.jackson.JsonGenerators.dueTimers;
import static dev.itsmkit.jackson.JsonGenerators.fieldChanges;
import static dev.itsmkit.jackson.JsonGenerators.fieldSchemas;
import static dev.itsmkit.jackson.JsonGenerators.fieldValues;
import static dev.itsmkit.jackson.JsonGenerators.matrices;
import static dev.itsmkit.jackson.JsonGenerators.parties;
import static dev.itsmkit.jackson.JsonGenerators.priorityDecisions;
import static dev.itsmkit.jackson.JsonGenerators.requiredApprovers;
import static dev.itsmkit.jackson.JsonGenerators.slaClocks;
import static dev.itsmkit.jackson.JsonGenerators.ticketNumbers;
import static dev.itsmkit.jackson.JsonGenerators.tickets;
import static dev.itsmkit.jackson.JsonGenerators.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.itsmkit.core.Attachment;
import dev.itsmkit.core.CustomFields;
import dev.itsmkit.core.FieldChange;
import dev.itsmkit.core.FieldSchema;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.ImpactUrgencyMatrix;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.PriorityDecision;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.Violation;
import dev.itsmkit.core.cmdb.ConfigurationModel;
import dev.itsmkit.core.cmdb.RequiredApprovers;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Every domain value survives a JSON round trip unchanged, as text and as UTF-8 bytes. */
class JsonRoundTripTest {
    private static final ObjectMapper JSON = ItsmJson.mapper();

    static <T> T throughText(T value, Class<T> type) {
        try {
            return JSON.readValue(JSON.writeValueAsString(value), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T throughBytes(T value, Class<T> type) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(value), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> void survives(Gen<T> values, Class<T> type) {
        qt().forAll(values).checkAssert(value -> {
            assertThat(throughText(value, type)).isEqualTo(value);
            assertThat(throughBytes(value, type)).isEqualTo(value);
        });
    }

    @Test
    void everyTicketSurvivesARoundTrip() {
        qt().withExamples(300).forAll(tickets()).checkAssert(ticket -> {
            Ticket back = throughBytes(ticket, Ticket.class);
            assertThat(back).isEqualTo(ticket);
            // equals leaves nothing out, but say it for the values a store relies on
            assertThat(back.version()).isEqualTo(ticket.version());
            assertThat(back.priorityDecision()).isEqualTo(ticket.priorityDecision());
        });
    }

    @Test
    void writingIsStableAcrossARoundTrip() throws IOException {
        qt().forAll(tickets()).checkAssert(ticket -> {
            try {
                String once = JSON.writeValueAsString(ticket);
                assertThat(JSON.writeValueAsString(JSON.readValue(once, Ticket.class))).isEqualTo(once);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void ticketsInsideAListSurviveARoundTrip() {
        qt().withExamples(50).forAll(tickets(), tickets()).checkAssert((a, b) -> {
            try {
                List<Ticket> back = JSON.readValue(JSON.writeValueAsString(List.of(a, b)), new TypeReference<>() { });
                assertThat(back).containsExactly(a, b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void everyFieldValueSurvivesARoundTripAsItsFamilyAndAsItsOwnType() {
        qt().forAll(fieldValues()).checkAssert(value -> {
            assertThat(throughText(value, FieldValue.class)).isEqualTo(value);
            @SuppressWarnings("unchecked")
            Class<FieldValue> own = (Class<FieldValue>) value.getClass();
            assertThat(throughText(value, own)).isEqualTo(value);
        });
    }

    @Test
    void numbersKeepEveryDigit() {
        qt().forAll(decimals()).checkAssert(decimal -> {
            FieldValue.Number back = throughText(new FieldValue.Number(decimal), FieldValue.Number.class);
            assertThat(back.value().compareTo(decimal)).isZero();
        });
    }

    @Test
    void everyOtherDomainValueSurvivesARoundTrip() {
        survives(customFields(), CustomFields.class);
        survives(fieldChanges(), FieldChange.class);
        survives(fieldSchemas(), FieldSchema.class);
        survives(priorityDecisions(), PriorityDecision.class);
        survives(matrices(), ImpactUrgencyMatrix.class);
        survives(parties(), Party.class);
        survives(ticketNumbers(), TicketNumber.class);
        survives(attachments(), Attachment.class);
        survives(violations(), Violation.class);
        survives(slaClocks(), SlaClockSnapshot.class);
        survives(dueTimers(), DueTimer.class);
        survives(requiredApprovers(), RequiredApprovers.class);
        survives(configurationModels(), ConfigurationModel.class);
    }

    @Test
    void theBuiltInMatricesSurviveARoundTrip() {
        for (ImpactUrgencyMatrix m : List.of(ImpactUrgencyMatrix.itil3x3(), ImpactUrgencyMatrix.itil4x4(),
                ImpactUrgencyMatrix.itil5x5())) {
            assertThat(throughText(m, ImpactUrgencyMatrix.class)).isEqualTo(m);
        }
    }

    @Test
    void aDecimalIsWrittenAsAnExactString() throws IOException {
        String json = JSON.writeValueAsString(FieldValue.of(new BigDecimal("12345678901234567890.1234567890")));
        assertThat(json).isEqualTo("{\"type\":\"number\",\"value\":\"12345678901234567890.123456789\"}");
        assertThat(JSON.writeValueAsString(FieldValue.of(new BigDecimal("1E+3"))))
                .isEqualTo("{\"type\":\"number\",\"value\":\"1000\"}");
    }
}
