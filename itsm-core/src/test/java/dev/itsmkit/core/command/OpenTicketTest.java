package dev.itsmkit.core.command;

import static dev.itsmkit.core.testing.CommandGenerators.openTickets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.Urgency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class OpenTicketTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Party ALICE = Party.person("alice");

    @Test
    void theBuilderStartsWithTheActorAsRequesterAndTheLowestImpactAndUrgency() {
        OpenTicket open = OpenTicket.builder(ACME, ALICE, TicketKind.SERVICE_REQUEST, "New laptop").build();
        assertThat(open.requester()).isEqualTo(ALICE);
        assertThat(open.impact()).isEqualTo(Impact.of(3));
        assertThat(open.urgency()).isEqualTo(Urgency.of(3));
        assertThat(open.description()).isEmpty();
        assertThat(open.category()).isEmpty();
        assertThat(open.service()).isEmpty();
        assertThat(open.configurationItems()).isEmpty();
        assertThat(open.fields()).isEmpty();
        assertThat(open.customFields()).isEmpty();
        assertThat(open.catalogueItem()).isEmpty();
    }

    @Test
    void toBuilderBuildsAnEqualCommand() {
        qt().forAll(openTickets()).checkAssert(open -> assertThat(open.toBuilder().build()).isEqualTo(open));
    }

    @Test
    void fieldsKeepTheOrderGivenAndAreCopiedOnTheWayIn() {
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        fields.put("risk", FieldValue.of("HIGH"));
        fields.put("changeType", FieldValue.of("NORMAL"));
        OpenTicket open = new OpenTicket(ACME, ALICE, TicketKind.CHANGE, "t", "", Impact.of(1), Urgency.of(1), ALICE,
                Optional.empty(), Optional.empty(), List.of(), fields, Map.of(), Optional.empty());
        fields.put("plannedStart", FieldValue.of(java.time.Instant.EPOCH));
        assertThat(open.fields().keySet()).containsExactly("risk", "changeType");
        assertThatThrownBy(() -> open.fields().put("x", FieldValue.of(1))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aNullComponentIsAProgrammingErrorNamedInTheMessage() {
        assertThatNullPointerException().isThrownBy(() -> OpenTicket.builder(ACME, ALICE, TicketKind.INCIDENT, "t").category(null))
                .withMessage("category");
        Map<String, FieldValue> withNull = new HashMap<>();
        withNull.put("risk", null);
        assertThatNullPointerException().isThrownBy(() -> new TransitionTicket(ACME, ALICE, TicketId.of("t"),
                OptionalLong.empty(), "resolve", withNull, Optional.empty())).withMessage("fields[risk]");
        assertThatNullPointerException().isThrownBy(() -> new AddLink(ACME, ALICE, TicketId.of("t"), OptionalLong.empty(), null))
                .withMessage("link");
    }
}
