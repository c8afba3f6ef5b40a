package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.ThresholdCrossing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** The options of targets and policies beyond what the scenario format can say. */
class SlaTargetOptionsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final TicketState NEW = TicketState.of("NEW", StateCategory.NEW);
    private static final TicketState OPEN = TicketState.of("IN_PROGRESS", StateCategory.OPEN);
    private static final TicketState WAITING = TicketState.of("ON_HOLD", StateCategory.PENDING);
    private static final TicketState RESOLVED = TicketState.of("RESOLVED", StateCategory.RESOLVED);
    private static final Condition REPLIED = Condition.fieldPresent("customerReplied", true);

    private static SlaTarget.Builder resolution(Duration goal) {
        return SlaTarget.builder("resolution").goals(Goals.always(goal))
                .pause(Condition.category(StateCategory.PENDING))
                .stop(Condition.category(StateCategory.RESOLVED));
    }

    private static Duration h(double hours) {
        return Duration.ofMinutes(Math.round(hours * 60));
    }

    private static SlaTimeline.Change change(double hours, TicketState state, Map<String, FieldValue> fields) {
        return new SlaTimeline.Change(T0.plus(h(hours)), TicketView.of(state, Priority.of(3), fields));
    }

    private static List<ClockOutcome> cycles(SlaPolicy policy, List<SlaTimeline.Change> changes, double atHours) {
        return SlaTimeline.replay(policy, BusinessCalendars.onlyAlways(), changes, T0.plus(h(atHours))).get("resolution");
    }

    private static List<ClockOutcome> cycles(SlaTarget target, List<SlaTimeline.Change> changes, double atHours) {
        return cycles(SlaPolicy.of("sla", 1, List.of(target)), changes, atHours);
    }

    private static List<String> causes(SlaPolicy policy, List<SlaTimeline.Change> changes, double atHours) {
        return SlaTimeline.explain(policy, BusinessCalendars.onlyAlways(), changes, T0.plus(h(atHours))).get("resolution")
                .stream().map(ClockChange::cause).toList();
    }

    // ---- resume ---------------------------------------------------------------------------------

    @Test
    void aSeparateResumeConditionKeepsTheClockPausedUntilItHolds() {
        List<SlaTimeline.Change> changes = List.of(change(0, NEW, Map.of()), change(1, WAITING, Map.of()),
                change(2, OPEN, Map.of()), change(3, OPEN, Map.of("customerReplied", FieldValue.of(true))));
        SlaTarget withResume = resolution(h(8)).resume(REPLIED).build();
        assertThat(cycles(withResume, changes, 2.5).get(0).status()).isEqualTo(ClockStatus.PAUSED);
        assertThat(cycles(withResume, changes, 4).get(0).elapsed()).isEqualTo(h(2));
        assertThat(cycles(resolution(h(8)).build(), changes, 4).get(0).elapsed()).isEqualTo(h(3));
        assertThat(causes(SlaPolicy.of("sla", 1, List.of(withResume)), changes, 4))
                .contains("resumed: resume condition holds (customerReplied is set)");
    }

    @Test
    void whileTheResumeConditionHoldsARunningClockDoesNotPause() {
        Map<String, FieldValue> replied = Map.of("customerReplied", FieldValue.of(true));
        List<SlaTimeline.Change> changes = List.of(change(0, NEW, replied), change(1, WAITING, replied),
                change(2, WAITING, Map.of()));
        SlaTarget target = resolution(h(8)).resume(REPLIED).build();
        assertThat(cycles(target, changes, 1.5).get(0).status()).isEqualTo(ClockStatus.RUNNING);
        ClockOutcome outcome = cycles(target, changes, 3).get(0);
        assertThat(outcome.status()).isEqualTo(ClockStatus.PAUSED);
        assertThat(outcome.elapsed()).isEqualTo(h(2));
    }

    // ---- reset ----------------------------------------------------------------------------------

    @Test
    void aChangeOfAssignmentGroupEndsTheCycleAsItStandsAndStartsANewOne() {
        SlaTarget target = resolution(h(0.75)).resetOnChangeOf(TicketView.ASSIGNMENT_GROUP).build();
        List<SlaTimeline.Change> changes = List.of(
                change(0, NEW, Map.of("assignmentGroup", FieldValue.of("group:l1"))),
                change(1, OPEN, Map.of("assignmentGroup", FieldValue.of("group:l2"))));
        List<ClockOutcome> outcomes = cycles(target, changes, 1.5);
        assertThat(outcomes).extracting(ClockOutcome::status).containsExactly(ClockStatus.BREACHED, ClockStatus.RUNNING);
        assertThat(outcomes.get(0).elapsed()).isEqualTo(h(1));
        assertThat(outcomes.get(0).breachedAt()).contains(T0.plus(h(0.75)));
        assertThat(outcomes.get(1).elapsed()).isEqualTo(h(0.5));
        assertThat(outcomes.get(1).cycles()).isEqualTo(2);
        assertThat(causes(SlaPolicy.of("sla", 1, List.of(target)), changes, 1.5)).contains(
                "cycle ended: field assignmentGroup changed from \"group:l1\" to \"group:l2\" resets the target",
                "started: new cycle after the reset, goal PT45M");
    }

    @Test
    void aResetConditionActsWhenItBecomesTrueNotWhileItHolds() {
        SlaTarget target = resolution(h(8)).reset(Condition.fieldPresent("major", true)).build();
        Map<String, FieldValue> major = Map.of("major", FieldValue.of(true));
        List<SlaTimeline.Change> changes = List.of(change(0, NEW, Map.of()), change(1, OPEN, major),
                change(2, OPEN, major), change(3, WAITING, major));
        List<ClockOutcome> outcomes = cycles(target, changes, 4);
        assertThat(outcomes).extracting(ClockOutcome::status).containsExactly(ClockStatus.MET, ClockStatus.PAUSED);
        assertThat(outcomes).extracting(ClockOutcome::elapsed).containsExactly(h(1), h(2));
    }

    @Test
    void aChangeThatStopsTheClockDoesNotAlsoResetIt() {
        SlaTarget target = resolution(h(8)).resetOnChangeOf("assignmentGroup").build();
        List<SlaTimeline.Change> changes = List.of(change(0, NEW, Map.of("assignmentGroup", FieldValue.of("group:l1"))),
                change(1, RESOLVED, Map.of("assignmentGroup", FieldValue.of("group:l2"))));
        assertThat(cycles(target, changes, 2)).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ClockStatus.MET));
    }

    @Test
    void aResetCyclePausesAtOnceWhenThePauseConditionHolds() {
        SlaTarget target = resolution(h(8)).resetOnChangeOf("assignmentGroup").build();
        List<SlaTimeline.Change> changes = List.of(change(0, NEW, Map.of("assignmentGroup", FieldValue.of("group:l1"))),
                change(1, WAITING, Map.of("assignmentGroup", FieldValue.of("group:l2"))));
        List<ClockOutcome> outcomes = cycles(target, changes, 2);
        assertThat(outcomes).extracting(ClockOutcome::status).containsExactly(ClockStatus.MET, ClockStatus.PAUSED);
        assertThat(outcomes.get(1).elapsed()).isZero();
    }

    // ---- retroactive start ----------------------------------------------------------------------

    @Test
    void aClockCountsFromTheInstantFieldNotFromWhenItsStartConditionFirstHeld() {
        SlaTarget target = resolution(h(4)).start(Condition.category(StateCategory.OPEN)).startFrom("reportedAt").warnAt(50)
                .build();
        Map<String, FieldValue> reported = Map.of("reportedAt", FieldValue.of(T0));
        List<SlaTimeline.Change> changes = List.of(change(0, NEW, Map.of()), change(3, OPEN, reported));
        ClockOutcome outcome = cycles(target, changes, 3.5).get(0);
        assertThat(outcome.elapsed()).isEqualTo(h(3.5));
        assertThat(outcome.warnings()).containsExactly(new ThresholdCrossing(50, T0.plus(h(2))));
        assertThat(outcome.due()).contains(T0.plus(h(4)));
        ClockOutcome late = cycles(target, changes, 5).get(0);
        assertThat(late.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(late.breachedAt()).contains(T0.plus(h(4)));
    }

    @Test
    void aMissingOrFutureInstantFieldStartsTheClockAtTheChange() {
        SlaTarget target = resolution(h(4)).startFrom("reportedAt").build();
        assertThat(cycles(target, List.of(change(1, NEW, Map.of())), 2).get(0).elapsed()).isEqualTo(h(1));
        assertThat(cycles(target, List.of(change(1, NEW, Map.of("reportedAt", FieldValue.of(T0.plus(h(5)))))), 2)
                .get(0).elapsed()).isEqualTo(h(1));
        assertThat(cycles(target, List.of(change(1, NEW, Map.of("reportedAt", FieldValue.of("yesterday")))), 2)
                .get(0).elapsed()).isEqualTo(h(1));
    }

    @Test
    void aClockStartedInThePastIsAlreadyBreachedWhenItsGoalHasPassed() {
        SlaTarget target = resolution(h(1)).startFrom("reportedAt").build();
        List<SlaTimeline.Change> changes = List.of(change(3, NEW, Map.of("reportedAt", FieldValue.of(T0))));
        ClockOutcome outcome = cycles(target, changes, 3).get(0);
        assertThat(outcome.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(outcome.breachedAt()).contains(T0.plus(h(1)));
    }

    // ---- start as run condition -----------------------------------------------------------------

    @Test
    void withTheStartAsRunConditionTheClockIsCancelledWhenTheStartStopsHolding() {
        SlaTarget target = resolution(h(8)).start(Condition.fieldEquals("assignmentGroup", FieldValue.of("group:l2"))).build();
        List<SlaTimeline.Change> changes = List.of(change(0, NEW, Map.of("assignmentGroup", FieldValue.of("group:l2"))),
                change(1, OPEN, Map.of("assignmentGroup", FieldValue.of("group:l3"))));
        SlaPolicy plain = SlaPolicy.of("ola", 1, List.of(target));
        SlaPolicy run = plain.startIsRunCondition(true);
        assertThat(plain.startIsRunCondition()).isFalse();
        assertThat(cycles(plain, changes, 2).get(0).status()).isEqualTo(ClockStatus.RUNNING);
        ClockOutcome cancelled = cycles(run, changes, 2).get(0);
        assertThat(cancelled.status()).isEqualTo(ClockStatus.CANCELLED);
        assertThat(cancelled.elapsed()).isEqualTo(h(1));
        assertThat(causes(run, changes, 2)).last().asString()
                .isEqualTo("cancelled: start condition no longer holds (assignmentGroup = \"group:l2\") and the policy makes"
                        + " it a run condition");
    }

    // ---- properties -----------------------------------------------------------------------------

    private static final List<TicketState> STATES = List.of(NEW, OPEN, WAITING, RESOLVED, OPEN);
    private static final List<String> GROUPS = List.of("group:l1", "group:l2", "group:l3");

    /* Timelines whose changes move the state, the group and the customer's reply. */
    private static Gen<List<SlaTimeline.Change>> timelines() {
        Gen<int[]> step = SourceDSL.integers().between(0, 180).zip(SourceDSL.integers().between(0, STATES.size() - 1),
                SourceDSL.integers().between(0, GROUPS.size() * 2 - 1), (minutes, state, other) -> new int[] {minutes, state, other});
        return SourceDSL.lists().of(step).ofSizeBetween(1, 12).map(steps -> {
            List<SlaTimeline.Change> changes = new ArrayList<>();
            Instant at = T0;
            for (int[] s : steps) {
                at = at.plus(Duration.ofMinutes(s[0]));
                Map<String, FieldValue> fields = new HashMap<>();
                fields.put("assignmentGroup", FieldValue.of(GROUPS.get(s[2] % GROUPS.size())));
                if (s[2] >= GROUPS.size()) {
                    fields.put("customerReplied", FieldValue.of(true));
                }
                fields.put("reportedAt", FieldValue.of(T0.minus(Duration.ofMinutes(30))));
                changes.add(new SlaTimeline.Change(at, TicketView.of(STATES.get(s[1]), Priority.of(3), fields)));
            }
            return changes;
        });
    }

    private static SlaPolicy everyOption() {
        return SlaPolicy.of("sla", 1, List.of(resolution(h(3)).start(Condition.not(Condition.fieldEquals("assignmentGroup",
                FieldValue.of("group:l3")))).resume(REPLIED).resetOnChangeOf("assignmentGroup").startFrom("reportedAt")
                .warnAt(50).build())).startIsRunCondition(true);
    }

    @Test
    void withEveryOptionAnOutcomeDoesNotDependOnHowTheTimelineIsSplitIntoChanges() {
        SlaPolicy policy = everyOption();
        qt().forAll(timelines(), SourceDSL.integers().between(0, 100), SourceDSL.integers().between(0, 2000))
                .checkAssert((changes, where, minutes) -> {
                    int index = where % changes.size();
                    List<SlaTimeline.Change> split = new ArrayList<>(changes);
                    SlaTimeline.Change repeated = changes.get(index);
                    Instant later = index + 1 < changes.size() ? changes.get(index + 1).at() : repeated.at().plus(h(1));
                    split.add(index + 1, new SlaTimeline.Change(repeated.at().plus(Duration.between(repeated.at(), later)
                            .dividedBy(2)), repeated.ticket()));
                    Instant at = changes.get(0).at().plus(Duration.ofMinutes(minutes));
                    assertThat(SlaTimeline.replay(policy, BusinessCalendars.onlyAlways(), split, at))
                            .isEqualTo(SlaTimeline.replay(policy, BusinessCalendars.onlyAlways(), changes, at));
                });
    }

    @Test
    void resetCyclesTogetherNeverCountMoreThanTheWallTimeSinceTheFirstStart() {
        SlaPolicy policy = everyOption();
        qt().forAll(timelines(), SourceDSL.integers().between(0, 2000)).checkAssert((changes, minutes) -> {
            Instant at = changes.get(0).at().plus(Duration.ofMinutes(minutes));
            List<ClockOutcome> outcomes = SlaTimeline.replay(policy, BusinessCalendars.onlyAlways(), changes, at)
                    .get("resolution");
            Duration total = outcomes.stream().map(ClockOutcome::elapsed).reduce(Duration.ZERO, Duration::plus);
            // the first cycle may count from reportedAt, 30 minutes before the first change
            assertThat(total).isLessThanOrEqualTo(Duration.between(T0.minus(Duration.ofMinutes(30)), at));
            for (int i = 0; i < outcomes.size(); i++) {
                assertThat(outcomes.get(i).cycle()).isEqualTo(outcomes.get(0).cycle() + i);
                assertThat(outcomes.get(i).elapsed()).isLessThanOrEqualTo(outcomes.get(i).wallElapsed());
            }
        });
    }
}
