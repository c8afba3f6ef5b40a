package dev.itsmkit.core.event;

import static dev.itsmkit.core.DomainGenerators.commonOf;
import static dev.itsmkit.core.DomainGenerators.events;
import static dev.itsmkit.core.DomainGenerators.withCommon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.itsmkit.core.Approval;
import dev.itsmkit.core.ApprovalDecision;
import dev.itsmkit.core.DomainGenerators;
import dev.itsmkit.core.DomainGenerators.Common;
import dev.itsmkit.core.FieldChange;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketRef;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketEventTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TicketId ID = TicketId.of("tk-1");
    private static final Party ALICE = Party.person("alice");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static Ticket ticket(TenantId tenant, TicketId id, long version) {
        return Ticket.builder(tenant, id, new TicketNumber(TicketKind.INCIDENT, 1)).title("Mail is down")
                .state(DomainGenerators.NEW).requester(ALICE).createdAt(T0).version(version).build();
    }

    @Test
    void everyGeneratedEventIsValidAndEqualsItsRebuiltCopy() {
        qt().forAll(events()).checkAssert(e -> {
            TicketEvent copy = withCommon(e, commonOf(e));
            assertThat(copy).isEqualTo(e).hasSameHashCodeAs(e);
            assertThat(copy.sequence()).isGreaterThanOrEqualTo(copy.version()).isPositive();
        });
    }

    @Test
    void aSequenceOrVersionBelowOneIsRefusedByEveryEventType() {
        qt().forAll(events(), longs().between(-5, 0)).checkAssert((e, bad) -> {
            Common c = commonOf(e);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> withCommon(e, new Common(c.tenant(), c.ticket(), c.actor(), c.at(), bad, c.version())))
                    .withMessageContaining("counts from 1, got ");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> withCommon(e, new Common(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), bad)))
                    .withMessageContaining("version");
        });
    }

    @Test
    void aSequenceBelowTheVersionIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Commented(ACME, ID, ALICE, T0, 3, 4, new dev.itsmkit.core.JournalEntry(
                        dev.itsmkit.core.JournalEntryKind.WORK_NOTE, ALICE, T0, "x", List.of())))
                .withMessage("an event's sequence is at least its version, since every version is made by at least one"
                        + " event; got sequence 3 and version 4");
    }

    @Test
    void missingCommonComponentsAreRefusedByName() {
        qt().withExamples(50).forAll(events()).checkAssert(e -> {
            Common c = commonOf(e);
            assertThatNullPointerException().isThrownBy(() -> withCommon(e, new Common(null, c.ticket(), c.actor(), c.at(),
                    c.sequence(), c.version()))).withMessage("tenant");
            assertThatNullPointerException().isThrownBy(() -> withCommon(e, new Common(c.tenant(), c.ticket(), null, c.at(),
                    c.sequence(), c.version()))).withMessage("actor");
            assertThatNullPointerException().isThrownBy(() -> withCommon(e, new Common(c.tenant(), c.ticket(), c.actor(), null,
                    c.sequence(), c.version()))).withMessage("at");
        });
    }

    @Test
    void ticketCreatedCarriesItsOwnTicketAtVersionOne() {
        Ticket ticket = ticket(ACME, ID, 1);
        assertThat(new TicketCreated(ACME, ID, ALICE, T0, 1, 1, ticket).snapshot()).isSameAs(ticket);
        assertThatIllegalArgumentException().isThrownBy(() -> new TicketCreated(ACME, TicketId.of("tk-2"), ALICE, T0, 1, 1, ticket))
                .withMessage("TicketCreated of ticket tk-2 of tenant acme must carry that ticket's snapshot, got ticket tk-1"
                        + " of tenant acme");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TicketCreated(TenantId.of("globex"), ID, ALICE, T0, 1, 1, ticket))
                .withMessageContaining("got ticket tk-1 of tenant acme");
        assertThatIllegalArgumentException().isThrownBy(() -> new TicketCreated(ACME, ID, ALICE, T0, 2, 2, ticket(ACME, ID, 2)))
                .withMessage("TicketCreated is a ticket's first event, its sequence is 1, got 2");
        assertThatIllegalArgumentException().isThrownBy(() -> new TicketCreated(ACME, ID, ALICE, T0, 1, 1, ticket(ACME, ID, 2)))
                .withMessage("a ticket is created at version 1, got event version 1 and snapshot version 2");
    }

    @Test
    void aStateChangeMustChangeTheStateFromANonFinalOneThroughANamedTransition() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StateChanged(ACME, ID, ALICE, T0, 2, 2,
                DomainGenerators.IN_PROGRESS, DomainGenerators.IN_PROGRESS, "start"))
                .withMessage("a state change must change the state, got transition start from IN_PROGRESS(OPEN) to itself");
        assertThatIllegalArgumentException().isThrownBy(() -> new StateChanged(ACME, ID, ALICE, T0, 2, 2,
                DomainGenerators.CLOSED, DomainGenerators.IN_PROGRESS, "reopen"))
                .withMessage("a ticket in the final state CLOSED(CLOSED) can no longer change state, got a transition reopen"
                        + " to IN_PROGRESS(OPEN)");
        assertThatIllegalArgumentException().isThrownBy(() -> new StateChanged(ACME, ID, ALICE, T0, 2, 2,
                DomainGenerators.NEW, DomainGenerators.IN_PROGRESS, "start work"))
                .withMessageStartingWith("transition name 'start work' has white space U+0020 at index 5");
    }

    @Test
    void fieldsChangedNeedsAtLeastOneChangeAndOnePerField() {
        FieldChange title = new FieldChange("title", Optional.of(new FieldValue.Text("a")), Optional.of(new FieldValue.Text("b")));
        assertThatIllegalArgumentException().isThrownBy(() -> new FieldsChanged(ACME, ID, ALICE, T0, 2, 2, List.of()))
                .withMessage("FieldsChanged needs at least one change");
        assertThatIllegalArgumentException().isThrownBy(() -> new FieldsChanged(ACME, ID, ALICE, T0, 2, 2, List.of(title,
                new FieldChange("title", Optional.of(new FieldValue.Text("b")), Optional.empty()))))
                .withMessageStartingWith("FieldsChanged holds one change per field, got title twice");
    }

    @Test
    void anAssignmentMustChangeSomethingAndAssignPeopleAndGroups() {
        Optional<Party> none = Optional.empty();
        assertThatIllegalArgumentException().isThrownBy(() -> new Assigned(ACME, ID, ALICE, T0, 2, 2, Optional.of(ALICE), none,
                Optional.of(ALICE), none))
                .withMessage("an assignment must change the assignee or the group, got assignee person:alice and group none"
                        + " before and after");
        assertThatIllegalArgumentException().isThrownBy(() -> new Assigned(ACME, ID, ALICE, T0, 2, 2,
                Optional.of(Party.group("network")), none, none, none))
                .withMessage("assignee must be a person or a system, got group:network");
        assertThatIllegalArgumentException().isThrownBy(() -> new Assigned(ACME, ID, ALICE, T0, 2, 2, none,
                Optional.of(ALICE), none, none))
                .withMessage("group must be a group, got person:alice");
    }

    @Test
    void aPriorityOverrideReasonIsOneNonBlankLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PriorityChanged(ACME, ID, ALICE, T0, 2, 2, Impact.of(1),
                Urgency.of(1), Priority.of(3), Priority.of(1), Optional.of(" ")))
                .withMessage("PriorityChanged has an invalid override reason: overrideReason: must not be blank (was ' ')");
        assertThatIllegalArgumentException().isThrownBy(() -> new PriorityChanged(ACME, ID, ALICE, T0, 2, 2, Impact.of(1),
                Urgency.of(1), Priority.of(3), Priority.of(1), Optional.of("VIP\nreally")))
                .withMessageContaining("must be one line without control characters, found the control character U+000A");
    }

    @Test
    void aLinkPointsToAnotherTicketOfTheSameTenant() {
        Link foreign = new Link(LinkType.RELATED_TO, new TicketRef(TenantId.of("globex"), TicketId.of("tk-2"),
                new TicketNumber(TicketKind.INCIDENT, 2)));
        Link self = new Link(LinkType.RELATED_TO, new TicketRef(ACME, ID, new TicketNumber(TicketKind.INCIDENT, 1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new Linked(ACME, ID, ALICE, T0, 2, 2, foreign))
                .withMessage("a link must point to a ticket of the same tenant (acme), got RELATED_TO INC0000002@globex");
        assertThatIllegalArgumentException().isThrownBy(() -> new Unlinked(ACME, ID, ALICE, T0, 2, 2, self))
                .withMessage("a link must point to another ticket than tk-1, got RELATED_TO INC0000001@acme");
    }

    @Test
    void anApprovalIsRequestedPendingAndDecidedByItsIndex() {
        Approval decided = Approval.pending(1, ALICE, T0).decide(new ApprovalDecision(Verdict.APPROVED, ALICE, T0, ""));
        assertThatIllegalArgumentException().isThrownBy(() -> new ApprovalRequested(ACME, ID, ALICE, T0, 2, 2, decided))
                .withMessageStartingWith("an approval is requested pending; its decision is a later ApprovalDecided");
        assertThatIllegalArgumentException().isThrownBy(() -> new ApprovalDecided(ACME, ID, ALICE, T0, 2, 2, -1,
                decided.decision().orElseThrow()))
                .withMessage("an approval index counts from 0, got -1");
    }

    @Test
    void slaEventsNameTheirTargetCycleAndThreshold() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SlaWarned(ACME, ID, Party.ITSM_KIT, T0, 2, 1, "resolution", 1,
                100, T0)).withMessage("an SLA warning threshold is 1 to 99 percent of the goal (100 is the breach), got 100");
        assertThatIllegalArgumentException().isThrownBy(() -> new SlaWarned(ACME, ID, Party.ITSM_KIT, T0, 2, 1, "resolution", 1,
                0, T0)).withMessageEndingWith("got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new SlaWarned(ACME, ID, Party.ITSM_KIT, T0, 2, 1, "resolution", 0,
                50, T0)).withMessage("an SLA clock's cycle counts from 1, got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new SlaBreached(ACME, ID, Party.ITSM_KIT, T0, 2, 1, "resolution", 0,
                T0)).withMessage("an SLA clock's cycle counts from 1, got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new SlaBreached(ACME, ID, Party.ITSM_KIT, T0, 2, 1, "time to fix",
                1, T0)).withMessageStartingWith("SLA target name 'time to fix' has white space");
        assertThat(new SlaWarned(ACME, ID, Party.ITSM_KIT, T0, 2, 1, "resolution", 1, 99, T0).percent()).isEqualTo(99);
    }

    @Test
    void collectionsAreCopiedOnTheWayIn() {
        List<FieldChange> changes = new java.util.ArrayList<>(List.of(new FieldChange("cf_x", Optional.empty(),
                Optional.of(FieldValue.of(1)))));
        FieldsChanged event = new FieldsChanged(ACME, ID, ALICE, T0, 2, 2, changes);
        changes.clear();
        assertThat(event.changes()).hasSize(1);
        assertThatNullPointerException().isThrownBy(() -> new Commented(ACME, ID, ALICE, T0, 2, 2, null)).withMessage("entry");
    }
}
