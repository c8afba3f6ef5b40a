package dev.itsmkit.core.timing;

import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.internal.Identifiers;

/**
 * Identifies a due timer within its tenant. The id of the timer of one threshold of one cycle of
 * one target of one ticket is always the same ({@link #of}), so scheduling it again replaces it and
 * firing it is idempotent.
 *
 * @param value an identifier (letters, digits and {@code . _ : @ -}, 1 to 128 characters)
 */
public record TimerId(String value) {
    /**
     * Creates the value, checking its components.
     *
     * @param value an identifier
     * @throws IllegalArgumentException if {@code value} is not a valid identifier
     */
    public TimerId {
        Identifiers.check("timer id", value);
    }

    /**
     * Returns the id of the timer of one threshold.
     *
     * @param ticket the ticket
     * @param target the SLA target's name
     * @param cycle the clock's cycle, from 1
     * @param percent the threshold, 1 to 100 (100 is the breach)
     * @return {@code ticket:target:cycle:percent}
     * @throws IllegalArgumentException if the result would be longer than an identifier may be
     */
    public static TimerId of(TicketId ticket, String target, int cycle, int percent) {
        return new TimerId(ticket.value() + ":" + target + ":" + cycle + ":" + percent);
    }

    /**
     * Tells whether this is the id of one threshold, {@link #of} of the same components, without building that id
     * (a store that keeps a timer's components instead of its id compares them so).
     *
     * @param ticket the ticket
     * @param target the SLA target's name
     * @param cycle the clock's cycle, from 1
     * @param percent the threshold, 1 to 100
     * @return {@code true} if {@code equals(of(ticket, target, cycle, percent))}
     */
    public boolean identifies(TicketId ticket, String target, int cycle, int percent) {
        return cycle >= 0 && percent >= 0 && isIdOf(value, ticket, target, cycle, percent);
    }

    /*
     * Whether a value is the id of(ticket, target, cycle, percent), compared piece by piece without
     * building it: a due timer checks its id on every construction. cycle and percent are not negative.
     */
    static boolean isIdOf(String value, TicketId ticket, String target, int cycle, int percent) {
        String t = ticket.value();
        int cycleDigits = digits(cycle);
        int percentDigits = digits(percent);
        if (value.length() != t.length() + target.length() + cycleDigits + percentDigits + 3 || !value.startsWith(t)) {
            return false;
        }
        int i = t.length();
        if (value.charAt(i) != ':' || !value.regionMatches(i + 1, target, 0, target.length())) {
            return false;
        }
        i += 1 + target.length();
        if (value.charAt(i) != ':' || !isNumber(value, i + 1, cycleDigits, cycle)) {
            return false;
        }
        i += 1 + cycleDigits;
        return value.charAt(i) == ':' && isNumber(value, i + 1, percentDigits, percent);
    }

    private static int digits(int n) {
        int digits = 1;
        for (int rest = n / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    private static boolean isNumber(String value, int from, int digits, int n) {
        int rest = n;
        for (int k = digits - 1; k >= 0; k--) {
            if (value.charAt(from + k) != (char) ('0' + rest % 10)) {
                return false;
            }
            rest /= 10;
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
