package dev.itsmkit.core.command.internal;

import jakarta.validation.ConstraintValidatorContext;

/**
 * Builds constraint messages that add what was found to the rule: "must be one line ..., found the
 * control character U+000A at index 7". The detail is escaped so that a message interpolator takes
 * it literally, whatever text it quotes.
 */
public final class Messages {
    private Messages() {}

    /**
     * Replaces the default violation by one whose message is the constraint's message followed by a
     * detail.
     *
     * @param context the validator's context
     * @param detail what was found, for example {@code "found the control character U+0007 at index 3"}
     */
    public static void withDetail(ConstraintValidatorContext context, String detail) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate() + ", " + escape(detail))
                .addConstraintViolation();
    }

    /**
     * Escapes the characters that a message interpolator would read as a parameter or an expression.
     *
     * @param text any text
     * @return the text with {@code \ { } $} preceded by a backslash
     */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '{' || c == '}' || c == '$') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
