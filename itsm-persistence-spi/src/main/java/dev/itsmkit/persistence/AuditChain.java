package dev.itsmkit.persistence;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.event.TicketEvents;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    /**
     * The per-thread tools of {@link #hash}: {@code MessageDigest.getInstance} searches the providers each time,
     * so each thread keeps one digest and its arrays.
     */
    private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /**
     * Feeds the digest {@code UTF-8(previousHash + canonicalForm(event))} without building that text: the previous
     * hash (64 ASCII digits, one byte each) through a reused array, then the form through
     * {@link TicketEvents#updateDigest}, which writes its bytes into a buffer of the thread. SHA-256 of the
     * concatenation does not depend on how it is fed. The digest writes into a reused array.
     */
    private static final class Hasher {
        private final MessageDigest digest;
        private final byte[] previous = new byte[64];
        private final byte[] result = new byte[32];

        Hasher() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform provides SHA-256", e);
            }
        }

        String hash(String previousHash, TicketEvent event) {
            digest.reset();
            updateWithAscii(previousHash);
            TicketEvents.updateDigest(digest, event);
            try {
                digest.digest(result, 0, result.length);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
            }
            byte[] hex = new byte[64];
            for (int i = 0; i < 32; i++) {
                hex[2 * i] = HEX_DIGITS[(result[i] >> 4) & 0xF];
                hex[2 * i + 1] = HEX_DIGITS[result[i] & 0xF];
            }
            return new String(hex, StandardCharsets.ISO_8859_1);
        }

        /** Feeds a text's UTF-8 bytes: those of a hash (64 ASCII digits) through the reused array, any other text whole. */
        private void updateWithAscii(String text) {
            int n = text.length();
            if (n <= previous.length) {
                for (int i = 0; i < n; i++) {
                    char c = text.charAt(i);
                    if (c >= 0x80) {
                        digest.update(text.getBytes(StandardCharsets.UTF_8));
                        return;
                    }
                    previous[i] = (byte) c;
                }
                digest.update(previous, 0, n);
            } else {
                digest.update(text.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

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
        return HASHER.get().hash(previousHash, event);
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
