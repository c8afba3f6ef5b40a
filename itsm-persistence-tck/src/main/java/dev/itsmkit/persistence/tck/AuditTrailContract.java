package dev.itsmkit.persistence.tck;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static dev.itsmkit.persistence.tck.Fixtures.T0;
import static dev.itsmkit.persistence.tck.Fixtures.event;
import static dev.itsmkit.persistence.tck.Fixtures.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract of the audit trail: append-only, in sequence, hash-chained, verifiable, readable by
 * ticket and by time.
 */
public abstract class AuditTrailContract extends StoresContract {
    /** Creates the contract. */
    protected AuditTrailContract() {}

    /**
     * Returns the means to edit this adapter's stored trail behind the SPI's back. Called by the tamper tests after
     * {@link #createStores()}, so it may use {@link #stores}.
     *
     * @return the adapter's tampering; each of its edits may be unsupported, saying why (see {@link StorageTampering})
     */
    protected abstract StorageTampering tampering();

    /** Runs an edit, or skips the test (a failed assumption with the adapter's reason) if the adapter cannot make it. */
    private static void tamper(String what, Runnable edit) {
        try {
            edit.run();
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("the adapter cannot " + what + ": " + e.getMessage());
        }
    }

    /** Appends a trail of events 1..count to a new ticket, one unit of work each. */
    private Ticket ticketWithTrail(long number, int count) {
        Ticket t = incident(ACME, number);
        for (int s = 1; s <= count; s++) {
            append(ACME, event(t, s, T0.plusSeconds(s)));
        }
        return t;
    }

    private void assertBrokenAt(Ticket t, long sequence) {
        assertThat(acme().auditTrail().verify(t.id())).isInstanceOfSatisfying(ChainVerification.Broken.class, b -> {
            assertThat(b.ticket()).isEqualTo(t.id());
            assertThat(b.sequence()).as("the first broken link of %s", t.id()).isEqualTo(sequence);
        });
    }

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
        Ticket t = ticketWithTrail(1, 3);
        tamper("replace an event", () -> tampering().replaceEvent(ACME, t.id(), 2, event(t, 2, T0.plusSeconds(99))));
        ChainVerification result = acme().auditTrail().verify(t.id());
        assertThat(result.intact()).isFalse();
        assertBrokenAt(t, 2);
    }

    /**
     * Of several events changed in storage, the first in sequence is reported, whatever order they were changed in;
     * a trail changed only later is reported there, and the other tickets' trails stay intact.
     */
    @Test
    public void ofSeveralTamperedEventsTheFirstIsReported() {
        Ticket several = ticketWithTrail(1, 6);
        Ticket lateOnly = ticketWithTrail(2, 6);
        Ticket untouched = ticketWithTrail(3, 6);
        tamper("replace an event", () -> {
            tampering().replaceEvent(ACME, several.id(), 5, event(several, 5, T0.plusSeconds(99)));
            tampering().replaceEvent(ACME, several.id(), 2, event(several, 2, T0.plusSeconds(98)));
            tampering().replaceEvent(ACME, several.id(), 4, event(several, 4, T0.plusSeconds(97)));
            tampering().replaceEvent(ACME, lateOnly.id(), 6, event(lateOnly, 6, T0.plusSeconds(96)));
            tampering().replaceEvent(ACME, lateOnly.id(), 5, event(lateOnly, 5, T0.plusSeconds(95)));
        });
        assertBrokenAt(several, 2);
        assertBrokenAt(lateOnly, 5);
        assertThat(acme().auditTrail().verify(untouched.id()).intact()).isTrue();
    }

    /** An event replaced by one of another ticket (a record moved between trails) is reported at that record. */
    @Test
    public void anEventOfAnotherTicketInATrailIsReported() {
        Ticket t = ticketWithTrail(1, 3);
        Ticket other = incident(ACME, 2);
        tamper("replace an event", () -> tampering().replaceEvent(ACME, t.id(), 3, event(other, 3, T0.plusSeconds(3))));
        assertBrokenAt(t, 3);
    }

    /**
     * A record deleted from the middle of a trail is reported at the record after the gap, the first that does not
     * verify; deleting the first record is reported at the second.
     */
    @Test
    public void aDeletedEventIsReportedAfterTheGap() {
        Ticket middle = ticketWithTrail(1, 5);
        Ticket first = ticketWithTrail(2, 3);
        tamper("delete an event", () -> {
            tampering().deleteEvent(ACME, middle.id(), 3);
            tampering().deleteEvent(ACME, first.id(), 1);
        });
        assertBrokenAt(middle, 4);
        assertBrokenAt(first, 2);
    }

    /**
     * A stored hash edited without its event is reported at its record; edited after a changed event, the changed
     * event (the earlier link) is reported.
     */
    @Test
    public void anEditedStoredHashIsReportedAtTheFirstBrokenLink() {
        Ticket hashOnly = ticketWithTrail(1, 4);
        Ticket both = ticketWithTrail(2, 5);
        Ticket lastHash = ticketWithTrail(3, 3);
        String forged = "ab".repeat(32);
        tamper("edit a stored hash", () -> {
            tampering().replaceStoredHash(ACME, hashOnly.id(), 3, forged);
            tampering().replaceStoredHash(ACME, both.id(), 4, forged);
            tampering().replaceStoredHash(ACME, lastHash.id(), 3, forged);
        });
        tamper("replace an event", () -> tampering().replaceEvent(ACME, both.id(), 2, event(both, 2, T0.plusSeconds(99))));
        assertBrokenAt(hashOnly, 3);
        assertBrokenAt(both, 2);
        assertBrokenAt(lastHash, 3);
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
