package dev.itsmkit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValuesTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private static Ticket ticket() {
        return Ticket.builder(TenantId.of("acme"), TicketId.of("inc-1"), new TicketNumber(TicketKind.INCIDENT, 1))
                .title("Mail down").state(TicketState.of("IN_PROGRESS", StateCategory.OPEN))
                .requester(Party.person("alice")).assignee(Optional.of(Party.person("bob")))
                .field("site", Optional.of(FieldValue.of("berlin")))
                .createdAt(T0).updatedAt(T0).build();
    }

    @Test
    void aQueryWithoutCriteriaMatchesEveryTicket() {
        assertThat(TicketQuery.all().matches(ticket())).isTrue();
    }

    @Test
    void criteriaCombineWithAnd() {
        Ticket t = ticket();
        assertThat(TicketQuery.builder().categories(StateCategory.OPEN).assignee(Party.person("bob")).build().matches(t)).isTrue();
        assertThat(TicketQuery.builder().categories(StateCategory.OPEN).assignee(Party.person("eve")).build().matches(t)).isFalse();
        assertThat(TicketQuery.builder().field("site", FieldValue.of("berlin")).build().matches(t)).isTrue();
        assertThat(TicketQuery.builder().field("site", FieldValue.of("paris")).build().matches(t)).isFalse();
        assertThat(TicketQuery.builder().priorities(List.of(Priority.of(1))).build().matches(t)).isFalse();
        assertThat(TicketQuery.builder().kinds(TicketKind.CHANGE, TicketKind.INCIDENT).build().matches(t)).isTrue();
    }

    @Test
    void eachCriterionSelectsByItsOwnAttributeAgainstHandPickedTickets() {
        // the TCK compares stores with matches(); this checks matches() itself, criterion by criterion
        Ticket t = ticket().toBuilder().assignmentGroup(Optional.of(Party.group("network")))
                .service(Optional.of(ServiceId.of("mail"))).configurationItems(List.of(ConfigurationItemId.of("mx-1")))
                .createdAt(T0).updatedAt(T0.plusSeconds(3600)).build();
        assertThat(TicketQuery.builder().assignmentGroup(Party.group("network")).build().matches(t)).isTrue();
        assertThat(TicketQuery.builder().assignmentGroup(Party.group("desk")).build().matches(t)).isFalse();
        assertThat(TicketQuery.builder().assignmentGroup(Party.group("network")).build().matches(ticket())).as("no group").isFalse();
        assertThat(TicketQuery.builder().service(ServiceId.of("mail")).build().matches(t)).isTrue();
        assertThat(TicketQuery.builder().service(ServiceId.of("vpn")).build().matches(t)).isFalse();
        assertThat(TicketQuery.builder().service(ServiceId.of("mail")).build().matches(ticket())).as("no service").isFalse();
        assertThat(TicketQuery.builder().configurationItem(ConfigurationItemId.of("mx-1")).build().matches(t)).isTrue();
        assertThat(TicketQuery.builder().configurationItem(ConfigurationItemId.of("mx-2")).build().matches(t)).isFalse();
        // windows are half open: [start, end)
        assertThat(TicketQuery.builder().createdIn(new TimeWindow(T0, T0.plusSeconds(1))).build().matches(t)).isTrue();
        assertThat(TicketQuery.builder().createdIn(new TimeWindow(T0.minusSeconds(10), T0)).build().matches(t)).isFalse();
        assertThat(TicketQuery.builder().createdIn(new TimeWindow(T0.plusSeconds(1), T0.plusSeconds(9))).build().matches(t)).isFalse();
        assertThat(TicketQuery.builder().updatedIn(new TimeWindow(T0.plusSeconds(3600), T0.plusSeconds(3601))).build().matches(t)).isTrue();
        assertThat(TicketQuery.builder().updatedIn(new TimeWindow(T0, T0.plusSeconds(3600))).build().matches(t)).isFalse();
        assertThat(TicketQuery.builder().priorities(List.of(t.priority())).build().matches(t)).isTrue();
        assertThat(TicketQuery.builder().kinds(TicketKind.CHANGE).build().matches(t)).isFalse();
        assertThat(TicketQuery.builder().categories(StateCategory.RESOLVED, StateCategory.CLOSED).build().matches(t)).isFalse();
    }

    @Test
    void emptySetCriteriaAreRefused() {
        assertThatThrownBy(() -> TicketQuery.builder().categories(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TicketQuery.builder().priorities(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQueryRoundTripsThroughItsBuilder() {
        TicketQuery q = TicketQuery.builder().categories(StateCategory.NEW).assignee(Party.person("bob"))
                .field("site", FieldValue.of("x")).orderBy(TicketOrder.UPDATED).build();
        assertThat(q.toBuilder().build()).isEqualTo(q).hasSameHashCodeAs(q);
        assertThat(q.toString()).contains("bob", "UPDATED");
    }

    @Test
    void cursorsHoldOnlyUrlSafeCharacters() {
        assertThat(new Cursor("abc-_.~09").token()).isEqualTo("abc-_.~09");
        assertThatThrownBy(() -> new Cursor("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cursor("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cursor("x".repeat(1025))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nodeIdsAreIdentifiers() {
        assertThat(NodeId.of("node-1").toString()).isEqualTo("node-1");
        assertThatThrownBy(() -> NodeId.of("node 1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exceptionsCarryTheirFacts() {
        var cue = new ConcurrentUpdateException(TicketId.of("inc-1"), "version", 3, 4);
        assertThat(cue).hasMessageContaining("inc-1").hasMessageContaining("3").hasMessageContaining("4");
        assertThat(cue.what()).isEqualTo("version");
        var tae = new TenantAccessException(TenantId.of("a"), TenantId.of("b"), "ticket INC0000001");
        assertThat(tae.scope()).isEqualTo(TenantId.of("a"));
        assertThat(tae.offered()).isEqualTo(TenantId.of("b"));
        assertThat(tae).hasMessageContaining("INC0000001");
    }
}
