package dev.itsmkit.persistence.memory;

import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.event.TicketEvents;
import dev.itsmkit.persistence.AuditChain;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The audit chain's hash ({@link AuditChain#hash}) of a tenant's trail kept in binary: each record's
 * SHA-256 as four {@code long}s in one array per ticket (see {@link TicketData}), instead of a record
 * object, a 64-character string and its array per event. The digest is fed exactly the bytes
 * {@link AuditChain#hash} feeds (the previous hash's 64 lower-case hexadecimal digits, then the
 * event's canonical form), so the hashes are the same; a read turns them into hexadecimal text and
 * {@link dev.itsmkit.persistence.AuditRecord}s, which therefore carry exactly what the chain would have
 * stored. The previous hash is read from the ticket's array next to the slot the new hash is written
 * to, so a commit reads no string and checks no text.
 *
 * <p>One instance per thread ({@link #ofThisThread}): a commit hashes its events before it takes the
 * tenant's write lock, against the trail heads it read without the lock, into the thread's scratch array
 * ({@link #scratch}); under the lock it keeps a hash whose predecessor is still the trail's last record and
 * chains the others again (see {@link TicketData#append}).
 */
final class TrailHasher {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** The number of {@code long}s of one hash. */
    static final int LONGS_PER_HASH = 4;

    private static final ThreadLocal<TrailHasher> OF_THREAD = ThreadLocal.withInitial(TrailHasher::new);

    private final MessageDigest digest;
    private final byte[] previous = new byte[64];
    private final byte[] result = new byte[32];
    /** Per event of the commit being hashed: the hash it is chained to, then its own (eight {@code long}s). */
    private long[] scratch = new long[8 * 4];
    /** Per event of the commit being hashed: the size of its ticket's trail it was chained after. */
    private int[] bases = new int[4];

    /** The calling thread's hasher. */
    static TrailHasher ofThisThread() {
        return OF_THREAD.get();
    }

    /** This thread's scratch array for the hashes of {@code events} events, eight {@code long}s each. */
    long[] scratch(int events) {
        if (scratch.length < 8 * events) {
            scratch = new long[8 * Math.max(events, 2 * scratch.length / 8)];
        }
        return scratch;
    }

    /** This thread's array for the trail sizes of {@code events} events. */
    int[] bases(int events) {
        if (bases.length < events) {
            bases = new int[Math.max(events, 2 * bases.length)];
        }
        return bases;
    }

    TrailHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /**
     * Writes the hash of an event into {@code hashes} at {@code to}, chained to the hash at {@code from}.
     *
     * @param from the index of the previous hash's first {@code long}, or -1 for {@link AuditChain#GENESIS}
     */
    void chain(long[] hashes, int from, TicketEvent event, int to) {
        if (from < 0) {
            java.util.Arrays.fill(previous, (byte) '0');
        } else {
            for (int k = 0; k < LONGS_PER_HASH; k++) {
                writeHex(hashes[from + k], previous, 16 * k);
            }
        }
        digest.reset();
        digest.update(previous, 0, 64);
        TicketEvents.updateDigest(digest, event);
        try {
            digest.digest(result, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
        }
        for (int k = 0; k < LONGS_PER_HASH; k++) {
            hashes[to + k] = (long) LONGS.get(result, 8 * k);
        }
    }

    /** The hash at {@code from} as 64 lower-case hexadecimal digits, or {@link AuditChain#GENESIS} for -1. */
    static String hex(long[] hashes, int from) {
        if (from < 0) {
            return AuditChain.GENESIS;
        }
        byte[] text = new byte[64];
        for (int k = 0; k < LONGS_PER_HASH; k++) {
            writeHex(hashes[from + k], text, 16 * k);
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** Writes the 16 lower-case hexadecimal digits of a value, the most significant first, at {@code at}. */
    static void writeHex(long value, byte[] to, int at) {
        LONGS.set(to, at, hexDigits((int) (value >>> 32)));
        LONGS.set(to, at + 8, hexDigits((int) value));
    }

    /**
     * The eight lower-case hexadecimal digits of an {@code int} as the bytes of a {@code long}, the first digit in
     * the highest byte: each nibble spread into a byte of its own, then turned into its digit in all eight bytes at
     * once, a few instructions instead of a table read and a store per digit (the previous hash's 64 digits are
     * written for every event hashed).
     */
    private static long hexDigits(int value) {
        long x = value & 0xFFFF_FFFFL;
        x = (x | (x << 16)) & 0x0000_FFFF_0000_FFFFL;
        x = (x | (x << 8)) & 0x00FF_00FF_00FF_00FFL;
        x = (x | (x << 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
        // a byte n (0 to 15) becomes '0' + n, and 39 more ('a' - '0' - 10) where n is 10 or more: n + 6 carries into
        // its fifth bit exactly then; no byte carries into the next
        long letters = ((x + 0x0606_0606_0606_0606L) >>> 4) & 0x0101_0101_0101_0101L;
        return x + 0x3030_3030_3030_3030L + letters * ('a' - '0' - 10);
    }
}
