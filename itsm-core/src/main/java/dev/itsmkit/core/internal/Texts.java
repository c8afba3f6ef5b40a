package dev.itsmkit.core.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rules for free text in ITSM Kit: single-line text (titles, names, reasons) holds no control
 * characters; multi-line text (descriptions, notes, plans) holds none but tab, line feed and
 * carriage return. Control characters break logs, terminals and e-mail headers, and are never typed
 * by a person.
 */
public final class Texts {
    /** The longest title of a ticket, in characters. */
    public static final int MAX_TITLE = 200;
    /** The longest multi-line text (description, journal entry, plan), in characters. */
    public static final int MAX_TEXT = 32_768;
    /** The longest single-line text other than a title (a reason, a criterion, a code, a file name), in characters. */
    public static final int MAX_LINE = 1_000;

    private Texts() {}

    /**
     * Finds the first control character of a single-line text.
     *
     * @param value the text
     * @return a description such as {@code "the control character U+0007 at index 3"}, or empty
     */
    public static Optional<String> controlCharacterInLine(String value) {
        return find(value, false);
    }

    /**
     * Finds the first control character other than tab, line feed and carriage return.
     *
     * @param value the text
     * @return a description such as {@code "the control character U+0007 at index 3"}, or empty
     */
    public static Optional<String> controlCharacterInText(String value) {
        return find(value, true);
    }

    private static Optional<String> find(String value, boolean allowLineBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(allowLineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                return Optional.of(String.format("the control character U+%04X at index %d", (int) c, i));
            }
        }
        return Optional.empty();
    }

    /**
     * Checks a single-line text: present and not blank if required, at most {@code max} characters,
     * no control characters.
     *
     * @param problems where to report what is wrong
     * @param path the field's path, for the message
     * @param value the text, or {@code null} if absent
     * @param max the longest allowed
     * @param required whether an absent or blank text is refused
     */
    public static void checkLine(Problems problems, String path, @Nullable String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(path, null, "is required");
            }
            return;
        }
        if (required && value.isBlank()) {
            problems.add(path, value, "must not be blank");
        }
        checkLength(problems, path, value, max);
        controlCharacterInLine(value).ifPresent(where -> problems.add(path, value,
                "must be one line without control characters, found " + where));
    }

    /**
     * Checks a multi-line text: present and not blank if required, at most {@code max} characters, no
     * control characters but tab, line feed and carriage return.
     *
     * @param problems where to report what is wrong
     * @param path the field's path, for the message
     * @param value the text, or {@code null} if absent
     * @param max the longest allowed
     * @param required whether an absent or blank text is refused
     */
    public static void checkText(Problems problems, String path, @Nullable String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(path, null, "is required");
            }
            return;
        }
        if (required && value.isBlank()) {
            problems.add(path, value, "must not be blank");
        }
        checkLength(problems, path, value, max);
        controlCharacterInText(value).ifPresent(where -> problems.add(path, value,
                "must not hold control characters other than tab and line breaks, found " + where));
    }

    private static void checkLength(Problems problems, String path, String value, int max) {
        if (value.length() > max) {
            problems.add(path, value, "must be at most " + max + " characters, got " + value.length());
        }
    }

    /**
     * Shortens a long text for a message.
     *
     * @param value any text
     * @return the text, or its first 60 characters and an ellipsis
     */
    public static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 60) + "...";
    }
}
