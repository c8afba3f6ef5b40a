package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Impact;
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
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which tickets a policy applies to, by kind, service, customer (requester) and priority, through the engine. */
class PolicyApplicabilityTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final TicketState NEW = TicketState.of("NEW", StateCategory.NEW);
    private static final TicketState OPEN = TicketState.of("IN_PROGRESS", StateCategory.OPEN);
    private static final ServiceId EMAIL = ServiceId.of("email");
    private static final ServiceId VPN = ServiceId.of("vpn");
    private static final Party ACME = Party.organization("acme");
    private static final Party ALICE = Party.person("alice");

    private static SlaPolicy policy(String id) {
        return SlaPolicy.of(id, 1, List.of(SlaTarget.builder("resolution").goals(Goals.always(Duration.ofHours(4)))
                .stop(Condition.category(StateCategory.RESOLVED)).build()));
    }

    private static Ticket ticket(TicketKind kind, Party requester, Optional<ServiceId> service, int priority) {
        return Ticket.builder(TenantId.of("acme"), TicketId.of("t-1"), new TicketNumber(kind, 1)).title("Mail is down")
                .state(NEW).priority(Impact.of(2), Urgency.of(2), Priority.of(priority)).requester(requester)
                .service(service).createdAt(T0).updatedAt(T0).build();
    }

    private static Ticket incident() {
        return ticket(TicketKind.INCIDENT, ACME, Optional.of(EMAIL), 2);
    }

    private static List<SlaClockSnapshot> created(SlaPolicy policy, Ticket ticket) {
        return SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(policy)).onChange(null, ticket, T0, List.of()).clocks();
    }

    private static void assertApplies(SlaPolicy policy, Ticket ticket) {
        assertThat(policy.appliesTo(ticket.kind(), TicketView.of(ticket))).isTrue();
        assertThat(created(policy, ticket)).singleElement().satisfies(c -> {
            assertThat(c.policy()).isEqualTo(policy.id());
            assertThat(c.status()).isEqualTo(ClockStatus.RUNNING);
        });
    }

    private static void assertDoesNotApply(SlaPolicy policy, Ticket ticket) {
        assertThat(policy.appliesTo(ticket.kind(), TicketView.of(ticket))).isFalse();
        assertThat(created(policy, ticket)).isEmpty();
    }

    @Test
    void aPolicyForAKindAppliesToTicketsOfThatKindOnly() {
        SlaPolicy incidents = policy("incidents").when(Condition.kind(TicketKind.INCIDENT));
        assertApplies(incidents, incident());
        assertDoesNotApply(incidents, ticket(TicketKind.SERVICE_REQUEST, ACME, Optional.of(EMAIL), 2));
        SlaPolicy requestsAndChanges = policy("rc").when(Condition.kind(TicketKind.SERVICE_REQUEST, TicketKind.CHANGE));
        assertApplies(requestsAndChanges, ticket(TicketKind.CHANGE, ACME, Optional.empty(), 2));
        assertDoesNotApply(requestsAndChanges, incident());
    }

    @Test
    void aPolicyForAServiceAppliesToTicketsAboutThatServiceOnly() {
        SlaPolicy email = policy("email").when(Condition.service(EMAIL));
        assertApplies(email, incident());
        assertDoesNotApply(email, ticket(TicketKind.INCIDENT, ACME, Optional.of(VPN), 2));
        assertDoesNotApply(email, ticket(TicketKind.INCIDENT, ACME, Optional.empty(), 2));
    }

    @Test
    void aPolicyForACustomerAppliesToTicketsThatCustomerRequestedOnly() {
        SlaPolicy acme = policy("acme-sla").when(Condition.requester(ACME, Party.person("ceo")));
        assertApplies(acme, incident());
        assertApplies(acme, ticket(TicketKind.INCIDENT, Party.person("ceo"), Optional.of(EMAIL), 2));
        assertDoesNotApply(acme, ticket(TicketKind.INCIDENT, ALICE, Optional.of(EMAIL), 2));
        // a person and an organisation of the same id are different parties
        assertDoesNotApply(acme, ticket(TicketKind.INCIDENT, Party.person("acme"), Optional.of(EMAIL), 2));
    }

    @Test
    void aPolicyForPrioritiesAppliesToTicketsOfThosePrioritiesOnly() {
        SlaPolicy urgent = policy("urgent").when(Condition.priority(Priority.of(1), Priority.of(2)));
        assertApplies(urgent, incident());
        assertApplies(urgent, ticket(TicketKind.INCIDENT, ACME, Optional.of(EMAIL), 1));
        assertDoesNotApply(urgent, ticket(TicketKind.INCIDENT, ACME, Optional.of(EMAIL), 3));
    }

    @Test
    void conditionsOnKindServiceCustomerAndPriorityCombine() {
        SlaPolicy gold = policy("gold").when(Condition.all(Condition.kind(TicketKind.INCIDENT), Condition.service(EMAIL),
                Condition.requester(ACME), Condition.not(Condition.priority(Priority.of(3)))));
        assertApplies(gold, incident());
        assertDoesNotApply(gold, ticket(TicketKind.PROBLEM, ACME, Optional.of(EMAIL), 2));
        assertDoesNotApply(gold, ticket(TicketKind.INCIDENT, ACME, Optional.of(VPN), 2));
        assertDoesNotApply(gold, ticket(TicketKind.INCIDENT, ALICE, Optional.of(EMAIL), 2));
        assertDoesNotApply(gold, ticket(TicketKind.INCIDENT, ACME, Optional.of(EMAIL), 3));
    }

    @Test
    void forKindsAndWhenMustBothHold() {
        SlaPolicy policy = policy("p").forKinds(java.util.Set.of(TicketKind.INCIDENT)).when(Condition.service(EMAIL));
        assertApplies(policy, incident());
        assertDoesNotApply(policy, ticket(TicketKind.SERVICE_REQUEST, ACME, Optional.of(EMAIL), 2));
        assertDoesNotApply(policy, ticket(TicketKind.INCIDENT, ACME, Optional.of(VPN), 2));
    }

    @Test
    void aPolicyThatDoesNotApplyAtCreationStartsItsClocksAtTheFirstChangeAfterWhichItApplies() {
        SlaPolicy vpn = policy("vpn").when(Condition.service(VPN));
        SlaEngine engine = SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(vpn));
        Ticket created = ticket(TicketKind.INCIDENT, ACME, Optional.empty(), 2);
        assertThat(engine.onChange(null, created, T0, List.of()).clocks()).isEmpty();
        Instant later = T0.plus(Duration.ofHours(1));
        Ticket classified = created.toBuilder().service(Optional.of(VPN)).state(OPEN).updatedAt(later).version(2).build();
        List<SlaClockSnapshot> clocks = engine.onChange(created, classified, later, List.of()).clocks();
        assertThat(clocks).singleElement().satisfies(c -> assertThat(c.startedAt()).contains(later));
        // once started, the clocks follow the ticket even when the condition no longer holds
        Instant moved = later.plus(Duration.ofHours(1));
        Ticket elsewhere = classified.toBuilder().service(Optional.of(EMAIL)).updatedAt(moved).version(3).build();
        assertThat(engine.onChange(classified, elsewhere, moved, clocks).clocks()).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ClockStatus.RUNNING));
    }

    @Test
    void onlyThePoliciesThatApplyStartClocks() {
        SlaPolicy email = policy("email").when(Condition.service(EMAIL));
        SlaPolicy vpn = policy("vpn").when(Condition.service(VPN));
        SlaPolicy everyone = policy("everyone");
        SlaEngine engine = SlaEngine.of(BusinessCalendars.onlyAlways(), List.of(email, vpn, everyone));
        assertThat(engine.onChange(null, incident(), T0, List.of()).clocks()).extracting(SlaClockSnapshot::policy)
                .containsExactlyInAnyOrder("email", "everyone");
    }

    @Test
    void theTicketViewShowsKindRequesterAndServiceAsFields() {
        TicketView view = TicketView.of(incident());
        assertThat(view.field(TicketView.KIND)).contains(FieldValue.of("INCIDENT"));
        assertThat(view.field(TicketView.REQUESTER)).contains(FieldValue.of("organization:acme"));
        assertThat(view.field("service")).contains(FieldValue.of("email"));
        assertThat(TicketView.of(ticket(TicketKind.INCIDENT, ACME, Optional.empty(), 2)).field("service")).isEmpty();
    }

    @Test
    void aCustomFieldOfTheSameNameIsShownInsteadOfTheDerivedOne() {
        Ticket withOwnKind = incident().toBuilder().field("kind", Optional.of(FieldValue.of("hardware"))).build();
        assertThat(TicketView.of(withOwnKind).field(TicketView.KIND)).contains(FieldValue.of("hardware"));
        assertThat(Condition.kind(TicketKind.INCIDENT).test(TicketView.of(withOwnKind))).isFalse();
    }

    @Test
    void theKindServiceAndRequesterConditionsAreFieldConditionsAndNeedAValue() {
        assertThat(Condition.service(EMAIL)).isEqualTo(Condition.fieldEquals("service", FieldValue.of("email")));
        assertThat(Condition.requester(ACME)).isEqualTo(Condition.fieldEquals("requester", FieldValue.of("organization:acme")));
        assertThat(Condition.kind(TicketKind.INCIDENT, TicketKind.INCIDENT)).isEqualTo(Condition.fieldEquals("kind",
                FieldValue.of("INCIDENT")));
        assertThatThrownBy(() -> Condition.kind()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Condition.service()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Condition.requester()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPolicyIsAnSlaUnlessSaidOtherwise() {
        assertThat(policy("p").agreement()).isEqualTo(AgreementType.SLA);
        SlaPolicy ola = policy("p").when(Condition.service(EMAIL)).agreement(AgreementType.OLA).startIsRunCondition(true);
        assertThat(ola.agreement()).isEqualTo(AgreementType.OLA);
        assertThat(ola.appliesWhen()).contains(Condition.service(EMAIL));
        assertThat(ola.startIsRunCondition()).isTrue();
        assertThat(ola.forKinds(java.util.Set.of(TicketKind.INCIDENT)).agreement()).isEqualTo(AgreementType.OLA);
        assertThat(ola.toString()).contains("OLA");
    }
}
