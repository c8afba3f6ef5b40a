package dev.itsmkit.persistence.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link TimerWheel} whose timers are named by the handles it returns instead of keys: for a caller that
 * keeps the handle of each timer it schedules (an SLA clock's next threshold, held with the clock), so that
 * the wheel needs no table from keys to timers.
 *
 * <p>With a million timers that table is the keyed wheel's largest cost: scheduling a key reads a random cell of
 * a table of 16 MB (a cache miss), and the cell of a fired timer is later swept out. A handle is the timer's place
 * in the wheel's rows, so scheduling, cancelling and firing touch no table; the table's memory (8 to 16 bytes a
 * timer) is saved too. Everything else (levels, slots, firing order, allocation, thread safety) is that of
 * {@link TimerWheel}, whose class comment explains the design.
 *
 * <p>A handle names one timer: once that timer has fired or was cancelled, {@link #cancel} and {@link #dueAt}
 * of its handle answer {@code false} and empty, even after a later timer reuses its place (the handle carries
 * a count of the place's timers; it would take 2<sup>32</sup> timers in one place before a handle named a later
 * one). Rescheduling is {@link #cancel} and {@link #schedule(long, Object)}.
 *
 * <p>Timers due in the same millisecond fire in the order they were scheduled; timers of different milliseconds
 * in time order. Instants before the epoch are treated as the epoch, instants after the year 10889 as then.
 * Thread-safe: every method holds the wheel's lock, and {@link #advance} calls its consumer outside the lock,
 * after removing the fired timers, so a consumer may schedule again.
 *
 * @param <V> what a timer carries to its consumer
 */
public final class HandleTimerWheel<V> {
    private final TimerWheel<Object, V> wheel;

    /**
     * Creates an empty wheel whose time starts at an instant.
     *
     * @param start the wheel's current time; timers due before it fire on the first {@link #advance}
     */
    public HandleTimerWheel(Instant start) {
        this.wheel = new TimerWheel<>(start, false);
    }

    /**
     * Schedules a timer.
     *
     * @param due when it is due (rounded up to the millisecond: a timer never fires early)
     * @param value what it carries
     * @return the timer's handle, for {@link #cancel} and {@link #dueAt}
     */
    public long schedule(Instant due, V value) {
        requireNonNull(value, "value");
        return wheel.scheduleHandle(TimerWheel.ceilTick(requireNonNull(due, "due")), value);
    }

    /**
     * Schedules a timer due at a number of milliseconds since the epoch: the same as
     * {@link #schedule(Instant, Object)} with {@code Instant.ofEpochMilli(dueEpochMilli)}, without the instant.
     *
     * @param dueEpochMilli when it is due, in milliseconds since 1970-01-01T00:00:00Z
     * @param value what it carries
     * @return the timer's handle, for {@link #cancel} and {@link #dueAt}
     */
    public long schedule(long dueEpochMilli, V value) {
        requireNonNull(value, "value");
        return wheel.scheduleHandle(TimerWheel.clampTick(dueEpochMilli), value);
    }

    /**
     * Cancels a timer.
     *
     * @param handle the handle {@link #schedule(long, Object)} returned for it
     * @return {@code true} if the timer was waiting; {@code false} if it fired or was cancelled before, or if
     *     the handle is none this wheel returned
     */
    public boolean cancel(long handle) {
        return wheel.cancelHandle(handle);
    }

    /**
     * Tells when a timer is due.
     *
     * @param handle the handle {@link #schedule(long, Object)} returned for it
     * @return its due instant, to the millisecond, or empty if it fired or was cancelled (or the handle is none
     *     this wheel returned)
     */
    public Optional<Instant> dueAt(long handle) {
        long tick = wheel.dueTickOfHandle(handle);
        return tick < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(tick));
    }

    /**
     * Returns how many timers are waiting.
     *
     * @return the number of timers
     */
    public int size() {
        return wheel.size();
    }

    /**
     * Returns an instant before which no timer is due: the time to sleep until (see
     * {@link TimerWheel#nextWakeUp()}).
     *
     * @return the instant, or empty if the wheel is empty
     */
    public Optional<Instant> nextWakeUp() {
        return wheel.nextWakeUp();
    }

    /**
     * Moves the wheel's time to an instant and fires every timer due at or before it, in time order.
     *
     * @param to the new time; an instant before the wheel's time fires nothing
     * @param consumer receives the value of each timer fired, outside the wheel's lock
     * @return how many timers fired
     */
    public int advance(Instant to, Consumer<? super V> consumer) {
        requireNonNull(consumer, "consumer");
        return wheel.advanceHandles(TimerWheel.floorTick(requireNonNull(to, "to")), consumer);
    }

    /**
     * Moves the wheel's time to a number of milliseconds since the epoch and fires every timer due at or before
     * it, in time order: the same as {@link #advance(Instant, Consumer)} with
     * {@code Instant.ofEpochMilli(toEpochMilli)}, without the instant.
     *
     * @param toEpochMilli the new time, in milliseconds since 1970-01-01T00:00:00Z; a time before the wheel's
     *     fires nothing
     * @param consumer receives the value of each timer fired, outside the wheel's lock
     * @return how many timers fired
     */
    public int advance(long toEpochMilli, Consumer<? super V> consumer) {
        requireNonNull(consumer, "consumer");
        return wheel.advanceHandles(TimerWheel.clampTick(toEpochMilli), consumer);
    }
}
