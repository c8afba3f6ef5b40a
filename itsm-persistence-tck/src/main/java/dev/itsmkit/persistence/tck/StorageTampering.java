package dev.itsmkit.persistence.tck;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;

/**
 * Edits an adapter's stored audit trail behind the SPI's back, as someone with access to the storage could (an
 * {@code UPDATE} or {@code DELETE} in the database, an edit of a file), without fixing any hash. An adapter supplies
 * one to {@link AuditTrailContract#tampering()} so that the kit can prove that {@code AuditTrail.verify} reports
 * each kind of edit at the first broken link.
 *
 * <p>Every edit is a capability: an adapter whose storage cannot be edited in some way throws
 * {@link UnsupportedOperationException} from that method, with a message that says why, and the contract's tests
 * that need it are skipped (aborted as a failed assumption, with that message) rather than passed.
 */
public interface StorageTampering {
    /**
     * Replaces a stored event, keeping the record's stored hashes.
     *
     * @param tenant the tenant
     * @param ticket the ticket
     * @param sequence the event's sequence
     * @param forged the event to put in its place
     * @throws AssertionError if there is no such stored event
     * @throws UnsupportedOperationException if the adapter's storage cannot be edited this way, saying why
     */
    void replaceEvent(TenantId tenant, TicketId ticket, long sequence, TicketEvent forged);

    /**
     * Deletes a stored event's record, leaving the others as they are.
     *
     * @param tenant the tenant
     * @param ticket the ticket
     * @param sequence the event's sequence
     * @throws AssertionError if there is no such stored event
     * @throws UnsupportedOperationException if the adapter's storage cannot be edited this way, saying why
     */
    void deleteEvent(TenantId tenant, TicketId ticket, long sequence);

    /**
     * Replaces the hash stored with an event's record, keeping the event and its previous hash.
     *
     * @param tenant the tenant
     * @param ticket the ticket
     * @param sequence the event's sequence
     * @param forgedHash the hash to store instead: 64 lower-case hexadecimal digits
     * @throws AssertionError if there is no such stored event
     * @throws UnsupportedOperationException if the adapter's storage cannot be edited this way, saying why
     */
    void replaceStoredHash(TenantId tenant, TicketId ticket, long sequence, String forgedHash);
}
