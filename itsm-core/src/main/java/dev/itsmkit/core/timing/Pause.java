package dev.itsmkit.core.timing;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A span during which an SLA clock did not count.
 *
 * @param from when the pause began
 * @param until when it ended, empty while it lasts
 */
public record Pause(Instant from, Optional<Instant> until) {
    /**
     * Creates the value, checking its components.
     *
     * @param from when the pause began
     * @param until when it ended, not before {@code from}
     * @throws IllegalArgumentException if it ends before it begins
     */
    public Pause {
        requireNonNull(from, "from");
        requireNonNull(until, "until");
        until.ifPresent(end -> {
            if (end.isBefore(from)) {
                throw new IllegalArgumentException("a pause cannot end (" + end + ") before it begins (" + from + ")");
            }
        });
    }
}
