package dev.itsmkit.persistence.jdbc.internal;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the index rows of recently written tickets hold (their configuration items and field hashes), by
 * the version written with them, so that an update that leaves them as they were sends no statement for
 * them: most commands (a comment, a transition) change neither. Each is kept as a SHA-256 digest of the
 * rows' values (32 bytes), compared with the digest of the rows the update would write.
 *
 * <p>Sound because a ticket's index rows change only in the unit of work that writes its snapshot, and an
 * update names the version it replaces: if the database holds that version, it holds the rows written
 * with it (the ones kept here), and if not, the update's version guard fails the whole unit of work. Only
 * committed facts are kept (never what a transaction of the application wrote, which may still roll
 * back). As with {@link ChainHeads}, rows changed behind the stores' back (a table emptied while the
 * stores run) are not seen. A hash map cleared when it holds {@value #MAX} tickets: a miss costs the
 * statements that replace the rows, never a wrong row.
 */
final class IndexRows {
    static final int MAX = 65_536;

    /** The digests of a ticket's index rows as written with one version. */
    record Written(long version, byte[] items, byte[] fields) {
        boolean sameItems(byte[] digest) {
            return Arrays.equals(items, digest);
        }

        boolean sameFields(byte[] digest) {
            return Arrays.equals(fields, digest);
        }
    }

    /** A version no ticket has: matches nothing. */
    static final Written NONE = new Written(-1, new byte[0], new byte[0]);

    private final ConcurrentHashMap<String, Written> written = new ConcurrentHashMap<>();

    private static String key(TenantId tenant, TicketId ticket) {
        return tenant.value() + '\u0000' + ticket.value();
    }

    /** What was written with the given version of the ticket, if that is the version kept. */
    Written get(TenantId tenant, TicketId ticket, long version) {
        Written w = written.get(key(tenant, ticket));
        return w != null && w.version() == version ? w : NONE;
    }

    void remember(TenantId tenant, TicketId ticket, Written rows) {
        if (written.size() >= MAX) {
            written.clear();
        }
        written.put(key(tenant, ticket), rows);
    }

    void forget(TenantId tenant, TicketId ticket) {
        written.remove(key(tenant, ticket));
    }

    /** The digest of configuration items, in the order written (distinct). */
    static byte[] ofItems(String[] items) {
        MessageDigest digest = sha256();
        for (String item : items) {
            update(digest, item);
        }
        return digest.digest();
    }

    /** The digest of field hashes by name (a sorted map). */
    static byte[] ofFields(Map<String, String> fields) {
        MessageDigest digest = sha256();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            update(digest, f.getKey());
            update(digest, f.getValue());
        }
        return digest.digest();
    }

    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        // length-prefixed, so that no two lists of values digest the same bytes
        digest.update((byte) (bytes.length >>> 24));
        digest.update((byte) (bytes.length >>> 16));
        digest.update((byte) (bytes.length >>> 8));
        digest.update((byte) bytes.length);
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
