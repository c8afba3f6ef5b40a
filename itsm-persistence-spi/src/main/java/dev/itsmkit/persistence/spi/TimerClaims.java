package dev.itsmkit.persistence.spi;

import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.TimerClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The due timers of every tenant, claimed by the nodes that fire them. Several nodes may share one
 * store; each claim is a lease.
 *
 * <p>An implementation must guarantee:
 * <ul>
 *   <li><b>Exactly one winner.</b> A timer is handed out by {@link #claimDue} to at most one caller
 *       until that claim's lease has expired, however many nodes and threads ask at once.</li>
 *   <li><b>Lease expiry.</b> A claimed timer whose lease has expired ({@code leaseUntil <= now})
 *       and that was not completed is claimable again, with a new token.</li>
 *   <li><b>Fencing.</b> {@link #complete} removes the timer only if the claim is still the current
 *       one: not re-claimed by another, not rescheduled nor cancelled since.</li>
 *   <li>Time only from the parameters; thread safety.</li>
 * </ul>
 */
public interface TimerClaims {
    /**
     * Claims timers that are due: scheduled with {@code dueAt <= now}, and either never claimed or
     * with an expired lease. Earliest wake-up first: an unclaimed timer wakes at its {@code dueAt}, a claimed
     * one at the end of its lease (what {@link #nextWakeUp} reports), so a timer whose claim ran out comes
     * after timers due before that lease ended.
     *
     * @param now the current instant
     * @param node the claiming node
     * @param lease how long the claim holds, positive
     * @param limit the most timers to claim, 1 or more
     * @return the claims, each with {@code leaseUntil = now + lease}; empty if nothing is due
     * @throws IllegalArgumentException if {@code lease} is not positive or {@code limit} is less than 1
     */
    List<TimerClaim> claimDue(Instant now, NodeId node, Duration lease, int limit);

    /**
     * Completes a claim: the timer has fired and is removed.
     *
     * @param claim the claim
     * @return {@code true} if the timer was removed; {@code false} if the claim was no longer the
     *     current one (re-claimed after its lease expired, rescheduled, cancelled or completed)
     */
    boolean complete(TimerClaim claim);

    /**
     * Completes several claims, each exactly as {@link #complete} would: a claim that is no longer the
     * current one removes nothing. An adapter overrides this to complete a batch in one round trip; the
     * default completes them one by one.
     *
     * @param claims the claims, possibly none
     * @return the claims whose timers were removed, in the order given
     */
    default List<TimerClaim> completeAll(List<TimerClaim> claims) {
        List<TimerClaim> completed = new java.util.ArrayList<>(claims.size());
        for (TimerClaim claim : claims) {
            if (complete(claim)) {
                completed.add(claim);
            }
        }
        return completed;
    }

    /**
     * Tells when {@link #claimDue} will next have something to return, so a worker can sleep until then.
     *
     * @return the earliest due instant of an unclaimed timer or lease expiry of a claimed one; empty
     *     if no timer is scheduled
     */
    Optional<Instant> nextWakeUp();
}
