package dev.itsmkit.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.itsmkit.persistence.memory.WheelOperations.Op;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HandleTimerWheelTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void timersFireInTimeOrderWhenTheirTimeComesAndNotBefore() {
        HandleTimerWheel<String> wheel = new HandleTimerWheel<>(T0);
        wheel.schedule(T0.plusSeconds(120), "second");
        wheel.schedule(T0.plusSeconds(60), "first");
        wheel.schedule(T0.plus(Duration.ofDays(400)), "next year");
        List<String> fired = new ArrayList<>();
        assertThat(wheel.advance(T0.plusSeconds(59), fired::add)).isZero();
        assertThat(wheel.advance(T0.plusSeconds(120), fired::add)).isEqualTo(2);
        assertThat(fired).containsExactly("first", "second");
        assertThat(wheel.size()).isEqualTo(1);
        assertThat(wheel.nextWakeUp()).isPresent();
        wheel.advance(T0.plus(Duration.ofDays(400)), fired::add);
        assertThat(fired).containsExactly("first", "second", "next year");
        assertThat(wheel.nextWakeUp()).isEmpty();
    }

    @Test
    void aCancelledTimerNeverFiresAndItsHandleAnswersNoMore() {
        HandleTimerWheel<String> wheel = new HandleTimerWheel<>(T0);
        long kept = wheel.schedule(T0.plusSeconds(10), "kept");
        long cancelled = wheel.schedule(T0.plusSeconds(10), "cancelled");
        assertThat(wheel.dueAt(cancelled)).contains(T0.plusSeconds(10));
        assertThat(wheel.cancel(cancelled)).isTrue();
        assertThat(wheel.cancel(cancelled)).isFalse();
        assertThat(wheel.dueAt(cancelled)).isEmpty();
        assertThat(wheel.size()).isEqualTo(1);
        List<String> fired = new ArrayList<>();
        wheel.advance(T0.plusSeconds(10), fired::add);
        assertThat(fired).containsExactly("kept");
        assertThat(wheel.cancel(kept)).isFalse();
        assertThat(wheel.dueAt(kept)).isEmpty();
    }

    @Test
    void handlesTheWheelNeverReturnedNameNoTimer() {
        HandleTimerWheel<String> wheel = new HandleTimerWheel<>(T0);
        long handle = wheel.schedule(T0.plusSeconds(1), "a");
        assertThat(wheel.cancel(-1)).isFalse();
        assertThat(wheel.cancel(handle + 1)).isFalse();
        assertThat(wheel.cancel(handle + (1L << 32))).isFalse();
        assertThat(wheel.cancel(Long.MAX_VALUE)).isFalse();
        assertThat(wheel.dueAt(1_000_000)).isEmpty();
        assertThat(wheel.cancel(handle)).isTrue();
    }

    @Test
    void aHandleNamesOnlyItsOwnTimerEvenAfterALaterTimerTakesItsPlace() {
        HandleTimerWheel<Integer> wheel = new HandleTimerWheel<>(T0);
        List<Long> old = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            old.add(wheel.schedule(T0.plusMillis(i + 1), i));
        }
        for (int i = 0; i < 1_000; i += 2) {
            wheel.cancel(old.get(i));
        }
        assertThat(wheel.advance(T0.plusSeconds(2), v -> { })).isEqualTo(500);
        Set<Integer> oldPlaces = new HashSet<>();
        old.forEach(h -> oldPlaces.add((int) (long) h));
        List<Long> fresh = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            fresh.add(wheel.schedule(T0.plusSeconds(60).plusMillis(i), 1_000 + i));
        }
        // the later timers reuse the places of the earlier ones, so the test shows that the handles tell them apart
        assertThat(fresh).anySatisfy(h -> assertThat(oldPlaces).contains((int) (long) h));
        assertThat(old).allSatisfy(h -> {
            assertThat(wheel.cancel(h)).isFalse();
            assertThat(wheel.dueAt(h)).isEmpty();
        });
        assertThat(wheel.size()).isEqualTo(1_000);
        assertThat(wheel.dueAt(fresh.get(7))).contains(T0.plusSeconds(60).plusMillis(7));
        assertThat(wheel.cancel(fresh.get(7))).isTrue();
        List<Integer> fired = new ArrayList<>();
        wheel.advance(T0.plusSeconds(120), fired::add);
        assertThat(fired).hasSize(999).doesNotContain(1_007).isSorted();
    }

    @Test
    void aSubMillisecondDueInstantFiresAtTheNextMillisecondAndMillisecondsMeanTheirInstants() {
        HandleTimerWheel<String> wheel = new HandleTimerWheel<>(T0);
        long handle = wheel.schedule(T0.plusNanos(1), "a");
        assertThat(wheel.dueAt(handle)).contains(T0.plusMillis(1));
        assertThat(wheel.advance(T0, v -> { })).isZero();
        assertThat(wheel.advance(T0.toEpochMilli() + 1, v -> { })).isEqualTo(1);
        long early = wheel.schedule(-5, "before the epoch");
        assertThat(wheel.dueAt(early)).contains(Instant.EPOCH);
        assertThat(wheel.advance(Long.MIN_VALUE, v -> { })).isEqualTo(1);
    }

    @Test
    void aConsumerMayScheduleAgain() {
        HandleTimerWheel<Integer> wheel = new HandleTimerWheel<>(T0);
        wheel.schedule(T0.plusSeconds(1), 1);
        List<Integer> fired = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            wheel.advance(T0.plusSeconds(i), v -> {
                fired.add(v);
                wheel.schedule(T0.plusSeconds(v + 1), v + 1);
            });
        }
        assertThat(fired).containsExactly(1, 2, 3);
        assertThat(wheel.size()).isEqualTo(1);
    }

    @Test
    void nullsAreRefusedWithTheirNames() {
        HandleTimerWheel<String> wheel = new HandleTimerWheel<>(T0);
        assertThatThrownBy(() -> new HandleTimerWheel<String>(null)).hasMessage("start");
        assertThatThrownBy(() -> wheel.schedule(null, "v")).hasMessage("due");
        assertThatThrownBy(() -> wheel.schedule(T0, null)).hasMessage("value");
        assertThatThrownBy(() -> wheel.schedule(1L, null)).hasMessage("value");
        assertThatThrownBy(() -> wheel.advance((Instant) null, v -> { })).hasMessage("to");
        assertThatThrownBy(() -> wheel.advance(T0, null)).hasMessage("consumer");
        assertThatThrownBy(() -> wheel.advance(1L, null)).hasMessage("consumer");
    }

    @Test
    void theWheelOfHandlesFiresExactlyWhatASortedMapOfDeadlinesSaysInTheSameOrder() {
        qt().forAll(WheelOperations.operations()).checkAssert(HandleTimerWheelTest::fireAsTheModelSays);
    }

    @Test
    void crowdedAndOftenCancelledTheWheelOfHandlesStillFiresExactlyWhatTheModelSays() {
        qt().withExamples(200).forAll(WheelOperations.crowdedOperations(40_000_000)).checkAssert(HandleTimerWheelTest::fireAsTheModelSays);
    }

    /*
     * Runs the operations on a wheel of handles and on a model, a sorted map of deadlines, as the caller keeping
     * the handle of each of its timers would: scheduling a timer the caller has already cancels the old one first.
     * Each scheduling carries a serial, so the order within a millisecond is checked too.
     */
    private static void fireAsTheModelSays(List<Op> ops) {
        HandleTimerWheel<Long> wheel = new HandleTimerWheel<>(T0);
        Map<Integer, Long> handles = new HashMap<>();
        Map<Integer, long[]> model = new TreeMap<>();
        Map<Integer, long[]> overdue = new LinkedHashMap<>();
        List<Long> spent = new ArrayList<>();
        long now = T0.toEpochMilli();
        long serial = 0;
        for (Op op : ops) {
            boolean had = model.remove(op.timer()) != null | overdue.remove(op.timer()) != null;
            Long handle = handles.remove(op.timer());
            if (handle != null) {
                assertThat(wheel.cancel(handle)).isEqualTo(had);
                spent.add(handle);
            }
            if (!op.cancel()) {
                long due = now - 1000 + op.offsetMillis();
                serial++;
                long created = wheel.schedule(due, serial);
                handles.put(op.timer(), created);
                (due <= now ? overdue : model).put(op.timer(), new long[] {due, serial});
                assertThat(wheel.dueAt(created)).contains(Instant.ofEpochMilli(due));
            }
            now += op.advanceMillis();
            long until = now;
            List<Long> expected = new ArrayList<>();
            overdue.values().forEach(timer -> expected.add(timer[1]));
            overdue.clear();
            model.values().stream().filter(timer -> timer[0] <= until)
                    .sorted(Comparator.<long[]>comparingLong(timer -> timer[0]).thenComparingLong(timer -> timer[1]))
                    .forEach(timer -> expected.add(timer[1]));
            model.values().removeIf(timer -> timer[0] <= until);
            List<Long> fired = new ArrayList<>();
            wheel.advance(now, fired::add);
            assertThat(fired).isEqualTo(expected);
            assertThat(wheel.size()).isEqualTo(model.size());
            assertThat(spent).allSatisfy(h -> assertThat(wheel.dueAt(h)).isEmpty());
        }
    }
}
