package dev.itsmkit.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChunkedIndexTest {
    /** The reference key: the same order as the index's (major, minor, tie). */
    private record Key(long major, long minor, String tie) {}

    private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::major).thenComparingLong(Key::minor)
            .thenComparing(Key::tie);

    /**
     * Operations drawn as integers: the sign says put or remove, the value the key; few majors, so ties happen. A put
     * passes a new instance of the tie: an equal key's tie is replaced, as the reference's value is.
     */
    private static void apply(int op, ChunkedIndex<String> index, TreeMap<Key, String> reference) {
        int k = Math.abs(op);
        Key key = new Key(k % 7, k % 13, "t" + (k % 1_000));
        if (op >= 0) {
            String tie = new String(key.tie());
            index.put(key.major(), key.minor(), tie);
            reference.put(key, tie);
        } else {
            assertThat(index.remove(key.major(), key.minor(), key.tie())).isEqualTo(reference.remove(key) != null);
        }
    }

    private static List<String> all(ChunkedIndex<String> index) {
        List<String> values = new ArrayList<>();
        index.visitAll(values::add);
        return values;
    }

    @Test
    void putsAndRemovesKeepTheSameOrderedContentAsATreeMap() {
        // up to 3,000 operations over 1,000 ties: enough for chunks to split, empty and merge
        qt().withExamples(60).forAll(lists().of(integers().between(-3_000, 3_000)).ofSizeBetween(0, 3_000)).checkAssert(ops -> {
            ChunkedIndex<String> index = new ChunkedIndex<>(Comparator.naturalOrder());
            TreeMap<Key, String> reference = new TreeMap<>(ORDER);
            ops.forEach(op -> apply(op, index, reference));
            assertThat(index.size()).isEqualTo(reference.size());
            List<String> stored = all(index);
            assertThat(stored).containsExactlyElementsOf(reference.values());
            // the instances too: the last put of each key is what the index holds
            List<String> expected = List.copyOf(reference.values());
            for (int i = 0; i < stored.size(); i++) {
                assertThat(stored.get(i)).isSameAs(expected.get(i));
            }
            Map.Entry<Key, String> first = reference.firstEntry();
            assertThat(index.first()).isEqualTo(first == null ? null : first.getValue());
        });
    }

    @Test
    void aVisitStartsAndStopsWhereTheTreeMapsViewsDo() {
        qt().withExamples(60).forAll(lists().of(integers().between(0, 2_000)).ofSizeBetween(0, 1_500),
                integers().between(0, 2_000), integers().between(0, 2_000)).checkAssert((ops, from, to) -> {
            ChunkedIndex<String> index = new ChunkedIndex<>(Comparator.naturalOrder());
            TreeMap<Key, String> reference = new TreeMap<>(ORDER);
            ops.forEach(op -> apply(op, index, reference));
            Key start = new Key(from % 7, from % 13, "t" + (from % 1_000));
            long endMajor = to % 7;
            long endMinor = to % 13;
            // the end bound is (endMajor, endMinor) before any tie: the head map up to the smallest such key
            Key end = new Key(endMajor, endMinor, "");
            for (boolean inclusive : new boolean[] {true, false}) {
                List<String> visited = new ArrayList<>();
                index.visit(start.major(), start.minor(), start.tie(), inclusive, true, endMajor, endMinor, visited::add);
                List<String> expected = ORDER.compare(start, end) >= 0 ? List.of()
                        : List.copyOf(reference.subMap(start, inclusive, end, false).values());
                assertThat(visited).containsExactlyElementsOf(expected);
                List<String> unbounded = new ArrayList<>();
                index.visit(start.major(), start.minor(), start.tie(), inclusive, false, 0, 0, unbounded::add);
                assertThat(unbounded).containsExactlyElementsOf(reference.tailMap(start, inclusive).values());
            }
            List<String> atOneInstant = new ArrayList<>();
            index.visit(endMajor, endMinor, null, true, false, 0, 0, atOneInstant::add);
            assertThat(atOneInstant).containsExactlyElementsOf(reference.tailMap(end, true).values());
            Map.Entry<Key, String> firstAt = reference.ceilingEntry(end);
            assertThat(index.firstAt(endMajor, endMinor)).isEqualTo(
                    firstAt != null && firstAt.getKey().major() == endMajor && firstAt.getKey().minor() == endMinor
                            ? firstAt.getValue() : null);
        });
    }

    @Test
    void keysArrivingInOrderFillWholeChunksAndAVisitCanStopEarly() {
        ChunkedIndex<String> index = new ChunkedIndex<>(Comparator.naturalOrder());
        int n = ChunkedIndex.CHUNK * 10 + 3;
        for (int i = 0; i < n; i++) {
            index.put(i, 0, "v" + i);
        }
        List<String> firstThree = new ArrayList<>();
        index.visitAll(v -> {
            firstThree.add(v);
            return firstThree.size() < 3;
        });
        assertThat(firstThree).containsExactly("v0", "v1", "v2");
        assertThat(index.size()).isEqualTo(n);
        for (int i = 0; i < n; i += 2) {
            assertThat(index.remove(i, 0, "v" + i)).isTrue();
        }
        assertThat(index.remove(0, 0, "v0")).isFalse();
        assertThat(all(index)).hasSize(n / 2).startsWith("v1", "v3");
    }

    /**
     * Moves of ties between keys, as an update order does: a move to a new key marks the old one stale and puts the
     * new one; keys mostly move forward (the update instant) and sometimes back, also onto a key the tie held
     * before (a stale entry revived). Drawn as integers: the value picks the tie and the step.
     */
    @Test
    void withLazyDeletionAVisitSeesExactlyThePresentKeysAndStaleOnesAreCompactedAway() {
        qt().withExamples(40).forAll(lists().of(integers().between(-4_000, 4_000)).ofSizeBetween(0, 4_000),
                integers().between(0, 400), integers().between(0, 2_000)).checkAssert((ops, startAt, endAt) -> {
            Map<String, Key> present = new HashMap<>();
            Map<String, Integer> entryOf = new HashMap<>();
            ChunkedIndex<String> index = new ChunkedIndex<>(Comparator.naturalOrder(), true);
            TreeMap<Key, String> reference = new TreeMap<>(ORDER);
            long clock = 0;
            int peakSize = 0;
            for (int op : ops) {
                String tie = "t" + (Math.abs(op) % 300);
                clock += Math.abs(op) % 3;
                Key moved = moved(op, clock, tie);
                Key before = present.put(tie, moved);
                if (before != null) {
                    reference.remove(before);
                    if (!before.equals(moved)) {
                        index.markStale(before.major(), before.minor(), tie, entryOf.get(tie));
                    }
                }
                index.put(moved.major(), moved.minor(), tie);
                entryOf.put(tie, index.lastEntry());
                reference.put(moved, tie);
                peakSize = Math.max(peakSize, index.size());
            }
            // the numbers of dropped entries are given to new ones: never more numbers than entries at once
            assertThat(index.entryNumbers()).isEqualTo(peakSize);
            assertThat(all(index)).containsExactlyElementsOf(reference.values());
            // compaction keeps fewer stale entries than 2 * STALE_CHECK more than live ones in every chunk
            assertThat(index.size()).isLessThan(2 * reference.size() + 2 * ChunkedIndex.STALE_CHECK * index.chunkCount() + 1);
            // a walk from any key, as a page after a cursor or a window's start, and up to any end
            Key start = reference.isEmpty() ? new Key(0, 0, "t0")
                    : List.copyOf(reference.keySet()).get(startAt % reference.size());
            long endMajor = endAt / 5;
            long endMinor = endAt % 5;
            Key end = new Key(endMajor, endMinor, "");
            for (boolean inclusive : new boolean[] {true, false}) {
                List<String> visited = new ArrayList<>();
                index.visit(start.major(), start.minor(), start.tie(), inclusive, true, endMajor, endMinor, visited::add);
                List<String> expected = ORDER.compare(start, end) >= 0 ? List.of()
                        : List.copyOf(reference.subMap(start, inclusive, end, false).values());
                assertThat(visited).containsExactlyElementsOf(expected);
            }
        });
    }

    /**
     * A commit marks an old key stale in the chunk {@code put} returned for it, which splits, merges, compactions and
     * drops of chunks may have made wrong since (a dropped chunk's number is given to a later chunk); the hint is used
     * only while its chunk is still in the index and holds the key between its first and last keys. Two indexes take
     * the same moves, one marking stale keys without a hint, the other with the chunk number returned for the key, one
     * returned for another key earlier (possibly of a chunk dropped since) or none: they must stay the same, entry for
     * entry, in size and in chunks (a wrong chunk's stale count would change when chunks are compacted).
     */
    @Test
    void aChunkHintIsUsedOnlyWhenItStillHoldsTheKey() {
        qt().withExamples(40).forAll(lists().of(integers().between(-4_000, 4_000)).ofSizeBetween(0, 4_000))
                .checkAssert(ops -> {
            Map<String, Key> present = new HashMap<>();
            ChunkedIndex<String> plain = new ChunkedIndex<>(Comparator.naturalOrder(), true);
            ChunkedIndex<String> hinted = new ChunkedIndex<>(Comparator.naturalOrder(), true);
            Map<String, Integer> chunkOf = new HashMap<>();
            Map<String, Integer> plainEntryOf = new HashMap<>();
            Map<String, Integer> hintedEntryOf = new HashMap<>();
            int earlierHint = ChunkedIndex.NO_HINT;
            long clock = 0;
            for (int op : ops) {
                String tie = "t" + (Math.abs(op) % 300);
                clock += Math.abs(op) % 3;
                Key moved = moved(op, clock, tie);
                Key before = present.get(tie);
                if (before != null && !before.equals(moved)) {
                    int fresh = chunkOf.get(tie);
                    int hint = switch (Math.abs(op) % 3) {
                        case 0 -> fresh;
                        case 1 -> earlierHint;
                        default -> ChunkedIndex.NO_HINT;
                    };
                    earlierHint = fresh;
                    present.put(tie, moved);
                    plain.markStale(before.major(), before.minor(), tie, plainEntryOf.get(tie));
                    hinted.markStale(before.major(), before.minor(), tie, hint, hintedEntryOf.get(tie));
                } else {
                    present.put(tie, moved);
                }
                plain.put(moved.major(), moved.minor(), tie);
                plainEntryOf.put(tie, plain.lastEntry());
                chunkOf.put(tie, hinted.put(moved.major(), moved.minor(), tie));
                hintedEntryOf.put(tie, hinted.lastEntry());
                assertThat(hinted.size()).isEqualTo(plain.size());
                assertThat(hinted.chunkCount()).isEqualTo(plain.chunkCount());
            }
            assertThat(all(hinted)).containsExactlyElementsOf(all(plain));
        });
    }

    /**
     * Deferred marks ({@code markStaleLater}, what a commit uses) are the same marks applied later, {@code PENDING} at a
     * time: a visit sees exactly the present keys at every moment (a mark clears its entry's bit at once; only its
     * count in the entry's chunk waits), and once
     * the pending marks are applied the index keeps no more stale entries than marks applied at once would. Each mark
     * carries the chunk number {@code put} returned for its key, which may be outdated by the time it is applied; the
     * read ahead of the marks about to be applied (before a commit takes the lock) changes nothing.
     */
    @Test
    void deferredMarksKeepTheContentExactAndTheStaleEntriesBounded() {
        qt().withExamples(40).forAll(lists().of(integers().between(-4_000, 4_000)).ofSizeBetween(0, 4_000))
                .checkAssert(ops -> {
            DeferredMoves moves = new DeferredMoves();
            ChunkedIndex<String> index = moves.index;
            TreeMap<Key, String> reference = moves.reference;
            long clock = 0;
            int step = 0;
            for (int op : ops) {
                String tie = "t" + (Math.abs(op) % 300);
                clock += Math.abs(op) % 3;
                moves.move(tie, moved(op, clock, tie));
                int pending = index.pendingMarks();
                assertThat(pending).isLessThan(ChunkedIndex.PENDING);
                // what a commit reads ahead before the lock reads only: whatever the hints, nothing changes
                index.readAheadPendingMarks();
                assertThat(index.pendingMarks()).isEqualTo(pending);
                if (++step % 97 == 0) {
                    assertThat(all(index)).containsExactlyElementsOf(reference.values());
                }
            }
            assertThat(all(index)).containsExactlyElementsOf(reference.values());
            index.applyPendingMarks();
            assertThat(index.pendingMarks()).isZero();
            assertThat(all(index)).containsExactlyElementsOf(reference.values());
            assertThat(index.size()).isLessThan(2 * reference.size() + 2 * ChunkedIndex.STALE_CHECK * index.chunkCount() + 1);
        });
    }

    /**
     * In a steady state of updates (each tie moved to the end in turn, pass after pass, as a million tickets updated one
     * after another), a deferred mark's key is usually in a chunk that is compacted while the mark waits: the
     * compaction consumes the mark, which otherwise would search the directory for a key that is gone (59 % of the
     * marks did, at a million tickets). The content stays exact.
     */
    @Test
    void deferredMarksOfEntriesACompactionDroppedDoNotSearchTheDirectory() {
        DeferredMoves moves = new DeferredMoves();
        ChunkedIndex<String> index = moves.index;
        int ties = 300;
        long clock = 0;
        long marks = 0;
        for (int pass = 0; pass < 20; pass++) {
            for (int t = 0; t < ties; t++) {
                String tie = "t" + t;
                if (moves.move(tie, new Key(++clock, 0, tie))) {
                    marks++;
                }
            }
        }
        index.applyPendingMarks();
        assertThat(all(index)).containsExactlyElementsOf(moves.reference.values());
        assertThat(index.searchedMarks()).isLessThan(marks / 10);
    }

    /**
     * Updates that fall on a few hot ties (the open tickets of a desk whose older tickets no longer change) leave their
     * stale entries among the latest keys, where a query of the recent updates walks. The marks lead the compactions to
     * those chunks, however many older keys the index holds, so such a walk tests about as many entries as it yields;
     * a scheme that compacts the chunks in turn, wherever their stale entries are, would leave it thousands to skip.
     */
    @Test
    void aWalkOverTheKeysOfHotTiesSkipsFewStaleEntriesHoweverManyColdKeysPrecedeThem() {
        DeferredMoves moves = new DeferredMoves();
        ChunkedIndex<String> index = moves.index;
        int cold = 100_000;
        for (int t = 0; t < cold; t++) {
            moves.move("cold" + t, new Key(t, 0, "cold" + t));
        }
        long clock = cold;
        int hot = 100;
        for (int u = 0; u < 20_000; u++) {
            String tie = "hot" + (u % hot);
            moves.move(tie, new Key(++clock, 0, tie));
        }
        index.applyPendingMarks();
        long before = index.livenessTests();
        List<String> visited = new ArrayList<>();
        index.visit(cold, 0, null, true, false, 0, 0, visited::add);
        assertThat(visited).containsExactlyElementsOf(moves.reference.tailMap(new Key(cold, 0, ""), true).values());
        assertThat(visited).hasSize(hot);
        assertThat(index.livenessTests() - before).isLessThan(3L * hot);
    }

    /**
     * An index with lazy deletion moved as a commit moves the order by last update: each move puts the tie's new key and
     * defers the mark of its old one with the hint {@code put} returned for it; beside it, the reference of the present
     * keys.
     */
    private static final class DeferredMoves {
        final Map<String, Key> present = new HashMap<>();
        final ChunkedIndex<String> index = new ChunkedIndex<>(Comparator.naturalOrder(), true);
        final Map<String, Integer> chunkOf = new HashMap<>();
        final Map<String, Integer> entryOf = new HashMap<>();
        final TreeMap<Key, String> reference = new TreeMap<>(ORDER);

        /** Moves a tie to a key; returns whether a mark of its old key was deferred. */
        boolean move(String tie, Key moved) {
            Key before = present.put(tie, moved);
            boolean marked = false;
            if (before != null) {
                reference.remove(before);
                if (!before.equals(moved)) {
                    index.markStaleLater(before.major(), before.minor(), tie, chunkOf.get(tie), entryOf.get(tie));
                    marked = true;
                }
            }
            chunkOf.put(tie, index.put(moved.major(), moved.minor(), tie));
            entryOf.put(tie, index.lastEntry());
            reference.put(moved, tie);
            return marked;
        }
    }

    /**
     * Where a drawn integer moves its tie: forward in time for a positive value; back to a small instant for a negative
     * one (which revives some keys).
     */
    private static Key moved(int op, long clock, String tie) {
        return op >= 0 ? new Key(clock / 5, clock % 5, tie) : new Key(0, Math.abs(op) % 4, tie);
    }

    @Test
    void anIndexWithLazyDeletionRefusesTheReadsAndRemovalsThatCannotSkipStaleEntries() {
        ChunkedIndex<String> lazy = new ChunkedIndex<>(Comparator.naturalOrder(), true);
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(lazy::first);
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> lazy.firstAt(0, 0));
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> lazy.remove(0, 0, "a"));
        ChunkedIndex<String> eager = new ChunkedIndex<>(Comparator.naturalOrder());
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> eager.markStale(0, 0, "a", 0))
                .withMessageContaining("call remove");
    }

    @Test
    void aMarkOfAnEntryThatIsNotLiveIsRefusedAndChangesNothing() {
        ChunkedIndex<String> lazy = new ChunkedIndex<>(Comparator.naturalOrder(), true);
        lazy.put(1, 0, "a");
        int a = lazy.lastEntry();
        lazy.put(2, 0, "b");
        lazy.markStale(1, 0, "a", a);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> lazy.markStale(1, 0, "a", a)).withMessageContaining("entry " + a + " is not a live entry");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> lazy.markStaleLater(9, 0, "z", ChunkedIndex.NO_HINT, 7))
                .withMessageContaining("entry 7 is not a live entry");
        assertThat(lazy.pendingMarks()).isZero();
        assertThat(all(lazy)).containsExactly("b");
    }
}
