package dev.itsmkit.persistence.tck;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static dev.itsmkit.persistence.tck.Fixtures.GLOBEX;
import static dev.itsmkit.persistence.tck.Fixtures.T0;
import static dev.itsmkit.persistence.tck.Fixtures.entry;
import static dev.itsmkit.persistence.tck.Fixtures.event;
import static dev.itsmkit.persistence.tck.Fixtures.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.Notice;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.persistence.PendingDelivery;
import dev.itsmkit.persistence.spi.OutboxDelivery;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OutboxDelivery}: every committed entry is pending for every channel until
 * that channel acknowledges it; failures wait for their retry instant; a purge removes exactly the
 * entries every named channel acknowledged, old enough, and keeps nothing of them.
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

    /**
     * A notification's name, channel and recipients, and its key, come back as they were written, from
     * the tenant's outbox and to every channel; notifications of one event with different names or
     * channels, and its announcement, are distinct entries, kept in the order enqueued.
     */
    @Test
    public void notificationsComeBackWithTheirNameChannelAndRecipients() {
        Ticket ticket = incident(ACME, 1);
        TicketEvent resolved = event(ticket, 4, T0);
        OutboxEntry announced = entry(resolved);
        OutboxEntry named = entry(resolved, Notice.named("incident-resolved"));
        OutboxEntry paged = entry(resolved, Notice.of("incident-resolved", "pager", Party.group("network"),
                Party.person("alice"), Party.organization("acme-corp")));
        OutboxEntry mailed = entry(resolved, Notice.of("survey", "email"));
        acme().begin().enqueue(announced).enqueue(named).enqueue(paged).enqueue(mailed).commit();

        List<OutboxEntry> written = List.of(announced, named, paged, mailed);
        assertThat(acme().outbox().forTicket(ticket.id())).containsExactlyElementsOf(written);
        assertThat(outbox().due("mail", T0, 10)).extracting(PendingDelivery::entry).containsExactlyElementsOf(written);
        OutboxEntry read = outbox().due("mail", T0, 10).get(2).entry();
        assertThat(read.idempotencyKey()).isEqualTo(ACME.value() + "/" + ticket.id().value() + "/4/incident-resolved/pager");
        assertThat(read.notice()).hasValueSatisfying(n -> {
            assertThat(n.name()).isEqualTo("incident-resolved");
            assertThat(n.channel()).contains("pager");
            assertThat(n.recipients()).containsExactly(Party.group("network"), Party.person("alice"),
                    Party.organization("acme-corp"));
        });
        assertThat(written).extracting(OutboxEntry::idempotencyKey).doesNotHaveDuplicates();
    }

    /** A channel named for the first time sees every entry committed before. */
    @Test
    public void aNewChannelSeesEarlierEntries() {
        List<OutboxEntry> entries = enqueueThree();
        outbox().due("mail", T0, 10).forEach(p -> outbox().acknowledge("mail", p.position()));
        assertThat(outbox().due("audit-log", T0, 10)).extracting(PendingDelivery::entry).containsExactlyElementsOf(entries);
    }

    private void acknowledgeAll(String channel) {
        outbox().due(channel, T0, 100).forEach(p -> outbox().acknowledge(channel, p.position()));
    }

    /**
     * A purge removes only the entries every named channel acknowledged; they are then due for no
     * channel, not even a new one, and gone from the tenant's outbox; acknowledging or retrying them
     * does nothing.
     */
    @Test
    public void aPurgeRemovesWhatEveryNamedChannelAcknowledged() {
        List<OutboxEntry> entries = enqueueThree();
        List<PendingDelivery> due = outbox().due("mail", T0, 10);
        acknowledgeAll("mail");
        outbox().acknowledge("webhook", due.get(1).position());

        assertThat(outbox().purgeAcknowledged(Set.of("mail", "webhook"), T0)).isEqualTo(1);

        assertThat(outbox().due("webhook", T0, 10)).extracting(PendingDelivery::entry)
                .containsExactly(entries.get(0), entries.get(2));
        assertThat(outbox().due("audit-log", T0, 10)).extracting(PendingDelivery::entry)
                .containsExactly(entries.get(0), entries.get(2));
        assertThat(globex().outbox().forTicket(entries.get(1).ticket())).isEmpty();
        assertThat(acme().outbox().forTicket(entries.get(0).ticket())).containsExactly(entries.get(0), entries.get(2));

        outbox().acknowledge("audit-log", due.get(1).position());
        outbox().retryLater("audit-log", due.get(1).position(), T0, "late");
        assertThat(outbox().due("audit-log", T0, 10)).extracting(PendingDelivery::entry)
                .containsExactly(entries.get(0), entries.get(2));
        assertThat(outbox().purgeAcknowledged(Set.of("mail", "webhook"), T0)).isZero();
    }

    /** After a purge, channels go on acknowledging the entries around the gap, and a second purge takes the rest. */
    @Test
    public void channelsProgressAcrossPurgedEntries() {
        enqueueThree();
        List<PendingDelivery> due = outbox().due("mail", T0, 10);
        acknowledgeAll("mail");
        outbox().acknowledge("webhook", due.get(1).position());
        outbox().purgeAcknowledged(Set.of("mail", "webhook"), T0);
        OutboxEntry later = entry(event(incident(GLOBEX, 2), 1, T0));
        globex().begin().enqueue(later).commit();

        assertThat(outbox().due("mail", T0, 10)).extracting(PendingDelivery::entry).containsExactly(later);
        acknowledgeAll("webhook");
        acknowledgeAll("mail");
        assertThat(outbox().due("webhook", T0, 10)).isEmpty();
        assertThat(outbox().purgeAcknowledged(Set.of("mail", "webhook"), T0)).isEqualTo(3);
        assertThat(outbox().due("audit-log", T0, 10)).isEmpty();
        assertThat(acme().outbox().forTicket(due.get(0).entry().ticket())).isEmpty();
    }

    /** Entries created after the instant given to a purge are kept, acknowledged or not: the caller's retention. */
    @Test
    public void aPurgeKeepsEntriesYoungerThanTheRetention() {
        OutboxEntry old = entry(event(incident(ACME, 1), 1, T0));
        OutboxEntry young = entry(event(incident(ACME, 1), 2, T0.plusSeconds(60)));
        acme().begin().enqueue(old).enqueue(young).commit();
        acknowledgeAll("mail");

        assertThat(outbox().purgeAcknowledged(Set.of("mail"), T0.plusSeconds(59))).isEqualTo(1);
        assertThat(acme().outbox().forTicket(old.ticket())).containsExactly(young);
        assertThat(outbox().purgeAcknowledged(Set.of("mail"), T0.plusSeconds(60))).isEqualTo(1);
        assertThat(acme().outbox().forTicket(old.ticket())).isEmpty();
    }

    /** A named channel that acknowledged nothing holds every entry back; a purge needs at least one channel. */
    @Test
    public void aChannelThatAcknowledgedNothingHoldsEveryEntry() {
        List<OutboxEntry> entries = enqueueThree();
        acknowledgeAll("mail");
        assertThat(outbox().purgeAcknowledged(Set.of("mail", "sms"), T0.plusSeconds(1))).isZero();
        assertThat(outbox().due("sms", T0, 10)).extracting(PendingDelivery::entry).containsExactlyElementsOf(entries);
        assertThatThrownBy(() -> outbox().purgeAcknowledged(Set.of(), T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox().purgeAcknowledged(Set.of(" "), T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
