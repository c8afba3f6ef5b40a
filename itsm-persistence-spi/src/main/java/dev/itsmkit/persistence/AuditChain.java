package dev.itsmkit.persistence;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.event.TicketEvents;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of the audit trail, shared by every store so that a trail written by one adapter
 * verifies in any other: {@code hash = hex(SHA-256(UTF-8(previousHash + TicketEvents.canonicalForm(event))))},
 * with {@link #GENESIS} as the previous hash of a ticket's first event.
 *
 * <p>Stateless and thread-safe.
 */
public final class AuditChain {
    /** The previous hash of a ticket's first event: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /** {@code MessageDigest.getInstance} searches the providers each time; one digest per thread is reused instead. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    });

    private AuditChain() {}

    /**
     * Computes the hash of a record.
     *
     * @param previousHash the hash of the previous record, or {@link #GENESIS}
     * @param event the event
     * @return 64 lower-case hexadecimal digits
     */
    public static String hash(String previousHash, TicketEvent event) {
        requireNonNull(previousHash, "previousHash");
        requireNonNull(event, "event");
        MessageDigest digest = SHA_256.get();
        digest.reset();
        digest.update(previousHash.getBytes(StandardCharsets.UTF_8));
        digest.update(TicketEvents.canonicalForm(event).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Verifies a ticket's trail as stored: sequences 1, 2, 3... without a gap, each record linking
     * to its predecessor's hash, each hash matching its content.
     *
     * @param ticket the ticket whose records these are
     * @param records the ticket's records in sequence order, as read from storage
     * @return {@link ChainVerification.Intact}, or {@link ChainVerification.Broken} at the first record that fails
     */
    public static ChainVerification verify(TicketId ticket, List<AuditRecord> records) {
        requireNonNull(ticket, "ticket");
        String previous = GENESIS;
        long expectedSequence = 1;
        for (AuditRecord record : records) {
            long sequence = record.event().sequence();
            if (!record.event().ticket().equals(ticket)) {
                return new ChainVerification.Broken(ticket, sequence, "the record belongs to ticket " + record.event().ticket());
            }
            if (sequence != expectedSequence) {
                return new ChainVerification.Broken(ticket, sequence,
                        "expected sequence " + expectedSequence + " but found " + sequence);
            }
            if (!record.previousHash().equals(previous)) {
                return new ChainVerification.Broken(ticket, sequence, "the previous hash " + record.previousHash()
                        + " is not the hash of record " + (sequence - 1) + ", " + previous);
            }
            String recomputed = hash(previous, record.event());
            if (!record.hash().equals(recomputed)) {
                return new ChainVerification.Broken(ticket, sequence, "the stored hash " + record.hash()
                        + " does not match the record's content, whose hash is " + recomputed);
            }
            previous = record.hash();
            expectedSequence++;
        }
        return new ChainVerification.Intact(ticket, expectedSequence - 1, previous);
    }

    static void checkHash(String name, String hash) {
        requireNonNull(hash, name);
        boolean ok = hash.length() == 64;
        for (int i = 0; ok && i < hash.length(); i++) {
            char c = hash.charAt(i);
            ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
        }
        if (!ok) {
            throw new IllegalArgumentException(name + " must be 64 lower-case hexadecimal digits, got '" + hash + "'");
        }
    }
}
