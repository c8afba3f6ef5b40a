package dev.itsmkit.persistence.tck;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static dev.itsmkit.persistence.tck.Fixtures.T0;
import static dev.itsmkit.persistence.tck.Fixtures.event;
import static dev.itsmkit.persistence.tck.Fixtures.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.persistence.AuditChain;
import dev.itsmkit.persistence.AuditRecord;
import dev.itsmkit.persistence.ChainVerification;
import dev.itsmkit.persistence.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of the audit trail: append-only, in sequence, hash-chained, verifiable, readable by
 * ticket and by time.
 */
public abstract class AuditTrailContract extends StoresContract {
    /** Creates the contract. */
    protected AuditTrailContract() {}

    /**
     * Changes a stored event behind the SPI's back, without fixing the hashes, as someone with
     * access to the storage could (an UPDATE in the database, an edit of a file).
     *
     * @param tenant the tenant
     * @param ticket the ticket
     * @param sequence the event's sequence
     * @param forged the event to put in its place
     */
    protected abstract void tamperWithStoredEvent(TenantId tenant, TicketId ticket, long sequence, TicketEvent forged);

    /** Each record links to its predecessor's hash, from the genesis hash on. */
    @Test
    public void recordsFormAHashChain() {
        Ticket t = incident(ACME, 1);
        append(ACME, event(t, 1, T0), event(t, 2, T0.plusSeconds(1)));
        append(ACME, event(t, 3, T0.plusSeconds(2)));
        List<AuditRecord> trail = acme().auditTrail().forTicket(t.id());
        assertThat(trail).extracting(r -> r.event().sequence()).containsExactly(1L, 2L, 3L);
        assertThat(trail.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
        for (int i = 0; i < trail.size(); i++) {
            AuditRecord r = trail.get(i);
            assertThat(r.hash()).isEqualTo(AuditChain.hash(r.previousHash(), r.event()));
            if (i > 0) {
                assertThat(r.previousHash()).isEqualTo(trail.get(i - 1).hash());
            }
        }
        assertThat(acme().auditTrail().verify(t.id()))
                .isEqualTo(new ChainVerification.Intact(t.id(), 3, trail.get(2).hash()));
    }

    /** A ticket without events verifies as an empty, intact chain. */
    @Test
    public void aTicketWithoutEventsIsIntact() {
        TicketId none = TicketId.of("none");
        assertThat(acme().auditTrail().verify(none)).isEqualTo(new ChainVerification.Intact(none, 0, AuditChain.GENESIS));
        assertThat(acme().auditTrail().lastSequence(none)).isZero();
    }

    /** An event changed in storage breaks the chain at that event. */
    @Test
    public void tamperingIsReportedAtTheFirstBrokenLink() {
        Ticket t = incident(ACME, 1);
        append(ACME, event(t, 1, T0), event(t, 2, T0.plusSeconds(1)), event(t, 3, T0.plusSeconds(2)));
        tamperWithStoredEvent(ACME, t.id(), 2, event(t, 2, T0.plusSeconds(99)));
        ChainVerification result = acme().auditTrail().verify(t.id());
        assertThat(result.intact()).isFalse();
        assertThat(result).isInstanceOfSatisfying(ChainVerification.Broken.class, b -> {
            assertThat(b.ticket()).isEqualTo(t.id());
            assertThat(b.sequence()).isEqualTo(2);
        });
    }

    /** A trail can be read from a sequence on. */
    @Test
    public void aTrailReadsFromASequence() {
        Ticket t = incident(ACME, 1);
        append(ACME, event(t, 1, T0), event(t, 2, T0), event(t, 3, T0));
        assertThat(acme().auditTrail().forTicket(t.id(), 2)).extracting(r -> r.event().sequence()).containsExactly(2L, 3L);
        assertThat(acme().auditTrail().forTicket(t.id(), 4)).isEmpty();
        assertThatThrownBy(() -> acme().auditTrail().forTicket(t.id(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Events of a tenant page by time, then ticket, then sequence, within a window. */
    @Test
    public void eventsPageByTimeWithinAWindow() {
        List<TicketEvent> all = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            Ticket t = incident(ACME, n);
            for (int s = 1; s <= 4; s++) {
                TicketEvent e = event(t, s, T0.plusSeconds((n * 7L + s * 11L) % 20));
                all.add(e);
                append(ACME, e);
            }
        }
        TimeWindow window = new TimeWindow(T0.plusSeconds(3), T0.plusSeconds(15));
        List<TicketEvent> expected = all.stream().filter(e -> window.contains(e.at()))
                .sorted(Comparator.comparing(TicketEvent::at).thenComparing(e -> e.ticket().value())
                        .thenComparingLong(TicketEvent::sequence))
                .toList();
        for (int size : new int[] {1, 4, 50}) {
            List<TicketEvent> seen = new ArrayList<>();
            Page<AuditRecord> page = acme().auditTrail().between(window, size);
            page.items().forEach(r -> seen.add(r.event()));
            while (page.hasNext()) {
                page = acme().auditTrail().between(window, page.next().orElseThrow(), size);
                page.items().forEach(r -> seen.add(r.event()));
            }
            assertThat(seen).as("pages of %d", size).containsExactlyElementsOf(expected);
        }
    }
}
