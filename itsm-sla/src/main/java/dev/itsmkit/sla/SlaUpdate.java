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
 */
public record SlaUpdate(List<SlaClockSnapshot> clocks, List<DueTimer> schedule, List<TimerId> cancel,
        List<SlaCrossing> crossed) {
    /**
     * Creates the value, copying its lists.
     *
     * @param clocks the clocks
     * @param schedule timers to schedule
     * @param cancel timers to cancel
     * @param crossed thresholds crossed
     */
    public SlaUpdate {
        clocks = List.copyOf(clocks);
        schedule = List.copyOf(schedule);
        cancel = List.copyOf(cancel);
        crossed = List.copyOf(crossed);
    }
}
