package dev.itsmkit.sla;

import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.TimerId;
import java.util.List;

/**
 * What the SLA engine decided for one ticket at one instant: the clocks to save, the due timers to
 * schedule (replacing timers of the same id) and to cancel, and the thresholds newly crossed. The
 * caller writes all of it in one unit of work.
 *
 * @param clocks every clock of the ticket, as of the instant
 * @param schedule the next threshold of every running clock
 * @param cancel timers no longer due (their clock stopped, paused or moved to another threshold)
 * @param crossed thresholds crossed since the clocks were last saved, in time order
 * @param unchanged the timers of {@code schedule} that the saved clocks already had, due at the same instant (a
 *     change that moved no threshold, such as a comment): a caller that wrote every earlier update of the ticket has
 *     them in its timer store already and may leave them out; writing them again replaces each with itself
 */
public record SlaUpdate(List<SlaClockSnapshot> clocks, List<DueTimer> schedule, List<TimerId> cancel,
        List<SlaCrossing> crossed, List<DueTimer> unchanged) {
    /**
     * Creates the value, copying its lists.
     *
     * @param clocks the clocks
     * @param schedule timers to schedule
     * @param cancel timers to cancel
     * @param crossed thresholds crossed
     * @param unchanged timers of {@code schedule} already scheduled at the same instant
     * @throws IllegalArgumentException if a timer of {@code unchanged} is not one of {@code schedule}
     */
    public SlaUpdate {
        clocks = List.copyOf(clocks);
        // the engine's own timer lists are immutable already, and build their timers only when read (see DueTimers)
        schedule = schedule instanceof DueTimers ? schedule : List.copyOf(schedule);
        cancel = List.copyOf(cancel);
        crossed = List.copyOf(crossed);
        unchanged = unchanged instanceof DueTimers ? unchanged : List.copyOf(unchanged);
        boolean sameSlots = unchanged instanceof DueTimers u && schedule instanceof DueTimers s && u.allIn(s);
        for (int i = 0; !sameSlots && i < unchanged.size(); i++) {
            DueTimer timer = unchanged.get(i);
            if (!isOneOf(timer, schedule)) {
                throw new IllegalArgumentException("an unchanged timer is one of the timers to schedule; " + timer
                        + " is not one of " + schedule);
            }
        }
    }

    /*
     * List.contains, with the very instance tried first: the engine puts the same timer in both lists, and a record's
     * equals compares all seven components (the id's text among them) through a method handle on every command.
     */
    private static boolean isOneOf(DueTimer timer, List<DueTimer> timers) {
        for (int i = 0; i < timers.size(); i++) {
            DueTimer t = timers.get(i);
            if (t == timer || t.equals(timer)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Creates the value with no timer known to be scheduled already.
     *
     * @param clocks the clocks
     * @param schedule timers to schedule
     * @param cancel timers to cancel
     * @param crossed thresholds crossed
     */
    public SlaUpdate(List<SlaClockSnapshot> clocks, List<DueTimer> schedule, List<TimerId> cancel, List<SlaCrossing> crossed) {
        this(clocks, schedule, cancel, crossed, List.of());
    }

    /**
     * Returns the timers to write to a timer store that holds those of the saved clocks: {@link #schedule} without
     * {@link #unchanged}.
     *
     * @return the timers new or moved by this update, in the order of {@code schedule}
     */
    public List<DueTimer> moved() {
        if (unchanged.isEmpty()) {
            return schedule;
        }
        if (unchanged.size() == schedule.size()) {
            return List.of();
        }
        List<DueTimer> moved = new java.util.ArrayList<>(schedule);
        moved.removeAll(unchanged);
        return List.copyOf(moved);
    }
}
