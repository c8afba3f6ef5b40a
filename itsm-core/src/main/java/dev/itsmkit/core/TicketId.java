package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.internal.Identifiers;
import java.util.UUID;

/**
 * Identifies a ticket within its tenant. The id never changes; the human-readable
 * {@link TicketNumber} is shown to people instead. A value: two ids are equal when their texts are.
 *
 * <p>An id carries its own lookup key ({@link #keyWord}), computed once when it is made, in the pass
 * that checks its characters: a hash and its length and, for an id of at most {@value #INLINE_CHARS}
 * characters (ticket numbers, prefixed sequence numbers, UUIDs), its text packed seven bits a character
 * into four {@code long}s. A store that keeps its keys the same way finds an id among a million with a
 * few word comparisons on the lines it has read anyway, without reading the stored id's text or
 * re-reading the caller's; a lookup is then short enough for the processor to overlap the cache misses
 * of consecutive lookups. (It used to be a record of its text alone; this class keeps that record's
 * {@code value()}, {@code equals}, {@code hashCode} and {@code toString}.)
 */
public final class TicketId {
    /** The number of words in an id's lookup key ({@link #keyWord}): the head, then the packed text. */
    public static final int KEY_WORDS = 5;
    /** The longest id whose text is packed into its lookup key. */
    public static final int INLINE_CHARS = 36;
    private static final int CHARS_PER_WORD = 9;
    private static final String KIND = "ticket id";
    /** An odd constant with well-spread bits (2^64 divided by the golden ratio) for {@link #hashOfWords}. */
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final String value;
    /** A hash of the text and its length ({@code hash << 32 | length << 24}); the length is 0 for a text not packed. */
    private final long head;
    private final long word1;
    private final long word2;
    private final long word3;
    private final long word4;

    /**
     * Creates the id, checking its text.
     *
     * @param value 1 to 128 characters of letters, digits and {@code . _ : @ -}, starting with a letter or digit
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     * @throws NullPointerException if {@code value} is null
     */
    public TicketId(String value) {
        requireNonNull(value, KIND);
        int length = value.length();
        int hash;
        long w1 = 0;
        long w2 = 0;
        long w3 = 0;
        long w4 = 0;
        if (length == 0 || length > INLINE_CHARS) {
            Identifiers.check(KIND, value); // refuses an empty one; a long one's characters are checked there
            hash = value.hashCode();
        } else {
            // the characters checked without a branch per character, then packed a word at a time; the hash
            // comes from the words (a few multiplications), not from each character
            boolean valid = Identifiers.mayStartWith(value.charAt(0));
            for (int c = 1; c < length; c++) {
                valid &= Identifiers.mayContain(value.charAt(c));
            }
            if (!valid) {
                throw Identifiers.refusal(KIND, value);
            }
            w1 = word(value, 0, Math.min(CHARS_PER_WORD, length));
            if (length > CHARS_PER_WORD) {
                w2 = word(value, CHARS_PER_WORD, Math.min(2 * CHARS_PER_WORD, length));
                if (length > 2 * CHARS_PER_WORD) {
                    w3 = word(value, 2 * CHARS_PER_WORD, Math.min(3 * CHARS_PER_WORD, length));
                    if (length > 3 * CHARS_PER_WORD) {
                        w4 = word(value, 3 * CHARS_PER_WORD, length);
                    }
                }
            }
            hash = hashOfWords(length, w1, w2, w3, w4);
        }
        this.value = value;
        this.head = (long) hash << 32 | (long) (length <= INLINE_CHARS ? length : 0) << 24;
        this.word1 = w1;
        this.word2 = w2;
        this.word3 = w3;
        this.word4 = w4;
    }

    /** Characters {@code from} to {@code to} of an ASCII text, seven bits each, the first in the lowest bits. */
    private static long word(String text, int from, int to) {
        long word = 0;
        for (int c = to - 1; c >= from; c--) {
            word = word << 7 | text.charAt(c);
        }
        return word;
    }

    /** A hash of an inline text from its packed words: four multiplications, not one a character. */
    private static int hashOfWords(int length, long w1, long w2, long w3, long w4) {
        long h = (w1 + length) * MIX;
        h = (h ^ w2) * MIX;
        h = (h ^ w3) * MIX;
        h = (h ^ w4) * MIX;
        // both halves folded: the high half alone, which a table multiplies by a golden ratio again, clusters
        // sequential ids (39 % of a million "inc-" ids away from their home slot at half load, against 24 %)
        return (int) (h ^ h >>> 32);
    }

    /**
     * Returns the ticket id with this value.
     *
     * @param value the identifier
     * @return the ticket id
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     * @throws NullPointerException if {@code value} is null
     */
    public static TicketId of(String value) {
        return new TicketId(value);
    }

    /**
     * Returns a new random (version 4 UUID) ticket id.
     *
     * @return a ticket id that no other ticket has, with overwhelming probability
     */
    public static TicketId random() {
        return new TicketId(UUID.randomUUID().toString());
    }

    /**
     * Returns the id's text.
     *
     * @return 1 to 128 characters of letters, digits and {@code . _ : @ -}, starting with a letter or digit
     */
    public String value() {
        return value;
    }

    /**
     * Returns one word of the id's lookup key, for stores that keep ids in flat arrays of {@code long}s. Word 0 is
     * {@code (long) hash << 32 | (long) length << 24}, where {@code length} is the text's length if it has at most
     * {@value #INLINE_CHARS} characters and 0 otherwise, and {@code hash} is a hash of the text (mixed from the
     * other words for an inline text, {@link #hashCode()} for a longer one: equal ids have equal hashes, but it is
     * not {@code hashCode()} in general); words 1 to 4 hold an inline text seven bits a character,
     * nine characters a word, the first character in the lowest bits (0 past its end, and all 0 for a longer
     * text). Two ids of at most {@value #INLINE_CHARS} characters are equal exactly when their words are.
     *
     * @param index 0 to {@value #KEY_WORDS} - 1
     * @return the word
     * @throws IllegalArgumentException if {@code index} is outside 0 to {@value #KEY_WORDS} - 1
     */
    public long keyWord(int index) {
        return switch (index) {
            case 0 -> head;
            case 1 -> word1;
            case 2 -> word2;
            case 3 -> word3;
            case 4 -> word4;
            default -> throw new IllegalArgumentException(
                    "a ticket id's key has words 0 to " + (KEY_WORDS - 1) + ", not " + index);
        };
    }

    /**
     * Returns whether the other object is a ticket id with the same text.
     *
     * @param other any object
     * @return whether it is an equal ticket id
     */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof TicketId id && id.head == head && id.value.equals(value);
    }

    /**
     * Returns the hash code of the id's text ({@code value().hashCode()}), as the record did.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Returns the id's text.
     *
     * @return {@link #value()}
     */
    @Override
    public String toString() {
        return value;
    }
}
