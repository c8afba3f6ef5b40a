package dev.itsmkit.persistence.tck;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static dev.itsmkit.persistence.tck.Fixtures.GLOBEX;
import static dev.itsmkit.persistence.tck.Fixtures.T0;
import static dev.itsmkit.persistence.tck.Fixtures.incident;
import static dev.itsmkit.persistence.tck.Fixtures.timer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.TimerClaim;
import dev.itsmkit.persistence.spi.TimerClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TimerClaims}: due timers are claimed with a lease by one node, completed,
 * and claimable again when a lease runs out.
 */
public abstract class TimerClaimsContract extends StoresContract {
    /** Creates the contract. */
    protected TimerClaimsContract() {}

    /** One node. */
    protected static final NodeId NODE_A = NodeId.of("node-a");
    /** Another node. */
    protected static final NodeId NODE_B = NodeId.of("node-b");
    /** The lease of the claims in these tests. */
    protected static final Duration LEASE = Duration.ofSeconds(30);

    private TimerClaims claims() {
        return stores.timerClaims();
    }

    private DueTimer schedule(Ticket t, int percent, Instant dueAt) {
        DueTimer timer = timer(t, percent, dueAt);
        stores.forTenant(t.tenant()).begin().schedule(timer).commit();
        return timer;
    }

    /** Only timers due by the instant are claimed, earliest first, across tenants. */
    @Test
    public void onlyDueTimersAreClaimedEarliestFirst() {
        DueTimer late = schedule(incident(ACME, 1), 100, T0.plusSeconds(100));
        DueTimer early = schedule(incident(GLOBEX, 1), 100, T0.plusSeconds(10));
        DueTimer exact = schedule(incident(ACME, 2), 50, T0.plusSeconds(50));
        assertThat(claims().claimDue(T0, NODE_A, LEASE, 10)).isEmpty();
        List<TimerClaim> got = claims().claimDue(T0.plusSeconds(50), NODE_A, Duration.ofHours(1), 10);
        assertThat(got).extracting(TimerClaim::timer).containsExactly(early, exact);
        assertThat(got).allSatisfy(c -> {
            assertThat(c.node()).isEqualTo(NODE_A);
            assertThat(c.leaseUntil()).isEqualTo(T0.plusSeconds(50).plus(Duration.ofHours(1)));
        });
        assertThat(claims().claimDue(T0.plusSeconds(100), NODE_B, LEASE, 10)).extracting(TimerClaim::timer).containsExactly(late);
    }

    /** The limit caps a claim; the rest stay claimable. */
    @Test
    public void theLimitCapsAClaim() {
        for (int i = 1; i <= 5; i++) {
            schedule(incident(ACME, i), 100, T0.plusSeconds(i));
        }
        assertThat(claims().claimDue(T0.plusSeconds(10), NODE_A, LEASE, 2)).hasSize(2);
        assertThat(claims().claimDue(T0.plusSeconds(10), NODE_B, LEASE, 10)).hasSize(3);
    }

    /** A claimed timer is not claimed again while its lease holds. */
    @Test
    public void aLeaseKeepsOtherNodesAway() {
        schedule(incident(ACME, 1), 100, T0);
        assertThat(claims().claimDue(T0, NODE_A, LEASE, 10)).hasSize(1);
        assertThat(claims().claimDue(T0.plus(LEASE).minusNanos(1), NODE_B, LEASE, 10)).isEmpty();
    }

    /** A completed claim removes the timer. */
    @Test
    public void completingAClaimRemovesTheTimer() {
        DueTimer t = schedule(incident(ACME, 1), 100, T0);
        TimerClaim claim = claims().claimDue(T0, NODE_A, LEASE, 10).get(0);
        assertThat(claims().complete(claim)).isTrue();
        assertThat(acme().timers().find(t.id())).isEmpty();
        assertThat(claims().claimDue(T0.plus(LEASE).plus(LEASE), NODE_B, LEASE, 10)).isEmpty();
        assertThat(claims().complete(claim)).isFalse();
        assertThat(claims().nextWakeUp()).isEmpty();
    }

    /** Completing a batch removes the timers of the current claims, returns just those, and leaves a stale claim's timer. */
    @Test
    public void completingABatchRemovesWhatEachClaimWouldAndReportsWhichItRemoved() {
        DueTimer first = schedule(incident(ACME, 1), 100, T0);
        DueTimer second = schedule(incident(ACME, 2), 100, T0);
        Ticket third = incident(ACME, 3);
        schedule(third, 100, T0);
        List<TimerClaim> got = claims().claimDue(T0, NODE_A, LEASE, 10);
        assertThat(got).hasSize(3);
        TimerClaim stale = got.stream().filter(c -> c.timer().ticket().equals(third.id())).findFirst().orElseThrow();
        DueTimer moved = schedule(third, 100, T0.plusSeconds(3600));
        List<TimerClaim> completed = claims().completeAll(got);
        assertThat(completed).containsExactlyElementsOf(got.stream().filter(c -> c != stale).toList());
        assertThat(acme().timers().find(first.id())).isEmpty();
        assertThat(acme().timers().find(second.id())).isEmpty();
        assertThat(acme().timers().find(moved.id())).contains(moved);
        assertThat(claims().completeAll(got)).isEmpty();
        assertThat(claims().completeAll(List.of())).isEmpty();
    }

    /** When a lease expires, another node claims the timer with a new token, and the old claim can no longer complete. */
    @Test
    public void anExpiredLeaseIsReclaimedAndTheStaleClaimCannotComplete() {
        DueTimer t = schedule(incident(ACME, 1), 100, T0);
        TimerClaim first = claims().claimDue(T0, NODE_A, LEASE, 10).get(0);
        List<TimerClaim> again = claims().claimDue(first.leaseUntil(), NODE_B, LEASE, 10);
        assertThat(again).hasSize(1);
        TimerClaim second = again.get(0);
        assertThat(second.timer()).isEqualTo(t);
        assertThat(second.node()).isEqualTo(NODE_B);
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(claims().complete(first)).isFalse();
        assertThat(acme().timers().find(t.id())).contains(t);
        assertThat(claims().complete(second)).isTrue();
    }

    /** Rescheduling a claimed timer voids the claim; the new due instant counts. */
    @Test
    public void reschedulingVoidsAClaim() {
        Ticket ticket = incident(ACME, 1);
        schedule(ticket, 100, T0);
        TimerClaim claim = claims().claimDue(T0, NODE_A, LEASE, 10).get(0);
        DueTimer moved = schedule(ticket, 100, T0.plusSeconds(3600));
        assertThat(claims().complete(claim)).isFalse();
        assertThat(acme().timers().find(moved.id())).contains(moved);
        assertThat(claims().nextWakeUp()).contains(T0.plusSeconds(3600));
        assertThat(claims().claimDue(T0.plusSeconds(60), NODE_B, LEASE, 10)).isEmpty();
    }

    /** Cancelling a claimed timer voids the claim. */
    @Test
    public void cancellingVoidsAClaim() {
        DueTimer t = schedule(incident(ACME, 1), 100, T0);
        TimerClaim claim = claims().claimDue(T0, NODE_A, LEASE, 10).get(0);
        acme().begin().cancel(t.id()).commit();
        assertThat(claims().complete(claim)).isFalse();
        assertThat(claims().claimDue(T0.plus(LEASE), NODE_B, LEASE, 10)).isEmpty();
    }

    /** The next wake-up is the earliest due instant, or the lease end of a claimed timer. */
    @Test
    public void theNextWakeUpIsTheEarliestInstantSomethingBecomesClaimable() {
        assertThat(claims().nextWakeUp()).isEmpty();
        schedule(incident(ACME, 1), 100, T0.plusSeconds(10));
        schedule(incident(ACME, 2), 100, T0.plusSeconds(20));
        assertThat(claims().nextWakeUp()).contains(T0.plusSeconds(10));
        claims().claimDue(T0.plusSeconds(10), NODE_A, Duration.ofSeconds(60), 1);
        assertThat(claims().nextWakeUp()).contains(T0.plusSeconds(20));
    }

    /** A lease must be positive and a limit at least 1. */
    @Test
    public void badClaimArgumentsAreRefused() {
        assertThatThrownBy(() -> claims().claimDue(T0, NODE_A, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> claims().claimDue(T0, NODE_A, LEASE, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
