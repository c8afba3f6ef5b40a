package dev.itsmkit.sla;

import dev.itsmkit.core.timing.ClockStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/*
 * One clock as a report counts it: its status as of the report instant (RUNNING or PAUSED for an open
 * clock, even a breached one, whose breach is in openBreached), its business time elapsed, its goal,
 * the wall time from the ticket's creation to its stop, the ticket's role for the response and
 * resolution figures, and the labels of its group on every dimension.
 */
record ReportedClock(ClockStatus status, boolean openBreached, Duration elapsed, Duration goal,
        Optional<Duration> wallTime, boolean response, boolean resolution, List<String> labels) {

    /* Stopped and not cancelled: counts for compliance and for the elapsed figures. */
    boolean stopped() {
        return status == ClockStatus.MET || status == ClockStatus.BREACHED;
    }

    boolean open() {
        return status == ClockStatus.RUNNING || status == ClockStatus.PAUSED;
    }
}
