package dev.itsmkit.persistence.tck;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static dev.itsmkit.persistence.tck.Fixtures.GLOBEX;
import static dev.itsmkit.persistence.tck.Fixtures.T0;
import static dev.itsmkit.persistence.tck.Fixtures.entry;
import static dev.itsmkit.persistence.tck.Fixtures.event;
import static dev.itsmkit.persistence.tck.Fixtures.incident;
import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.persistence.PendingDelivery;
import dev.itsmkit.persistence.spi.OutboxDelivery;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OutboxDelivery}: every committed entry is pending for every channel until
 * that channel acknowledges it; failures wait for their retry instant.
 */
public abstract class OutboxDeliveryContract extends StoresContract {
    /** Creates the contract. */
    protected OutboxDeliveryContract() {}

    private OutboxDelivery outbox() {
        return stores.outboxDelivery();
    }

    private List<OutboxEntry> enqueueThree() {
        OutboxEntry a = entry(event(incident(ACME, 1), 1, T0));
        OutboxEntry b = entry(event(incident(GLOBEX, 1), 1, T0));
        OutboxEntry c = entry(event(incident(ACME, 1), 2, T0));
        acme().begin().enqueue(a).commit();
        globex().begin().enqueue(b).commit();
        acme().begin().enqueue(c).commit();
        return List.of(a, b, c);
    }

    /** Entries are due in commit order with increasing positions, across tenants. */
    @Test
    public void entriesAreDueInCommitOrder() {
        List<OutboxEntry> entries = enqueueThree();
        List<PendingDelivery> due = outbox().due("mail", T0, 10);
        assertThat(due).extracting(PendingDelivery::entry).containsExactlyElementsOf(entries);
        assertThat(due).extracting(PendingDelivery::position).isSorted().doesNotHaveDuplicates();
        assertThat(due).allSatisfy(p -> {
            assertThat(p.failedAttempts()).isZero();
            assertThat(p.lastError()).isEmpty();
        });
        assertThat(outbox().due("mail", T0, 2)).hasSize(2);
    }

    /** An acknowledged entry is no longer due for that channel, but still for the others. */
    @Test
    public void channelsProgressIndependently() {
        List<OutboxEntry> entries = enqueueThree();
        List<PendingDelivery> due = outbox().due("mail", T0, 10);
        outbox().acknowledge("mail", due.get(1).position());
        outbox().acknowledge("mail", due.get(1).position());
        assertThat(outbox().due("mail", T0, 10)).extracting(PendingDelivery::entry).containsExactly(entries.get(0), entries.get(2));
        assertThat(outbox().due("webhook", T0, 10)).extracting(PendingDelivery::entry).containsExactlyElementsOf(entries);
        due.forEach(p -> outbox().acknowledge("mail", p.position()));
        assertThat(outbox().due("mail", T0, 10)).isEmpty();
    }

    /** A failed entry is due again at its retry instant, not before, with its attempts and error. */
    @Test
    public void aFailedEntryWaitsForItsRetry() {
        List<OutboxEntry> entries = enqueueThree();
        PendingDelivery first = outbox().due("mail", T0, 1).get(0);
        outbox().retryLater("mail", first.position(), T0.plusSeconds(5), "timeout");
        assertThat(outbox().due("mail", T0.plusSeconds(4), 10)).extracting(PendingDelivery::entry)
                .containsExactly(entries.get(1), entries.get(2));
        PendingDelivery again = outbox().due("mail", T0.plusSeconds(5), 1).get(0);
        assertThat(again.entry()).isEqualTo(entries.get(0));
        assertThat(again.failedAttempts()).isEqualTo(1);
        assertThat(again.lastError()).isEqualTo(Optional.of("timeout"));
        outbox().retryLater("mail", first.position(), T0.plusSeconds(10), "refused");
        assertThat(outbox().due("mail", T0.plusSeconds(10), 1).get(0).failedAttempts()).isEqualTo(2);
    }

    /** A channel named for the first time sees every entry committed before. */
    @Test
    public void aNewChannelSeesEarlierEntries() {
        List<OutboxEntry> entries = enqueueThree();
        outbox().due("mail", T0, 10).forEach(p -> outbox().acknowledge("mail", p.position()));
        assertThat(outbox().due("audit-log", T0, 10)).extracting(PendingDelivery::entry).containsExactlyElementsOf(entries);
    }
}
