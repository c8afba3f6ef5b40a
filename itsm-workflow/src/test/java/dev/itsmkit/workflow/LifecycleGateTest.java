package dev.itsmkit.workflow;

import static dev.itsmkit.workflow.Fixtures.AGENT;
import static dev.itsmkit.workflow.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The gate's lookup, pair by pair: {@link Lifecycle#evaluate} finds a transition from a state through a
 * table keyed by the lengths of the two names, with the pairs whose names have equal lengths chained.
 * These tests build lifecycles whose names share their lengths (so most pairs meet in the table) and
 * check every pair of state and name, asked with the lifecycle's own strings and with equal strings of
 * other references, against the definition: the transition and target of an allowed step, the failing
 * guard of a refused one, the transitions offered when the state has no transition of that name.
 */
class LifecycleGateTest {
    private static final String GUARDED = "held.permission";
    private static final TransitionAuthorizer HOLDS_IT = TransitionAuthorizer.permitAll();
    private static final TransitionAuthorizer LACKS_IT = TransitionAuthorizer.denyAll();

    @Test
    void everyPairOfALifecycleWhoseNamesAllShareTheirLengthsIsDecidedAsDefined() {
        // every state name has 3 letters and every transition name 3 letters: one key for all pairs
        List<String> states = List.of("NEW", "ONE", "TWO", "SIX", "TEN", "END");
        List<String> names = List.of("aaa", "aab", "aba", "baa", "abb", "bab", "bba");
        Lifecycle lifecycle = lifecycle(states, names, List.of(0b111111, 0b010101, 0b101010, 0b000111, 0b111000,
                0b100001, 0b011110), List.of(1, 2, 3, 4, 0, 5, 2));
        checkEveryPair(lifecycle, names);
    }

    @Test
    void everyPairOfRandomLifecyclesWithShortNamesIsDecidedAsDefined() {
        // names of one to four letters over a two-letter alphabet: many pairs share their lengths
        qt().withExamples(150).forAll(integers().between(2, 7), lists().of(integers().between(0, Integer.MAX_VALUE))
                .ofSizeBetween(1, 14)).checkAssert((stateCount, seeds) -> {
                    List<String> states = new ArrayList<>();
                    for (int i = 0; i < stateCount; i++) {
                        states.add("S" + "X".repeat(i % 3) + i);
                    }
                    Set<String> names = new LinkedHashSet<>();
                    List<Integer> froms = new ArrayList<>();
                    List<Integer> tos = new ArrayList<>();
                    for (int seed : seeds) {
                        String name = shortName(seed);
                        if (names.add(name)) {
                            froms.add(seed >>> 8);
                            tos.add((seed >>> 20) % stateCount);
                        }
                    }
                    List<String> nameList = List.copyOf(names);
                    checkEveryPair(lifecycle(states, nameList, froms, tos), nameList);
                });
    }

    @Test
    void aTransitionWithSeveralGuardsIsRefusedByTheFirstThatFails() {
        Lifecycle lifecycle = Lifecycle.builder("gate-guards", TicketKind.INCIDENT)
                .initialState("NEW", StateCategory.NEW).state("END", StateCategory.CLOSED)
                .transition(Transition.builder("finish").from("NEW").to("END").guard(Guard.permission("first.permission"),
                        Guard.requiresFields("resolutionCode"), Guard.permission("third.permission")))
                .build();
        Ticket ticket = Fixtures.newTicket(lifecycle);
        TransitionDecision.Refused second = refused(lifecycle.evaluate(ticket, "finish", AGENT, T0,
                TransitionAuthorizer.granting(Map.of(AGENT, Set.of("first.permission", "third.permission")))));
        assertThat(second.guard()).contains(Guard.requiresFields("resolutionCode"));
        Ticket coded = Fixtures.withText(ticket, "resolutionCode", "fixed");
        TransitionDecision.Refused third = refused(lifecycle.evaluate(coded, "finish", AGENT, T0,
                TransitionAuthorizer.granting(Map.of(AGENT, Set.of("first.permission")))));
        assertThat(third.guard()).contains(Guard.permission("third.permission"));
        assertThat(lifecycle.evaluate(coded, "finish", AGENT, T0, HOLDS_IT).isAllowed()).isTrue();
    }

    private static String shortName(int seed) {
        int length = 1 + (seed & 3);
        StringBuilder name = new StringBuilder("t");
        for (int i = 0; i < length; i++) {
            name.append((seed >>> (2 + i) & 1) == 0 ? 'a' : 'b');
        }
        return name.toString();
    }

    /**
     * A lifecycle over the states (the first initial, the last final, the others open), with a
     * transition {@code next} from each state to the following one, and for each name a transition from
     * the non-final states whose bit is set in {@code froms} (at least the first) to the state of index
     * {@code tos}; every third of those requires a permission.
     */
    private static Lifecycle lifecycle(List<String> states, List<String> names, List<Integer> froms, List<Integer> tos) {
        int last = states.size() - 1;
        Lifecycle.Builder b = Lifecycle.builder("gate-test", TicketKind.INCIDENT).initialState(states.get(0), StateCategory.NEW);
        for (int i = 1; i < last; i++) {
            b.state(states.get(i), StateCategory.OPEN);
        }
        b.state(states.get(last), StateCategory.CLOSED);
        for (int i = 0; i < last; i++) {
            b.transition(Transition.builder("next").from(states.get(i)).to(states.get(i + 1)));
        }
        for (int n = 0; n < names.size(); n++) {
            List<String> from = new ArrayList<>();
            for (int i = 0; i < last; i++) {
                if (i == 0 || (froms.get(n) >>> i & 1) == 1) {
                    from.add(states.get(i));
                }
            }
            Transition.Builder t = Transition.builder(names.get(n)).from(from.toArray(String[]::new)).to(states.get(tos.get(n)));
            if (n % 3 == 2) {
                t.guard(Guard.permission(GUARDED));
            }
            b.transition(t);
        }
        return b.build();
    }

    private static void checkEveryPair(Lifecycle lifecycle, List<String> names) {
        List<String> asked = new ArrayList<>(names);
        asked.add("next");
        asked.add("unknown");
        asked.add("");
        for (LifecycleState state : lifecycle.states()) {
            Ticket ticket = Fixtures.newTicket(lifecycle).toBuilder().state(state.ticketState()).build();
            // the same state name as a string of another reference
            Ticket copied = ticket.toBuilder().state(TicketState.of(new String(state.name().toCharArray()), state.category()))
                    .build();
            for (String name : asked) {
                for (String form : List.of(name, new String(name.toCharArray()))) {
                    for (Ticket t : List.of(ticket, copied)) {
                        checkPair(lifecycle, t, form);
                    }
                }
            }
            // a state of that name but another category is not the lifecycle's
            StateCategory other = state.category() == StateCategory.OPEN ? StateCategory.PENDING : StateCategory.OPEN;
            Ticket elsewhere = ticket.toBuilder().state(TicketState.of(state.name(), other)).build();
            assertThat(refused(lifecycle.evaluate(elsewhere, "next", AGENT, T0, HOLDS_IT)).reason())
                    .isEqualTo(RefusalReason.STATE_NOT_IN_LIFECYCLE);
        }
    }

    private static void checkPair(Lifecycle lifecycle, Ticket ticket, String name) {
        String from = ticket.state().name();
        List<String> offered = lifecycle.allowedFrom(from).stream().map(Transition::name).toList();
        Optional<Transition> defined = lifecycle.transition(from, name);
        for (TransitionAuthorizer authorizer : List.of(HOLDS_IT, LACKS_IT)) {
            TransitionDecision decision = lifecycle.evaluate(ticket, name, AGENT, T0, authorizer);
            String what = name + " from " + from + (authorizer == HOLDS_IT ? " holding" : " lacking") + " the permission";
            if (defined.isEmpty()) {
                TransitionDecision.Refused refused = refused(decision);
                assertThat(refused.reason()).as(what).isEqualTo(RefusalReason.NO_SUCH_TRANSITION);
                assertThat(refused.allowed()).as(what).containsExactlyElementsOf(offered);
                assertThat(refused.transition()).as(what).isEqualTo(name);
            } else if (authorizer == LACKS_IT && !defined.get().guards().isEmpty()) {
                TransitionDecision.Refused refused = refused(decision);
                assertThat(refused.reason()).as(what).isEqualTo(RefusalReason.GUARD_FAILED);
                assertThat(refused.guard()).as(what).contains(Guard.permission(GUARDED));
                assertThat(refused.from()).as(what).isEqualTo(ticket.state());
                assertThat(refused.allowed()).as(what).containsExactlyElementsOf(offered);
            } else {
                assertThat(decision).as(what).isInstanceOf(TransitionDecision.Allowed.class);
                TransitionDecision.Allowed allowed = (TransitionDecision.Allowed) decision;
                assertThat(allowed.transition()).as(what).isEqualTo(defined.get());
                assertThat(allowed.from()).as(what).isEqualTo(ticket.state());
                assertThat(allowed.to()).as(what).isEqualTo(lifecycle.state(defined.get().to()).orElseThrow().ticketState());
            }
        }
    }

    private static TransitionDecision.Refused refused(TransitionDecision decision) {
        assertThat(decision).isInstanceOf(TransitionDecision.Refused.class);
        return (TransitionDecision.Refused) decision;
    }
}
