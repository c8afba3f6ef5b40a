package dev.itsmkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AppendOnlyListTest {
    @Test
    void appendingAlongOneHistoryGivesTheElementsInOrderAndLeavesEveryEarlierListAsItWas() {
        qt().forAll(lists().of(integers().all()).ofSizeBetween(0, 200)).checkAssert(elements -> {
            List<AppendOnlyList<Integer>> history = new ArrayList<>();
            AppendOnlyList<Integer> list = AppendOnlyList.of();
            history.add(list);
            for (Integer e : elements) {
                list = list.append(e);
                history.add(list);
            }
            assertThat(list).containsExactlyElementsOf(elements);
            int copies = 0;
            for (int i = 0; i < history.size(); i++) {
                assertThat(history.get(i)).containsExactlyElementsOf(elements.subList(0, i));
                if (i > 0 && !history.get(i).extendsList(history.get(i - 1))) {
                    copies++;
                }
            }
            // The array is copied only when full, and doubles: a logarithmic number of times.
            assertThat(copies).isLessThanOrEqualTo(2 + 32 - Integer.numberOfLeadingZeros(Math.max(1, elements.size())));
            assertThat(list.extendsList(list)).isTrue();
        });
    }

    @Test
    void appendingTwiceToOneListBranchesWithoutEitherBranchSeeingTheOther() {
        qt().forAll(lists().of(integers().all()).ofSizeBetween(0, 50), integers().all(), integers().all())
                .checkAssert((prefix, left, right) -> {
                    AppendOnlyList<Integer> base = AppendOnlyList.copyOf(prefix);
                    AppendOnlyList<Integer> a = base.append(left);
                    AppendOnlyList<Integer> b = base.append(right);
                    AppendOnlyList<Integer> aa = a.append(left);
                    AppendOnlyList<Integer> bb = b.append(right);
                    assertThat(base).containsExactlyElementsOf(prefix);
                    assertThat(aa).containsExactlyElementsOf(with(prefix, left, left));
                    assertThat(bb).containsExactlyElementsOf(with(prefix, right, right));
                    assertThat(aa.extendsList(b)).isFalse();
                });
    }

    @Test
    void equalsAndHashCodeAreThoseOfAList() {
        qt().forAll(lists().of(integers().between(0, 3)).ofSizeBetween(0, 20), lists().of(integers().between(0, 3))
                .ofSizeBetween(0, 20)).checkAssert((x, y) -> {
                    AppendOnlyList<Integer> list = AppendOnlyList.of();
                    for (Integer e : x) {
                        list = list.append(e);
                    }
                    assertThat(list).isEqualTo(List.copyOf(x)).hasSameHashCodeAs(List.copyOf(x));
                    assertThat(list.equals(AppendOnlyList.copyOf(y))).isEqualTo(x.equals(y));
                    assertThat(List.copyOf(y).equals(list)).isEqualTo(x.equals(y));
                });
    }

    @Test
    void theListCannotBeChangedAndHoldsNoNulls() {
        AppendOnlyList<String> list = AppendOnlyList.<String>of().append("a");
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> list.add("b"));
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> list.set(0, "b"));
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> list.remove(0));
        assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> list.append(null));
        assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> AppendOnlyList.copyOf(Arrays.asList("a", null)));
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.get(1));
    }

    @Test
    void copyingAnAppendOnlyListGivesItBackAndCopyingAnyOtherCopiesIt() {
        AppendOnlyList<String> list = AppendOnlyList.<String>of().append("a");
        assertThat(AppendOnlyList.copyOf(list)).isSameAs(list);
        List<String> source = new ArrayList<>(List.of("a", "b"));
        AppendOnlyList<String> copy = AppendOnlyList.copyOf(source);
        source.set(0, "z");
        assertThat(copy).containsExactly("a", "b");
    }

    @Test
    void threadsAppendingToOneListEachGetTheirOwnBranch() throws Exception {
        AppendOnlyList<Integer> base = AppendOnlyList.<Integer>of().append(0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AppendOnlyList<Integer>>> results = new ArrayList<>();
            for (int t = 1; t <= 4; t++) {
                int value = t;
                results.add(pool.submit(() -> {
                    start.await();
                    AppendOnlyList<Integer> list = base;
                    for (int i = 0; i < 1_000; i++) {
                        list = list.append(value);
                    }
                    return list;
                }));
            }
            start.countDown();
            for (int t = 1; t <= 4; t++) {
                AppendOnlyList<Integer> list = results.get(t - 1).get();
                assertThat(list).hasSize(1_001).startsWith(0);
                assertThat(list.subList(1, 1_001)).containsOnly(t);
            }
            assertThat(base).containsExactly(0);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> with(List<Integer> prefix, int x, int y) {
        List<Integer> all = new ArrayList<>(prefix);
        all.add(x);
        all.add(y);
        return all;
    }
}
