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

    private Identifiers() {}

    private static boolean[] table(String chars) {
        boolean[] table = new boolean[128];
        for (int i = 0; i < chars.length(); i++) {
            table[chars.charAt(i)] = true;
        }
        return table;
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
