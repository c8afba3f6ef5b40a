package dev.itsmkit.core.internal;

import static java.util.Objects.requireNonNull;

/**
 * The one rule every identifier of ITSM Kit follows, so that an id can appear in a URL, a log line,
 * a file name or a database key without escaping: 1 to 128 characters of {@code A-Z a-z 0-9} and
 * {@code . _ : @ -}, starting with a letter or digit.
 */
public final class Identifiers {
    /** The longest identifier accepted. */
    public static final int MAX_LENGTH = 128;

    /*
     * The ASCII characters an id may start with (letters and digits) and go on with (also . _ : @ -), as tables indexed
     * by the character: a character below 128 is then one load with no bounds check left (the table has 128 entries),
     * which measured faster than bit masks, in an array or in constants (every event, timer and outbox entry checks an
     * id of some 40 to 60 characters).
     */
    private static final boolean[] FIRST = table("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    private static final boolean[] REST = table("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:@-");

    /* FIRST and REST as bits by code point (0-63, then 64-127): two constants each, for a test without a branch. */
    private static final long FIRST_LOW = bits(FIRST, 0);
    private static final long FIRST_HIGH = bits(FIRST, 64);
    private static final long REST_LOW = bits(REST, 0);
    private static final long REST_HIGH = bits(REST, 64);

    private Identifiers() {}

    private static boolean[] table(String chars) {
        boolean[] table = new boolean[128];
        for (int i = 0; i < chars.length(); i++) {
            table[chars.charAt(i)] = true;
        }
        return table;
    }

    private static long bits(boolean[] table, int from) {
        long bits = 0;
        for (int c = from; c < from + 64; c++) {
            if (table[c]) {
                bits |= 1L << c;
            }
        }
        return bits;
    }

    /**
     * Checks an identifier and returns it.
     *
     * @param kind what the identifier names, for the message (for example "tenant id")
     * @param value the identifier
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is empty, too long, or has a character outside the set
     */
    public static String check(String kind, String value) {
        requireNonNull(value, kind);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(kind + " must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(kind + " must be at most " + MAX_LENGTH
                    + " characters, got " + value.length() + ": '" + value.substring(0, 32) + "...'");
        }
        char first = value.charAt(0);
        if (first >= 128 || !FIRST[first]) {
            throw refused(kind, value, first, 0);
        }
        int length = value.length();
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            // one load from the table of the allowed ASCII characters (ids are checked on every event and timer)
            if (c >= 128 || !REST[c]) {
                throw refused(kind, value, c, i);
            }
        }
        return value;
    }

    private static IllegalArgumentException refused(String kind, String value, char c, int index) {
        return new IllegalArgumentException(kind + " '" + printable(value) + "' has " + describe(c) + " at index " + index
                + "; an id is letters A-Z a-z, digits and . _ : @ - (not first), 1 to " + MAX_LENGTH + " characters");
    }

    /**
     * Whether a character may appear in an identifier after its first: for one-pass parsers that check the
     * characters while they read them for something else, and call {@link #refusal} when one fails.
     *
     * @param c a character
     * @return whether {@code c} is a letter A-Z a-z, a digit or one of {@code . _ : @ -}
     */
    public static boolean mayContain(char c) {
        // without a branch: the shift of a long takes c's low six bits, and the half chosen by c holds c's bit there
        long bits = c < 64 ? REST_LOW : c < 128 ? REST_HIGH : 0L;
        return (bits >>> c & 1L) != 0;
    }

    /**
     * Whether a character may start an identifier (see {@link #mayContain}).
     *
     * @param c a character
     * @return whether {@code c} is a letter A-Z a-z or a digit
     */
    public static boolean mayStartWith(char c) {
        long bits = c < 64 ? FIRST_LOW : c < 128 ? FIRST_HIGH : 0L;
        return (bits >>> c & 1L) != 0;
    }

    /**
     * The exception {@link #check} throws for an identifier that is not valid, for one-pass parsers that found
     * it invalid by {@link #mayStartWith} and {@link #mayContain}.
     *
     * @param kind what the identifier names, for the message (for example "ticket id")
     * @param value an identifier that is not valid
     * @return the exception to throw, whose message says what is wrong
     * @throws IllegalStateException if {@code value} is a valid identifier
     */
    public static IllegalArgumentException refusal(String kind, String value) {
        try {
            check(kind, value);
        } catch (IllegalArgumentException refused) {
            return refused;
        }
        throw new IllegalStateException(kind + " '" + value + "' is valid; there is nothing to refuse");
    }

    private static String describe(char c) {
        if (Character.isISOControl(c)) {
            return String.format("the control character U+%04X", (int) c);
        }
        if (Character.isWhitespace(c)) {
            return String.format("white space U+%04X", (int) c);
        }
        return "the character '" + c + "'";
    }

    /**
     * Renders a string with its control characters escaped, for error messages.
     *
     * @param value any string
     * @return {@code value} with each control character shown as {@code \\uXXXX}
     */
    public static String printable(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
