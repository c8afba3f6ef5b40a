package dev.itsmkit.core;

import dev.itsmkit.core.internal.Identifiers;

/**
 * The one rule every identifier of ITSM Kit follows (ids, names of states, fields, targets,
 * calendars and policies), so that an identifier can appear in a URL, a log line, a file name or a
 * database key without escaping: 1 to {@value #MAX_LENGTH} characters of {@code A-Z a-z 0-9} and
 * {@code . _ : @ -}, starting with a letter or digit. Other modules and applications check their
 * own names with it.
 */
public final class Identifier {
    /** The longest identifier accepted. */
    public static final int MAX_LENGTH = Identifiers.MAX_LENGTH;

    private Identifier() {}

    /**
     * Checks an identifier and returns it.
     *
     * @param kind what the identifier names, for the message (for example "calendar name")
     * @param value the identifier
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is empty, too long, or has a character
     *     outside the set; the message names the kind, shows the value and says what is allowed
     */
    public static String check(String kind, String value) {
        return Identifiers.check(kind, value);
    }

    /**
     * Tells whether a string is a valid identifier.
     *
     * @param value any string
     * @return {@code true} if {@link #check} would accept it
     */
    public static boolean isValid(String value) {
        try {
            Identifiers.check("identifier", value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Renders a string with its control characters escaped, for error messages.
     *
     * @param value any string
     * @return {@code value} with each control character shown as a Java unicode escape (backslash, u, four hex digits)
     */
    public static String printable(String value) {
        return Identifiers.printable(value);
    }
}
