package dev.itsmkit.core.outbox;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.internal.Identifiers;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Identifies an entry of the outbox: an identifier (letters, digits and {@code . _ : @ -}, 1 to 128 characters).
 *
 * <p>An id in the canonical form of a UUID ({@link #random()}, and the ids the engine makes) is held as its 128 bits
 * and written out by {@link #value()} when asked; any other value is held as given. An outbox that is not delivered
 * and purged keeps every entry for good, and an {@link OutboxEntry} keeps these bits (or the text) of its id rather
 * than the id, its {@code String} and the string's bytes (three objects, 96 bytes). Equal values are equal ids either
 * way. Immutable and thread-safe.
 */
public final class OutboxEntryId {
    /* The characters of a UUID's canonical form: 36, lower-case hexadecimal digits and four '-'. */
    private static final int UUID_LENGTH = 36;

    private final long mostSignificant;
    private final long leastSignificant;
    /* The value when it is not the canonical form of a UUID; null when the bits above are the id. */
    private final @Nullable String text;

    private OutboxEntryId(long mostSignificant, long leastSignificant, @Nullable String text) {
        this.mostSignificant = mostSignificant;
        this.leastSignificant = leastSignificant;
        this.text = text;
    }

    /**
     * Creates the id of a value.
     *
     * @param value an identifier
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     */
    public OutboxEntryId(String value) {
        Identifiers.check("outbox entry id", value);
        boolean uuid = isCanonicalUuid(value);
        this.mostSignificant = uuid ? hexBits(value, 0, 18) : 0;
        this.leastSignificant = uuid ? hexBits(value, 19, UUID_LENGTH) : 0;
        this.text = uuid ? null : value;
    }

    /**
     * Returns the id of a value.
     *
     * @param value an identifier
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     */
    public static OutboxEntryId of(String value) {
        return new OutboxEntryId(value);
    }

    /**
     * Returns the id whose value is the canonical form of a UUID ({@link UUID#toString()}: lower-case hexadecimal
     * digits in groups of 8, 4, 4, 4 and 12, joined by {@code -}), without making that text.
     *
     * @param uuid the UUID
     * @return the id, whose {@link #value()} is {@code uuid.toString()}
     */
    public static OutboxEntryId of(UUID uuid) {
        requireNonNull(uuid, "uuid");
        return new OutboxEntryId(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits(), null);
    }

    /**
     * Returns a new random id.
     *
     * @return an id made of a random UUID
     */
    public static OutboxEntryId random() {
        return of(UUID.randomUUID());
    }

    /* The parts an outbox entry keeps of its id instead of the id (see OutboxEntry): the bits, or the text. */
    long mostSignificantBits() {
        return mostSignificant;
    }

    long leastSignificantBits() {
        return leastSignificant;
    }

    @Nullable String text() {
        return text;
    }

    /* The id of the parts an outbox entry kept: equal to the id they were taken from. */
    static OutboxEntryId restore(long mostSignificant, long leastSignificant, @Nullable String text) {
        return new OutboxEntryId(mostSignificant, leastSignificant, text);
    }

    /**
     * Returns the id's text.
     *
     * @return an identifier
     */
    public String value() {
        String value = text;
        return value != null ? value : new UUID(mostSignificant, leastSignificant).toString();
    }

    /*
     * Whether a value is exactly the canonical form of a UUID, so that value() gives it back unchanged from its
     * bits: 36 characters, lower-case hexadecimal digits with a '-' at 8, 13, 18 and 23.
     */
    private static boolean isCanonicalUuid(String value) {
        if (value.length() != UUID_LENGTH) {
            return false;
        }
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = value.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /* The bits of the hexadecimal digits of a canonical UUID form from {@code from} to {@code to}, dashes skipped. */
    private static long hexBits(String value, int from, int to) {
        long bits = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c != '-') {
                bits = bits << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
            }
        }
        return bits;
    }

    /**
     * Tells whether another object is an outbox entry id of the same value.
     *
     * @param o the object
     * @return {@code true} if it is an {@code OutboxEntryId} whose {@link #value()} equals this one's
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OutboxEntryId other)) {
            return false;
        }
        // a value in the canonical form of a UUID is always held as its bits, any other as its text
        String value = text;
        return value == null ? other.text == null && mostSignificant == other.mostSignificant
                && leastSignificant == other.leastSignificant : value.equals(other.text);
    }

    /**
     * Returns the hash code of the value.
     *
     * @return {@code value().hashCode()}
     */
    @Override
    public int hashCode() {
        String value = text;
        if (value != null) {
            return value.hashCode();
        }
        // String.hashCode of the canonical form, computed from the bits without making the text
        int h = 0;
        h = hexHash(h, mostSignificant >>> 32, 8);
        h = 31 * h + '-';
        h = hexHash(h, mostSignificant >>> 16, 4);
        h = 31 * h + '-';
        h = hexHash(h, mostSignificant, 4);
        h = 31 * h + '-';
        h = hexHash(h, leastSignificant >>> 48, 4);
        h = 31 * h + '-';
        return hexHash(h, leastSignificant, 12);
    }

    /* Extends a String hash with the low {@code digits} hexadecimal digits of {@code bits}, most significant first. */
    private static int hexHash(int hash, long bits, int digits) {
        int h = hash;
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            int digit = (int) (bits >>> shift) & 0xF;
            h = 31 * h + (digit < 10 ? '0' + digit : 'a' + digit - 10);
        }
        return h;
    }

    /**
     * Returns the value.
     *
     * @return {@link #value()}
     */
    @Override
    public String toString() {
        return value();
    }
}
