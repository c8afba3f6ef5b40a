package dev.itsmkit.persistence;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TicketId;

/**
 * The outcome of verifying the hash chain of a ticket's audit trail.
 */
public sealed interface ChainVerification {
    /**
     * Returns the ticket whose trail was verified.
     *
     * @return the ticket whose trail was verified
     */
    TicketId ticket();

    /**
     * Returns {@code true} if every link holds.
     *
     * @return {@code true} if every link holds
     */
    boolean intact();

    /**
     * Every record links to its predecessor and its hash is the hash of its content.
     *
     * @param ticket the ticket
     * @param events how many records were verified; 0 for a ticket without events
     * @param lastHash the hash of the last record, or {@link AuditChain#GENESIS} when there is none
     */
    record Intact(TicketId ticket, long events, String lastHash) implements ChainVerification {
        /**
         * Creates the value, checking its components.
         *
         * @param ticket the ticket
         * @param events how many records
         * @param lastHash the last hash
         */
        public Intact {
            requireNonNull(ticket, "ticket");
            requireNonNull(lastHash, "lastHash");
        }

        @Override
        public boolean intact() {
            return true;
        }
    }

    /**
     * The first record at which the chain breaks: everything before it verified; it and everything
     * after cannot be trusted.
     *
     * @param ticket the ticket
     * @param sequence the sequence of the first record that does not verify
     * @param reason what does not hold: a wrong previous hash, a hash that does not match the
     *     content, or a gap or repetition in the sequence
     */
    record Broken(TicketId ticket, long sequence, String reason) implements ChainVerification {
        /**
         * Creates the value, checking its components.
         *
         * @param ticket the ticket
         * @param sequence the first record that does not verify
         * @param reason what does not hold
         */
        public Broken {
            requireNonNull(ticket, "ticket");
            requireNonNull(reason, "reason");
        }

        @Override
        public boolean intact() {
            return false;
        }
    }
}
