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
     * The characters an id may start with (letters and digits), as bits by code point: LOW for 0-63, HIGH for 64-127.
     * Constants rather than arrays: the test of a character is then a shift and a mask, with no array load or bounds
     * check (every event, timer and outbox entry checks an id of some 40 to 60 characters).
     */
    private static final long FIRST_LOW = bits("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")[0];
    private static final long FIRST_HIGH = bits("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")[1];
    /* The characters an id may go on with: letters, digits and . _ : @ - */
    private static final long REST_LOW = bits("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:@-")[0];
    private static final long REST_HIGH = bits("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:@-")[1];

    private Identifiers() {}

    private static long[] bits(String chars) {
        long[] bits = new long[2];
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            bits[c >>> 6] |= 1L << c;
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
        if (!allowed(first, FIRST_LOW, FIRST_HIGH)) {
            throw refused(kind, value, first, 0);
        }
        int length = value.length();
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            // one test against a bit set of the allowed ASCII characters (ids are checked on every event and timer)
            if (!allowed(c, REST_LOW, REST_HIGH)) {
                throw refused(kind, value, c, i);
            }
        }
        return value;
    }

    /* Whether a character is in a set of ASCII characters given as two 64-bit masks (a shift counts modulo 64). */
    private static boolean allowed(char c, long low, long high) {
        return c < 128 && (((c < 64 ? low : high) >>> c) & 1L) != 0;
    }

    private static IllegalArgumentException refused(String kind, String value, char c, int index) {
        return new IllegalArgumentException(kind + " '" + printable(value) + "' has " + describe(c) + " at index " + index
                + "; an id is letters A-Z a-z, digits and . _ : @ - (not first), 1 to " + MAX_LENGTH + " characters");
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
