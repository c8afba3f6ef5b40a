package dev.itsmkit.persistence;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.event.TicketEvent;

/**
 * One event of a ticket's audit trail as stored: the event and the links of the hash chain. The
 * hash of a record is {@link AuditChain#hash(String, TicketEvent) SHA-256 of the previous record's
 * hash and the event's canonical form}; the first record of a ticket links to {@link AuditChain#GENESIS}.
 *
 * @param event the event
 * @param previousHash the hash of the ticket's previous record, or {@link AuditChain#GENESIS} for the first
 * @param hash this record's hash, 64 lower-case hexadecimal digits
 */
public record AuditRecord(TicketEvent event, String previousHash, String hash) {
    /**
     * Creates the value, checking its components.
     *
     * @param event the event
     * @param previousHash the previous hash
     * @param hash this record's hash
     * @throws IllegalArgumentException if a hash is not 64 lower-case hexadecimal digits
     */
    public AuditRecord {
        requireNonNull(event, "event");
        AuditChain.checkHash("previousHash", previousHash);
        AuditChain.checkHash("hash", hash);
    }

    /**
     * Returns the record of an event that follows a record with the given hash.
     *
     * @param previousHash the hash of the previous record, or {@link AuditChain#GENESIS}
     * @param event the event
     * @return the record, with its hash computed
     */
    public static AuditRecord chain(String previousHash, TicketEvent event) {
        return new AuditRecord(event, previousHash, AuditChain.hash(previousHash, event));
    }
}
