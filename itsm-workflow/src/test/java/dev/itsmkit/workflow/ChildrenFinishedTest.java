package dev.itsmkit.workflow;

import static dev.itsmkit.workflow.DeskFixtures.ACME;
import static dev.itsmkit.workflow.DeskFixtures.ALICE;
import static dev.itsmkit.workflow.DeskFixtures.BOB;
import static dev.itsmkit.workflow.DeskFixtures.T0;
import static dev.itsmkit.workflow.DeskFixtures.open;
import static dev.itsmkit.workflow.DeskFixtures.picture;
import static dev.itsmkit.workflow.DeskFixtures.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.Link;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketRef;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.Verdict;
import dev.itsmkit.core.command.DecideApproval;
import dev.itsmkit.core.command.RequestApprovals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The guard that waits for a ticket's children: on a lifecycle alone, and on the request's {@code complete} through the desk. */
class ChildrenFinishedTest {

    @Nested
    class OnALifecycle {
        final Lifecycle request = Lifecycles.itilServiceRequest();
        final TenantId acme = TenantId.of("acme");

        Ticket task(int number, TicketState state) {
            return Ticket.builder(acme, TicketId.of("task-" + number), new TicketNumber(TicketKind.TASK, number))
                    .title("Fulfil").state(state).requester(Party.person("alice")).createdAt(T0).build();
        }

        Ticket inFulfilment(Ticket... children) {
            List<Link> links = new ArrayList<>();
            for (Ticket child : children) {
                links.add(new Link(LinkType.PARENT_OF, child.ref()));
            }
            links.add(new Link(LinkType.RELATED_TO, task(99, new TicketState("OPEN", StateCategory.NEW)).ref()));
            return Ticket.builder(acme, TicketId.of("r-1"), new TicketNumber(TicketKind.SERVICE_REQUEST, 1)).title("Laptop")
                    .state(new TicketState("FULFILMENT", StateCategory.OPEN)).requester(Party.person("alice")).createdAt(T0)
                    .links(links).build();
        }

        TransitionDecision complete(Ticket ticket, Ticket... known) {
            Map<TicketRef, Ticket> byRef = new java.util.HashMap<>();
            for (Ticket t : known) {
                byRef.put(t.ref(), t);
            }
            return request.evaluate(ticket, "complete", Party.person("agent"), T0, TransitionAuthorizer.permitAll(),
                    ref -> Optional.ofNullable(byRef.get(ref)));
        }

        @Test
        void aRequestWithoutChildrenCompletesWithOrWithoutALookup() {
            Ticket alone = inFulfilment();
            assertThat(complete(alone)).isInstanceOf(TransitionDecision.Allowed.class);
            assertThat(request.evaluate(alone, "complete", Party.person("agent"), T0, TransitionAuthorizer.permitAll()))
                    .as("a related-to link is no child").isInstanceOf(TransitionDecision.Allowed.class);
        }

        @Test
        void anOpenChildRefusesAndIsNamedWithItsState() {
            Ticket working = task(1, new TicketState("IN_PROGRESS", StateCategory.OPEN));
            Ticket done = task(2, new TicketState("CLOSED_COMPLETE", StateCategory.CLOSED));
            TransitionDecision decision = complete(inFulfilment(working, done), working, done);
            assertThat(decision).isInstanceOfSatisfying(TransitionDecision.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo(RefusalReason.GUARD_FAILED);
                assertThat(r.guard()).contains(Guard.childrenFinished());
                assertThat(r.message()).isEqualTo("the child ticket TASK0000001 (IN_PROGRESS, OPEN) is not finished;"
                        + " a child is finished when closed or cancelled");
            });
        }

        @Test
        void closedAndCancelledChildrenAreFinishedButAResolvedOrMissingOneIsNot() {
            Ticket done = task(1, new TicketState("CLOSED_COMPLETE", StateCategory.CLOSED));
            Ticket cancelled = task(2, new TicketState("CANCELLED", StateCategory.CANCELLED));
            assertThat(complete(inFulfilment(done, cancelled), done, cancelled)).isInstanceOf(TransitionDecision.Allowed.class);
            Ticket resolved = task(3, new TicketState("RESOLVED", StateCategory.RESOLVED));
            Ticket missing = task(4, new TicketState("OPEN", StateCategory.NEW));
            assertThat(complete(inFulfilment(done, resolved, missing), done, resolved))
                    .isInstanceOfSatisfying(TransitionDecision.Refused.class, r -> assertThat(r.message())
                            .startsWith("the child tickets TASK0000003 (RESOLVED, RESOLVED), TASK0000004 (not found) are not finished"));
        }

        @Test
        void withoutALookupATicketWithChildrenIsRefusedRatherThanPassedUnchecked() {
            Ticket done = task(1, new TicketState("CLOSED_COMPLETE", StateCategory.CLOSED));
            assertThat(request.evaluate(inFulfilment(done), "complete", Party.person("agent"), T0,
                    TransitionAuthorizer.permitAll())).isInstanceOfSatisfying(TransitionDecision.Refused.class,
                            r -> assertThat(r.message()).contains("[TASK0000001]", "evaluate the lifecycle with RelatedTickets"));
            assertThat(request.evaluate(inFulfilment(done), "complete", Party.person("agent"), T0,
                    TransitionAuthorizer.permitAll(), RelatedTickets.none())).isInstanceOf(TransitionDecision.Refused.class);
        }

        @Test
        void theGuardsBeforeTheChildrenAreStillCheckedFirst() {
            Lifecycle strict = request.toBuilder().removeTransition("complete")
                    .transition(Transition.builder("complete").from("FULFILMENT").to("FULFILLED")
                            .guard(Guard.childrenFinished(), Guard.requiresFields("description")))
                    .build();
            Ticket done = task(1, new TicketState("CLOSED_COMPLETE", StateCategory.CLOSED));
            assertThat(strict.evaluate(inFulfilment(done), "complete", Party.person("agent"), T0,
                    TransitionAuthorizer.permitAll(), ref -> Optional.of(done)))
                    .isInstanceOfSatisfying(TransitionDecision.Refused.class,
                            r -> assertThat(r.guard()).contains(Guard.requiresFields("description")));
        }

        @Test
        void theGuardIsDescribedInTheDiagrams() {
            assertThat(LifecycleDiagrams.mermaid(request)).contains("FULFILMENT --> FULFILLED: complete [children finished]");
            assertThat(LifecycleDiagrams.dot(request)).contains("[label=\"complete [children finished]\"]");
        }
    }

    @Nested
    class ThroughTheDesk {
        final MutableClock clock = new MutableClock(T0);
        final ServiceDesk desk = ServiceDesk.inMemory(clock);

        /** A request in fulfilment, and its task. */
        List<Ticket> inFulfilment() {
            Ticket request = desk.open(open(TicketKind.SERVICE_REQUEST, "New laptop")).ticket();
            desk.execute(transition(request.id(), "submitForApproval"));
            desk.execute(new RequestApprovals(ACME, ALICE, request.id(), OptionalLong.empty(), 1, List.of(BOB)));
            desk.execute(new DecideApproval(ACME, BOB, request.id(), OptionalLong.empty(), BOB, Verdict.APPROVED, ""));
            desk.execute(transition(request.id(), "approve"));
            CommandResult fulfil = desk.execute(transition(request.id(), "fulfil"));
            return List.of(fulfil.ticket(), fulfil.alsoChanged().get(0));
        }

        @Test
        void aRequestCannotBeCompletedWhileItsTaskIsOpenAndNothingIsWritten() {
            List<Ticket> both = inFulfilment();
            Ticket request = both.get(0);
            Ticket task = both.get(1);
            desk.execute(transition(task.id(), "start"));
            List<Object> before = picture(desk, ACME);
            assertThatThrownBy(() -> desk.execute(transition(request.id(), "complete")))
                    .isInstanceOfSatisfying(TransitionRefusedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(RefusalReason.GUARD_FAILED);
                        assertThat(e.rule()).isEqualTo("children finished");
                        assertThat(e.getMessage()).contains("the child ticket " + task.number() + " (IN_PROGRESS, OPEN) is not finished");
                    });
            assertThat(picture(desk, ACME)).isEqualTo(before);
        }

        @Test
        void aRequestIsCompletedOnceItsTaskIsDone() {
            List<Ticket> both = inFulfilment();
            desk.execute(transition(both.get(1).id(), "complete"));
            Ticket fulfilled = desk.execute(transition(both.get(0).id(), "complete")).ticket();
            assertThat(fulfilled.state()).isEqualTo(new TicketState("FULFILLED", StateCategory.RESOLVED));
        }

        @Test
        void aCancelledTaskDoesNotHoldTheRequestBack() {
            List<Ticket> both = inFulfilment();
            desk.execute(transition(both.get(1).id(), "cancel"));
            assertThat(desk.execute(transition(both.get(0).id(), "complete")).ticket().state().name()).isEqualTo("FULFILLED");
        }
    }
}
