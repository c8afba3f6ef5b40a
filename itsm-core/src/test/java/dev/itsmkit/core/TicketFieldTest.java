package dev.itsmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketFieldTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static Ticket ticket(TicketKind kind) {
        return Ticket.builder(TenantId.of("acme"), TicketId.of("t-" + kind), new TicketNumber(kind, 1))
                .title("a ticket").state(TicketState.of("NEW", StateCategory.NEW))
                .requester(Party.person("alice")).createdAt(T0).build();
    }

    private static final Map<TicketField, FieldValue> SAMPLES = Map.ofEntries(
            Map.entry(TicketField.TITLE, FieldValue.of("another title")),
            Map.entry(TicketField.DESCRIPTION, FieldValue.of("line one\nline two")),
            Map.entry(TicketField.CATEGORY, FieldValue.of("network")),
            Map.entry(TicketField.SERVICE, FieldValue.of("mail")),
            Map.entry(TicketField.CONFIGURATION_ITEMS, new FieldValue.Multi(List.of(FieldValue.of("ci-1"), FieldValue.of("ci-2")))),
            Map.entry(TicketField.MAJOR, FieldValue.of(true)),
            Map.entry(TicketField.HOLD_REASON, FieldValue.of("AWAITING_VENDOR")),
            Map.entry(TicketField.RESOLUTION_CODE, FieldValue.of("WORKAROUND")),
            Map.entry(TicketField.RESOLUTION_NOTES, FieldValue.of("restarted the gateway")),
            Map.entry(TicketField.CATALOGUE_ITEM, FieldValue.of("laptop")),
            Map.entry(TicketField.REQUESTED_FOR, FieldValue.of("person:bob")),
            Map.entry(TicketField.KNOWN_ERROR, FieldValue.of(true)),
            Map.entry(TicketField.ROOT_CAUSE, FieldValue.of("a full disk")),
            Map.entry(TicketField.WORKAROUND, FieldValue.of("delete old logs")),
            Map.entry(TicketField.CHANGE_TYPE, FieldValue.of("EMERGENCY")),
            Map.entry(TicketField.RISK, FieldValue.of("HIGH")),
            Map.entry(TicketField.PLANNED_START, FieldValue.of(T0.plusSeconds(3600))),
            Map.entry(TicketField.PLANNED_END, FieldValue.of(T0.plusSeconds(7200))),
            Map.entry(TicketField.IMPLEMENTATION_PLAN, FieldValue.of("swap it")),
            Map.entry(TicketField.BACKOUT_PLAN, FieldValue.of("swap it back")),
            Map.entry(TicketField.ACCEPTANCE_CRITERIA, new FieldValue.Multi(List.of(FieldValue.of("mail flows")))));

    @Test
    void everyBuiltInFieldReadsBackWhatWasWrittenOnEveryKindThatHasIt() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrder(TicketField.values());
        for (TicketField field : TicketField.values()) {
            for (TicketKind kind : field.kinds()) {
                Ticket changed = ticket(kind).toBuilder().field(field.fieldName(), Optional.of(SAMPLES.get(field))).build();
                assertThat(changed.field(field.fieldName())).as(field + " on " + kind).contains(SAMPLES.get(field));
            }
        }
    }

    @Test
    void aFieldOfAnotherKindIsRefusedAndReadsAsAbsent() {
        Ticket incident = ticket(TicketKind.INCIDENT);
        assertThat(incident.field("rootCause")).isEmpty();
        assertThatThrownBy(() -> incident.toBuilder().field("rootCause", Optional.of(FieldValue.of("x"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.path()).isEqualTo("rootCause");
                        assertThat(v.message()).contains("is not a field of a INCIDENT");
                    });
                });
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedWithTheTypeItNeeds() {
        assertThatThrownBy(() -> ticket(TicketKind.INCIDENT).toBuilder().field("major", Optional.of(FieldValue.of("yes"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).message())
                        .isEqualTo("must be a Bool value, got a Text"));
        assertThatThrownBy(() -> ticket(TicketKind.INCIDENT).toBuilder().field("holdReason", Optional.of(FieldValue.of("LUNCH"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).path())
                        .isEqualTo("holdReason"));
    }

    @Test
    void theTitleAndTheChangeTypeCannotBeRemoved() {
        assertThatThrownBy(() -> ticket(TicketKind.INCIDENT).toBuilder().field("title", Optional.empty()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot be removed");
        assertThatThrownBy(() -> ticket(TicketKind.CHANGE).toBuilder().field("changeType", Optional.empty()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot be removed");
    }

    @Test
    void aPlannedWindowThatWouldEndBeforeItStartsIsRefused() {
        Ticket change = ticket(TicketKind.CHANGE).toBuilder()
                .field("plannedStart", Optional.of(FieldValue.of(T0.plusSeconds(3600))))
                .field("plannedEnd", Optional.of(FieldValue.of(T0.plusSeconds(7200)))).build();
        assertThatThrownBy(() -> change.toBuilder().field("plannedEnd", Optional.of(FieldValue.of(T0))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ending after it starts");
        assertThat(change.toBuilder().field("plannedStart", Optional.empty()).build().change().plannedWindow()).isEmpty();
    }

    @Test
    void otherNamesAreCustomFieldsButBuiltInNamesCannotBeDefinedAsCustom() {
        Ticket t = ticket(TicketKind.INCIDENT).toBuilder().field("costCentre", Optional.of(FieldValue.of("CC-1"))).build();
        assertThat(t.customFields().get("costCentre")).contains(FieldValue.of("CC-1"));
        assertThatThrownBy(() -> FieldDefinition.builder("resolutionCode", FieldType.TEXT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built-in ticket field");
    }

    @Test
    void changesToListsOnlyTheFieldsThatDiffer() {
        Ticket t = ticket(TicketKind.INCIDENT);
        assertThat(t.changesTo(Map.of("title", Optional.of(FieldValue.of("a ticket"))))).isEmpty();
        assertThat(t.changesTo(Map.of("category", Optional.of(FieldValue.of("network")))))
                .containsExactly(new FieldChange("category", Optional.empty(), Optional.of(FieldValue.of("network"))));
    }

    @Test
    void thePriorityDecisionRecordsTheDerivedPriorityUnderAnOverride() {
        Ticket t = ticket(TicketKind.INCIDENT).toBuilder().priority(Impact.of(2), Urgency.of(2), Priority.of(2))
                .overridePriority(Priority.of(1), "the CEO's laptop").build();
        assertThat(t.priority()).isEqualTo(Priority.of(1));
        assertThat(t.priorityDecision().derived()).isEqualTo(Priority.of(2));
        assertThat(t.priorityDecision().reason()).contains("the CEO's laptop");
        assertThat(t.toBuilder().priority(Impact.of(3), Urgency.of(3), Priority.of(3)).build().priorityOverrideReason()).isEmpty();
    }
}
