package dev.itsmkit.core.event;

import static dev.itsmkit.core.DomainGenerators.commonOf;
import static dev.itsmkit.core.DomainGenerators.histories;
import static dev.itsmkit.core.DomainGenerators.tickets;
import static dev.itsmkit.core.DomainGenerators.withCommon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.itsmkit.core.Approval;
import dev.itsmkit.core.ApprovalDecision;
import dev.itsmkit.core.DomainGenerators;
import dev.itsmkit.core.DomainGenerators.Common;
import dev.itsmkit.core.DomainGenerators.History;
import dev.itsmkit.core.DomainGenerators.Saved;
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
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketEventsTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TicketId ID = TicketId.of("tk-1");
    private static final Party ALICE = Party.person("alice");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static Ticket newIncident() {
        return Ticket.builder(ACME, ID, new TicketNumber(TicketKind.INCIDENT, 1))
                .title("Mail is down").state(DomainGenerators.NEW).requester(ALICE).createdAt(T0).build();
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static StateChanged move(Ticket t, long sequence, TicketState from, TicketState to, int minutes) {
        return new StateChanged(ACME, ID, ALICE, at(minutes), sequence, t.version() + 1, from, to, "go");
    }

    // ---- replay ---------------------------------------------------------------------------------

    @Test
    void replayingAHistoryRebuildsEverySnapshotTheEngineSaved() {
        qt().withExamples(300).forAll(histories()).checkAssert(history -> {
            for (Saved saved : history.saved()) {
                assertThat(TicketEvents.replay(history.events().subList(0, saved.eventCount())))
                        .isEqualTo(saved.snapshot());
            }
        });
    }

    @Test
    void replayIsFoldingApplyOverTheEventsAfterCreation() {
        qt().withExamples(200).forAll(histories()).checkAssert(history -> {
            List<TicketEvent> events = history.events();
            Ticket folded = ((TicketCreated) events.get(0)).snapshot();
            for (TicketEvent event : events.subList(1, events.size())) {
                folded = TicketEvents.apply(folded, event);
            }
            assertThat(TicketEvents.replay(events)).isEqualTo(folded).isEqualTo(history.last());
        });
    }

    @Test
    void replayContinuesFromAnySavedSnapshot() {
        qt().withExamples(200).forAll(histories(), integers().between(0, 1000)).checkAssert((history, pick) -> {
            Saved from = history.saved().get(pick % history.saved().size());
            List<TicketEvent> later = history.events().subList(from.eventCount(), history.events().size());
            assertThat(TicketEvents.replay(from.snapshot(), from.eventCount(), later)).isEqualTo(history.last());
        });
    }

    @Test
    void replayRefusesATrailWithAGapOrOutOfOrder() {
        qt().withExamples(200).forAll(histories()).checkAssert(history -> {
            if (history.events().size() < 3) {
                return;
            }
            List<TicketEvent> gap = new ArrayList<>(history.events());
            gap.remove(1);
            assertThatIllegalStateException().isThrownBy(() -> TicketEvents.replay(gap))
                    .withMessageContaining("has a gap or is out of order: expected the event of sequence 2, got ");
            List<TicketEvent> swapped = new ArrayList<>(history.events());
            swapped.set(1, history.events().get(2));
            swapped.set(2, history.events().get(1));
            assertThatIllegalStateException().isThrownBy(() -> TicketEvents.replay(swapped))
                    .withMessageContaining("expected the event of sequence 2");
        });
    }

    @Test
    void replayNeedsATrailThatStartsWithTicketCreated() {
        Ticket t = newIncident();
        assertThatIllegalArgumentException().isThrownBy(() -> TicketEvents.replay(List.of()))
                .withMessage("a ticket's trail starts with TicketCreated; got no event");
        assertThatIllegalStateException()
                .isThrownBy(() -> TicketEvents.replay(List.of(move(t, 2, DomainGenerators.NEW, DomainGenerators.IN_PROGRESS, 1))))
                .withMessage("a ticket's trail starts with TicketCreated; got StateChanged #2 (version 2)");
    }

    @Test
    void aTicketCreatedEventIsNotAppliedToAnExistingSnapshot() {
        Ticket t = newIncident();
        TicketCreated created = new TicketCreated(ACME, ID, ALICE, T0, 1, 1, t);
        assertThatIllegalStateException().isThrownBy(() -> created.applyTo(t))
                .withMessage("TicketCreated #1 (version 1) starts ticket tk-1; it cannot be applied to INC0000001 at version 1;"
                        + " replay starts from its snapshot");
        assertThatIllegalStateException().isThrownBy(() -> TicketEvents.replay(List.of(created, created)))
                .withMessageContaining("expected the event of sequence 2");
    }

    // ---- apply: does the event belong and follow? ------------------------------------------------

    @Test
    void applyRefusesAnEventOfAnotherTicketOrTenant() {
        qt().withExamples(200).forAll(histories()).checkAssert(history -> {
            if (history.events().size() < 2) {
                return;
            }
            TicketEvent event = history.events().get(1);
            Ticket before = history.saved().get(0).snapshot();
            Common c = commonOf(event);
            TicketId otherId = TicketId.of(before.id().value() + "-other");
            TenantId otherTenant = TenantId.of(before.tenant().value() + "-other");
            for (Common moved : List.of(
                    new Common(c.tenant(), otherId, c.actor(), c.at(), c.sequence(), c.version()),
                    new Common(otherTenant, c.ticket(), c.actor(), c.at(), c.sequence(), c.version()))) {
                rebuildOrSkip(event, moved).ifPresent(foreign ->
                        assertThatIllegalStateException().isThrownBy(() -> foreign.applyTo(before))
                                .withMessageContaining(" belongs to ticket " + moved.ticket() + " of tenant " + moved.tenant()
                                        + ", not to " + before.number()));
            }
        });
    }

    /** A link into another tenant cannot be moved there; such an event is skipped. */
    private static Optional<TicketEvent> rebuildOrSkip(TicketEvent event, Common moved) {
        try {
            return Optional.of(withCommon(event, moved));
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
    }

    @Test
    void applyRefusesAnEventThatSkipsAVersionOrGoesBack() {
        qt().withExamples(200).forAll(histories()).checkAssert(history -> {
            if (history.saved().size() < 2) {
                return;
            }
            Saved first = history.saved().get(0);
            TicketEvent next = history.events().get(first.eventCount());
            Common c = commonOf(next);
            long stale = first.snapshot().version() + 2;
            TicketEvent skipping = withCommon(next, new Common(c.tenant(), c.ticket(), c.actor(), c.at(),
                    Math.max(c.sequence(), stale), stale));
            assertThatIllegalStateException().isThrownBy(() -> skipping.applyTo(first.snapshot()))
                    .withMessageContaining("does not follow the snapshot of " + first.snapshot().number() + " at version 1");
        });
    }

    @Test
    void applyRefusesAFieldChangeWhoseValueBeforeIsStale() {
        qt().withExamples(300).forAll(histories()).checkAssert(history -> {
            for (int i = 1; i < history.events().size(); i++) {
                if (history.events().get(i) instanceof FieldsChanged changed) {
                    Ticket before = TicketEvents.replay(history.events().subList(0, i));
                    FieldChange first = changed.changes().get(0);
                    Optional<FieldValue> stale = Optional.of(new FieldValue.Text("stale " + first.before()));
                    List<FieldChange> changes = new ArrayList<>(changed.changes());
                    changes.set(0, new FieldChange(first.field(), stale, first.before().equals(first.after())
                            ? Optional.empty() : first.after()));
                    FieldsChanged staleEvent = new FieldsChanged(changed.tenant(), changed.ticket(), changed.actor(),
                            changed.at(), changed.sequence(), changed.version(), changes);
                    assertThatIllegalStateException().isThrownBy(() -> staleEvent.applyTo(before))
                            .withMessageContaining("does not follow the snapshot of " + before.number())
                            .withMessageContaining("field " + first.field() + " was ");
                    return;
                }
            }
        });
    }

    @Test
    void aStaleFieldChangeNamesTheFieldAndBothValues() {
        Ticket t = newIncident();
        FieldsChanged event = new FieldsChanged(ACME, ID, ALICE, at(5), 2, 2, List.of(
                new FieldChange("title", Optional.of(new FieldValue.Text("Mail is slow")),
                        Optional.of(new FieldValue.Text("Mail is dead")))));
        assertThatIllegalStateException().isThrownBy(() -> event.applyTo(t))
                .withMessage("FieldsChanged #2 (version 2) does not follow the snapshot of INC0000001 at version 1: field"
                        + " title was Text[value=Mail is down], but the event changes it from Text[value=Mail is slow]");
    }

    @Test
    void aFieldChangeTheTicketRefusesDoesNotFollowTheSnapshot() {
        Ticket t = newIncident();
        FieldsChanged event = new FieldsChanged(ACME, ID, ALICE, at(5), 2, 2, List.of(
                new FieldChange("rootCause", Optional.empty(), Optional.of(new FieldValue.Text("DNS")))));
        assertThatIllegalStateException().isThrownBy(() -> event.applyTo(t))
                .withMessageContaining("FieldsChanged #2 (version 2) does not follow the snapshot of INC0000001 at version 1:"
                        + " the result breaks the ticket's rules")
                .withMessageContaining("rootCause: is not a field of a INCIDENT");
    }

    @Test
    void applyingSetsTheEventsVersionAndInstant() {
        qt().withExamples(200).forAll(histories()).checkAssert(history -> {
            Ticket t = ((TicketCreated) history.events().get(0)).snapshot();
            for (TicketEvent event : history.events().subList(1, history.events().size())) {
                Ticket after = event.applyTo(t);
                if (event instanceof SlaWarned || event instanceof SlaBreached) {
                    assertThat(after).isSameAs(t);
                } else {
                    assertThat(after.version()).isEqualTo(event.version());
                    assertThat(after.updatedAt()).isEqualTo(event.at());
                }
                t = after;
            }
        });
    }

    // ---- SLA events ----------------------------------------------------------------------------

    @Test
    void slaEventsLeaveTheSnapshotAsItIs() {
        qt().forAll(tickets(), DomainGenerators.slaWarnedEvents(), DomainGenerators.slaBreachedEvents())
                .checkAssert((ticket, warned, breached) -> {
                    for (TicketEvent sla : List.of(warned, breached)) {
                        Common c = commonOf(sla);
                        TicketEvent observed = withCommon(sla, new Common(ticket.tenant(), ticket.id(), c.actor(), c.at(),
                                ticket.version() + 3, ticket.version()));
                        assertThat(observed.applyTo(ticket)).isSameAs(ticket);
                    }
                });
    }

    @Test
    void anSlaEventCarriesTheVersionItObserved() {
        Ticket t = newIncident();
        SlaBreached breached = new SlaBreached(ACME, ID, Party.ITSM_KIT, at(60), 2, 2, "resolution", 1, at(60));
        assertThatIllegalStateException().isThrownBy(() -> breached.applyTo(t))
                .withMessage("SlaBreached #2 (version 2) does not follow the snapshot of INC0000001 at version 1: an SLA event"
                        + " carries the version it observed, which is the snapshot's (1)");
    }

    // ---- state changes -------------------------------------------------------------------------

    @Test
    void resolvingRecordsTheResolutionTimeReopeningClearsItAndClosingRecordsTheClosingTime() {
        Ticket created = newIncident();
        Ticket started = move(created, 2, DomainGenerators.NEW, DomainGenerators.IN_PROGRESS, 1).applyTo(created);
        Ticket resolved = move(started, 3, DomainGenerators.IN_PROGRESS, DomainGenerators.RESOLVED, 2).applyTo(started);
        assertThat(resolved.resolvedAt()).contains(at(2));
        Ticket reopened = move(resolved, 4, DomainGenerators.RESOLVED, DomainGenerators.IN_PROGRESS, 3).applyTo(resolved);
        assertThat(reopened.resolvedAt()).isEmpty();
        Ticket resolvedAgain = move(reopened, 5, DomainGenerators.IN_PROGRESS, DomainGenerators.RESOLVED, 4).applyTo(reopened);
        Ticket closed = move(resolvedAgain, 6, DomainGenerators.RESOLVED, DomainGenerators.CLOSED, 5).applyTo(resolvedAgain);
        assertThat(closed.resolvedAt()).contains(at(4));
        assertThat(closed.closedAt()).contains(at(5));
        assertThat(closed.state()).isEqualTo(DomainGenerators.CLOSED);
        assertThat(closed.version()).isEqualTo(6);
    }

    @Test
    void movingBetweenTwoResolvedStatesKeepsTheResolutionTime() {
        TicketState confirmed = TicketState.of("CONFIRMED", dev.itsmkit.core.StateCategory.RESOLVED);
        Ticket created = newIncident();
        Ticket resolved = move(created, 2, DomainGenerators.NEW, DomainGenerators.RESOLVED, 1).applyTo(created);
        Ticket confirmedTicket = move(resolved, 3, DomainGenerators.RESOLVED, confirmed, 2).applyTo(resolved);
        assertThat(confirmedTicket.resolvedAt()).contains(at(1));
    }

    @Test
    void aStateChangeFromAnotherStateThanTheTicketsIsRefused() {
        Ticket t = newIncident();
        StateChanged event = move(t, 2, DomainGenerators.IN_PROGRESS, DomainGenerators.RESOLVED, 1);
        assertThatIllegalStateException().isThrownBy(() -> event.applyTo(t))
                .withMessage("StateChanged #2 (version 2) does not follow the snapshot of INC0000001 at version 1: it leaves"
                        + " the state IN_PROGRESS(OPEN) but the ticket is in NEW(NEW)");
    }

    // ---- the other events ----------------------------------------------------------------------

    @Test
    void assignmentChecksWhoWasAssignedBefore() {
        Ticket t = newIncident();
        Assigned wrong = new Assigned(ACME, ID, ALICE, at(1), 2, 2, Optional.of(ALICE), Optional.empty(),
                Optional.of(Party.person("bob")), Optional.empty());
        assertThatIllegalStateException().isThrownBy(() -> wrong.applyTo(t))
                .withMessageEndingWith("it reassigns from assignee person:bob and group none, but the ticket has assignee none"
                        + " and group none");
        Assigned right = new Assigned(ACME, ID, ALICE, at(1), 2, 2, Optional.of(ALICE), Optional.of(Party.group("network")),
                Optional.empty(), Optional.empty());
        Ticket assigned = right.applyTo(t);
        assertThat(assigned.assignee()).contains(ALICE);
        assertThat(assigned.assignmentGroup()).contains(Party.group("network"));
    }

    @Test
    void aPriorityChangeChecksThePriorityBeforeAndMayOverride() {
        Ticket t = newIncident();
        PriorityChanged wrong = new PriorityChanged(ACME, ID, ALICE, at(1), 2, 2, Impact.of(1), Urgency.of(1), Priority.of(2),
                Priority.of(1), Optional.empty());
        assertThatIllegalStateException().isThrownBy(() -> wrong.applyTo(t))
                .withMessageEndingWith("it changes the priority from P2, but the ticket's priority is P3");
        PriorityChanged overridden = new PriorityChanged(ACME, ID, ALICE, at(1), 2, 2, Impact.of(2), Urgency.of(3),
                Priority.of(3), Priority.of(1), Optional.of("CEO's laptop"));
        Ticket after = overridden.applyTo(t);
        assertThat(after.impact()).isEqualTo(Impact.of(2));
        assertThat(after.urgency()).isEqualTo(Urgency.of(3));
        assertThat(after.priority()).isEqualTo(Priority.of(1));
        assertThat(after.priorityOverrideReason()).contains("CEO's laptop");
        PriorityChanged derived = new PriorityChanged(ACME, ID, ALICE, at(2), 3, 3, Impact.of(2), Urgency.of(2),
                Priority.of(1), Priority.of(3), Optional.empty());
        assertThat(derived.applyTo(after).priorityOverrideReason()).isEmpty();
    }

    @Test
    void linkingTwiceAndUnlinkingWhatIsNotLinkedAreRefused() {
        Ticket t = newIncident();
        Link link = new Link(LinkType.INCIDENT_OF_PROBLEM, new TicketRef(ACME, TicketId.of("tk-9"),
                new TicketNumber(TicketKind.PROBLEM, 9)));
        Ticket linked = new Linked(ACME, ID, ALICE, at(1), 2, 2, link).applyTo(t);
        assertThat(linked.links()).containsExactly(link);
        assertThatIllegalStateException().isThrownBy(() -> new Linked(ACME, ID, ALICE, at(2), 3, 3, link).applyTo(linked))
                .withMessageEndingWith("the ticket is linked already: INCIDENT_OF_PROBLEM PRB0000009@acme");
        Ticket unlinked = new Unlinked(ACME, ID, ALICE, at(2), 3, 3, link).applyTo(linked);
        assertThat(unlinked.links()).isEmpty();
        assertThatIllegalStateException().isThrownBy(() -> new Unlinked(ACME, ID, ALICE, at(3), 4, 4, link).applyTo(unlinked))
                .withMessageEndingWith("the ticket has no link INCIDENT_OF_PROBLEM PRB0000009@acme; its links are []");
    }

    @Test
    void aLinkTheTicketsKindDoesNotAllowDoesNotFollowTheSnapshot() {
        Ticket t = newIncident();
        Link link = new Link(LinkType.CHANGE_RESOLVES, new TicketRef(ACME, TicketId.of("tk-9"),
                new TicketNumber(TicketKind.INCIDENT, 9)));
        assertThatIllegalStateException().isThrownBy(() -> new Linked(ACME, ID, ALICE, at(1), 2, 2, link).applyTo(t))
                .withMessageContaining("the result breaks the ticket's rules")
                .withMessageContaining("links[0].type: is not allowed from a INCIDENT to a INCIDENT");
    }

    @Test
    void decidingAnApprovalNeedsAPendingApprovalAtThatIndex() {
        Ticket t = newIncident();
        Ticket asked = new ApprovalRequested(ACME, ID, ALICE, at(1), 2, 2, Approval.pending(1, Party.group("cab"), at(1)))
                .applyTo(t);
        ApprovalDecision yes = new ApprovalDecision(Verdict.APPROVED, Party.person("carol"), at(2), "fine");
        assertThatIllegalStateException().isThrownBy(() -> new ApprovalDecided(ACME, ID, ALICE, at(2), 3, 3, 1, yes).applyTo(asked))
                .withMessageEndingWith("it decides approval 1, but the ticket has 1 approval");
        Ticket decided = new ApprovalDecided(ACME, ID, ALICE, at(2), 3, 3, 0, yes).applyTo(asked);
        assertThat(decided.approvals().get(0).decision()).contains(yes);
        assertThatIllegalStateException().isThrownBy(() -> new ApprovalDecided(ACME, ID, ALICE, at(3), 4, 4, 0, yes).applyTo(decided))
                .withMessageEndingWith("approval 0 (of group:cab) was decided already: APPROVED");
    }

    @Test
    void aDecisionBeforeTheRequestDoesNotFollowTheSnapshot() {
        Ticket t = newIncident();
        Ticket asked = new ApprovalRequested(ACME, ID, ALICE, at(10), 2, 2, Approval.pending(1, ALICE, at(10))).applyTo(t);
        ApprovalDecision early = new ApprovalDecision(Verdict.REJECTED, ALICE, at(5), "");
        assertThatIllegalStateException().isThrownBy(() -> new ApprovalDecided(ACME, ID, ALICE, at(11), 3, 3, 0, early)
                .applyTo(asked)).withMessageContaining("cannot be decided");
    }

    @Test
    void aCommentIsAddedAtTheEndOfTheJournal() {
        qt().withExamples(200).forAll(histories()).checkAssert(history -> {
            for (int i = 1; i < history.events().size(); i++) {
                if (history.events().get(i) instanceof Commented commented) {
                    Ticket before = TicketEvents.replay(history.events().subList(0, i));
                    Ticket after = commented.applyTo(before);
                    assertThat(after.journal()).hasSize(before.journal().size() + 1).endsWith(commented.entry());
                }
            }
        });
    }

    @Test
    void historiesExerciseEveryEventType() {
        List<Class<?>> seen = new ArrayList<>();
        qt().withExamples(300).forAll(histories()).checkAssert((History h) ->
                h.events().forEach(e -> {
                    if (!seen.contains(e.getClass())) {
                        seen.add(e.getClass());
                    }
                }));
        assertThat(seen).containsExactlyInAnyOrder(TicketEvent.class.getPermittedSubclasses());
    }
}
