package dev.itsmkit.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.itsmkit.persistence.memory.WheelOperations.Op;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class TimerWheelTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void timersFireInTimeOrderWhenTheirTimeComesAndNotBefore() {
        TimerWheel<String, String> wheel = new TimerWheel<>(T0);
        wheel.schedule("b", T0.plusSeconds(120), "second");
        wheel.schedule("a", T0.plusSeconds(60), "first");
        wheel.schedule("c", T0.plus(Duration.ofDays(400)), "next year");
        List<String> fired = new ArrayList<>();
        assertThat(wheel.advance(T0.plusSeconds(59), (k, v) -> fired.add(v))).isZero();
        assertThat(wheel.advance(T0.plusSeconds(120), (k, v) -> fired.add(v))).isEqualTo(2);
        assertThat(fired).containsExactly("first", "second");
        assertThat(wheel.size()).isEqualTo(1);
        wheel.advance(T0.plus(Duration.ofDays(400)).minusMillis(1), (k, v) -> fired.add(v));
        assertThat(fired).hasSize(2);
        wheel.advance(T0.plus(Duration.ofDays(400)), (k, v) -> fired.add(v));
        assertThat(fired).containsExactly("first", "second", "next year");
    }

    @Test
    void aSubMillisecondDueInstantFiresAtTheNextMillisecondNeverEarly() {
        TimerWheel<String, String> wheel = new TimerWheel<>(T0);
        wheel.schedule("a", T0.plusNanos(1), "a");
        assertThat(wheel.advance(T0, (k, v) -> { })).isZero();
        assertThat(wheel.advance(T0.plusMillis(1), (k, v) -> { })).isEqualTo(1);
    }

    @Test
    void cancellingAndReschedulingReplaceTheTimer() {
        TimerWheel<String, String> wheel = new TimerWheel<>(T0);
        assertThat(wheel.schedule("a", T0.plusSeconds(10), "old")).isFalse();
        assertThat(wheel.schedule("a", T0.plusSeconds(20), "new")).isTrue();
        assertThat(wheel.dueAt("a")).contains(T0.plusSeconds(20));
        List<String> fired = new ArrayList<>();
        wheel.advance(T0.plusSeconds(15), (k, v) -> fired.add(v));
        assertThat(fired).isEmpty();
        assertThat(wheel.cancel("a")).isTrue();
        assertThat(wheel.cancel("a")).isFalse();
        wheel.advance(T0.plusSeconds(30), (k, v) -> fired.add(v));
        assertThat(fired).isEmpty();
    }

    @Test
    void timersDueInThePastFireOnTheNextAdvance() {
        TimerWheel<String, String> wheel = new TimerWheel<>(T0);
        wheel.advance(T0.plusSeconds(100), (k, v) -> { });
        wheel.schedule("late", T0.plusSeconds(50), "late");
        assertThat(wheel.nextWakeUp()).contains(T0.plusSeconds(100));
        List<String> fired = new ArrayList<>();
        wheel.advance(T0.plusSeconds(100), (k, v) -> fired.add(v));
        assertThat(fired).containsExactly("late");
    }

    @Test
    void aConsumerMayScheduleAgain() {
        TimerWheel<String, Integer> wheel = new TimerWheel<>(T0);
        wheel.schedule("tick", T0.plusSeconds(1), 1);
        List<Integer> fired = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            wheel.advance(T0.plusSeconds(i), (k, v) -> {
                fired.add(v);
                wheel.schedule(k, T0.plusSeconds(v + 1), v + 1);
            });
        }
        assertThat(fired).containsExactly(1, 2, 3);
        assertThat(wheel.size()).isEqualTo(1);
    }

    @Test
    void aConsumerMayAdvanceTheWheelAgainAndEachAdvanceHandsOverItsOwnTimers() {
        TimerWheel<String, String> wheel = new TimerWheel<>(T0);
        List<String> fired = new ArrayList<>();
        // a first advance of two timers, so that the array it hands back is there, large enough, for the next one
        wheel.schedule("warm", T0.plusMillis(1), "warm");
        wheel.schedule("warm too", T0.plusMillis(1), "warm too");
        wheel.advance(T0.plusMillis(1), (k, v) -> fired.add(v));
        wheel.schedule("a", T0.plusSeconds(1), "a");
        wheel.schedule("b", T0.plusSeconds(1), "b");
        wheel.schedule("c", T0.plusSeconds(2), "c");
        wheel.schedule("d", T0.plusSeconds(2), "d");
        int outer = wheel.advance(T0.plusSeconds(1), (k, v) -> {
            fired.add(v);
            if (k.equals("a")) {
                // the nested advance must not fill the array the outer one is still handing over
                assertThat(wheel.advance(T0.plusSeconds(2), (k2, v2) -> fired.add("nested " + v2))).isEqualTo(2);
            }
        });
        assertThat(outer).isEqualTo(2);
        assertThat(fired).containsExactly("warm", "warm too", "a", "nested c", "nested d", "b");
        assertThat(wheel.size()).isZero();
    }

    @Test
    void aConsumerThatFailsEndsItsAdvanceAndLaterAdvancesStillHandOverEveryTimerOnce() {
        TimerWheel<String, String> wheel = new TimerWheel<>(T0);
        // 100 timers in one advance: more than the wheel keeps its array of fired timers for
        for (int i = 0; i < 100; i++) {
            wheel.schedule("early-" + i, T0.plusSeconds(1), "early-" + i);
        }
        List<String> fired = new ArrayList<>();
        RuntimeException failure = new IllegalStateException("consumer failed");
        try {
            wheel.advance(T0.plusSeconds(1), (k, v) -> {
                fired.add(v);
                if (v.equals("early-9")) {
                    throw failure;
                }
            });
            throw new AssertionError("the consumer's failure was swallowed");
        } catch (IllegalStateException e) {
            assertThat(e).isSameAs(failure);
        }
        assertThat(fired).hasSize(10).endsWith("early-9");
        for (int round = 0; round < 3; round++) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 3 + 40 * round; i++) {
                String name = "later-" + round + "-" + i;
                wheel.schedule(name, T0.plusSeconds(2 + round).plusMillis(i), name);
                expected.add(name);
            }
            List<String> handed = new ArrayList<>();
            assertThat(wheel.advance(T0.plusSeconds(3 + round), (k, v) -> handed.add(v))).isEqualTo(expected.size());
            assertThat(handed).isEqualTo(expected);
        }
        assertThat(wheel.size()).isZero();
    }

    @Test
    void thousandsOfKeysAreFoundCancelledAndFiredAsTheTableGrows() {
        TimerWheel<String, Integer> wheel = new TimerWheel<>(T0);
        int count = 5_000;
        for (int i = 0; i < count; i++) {
            wheel.schedule("timer-" + i, T0.plusSeconds(i), i);
        }
        for (int i = 0; i < count; i += 2) {
            assertThat(wheel.cancel("timer-" + i)).isTrue();
        }
        assertThat(wheel.size()).isEqualTo(count / 2);
        assertThat(wheel.dueAt("timer-1")).contains(T0.plusSeconds(1));
        assertThat(wheel.dueAt("timer-2")).isEmpty();
        assertThat(wheel.schedule("timer-3", T0.plusSeconds(count), 3)).isTrue();
        List<Integer> fired = new ArrayList<>();
        assertThat(wheel.advance(T0.plusSeconds(count), (key, value) -> fired.add(value))).isEqualTo(count / 2);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i < count; i += 2) {
            if (i != 3) {
                expected.add(i);
            }
        }
        expected.add(3);
        assertThat(fired).isEqualTo(expected);
        assertThat(wheel.size()).isZero();
    }

    @Test
    void aFiredKeyIsGoneAtOnceThoughItsTableCellIsTakenOutLater() {
        TimerWheel<String, Integer> wheel = new TimerWheel<>(T0);
        int count = 3_000;
        for (int i = 0; i < count; i++) {
            wheel.schedule("k" + i, T0.plusMillis(i + 1), i);
        }
        wheel.schedule("later", T0.plusSeconds(3_600), -1);
        // fires one timer at a time, so that most fired cells are still in the table when the keys come back
        for (int i = 0; i < count; i++) {
            assertThat(wheel.advance(T0.plusMillis(i + 1), (k, v) -> { })).isEqualTo(1);
            if (i % 7 == 0) {
                assertThat(wheel.dueAt("k" + i)).isEmpty();
                assertThat(wheel.cancel("k" + i)).isFalse();
                assertThat(wheel.schedule("k" + i, T0.plusSeconds(60).plusMillis(i), i)).isFalse();
                assertThat(wheel.dueAt("k" + i)).contains(T0.plusSeconds(60).plusMillis(i));
            }
        }
        int again = (count + 6) / 7;
        assertThat(wheel.size()).isEqualTo(again + 1);
        List<Integer> fired = new ArrayList<>();
        assertThat(wheel.advance(T0.plusSeconds(120), (k, v) -> fired.add(v))).isEqualTo(again);
        assertThat(fired).isSorted().hasSize(again).allSatisfy(v -> assertThat(v % 7).isZero());
        assertThat(wheel.dueAt("later")).contains(T0.plusSeconds(3_600));
        assertThat(wheel.cancel("later")).isTrue();
        assertThat(wheel.size()).isZero();
    }

    @Test
    void manyTimersOfOneStretchOfSecondsScheduledHoursAheadFireInTimeAndSchedulingOrder() {
        TimerWheel<Integer, Integer> wheel = new TimerWheel<>(T0);
        // 5 hours ahead (a slot of level 2), within 4 seconds (one slot of level 1), a few per millisecond
        Instant base = T0.plus(Duration.ofHours(5));
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        TreeMap<Long, List<Integer>> model = new TreeMap<>();
        for (int i = 0; i < 2_000; i++) {
            long millis = random.nextLong(1_000);
            wheel.schedule(i, base.plusMillis(millis), i);
            model.computeIfAbsent(millis, m -> new ArrayList<>()).add(i);
        }
        List<Integer> expected = new ArrayList<>();
        model.values().forEach(expected::addAll);
        List<Integer> fired = new ArrayList<>();
        wheel.advance(base.plusMillis(499), (k, v) -> fired.add(v));
        assertThat(fired).isEqualTo(expected.subList(0, fired.size()));
        wheel.advance(base.plusMillis(999), (k, v) -> fired.add(v));
        assertThat(fired).isEqualTo(expected);
    }

    @Test
    void theWheelFiresExactlyWhatASortedMapOfDeadlinesSaysInTheSameOrder() {
        qt().forAll(WheelOperations.operations()).checkAssert(ops -> fireAsTheModelSays(ops, false));
    }

    @Test
    void givenInMillisecondsTheWheelFiresExactlyWhatASortedMapOfDeadlinesSays() {
        qt().forAll(WheelOperations.operations()).checkAssert(ops -> fireAsTheModelSays(ops, true));
    }

    @Test
    void crowdedAndOftenCancelledTheWheelStillFiresExactlyWhatTheModelSays() {
        qt().withExamples(200).forAll(WheelOperations.crowdedOperations(9_000)).checkAssert(ops -> fireAsTheModelSays(ops, true));
    }

    @Test
    void crowdedHoursAheadAndOftenCancelledTheWheelStillFiresExactlyWhatTheModelSays() {
        // 11 hours: the timers start in slots of level 2 (4.7 hours each), sorted into runs when their slot comes
        qt().withExamples(200).forAll(WheelOperations.crowdedOperations(40_000_000)).checkAssert(ops -> fireAsTheModelSays(ops, true));
    }

    @Test
    void timersOfTheSameMillisecondKeepTheirOrderThroughCompaction() {
        TimerWheel<Integer, Integer> wheel = new TimerWheel<>(T0);
        Instant due = T0.plusSeconds(3600);
        for (int i = 0; i < 1_000; i++) {
            wheel.schedule(i, due.plusMillis(i / 100), i);
        }
        // nine in ten cancelled, most of them deep in their slot: dead first, then dropped in bulk
        for (int i = 0; i < 1_000; i++) {
            if (i % 10 != 9) {
                wheel.cancel(i);
            }
        }
        List<Integer> fired = new ArrayList<>();
        wheel.advance(due.plusSeconds(1), (k, v) -> fired.add(v));
        List<Integer> expected = new ArrayList<>();
        for (int i = 9; i < 1_000; i += 10) {
            expected.add(i);
        }
        assertThat(fired).isEqualTo(expected);
    }

    @Test
    void timersScheduledHoursAheadFireBeforeTimersOfTheSameMillisecondScheduledLater() {
        TimerWheel<String, String> wheel = new TimerWheel<>(T0);
        Instant due = T0.plus(Duration.ofHours(30)).plusMillis(123);
        wheel.schedule("early", due, "early");
        wheel.schedule("early, a millisecond before", due.minusMillis(1), "before");
        List<String> fired = new ArrayList<>();
        // into the 4.7-hour slot of the due time, but not yet into its 4-second slot
        wheel.advance(due.minusSeconds(60), (k, v) -> fired.add(v));
        assertThat(fired).isEmpty();
        wheel.schedule("late", due, "late");
        wheel.schedule("later", due, "later");
        wheel.advance(due.minusSeconds(30), (k, v) -> fired.add(v));
        wheel.schedule("latest", due, "latest");
        wheel.advance(due, (k, v) -> fired.add(v));
        assertThat(fired).containsExactly("before", "early", "late", "later", "latest");
    }

    @Test
    void timersCancelledDeepInACrowdedSlotNeverFireAndTheOthersKeepTheirOrder() {
        TimerWheel<String, Integer> wheel = new TimerWheel<>(T0);
        Instant due = T0.plusSeconds(3600);
        for (int i = 0; i < 1_000; i++) {
            wheel.schedule("k" + i, due.plusMillis(i % 10), i);
        }
        // the first ones are far from the end of their slot: left dead there, then dropped when they outnumber the live
        for (int i = 0; i < 900; i++) {
            assertThat(wheel.cancel("k" + i)).isTrue();
        }
        assertThat(wheel.schedule("k950", due.plusMillis(3), -950)).isTrue();
        assertThat(wheel.size()).isEqualTo(100);
        List<Integer> fired = new ArrayList<>();
        assertThat(wheel.advance(due.plusSeconds(1), (k, v) -> fired.add(v))).isEqualTo(100);
        List<Integer> expected = new ArrayList<>();
        for (int ms = 0; ms < 10; ms++) {
            for (int i = 900 + ms; i < 1_000; i += 10) {
                if (i != 950) {
                    expected.add(i);
                }
            }
            if (ms == 3) {
                expected.add(-950);
            }
        }
        assertThat(fired).isEqualTo(expected);
        assertThat(wheel.size()).isZero();
        assertThat(wheel.nextWakeUp()).isEmpty();
    }

    @Test
    void theMillisecondMethodsMeanTheInstantsOfThoseMilliseconds() {
        TimerWheel<String, String> wheel = new TimerWheel<>(T0);
        wheel.schedule("a", T0.toEpochMilli() + 1500, "a");
        assertThat(wheel.dueAt("a")).contains(T0.plusMillis(1500));
        assertThat(wheel.advance(T0.toEpochMilli() + 1499, (k, v) -> { })).isZero();
        assertThat(wheel.advance(T0.plusMillis(1500), (k, v) -> { })).isEqualTo(1);
        wheel.schedule("before the epoch", -5, "b");
        assertThat(wheel.dueAt("before the epoch")).contains(Instant.EPOCH);
        assertThat(wheel.advance(Long.MIN_VALUE, (k, v) -> { })).isEqualTo(1);
    }

    @Test
    void timersScheduledAfterOthersFiredOrWereCancelledKeepTheirOwnKeysAndValues() {
        TimerWheel<String, String> wheel = new TimerWheel<>(T0);
        List<String> fired = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Instant base = T0.plusSeconds(100L * round);
            for (int i = 0; i < 2_000; i++) {
                wheel.schedule("r" + round + "-" + i, base.plusMillis(i + 1), "r" + round + "-" + i);
            }
            for (int i = 0; i < 2_000; i += 3) {
                wheel.cancel("r" + round + "-" + i);
            }
            wheel.advance(base.plusSeconds(50), (k, v) -> {
                assertThat(k).isEqualTo(v);
                fired.add(v);
            });
        }
        assertThat(fired).hasSize(3 * (2_000 - 667)).doesNotHaveDuplicates()
                .allSatisfy(v -> assertThat(Integer.parseInt(v.substring(v.indexOf('-') + 1)) % 3).isNotZero());
        assertThat(wheel.size()).isZero();
    }

    /*
     * Runs the operations on a wheel and on a model: a sorted map of deadlines. Each scheduling carries a
     * serial number, so the order of timers due in the same millisecond is checked too: overdue ones first in
     * the order they were (last) scheduled, then by due time and, within a millisecond, by (last) scheduling.
     */
    private static void fireAsTheModelSays(List<Op> ops, boolean millis) {
        TimerWheel<Integer, Long> wheel = new TimerWheel<>(T0);
        Map<Integer, long[]> model = new TreeMap<>();
        java.util.LinkedHashMap<Integer, long[]> overdue = new java.util.LinkedHashMap<>();
        long now = T0.toEpochMilli();
        long processed = now;
        long serial = 0;
        for (Op op : ops) {
            if (op.cancel()) {
                boolean had = model.remove(op.timer()) != null | overdue.remove(op.timer()) != null;
                assertThat(wheel.cancel(op.timer())).isEqualTo(had);
            } else {
                long due = now - 1000 + op.offsetMillis();
                serial++;
                boolean had = model.remove(op.timer()) != null | overdue.remove(op.timer()) != null;
                boolean replaced = millis ? wheel.schedule(op.timer(), due, serial)
                        : wheel.schedule(op.timer(), Instant.ofEpochMilli(due), serial);
                assertThat(replaced).isEqualTo(had);
                if (due <= processed) {
                    overdue.put(op.timer(), new long[] {due, serial});
                } else {
                    model.put(op.timer(), new long[] {due, serial});
                }
                assertThat(wheel.dueAt(op.timer())).contains(Instant.ofEpochMilli(due));
            }
            now += op.advanceMillis();
            processed = now;
            long until = now;
            Map<Integer, Long> serialByKey = new java.util.HashMap<>();
            model.forEach((key, timer) -> serialByKey.put(key, timer[1]));
            overdue.forEach((key, timer) -> serialByKey.put(key, timer[1]));
            List<Long> expected = new ArrayList<>();
            overdue.values().forEach(timer -> expected.add(timer[1]));
            overdue.clear();
            model.values().stream().filter(timer -> timer[0] <= until)
                    .sorted(java.util.Comparator.<long[]>comparingLong(timer -> timer[0]).thenComparingLong(timer -> timer[1]))
                    .forEach(timer -> expected.add(timer[1]));
            model.values().removeIf(timer -> timer[0] <= until);
            List<Long> fired = new ArrayList<>();
            BiConsumer<Integer, Long> consumer = (k, v) -> {
                assertThat(serialByKey.remove(k)).isEqualTo(v);
                fired.add(v);
            };
            if (millis) {
                wheel.advance(now, consumer);
            } else {
                wheel.advance(Instant.ofEpochMilli(now), consumer);
            }
            assertThat(fired).isEqualTo(expected);
            assertThat(wheel.size()).isEqualTo(model.size());
            model.values().stream().mapToLong(timer -> timer[0]).min().ifPresentOrElse(
                    next -> assertThat(wheel.nextWakeUp().orElseThrow()).isBeforeOrEqualTo(Instant.ofEpochMilli(next)),
                    () -> assertThat(wheel.nextWakeUp()).isEmpty());
        }
    }
}
