package dev.itsmkit.core.internal;

import static java.util.Objects.requireNonNull;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list that shares its elements with the list it was appended to, so that the
 * journal of a ticket with n entries grows by one entry in amortised O(1) time and space instead of
 * the O(n) of copying it: each snapshot of a ticket holds its own {@code AppendOnlyList}, all of
 * them views of one growing array.
 *
 * <p>Data structure: an array and this list's size. {@link #append} on a list claims the slot just past
 * its size with a compare-and-set from {@code null} (elements are never {@code null}, so an empty slot is an
 * unclaimed one), writes the element with that same compare-and-set and returns a list one longer over the same
 * array; each slot is written once, before any list that can see it exists, so a list never sees a slot change.
 * Appending to an older list (a branch: two changes built from one snapshot, whose slot was claimed already) or
 * to a full array copies the list's elements into a new array of twice the capacity, which keeps appends along
 * one history amortised O(1) and lets a branch pay O(n) once. The array is the only shared state (no counter
 * object beside it): a ticket's journal is kept for as long as its ticket, so every object less per list is
 * less for the collector to copy and trace.
 *
 * <p>Thread-safe: the compare-and-set decides which of two racing appends extends the shared
 * array (the other copies), and a list handed to another thread is published by whatever hands it
 * over (a final field of the snapshot, a concurrent map of a store), which also publishes the slots
 * written before it was made. Elements are never {@code null}. {@link #equals} and {@link #hashCode}
 * are those of {@link List}, so an {@code AppendOnlyList} equals a {@code List.of} of the same
 * elements.
 *
 * @param <E> the element type
 */
public final class AppendOnlyList<E> extends AbstractList<E> implements RandomAccess {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final AppendOnlyList<?> EMPTY = new AppendOnlyList<>(new Object[0], 0);

    /* The shared array: this list's elements in its first size slots; later slots empty or other lists'. */
    private final Object[] items;
    private final int size;

    private AppendOnlyList(Object[] items, int size) {
        this.items = items;
        this.size = size;
    }

    /**
     * Returns the empty list.
     *
     * @param <E> the element type
     * @return the empty list
     */
    @SuppressWarnings("unchecked")
    public static <E> AppendOnlyList<E> of() {
        return (AppendOnlyList<E>) EMPTY;
    }

    /**
     * Returns an immutable list of the given elements: the list itself if it is an
     * {@code AppendOnlyList}, else a copy.
     *
     * @param <E> the element type
     * @param elements the elements
     * @return a list of the elements, in order
     * @throws NullPointerException if the collection or one of its elements is {@code null}, as
     *     {@link List#copyOf} does
     */
    @SuppressWarnings("unchecked")
    public static <E> AppendOnlyList<E> copyOf(Collection<? extends E> elements) {
        if (elements instanceof AppendOnlyList<?> list) {
            return (AppendOnlyList<E>) list;
        }
        Object[] items = elements.toArray();
        for (Object item : items) {
            requireNonNull(item);
        }
        return items.length == 0 ? of() : new AppendOnlyList<>(items, items.length);
    }

    /**
     * Returns a list of the elements of {@code list} followed by {@code element}; {@code list} itself
     * is not changed. Amortised O(1) when {@code list} is an {@code AppendOnlyList} that nothing was
     * appended to yet; otherwise O(n).
     *
     * @param <E> the element type
     * @param list the elements before
     * @param element the element to append
     * @return the longer list
     * @throws NullPointerException if an element is {@code null}
     */
    public static <E> AppendOnlyList<E> appending(List<? extends E> list, E element) {
        return AppendOnlyList.<E>copyOf(list).append(element);
    }

    /**
     * Returns this list followed by {@code element}; this list is not changed.
     *
     * @param element the element to append
     * @return the longer list
     * @throws NullPointerException if the element is {@code null}
     */
    public AppendOnlyList<E> append(E element) {
        requireNonNull(element, "element");
        Object[] items = this.items;
        if (size < items.length && SLOTS.compareAndSet(items, size, (Object) null, (Object) element)) {
            return new AppendOnlyList<>(items, size + 1);
        }
        // Only this list's own elements: slots past its size may hold another branch's.
        Object[] grown = new Object[Math.max(4, size * 2)];
        System.arraycopy(items, 0, grown, 0, size);
        grown[size] = element;
        return new AppendOnlyList<>(grown, size + 1);
    }

    /**
     * Whether this list starts with all of {@code prefix}'s elements because it was appended to it:
     * both views of one array, this one at least as long. O(1); {@code false} does not mean the
     * elements differ, only that this list cannot tell without comparing them.
     *
     * @param prefix the list that may be a prefix
     * @return whether {@code prefix} is known to be a prefix of this list
     */
    public boolean extendsList(List<?> prefix) {
        return prefix instanceof AppendOnlyList<?> other && other.items == items && other.size <= size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size);
        return (E) items[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOf(items, size);
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof AppendOnlyList<?> other && other.items == items) {
            return other.size == size;
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public int indexOf(Object o) {
        requireNonNull(o);
        Object[] items = this.items;
        for (int i = 0; i < size; i++) {
            if (o.equals(items[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }
}
