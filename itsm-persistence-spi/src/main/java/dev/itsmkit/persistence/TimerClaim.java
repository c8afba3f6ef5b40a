package dev.itsmkit.persistence;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.timing.DueTimer;
import java.time.Instant;

/**
 * A due timer that one node has claimed to fire: until {@code leaseUntil} no other node can claim
 * it. The node fires it and then {@linkplain dev.itsmkit.persistence.spi.TimerClaims#complete
 * completes} the claim; if the node dies first, the lease runs out and another node claims it again,
 * so a timer fires at least once and, while leases are honoured, by one node at a time.
 *
 * @param timer the timer as it was when claimed
 * @param node the node that holds the claim
 * @param leaseUntil the instant the claim expires
 * @param token a fencing token: distinct for every claim of the same timer, so a stale claim
 *     cannot complete a newer one
 */
public record TimerClaim(DueTimer timer, NodeId node, Instant leaseUntil, long token) {
    /**
     * Creates the value, checking its components.
     *
     * @param timer the timer
     * @param node the node
     * @param leaseUntil when the claim expires
     * @param token the fencing token
     */
    public TimerClaim {
        requireNonNull(timer, "timer");
        requireNonNull(node, "node");
        requireNonNull(leaseUntil, "leaseUntil");
    }
}
