package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Priority conditions and the combinators all, any and not, by example and against a model. */
class ConditionTest {
    private static final TicketState OPEN = TicketState.of("IN_PROGRESS", StateCategory.OPEN);
    private static final TicketState PENDING = TicketState.of("ON_HOLD", StateCategory.PENDING);

    private static TicketView ticket(TicketState state, int priority, Map<String, FieldValue> fields) {
        return TicketView.of(state, Priority.of(priority), fields);
    }

    private static TicketView p(int priority) {
        return ticket(OPEN, priority, Map.of());
    }

    @Test
    void aPriorityConditionHoldsForItsPrioritiesOnly() {
        Condition urgent = Condition.priority(Priority.of(1), Priority.of(2));
        assertThat(urgent.test(p(1))).isTrue();
        assertThat(urgent.test(p(2))).isTrue();
        assertThat(urgent.test(p(3))).isFalse();
        assertThat(urgent).isEqualTo(new Condition.PriorityIn(Set.of(Priority.of(2), Priority.of(1))));
        assertThat(urgent.toString()).isEqualTo("priority in [P1, P2]");
        assertThatThrownBy(() -> Condition.priority()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'priority' needs at least one value");
    }

    @Test
    void allHoldsOnlyWhenEveryConditionHolds() {
        Condition urgentAndWorking = Condition.all(Condition.priority(Priority.of(1)), Condition.category(StateCategory.OPEN));
        assertThat(urgentAndWorking.test(ticket(OPEN, 1, Map.of()))).isTrue();
        assertThat(urgentAndWorking.test(ticket(PENDING, 1, Map.of()))).isFalse();
        assertThat(urgentAndWorking.test(ticket(OPEN, 2, Map.of()))).isFalse();
        assertThat(urgentAndWorking.toString()).isEqualTo("(priority in [P1] and category in [OPEN])");
    }

    @Test
    void anyHoldsWhenAtLeastOneConditionHolds() {
        Condition urgentOrMajor = Condition.any(Condition.priority(Priority.of(1)),
                Condition.fieldEquals("major", FieldValue.of(true)));
        assertThat(urgentOrMajor.test(p(1))).isTrue();
        assertThat(urgentOrMajor.test(ticket(OPEN, 3, Map.of("major", FieldValue.of(true))))).isTrue();
        assertThat(urgentOrMajor.test(ticket(OPEN, 3, Map.of("major", FieldValue.of(false))))).isFalse();
        assertThat(urgentOrMajor.test(p(3))).isFalse();
    }

    @Test
    void notHoldsExactlyWhenItsConditionDoesNot() {
        Condition notUrgent = Condition.not(Condition.priority(Priority.of(1)));
        assertThat(notUrgent.test(p(1))).isFalse();
        assertThat(notUrgent.test(p(4))).isTrue();
        assertThat(notUrgent.toString()).isEqualTo("not priority in [P1]");
    }

    @Test
    void combinatorsNeedAtLeastOneCondition() {
        assertThatThrownBy(() -> Condition.all()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Condition.any()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTargetStartsOnlyWhenItsCombinedConditionHolds() {
        SlaTarget target = SlaTarget.builder("urgentWork").goals(Goals.always(java.time.Duration.ofHours(1)))
                .start(Condition.all(Condition.priority(Priority.of(1)), Condition.not(Condition.category(StateCategory.PENDING))))
                .build();
        SlaPolicy policy = SlaPolicy.of("p", 1, List.of(target));
        java.time.Instant t0 = java.time.Instant.parse("2026-12-01T08:00:00Z");
        List<SlaTimeline.Change> changes = List.of(new SlaTimeline.Change(t0, ticket(OPEN, 2, Map.of())),
                new SlaTimeline.Change(t0.plusSeconds(60), ticket(PENDING, 1, Map.of())),
                new SlaTimeline.Change(t0.plusSeconds(120), ticket(OPEN, 1, Map.of())));
        assertThat(SlaTimeline.replay(policy, BusinessCalendars.onlyAlways(), changes.subList(0, 2), t0.plusSeconds(90))
                .get("urgentWork")).singleElement().satisfies(o -> assertThat(o.cycle()).isZero());
        assertThat(SlaTimeline.replay(policy, BusinessCalendars.onlyAlways(), changes, t0.plusSeconds(180))
                .get("urgentWork")).singleElement().satisfies(o -> {
                    assertThat(o.cycle()).isEqualTo(1);
                    assertThat(o.elapsed()).isEqualTo(java.time.Duration.ofSeconds(60));
                });
    }

    /* A condition and, beside it, the model that says when it holds, made independently of Condition's code. */
    private record Modelled(Condition condition, Predicate<TicketView> model) {}

    private static final List<TicketState> STATES = List.of(OPEN, PENDING, TicketState.of("NEW", StateCategory.NEW));

    private static Gen<Modelled> leaves() {
        Gen<Modelled> priority = SourceDSL.integers().between(1, 4).zip(SourceDSL.integers().between(1, 4), (a, b) -> {
            Set<Integer> levels = a.equals(b) ? Set.of(a) : Set.of(a, b);
            return new Modelled(Condition.priority(levels.stream().map(Priority::of).toArray(Priority[]::new)),
                    t -> levels.contains(t.priority().level()));
        });
        Gen<Modelled> category = SourceDSL.integers().between(0, STATES.size() - 1).map(i -> new Modelled(
                Condition.category(STATES.get(i).category()), t -> t.state().category() == STATES.get(i).category()));
        Gen<Modelled> field = SourceDSL.booleans().all().map(b -> new Modelled(Condition.fieldEquals("major", FieldValue.of(b)),
                t -> t.field("major").filter(v -> v.equals(FieldValue.of(b))).isPresent()));
        return priority.mix(category).mix(field);
    }

    /* Trees of all, any and not over the leaves, up to a depth. */
    private static Gen<Modelled> conditions(int depth) {
        if (depth == 0) {
            return leaves();
        }
        Gen<Modelled> sub = conditions(depth - 1);
        Gen<List<Modelled>> some = SourceDSL.lists().of(sub).ofSizeBetween(1, 3);
        Gen<Modelled> all = some.map(list -> new Modelled(Condition.all(list.stream().map(Modelled::condition)
                .toArray(Condition[]::new)), t -> list.stream().allMatch(m -> m.model().test(t))));
        Gen<Modelled> any = some.map(list -> new Modelled(Condition.any(list.stream().map(Modelled::condition)
                .toArray(Condition[]::new)), t -> list.stream().anyMatch(m -> m.model().test(t))));
        Gen<Modelled> not = sub.map(m -> new Modelled(Condition.not(m.condition()), t -> !m.model().test(t)));
        return leaves().mix(all).mix(any).mix(not);
    }

    private static Gen<TicketView> tickets() {
        return SourceDSL.integers().between(0, STATES.size() - 1).zip(SourceDSL.integers().between(1, 4),
                SourceDSL.integers().between(0, 2), (state, priority, major) -> {
                    Map<String, FieldValue> fields = major == 2 ? Map.of() : Map.of("major", FieldValue.of(major == 1));
                    return ticket(STATES.get(state), priority, fields);
                });
    }

    @Test
    void combinedConditionsHoldExactlyWhenTheirBooleanModelSays() {
        qt().forAll(conditions(3), tickets()).checkAssert((c, t) ->
                assertThat(c.condition().test(t)).as("%s on %s", c.condition(), t).isEqualTo(c.model().test(t)));
    }

    @Test
    void combinatorsObeyDeMorganAndDoubleNegation() {
        qt().forAll(conditions(2), conditions(2), tickets()).checkAssert((a, b, t) -> {
            Condition x = a.condition();
            Condition y = b.condition();
            assertThat(Condition.not(Condition.all(x, y)).test(t))
                    .isEqualTo(Condition.any(Condition.not(x), Condition.not(y)).test(t));
            assertThat(Condition.not(Condition.any(x, y)).test(t))
                    .isEqualTo(Condition.all(Condition.not(x), Condition.not(y)).test(t));
            assertThat(Condition.not(Condition.not(x)).test(t)).isEqualTo(x.test(t));
            assertThat(Condition.any(x, Condition.not(x)).test(t)).isTrue();
            assertThat(Condition.all(x, Condition.not(x)).test(t)).isFalse();
            assertThat(Condition.all(x).test(t)).isEqualTo(x.test(t));
            assertThat(Condition.any(x).test(t)).isEqualTo(x.test(t));
        });
    }

    @Test
    void theOrderOfConditionsInAllAndAnyDoesNotMatter() {
        qt().forAll(SourceDSL.lists().of(conditions(1)).ofSizeBetween(1, 5), tickets()).checkAssert((list, t) -> {
            List<Condition> forward = list.stream().map(Modelled::condition).toList();
            List<Condition> backward = new ArrayList<>(forward);
            java.util.Collections.reverse(backward);
            assertThat(new Condition.All(forward).test(t)).isEqualTo(new Condition.All(backward).test(t));
            assertThat(new Condition.Any(forward).test(t)).isEqualTo(new Condition.Any(backward).test(t));
        });
    }
}
