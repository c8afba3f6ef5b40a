package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

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

    private record Op(int key, long offsetMillis, boolean cancel, long advanceMillis) {}

    private static Gen<List<Op>> operations() {
        Gen<Long> offsets = SourceDSL.longs().between(0, 1L << 40).mix(SourceDSL.longs().between(0, 5_000), 50);
        Gen<Op> op = SourceDSL.integers().between(0, 30).zip(offsets, SourceDSL.booleans().all(),
                SourceDSL.longs().between(0, 1L << 36).mix(SourceDSL.longs().between(0, 3_000), 60),
                Op::new);
        return SourceDSL.lists().of(op).ofSizeBetween(1, 80);
    }

    @Test
    void theWheelFiresExactlyWhatASortedMapOfDeadlinesSaysInTheSameOrder() {
        qt().forAll(operations()).checkAssert(ops -> fireAsTheModelSays(ops, false));
    }

    @Test
    void givenInMillisecondsTheWheelFiresExactlyWhatASortedMapOfDeadlinesSays() {
        qt().forAll(operations()).checkAssert(ops -> fireAsTheModelSays(ops, true));
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

    private static void fireAsTheModelSays(List<Op> ops, boolean millis) {
        TimerWheel<Integer, Long> wheel = new TimerWheel<>(T0);
        Map<Integer, Long> model = new TreeMap<>();
        java.util.LinkedHashMap<Integer, Long> overdue = new java.util.LinkedHashMap<>();
        long now = T0.toEpochMilli();
        long processed = now;
        for (Op op : ops) {
            if (op.cancel()) {
                boolean had = model.remove(op.key()) != null | overdue.remove(op.key()) != null;
                assertThat(wheel.cancel(op.key())).isEqualTo(had);
            } else {
                long due = now - 1000 + op.offsetMillis();
                if (millis) {
                    wheel.schedule(op.key(), due, due);
                } else {
                    wheel.schedule(op.key(), Instant.ofEpochMilli(due), due);
                }
                model.remove(op.key());
                overdue.remove(op.key());
                if (due <= processed) {
                    overdue.put(op.key(), due);
                } else {
                    model.put(op.key(), due);
                }
            }
            now += op.advanceMillis();
            processed = now;
            long until = now;
            Map<Integer, Long> dueByKey = new java.util.HashMap<>(model);
            dueByKey.putAll(overdue);
            List<Long> expected = new ArrayList<>(overdue.values());
            overdue.clear();
            model.values().stream().filter(d -> d <= until).sorted().forEach(expected::add);
            model.values().removeIf(d -> d <= until);
            List<Long> fired = new ArrayList<>();
            BiConsumer<Integer, Long> consumer = (k, v) -> {
                assertThat(dueByKey.remove(k)).isEqualTo(v);
                fired.add(v);
            };
            if (millis) {
                wheel.advance(now, consumer);
            } else {
                wheel.advance(Instant.ofEpochMilli(now), consumer);
            }
            assertThat(fired).isEqualTo(expected);
            assertThat(wheel.size()).isEqualTo(model.size());
            model.values().stream().min(Long::compare).ifPresent(next ->
                    assertThat(wheel.nextWakeUp().orElseThrow()).isBeforeOrEqualTo(Instant.ofEpochMilli(next)));
        }
    }
}
