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
 * <p>Data structure: a {@code Buffer} (an array and the count of its slots claimed so far) and this
 * list's size. {@link #append} on a list whose size equals the buffer's claimed count claims the
 * next slot with a compare-and-set, writes it once and returns a list one longer over the same
 * buffer; each slot is written once, before any list that can see it exists, so a list never sees
 * a slot change. Appending to an older list (a branch: two changes built from one snapshot) or to
 * a full buffer copies the list's elements into a new buffer of twice the capacity, which keeps
 * appends along one history amortised O(1) and lets a branch pay O(n) once.
 *
 * <p>Thread-safe: the compare-and-set decides which of two racing appends extends the shared
 * buffer (the other copies), and a list handed to another thread is published by whatever hands it
 * over (a final field of the snapshot, a concurrent map of a store), which also publishes the slots
 * written before it was made. Elements are never {@code null}. {@link #equals} and {@link #hashCode}
 * are those of {@link List}, so an {@code AppendOnlyList} equals a {@code List.of} of the same
 * elements.
 *
 * @param <E> the element type
 */
public final class AppendOnlyList<E> extends AbstractList<E> implements RandomAccess {
    private static final AppendOnlyList<?> EMPTY = new AppendOnlyList<>(new Buffer(new Object[0], 0), 0);

    private final Buffer buffer;
    private final int size;

    private AppendOnlyList(Buffer buffer, int size) {
        this.buffer = buffer;
        this.size = size;
    }

    /**
     * The shared array and the number of its slots claimed (and written or being written). The count is an
     * {@code int} field claimed through a {@link VarHandle} (the same compare-and-set as an
     * {@code AtomicInteger}'s) rather than an {@code AtomicInteger} object: a ticket's journal is kept for as
     * long as its ticket, so one object less per list is less for the collector to copy and trace.
     */
    private static final class Buffer {
        private static final VarHandle CLAIMED;

        static {
            try {
                CLAIMED = MethodHandles.lookup().findVarHandle(Buffer.class, "claimed", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final Object[] items;
        @SuppressWarnings("unused") // through CLAIMED
        private volatile int claimed;

        Buffer(Object[] items, int claimed) {
            this.items = items;
            this.claimed = claimed;
        }

        /** Claims slot {@code size} if no list claimed it (or a later one) before. */
        boolean claim(int size) {
            return CLAIMED.compareAndSet(this, size, size + 1);
        }
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
        return items.length == 0 ? of() : new AppendOnlyList<>(new Buffer(items, items.length), items.length);
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
        Object[] items = buffer.items;
        if (size < items.length && buffer.claim(size)) {
            items[size] = element;
            return new AppendOnlyList<>(buffer, size + 1);
        }
        // Only this list's own elements: slots past its size may hold another branch's.
        Object[] grown = new Object[Math.max(4, size * 2)];
        System.arraycopy(items, 0, grown, 0, size);
        grown[size] = element;
        return new AppendOnlyList<>(new Buffer(grown, size + 1), size + 1);
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
        return prefix instanceof AppendOnlyList<?> other && other.buffer == buffer && other.size <= size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size);
        return (E) buffer.items[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOf(buffer.items, size);
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof AppendOnlyList<?> other && other.buffer == buffer) {
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
        Object[] items = buffer.items;
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
