package dev.itsmkit.workflow;

import static dev.itsmkit.workflow.Fixtures.AGENT;
import static dev.itsmkit.workflow.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.Verdict;
import dev.itsmkit.sla.TicketView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Random walks through the built-in lifecycles: each step changes the ticket at random (fields set
 * or cleared, approvals decided, the actor's permissions, the instant), then asks for a random
 * transition. Whatever happens, the ticket stays in a state its lifecycle defines, and the gate's
 * decision agrees with an independent reading of every guard.
 */
class LifecycleWalkPropertiesTest {
    private static final List<Lifecycle> LIFECYCLES = List.of(Lifecycles.itilIncident(), Lifecycles.itilServiceRequest(),
            Lifecycles.itilProblem(), Lifecycles.itilChange(ApprovalPolicy.quorum(2)), Lifecycles.itilTask());
    private static final Instant WINDOW_START = T0.plus(Duration.ofHours(1));
    /** Instants of the walk, as minutes after T0: before the change window, at its start, inside, at its end. */
    private static final long[] NOW_MINUTES = {0, 60, 90, 119, 120};
    private static final Map<String, List<Map.Entry<String, FieldValue>>> FIELDS = Map.of(
            "itil-incident", List.of(text("holdReason", "AWAITING_CALLER"), text("resolutionCode", "FIXED"),
                    text("resolutionNotes", "Rebooted")),
            "itil-service-request", List.of(text("category", "hardware")),
            "itil-problem", List.of(text("workaround", "Restart"), text("rootCause", "Leak")),
            "itil-task", List.of(text("category", "hardware")),
            "itil-change", List.of(text("changeType", "STANDARD"), text("changeType", "NORMAL"), text("changeType", "EMERGENCY"),
                    text("implementationPlan", "Plan"), text("backoutPlan", "Undo"),
                    Map.entry("acceptanceCriteria", new FieldValue.Multi(List.of(new FieldValue.Text("Works")))),
                    text(Lifecycles.GO_NO_GO, "GO"), text(Lifecycles.GO_NO_GO, "NO_GO"), text(Lifecycles.REVIEW_OUTCOME, "OK"),
                    Map.entry("plannedStart", new FieldValue.Timestamp(WINDOW_START))));

    private static Map.Entry<String, FieldValue> text(String field, String value) {
        return Map.entry(field, new FieldValue.Text(value));
    }

    @Test
    void randomWalksNeverLeaveTheLifecycleAndNeverPassAFailingGuard() {
        qt().withExamples(400).forAll(integers().between(0, LIFECYCLES.size() - 1),
                lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 60))
                .checkAssert(this::walk);
    }

    @Test
    void randomWalksReachEveryStateOfEveryBuiltInLifecycle() {
        for (int which = 0; which < LIFECYCLES.size(); which++) {
            Lifecycle lifecycle = LIFECYCLES.get(which);
            java.util.Set<String> seen = new java.util.HashSet<>();
            java.util.Random random = new java.util.Random(42);
            for (int run = 0; run < 200; run++) {
                List<Integer> steps = random.ints(60, 0, Integer.MAX_VALUE).boxed().toList();
                seen.addAll(walk(which, steps));
            }
            assertThat(seen).as(lifecycle.id()).containsExactlyInAnyOrderElementsOf(
                    lifecycle.states().stream().map(LifecycleState::name).toList());
        }
    }

    private List<String> walk(int which, List<Integer> steps) {
        Lifecycle lifecycle = LIFECYCLES.get(which);
        List<String> names = lifecycle.transitions().stream().map(Transition::name).distinct().toList();
        List<Map.Entry<String, FieldValue>> fields = FIELDS.get(lifecycle.id());
        List<String> visited = new java.util.ArrayList<>();
        Ticket ticket = Fixtures.newTicket(lifecycle);
        // Start with some fields already set, chosen by the bits of the first step, so walks get far.
        for (int i = 0; i < fields.size(); i++) {
            if ((steps.get(0) >> i & 1) == 1) {
                ticket = set(ticket, fields.get(i));
            }
        }
        visited.add(ticket.state().name());
        for (int r : steps) {
            ticket = mutate(ticket, r, fields);
            TransitionAuthorizer authorizer = (r / 13) % 2 == 0 ? TransitionAuthorizer.permitAll() : TransitionAuthorizer.denyAll();
            Instant now = T0.plus(Duration.ofMinutes(NOW_MINUTES[(r / 17) % NOW_MINUTES.length]));
            // Mostly a transition the state offers (preferring those that do not finish the ticket, so
            // walks get far), a quarter of the time any name of the lifecycle.
            List<Transition> offered = lifecycle.allowedFrom(ticket.state());
            List<Transition> onward = offered.stream()
                    .filter(t -> !lifecycle.state(t.to()).orElseThrow().category().isFinal()).toList();
            int mode = (r / 5) % 4;
            List<Transition> pool = mode < 2 && !onward.isEmpty() ? onward : mode < 3 ? offered : List.of();
            String name = pool.isEmpty() ? names.get((r / 11) % names.size()) : pool.get((r / 11) % pool.size()).name();
            TransitionDecision decision = lifecycle.evaluate(ticket, name, AGENT, now, authorizer);
            if (decision instanceof TransitionDecision.Allowed allowed) {
                Transition t = allowed.transition();
                assertThat(t.name()).isEqualTo(name);
                assertThat(t.from()).contains(ticket.state().name());
                assertThat(allowed.from()).isEqualTo(ticket.state());
                for (Guard guard : t.guards()) {
                    assertThat(holds(guard, ticket, now, authorizer)).as("guard %s passed on %s", guard.describe(), ticket)
                            .isTrue();
                }
                ticket = Fixtures.apply(ticket, allowed);
                visited.add(ticket.state().name());
            } else {
                TransitionDecision.Refused refused = (TransitionDecision.Refused) decision;
                Optional<Transition> defined = lifecycle.transitions().stream()
                        .filter(t -> t.name().equals(name) && t.from().contains(refused.from().name())).findFirst();
                assertThat(refused.allowed()).containsExactlyElementsOf(
                        lifecycle.allowedFrom(ticket.state()).stream().map(Transition::name).toList());
                if (refused.reason() == RefusalReason.NO_SUCH_TRANSITION) {
                    assertThat(defined).isEmpty();
                } else {
                    assertThat(refused.reason()).isEqualTo(RefusalReason.GUARD_FAILED);
                    List<Guard> guards = defined.orElseThrow().guards();
                    Guard failed = refused.guard().orElseThrow();
                    assertThat(holds(failed, ticket, now, authorizer)).as("the refusing guard %s fails", failed).isFalse();
                    for (Guard before : guards.subList(0, guards.indexOf(failed))) {
                        assertThat(holds(before, ticket, now, authorizer)).isTrue();
                    }
                }
            }
            assertThat(lifecycle.defines(ticket.state())).as("%s is a state of %s", ticket.state(), lifecycle.id()).isTrue();
        }
        return visited;
    }

    private static Ticket mutate(Ticket ticket, int r, List<Map.Entry<String, FieldValue>> fields) {
        switch (r % 3) {
            case 0 -> {
                Map.Entry<String, FieldValue> field = fields.get((r / 3) % fields.size());
                boolean clear = (r / 7) % 4 == 0 && !field.getKey().equals("changeType");
                return clear ? Fixtures.without(ticket, field.getKey()) : set(ticket, field);
            }
            case 1 -> {
                int bits = r / 3;
                Verdict[] verdicts = new Verdict[1 + bits % 3];
                for (int i = 0; i < verdicts.length; i++) {
                    int pick = (bits >> (2 + 2 * i)) & 3;
                    verdicts[i] = pick == 0 ? null : pick == 3 ? Verdict.REJECTED : Verdict.APPROVED;
                }
                return Fixtures.withApprovals(ticket, verdicts);
            }
            default -> {
                return ticket;
            }
        }
    }

    private static Ticket set(Ticket ticket, Map.Entry<String, FieldValue> field) {
        return field.getKey().equals("plannedStart") ? Fixtures.withWindow(ticket, WINDOW_START, Duration.ofHours(1))
                : Fixtures.with(ticket, field.getKey(), field.getValue());
    }

    /** An independent reading of a guard, from the ticket's own values. */
    private static boolean holds(Guard guard, Ticket ticket, Instant now, TransitionAuthorizer authorizer) {
        if (guard instanceof Guard.FieldsRequired required) {
            return required.fields().stream().allMatch(f -> ticket.field(f).filter(v -> !(v instanceof FieldValue.Text t
                    && t.value().isBlank())).isPresent());
        }
        if (guard instanceof Guard.ConditionHolds holds) {
            return holds.condition().test(TicketView.of(ticket));
        }
        if (guard instanceof Guard.ApprovalsDecided decided) {
            return decided.policy().decide(ticket.approvals()).name().equals(decided.verdict().name());
        }
        if (guard instanceof Guard.PermissionHeld permission) {
            return authorizer.permits(AGENT, permission.permission(), ticket);
        }
        if (guard instanceof Guard.ChildrenFinished) {
            // evaluated without the children at hand: only a ticket without children passes
            return ticket.links().stream().noneMatch(l -> l.type() == dev.itsmkit.core.LinkType.PARENT_OF);
        }
        return ticket.change().plannedWindow().map((TimeWindow w) -> !now.isBefore(w.start()) && now.isBefore(w.end()))
                .orElse(false);
    }
}
