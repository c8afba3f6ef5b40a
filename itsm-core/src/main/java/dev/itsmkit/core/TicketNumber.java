package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

/**
 * The human-readable number of a ticket, unique per tenant and kind: the kind's prefix and a
 * sequence number of at least seven digits, as in {@code INC0001042} or {@code TASK0000007}.
 *
 * @param kind the kind of ticket, which gives the prefix
 * @param sequence the number within the tenant and kind, from 1 to {@value #MAX_SEQUENCE} (18 digits)
 */
public record TicketNumber(TicketKind kind, long sequence) implements Comparable<TicketNumber> {
    /** The highest sequence number: 18 digits, so that every number can be printed and parsed back. */
    public static final long MAX_SEQUENCE = 999_999_999_999_999_999L;

    /**
     * Creates the value, checking its components.
     *
     * @param kind the kind of ticket, which gives the prefix 
     * @param sequence the number within the tenant and kind, from 1
     * @throws IllegalArgumentException if a component is out of range
     */
    public TicketNumber {
        requireNonNull(kind, "kind");
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("a ticket number's sequence is 1 to " + MAX_SEQUENCE + " (18 digits), got "
                    + sequence);
        }
    }

    /**
     * Parses a number such as {@code INC0001042}.
     *
     * @param text the prefix of a ticket kind followed by digits
     * @return the ticket number
     * @throws IllegalArgumentException if {@code text} is not a prefix followed by 1 to 18 digits, or the sequence is 0
     */
    public static TicketNumber parse(String text) {
        requireNonNull(text, "text");
        int digitsAt = 0;
        while (digitsAt < text.length() && text.charAt(digitsAt) >= 'A' && text.charAt(digitsAt) <= 'Z') {
            digitsAt++;
        }
        int digits = text.length() - digitsAt;
        if (digitsAt < 3 || digitsAt > 4 || digits < 1 || digits > 18) {
            throw new IllegalArgumentException("a ticket number is a prefix (INC, REQ, PRB, CHG, TASK) and 1 to 18 digits, got '"
                    + text + "'");
        }
        TicketKind kind = TicketKind.ofNumberPrefix(text.substring(0, digitsAt));
        long sequence = 0;
        for (int i = digitsAt; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("a ticket number has only digits after its prefix, got '" + text + "'");
            }
            sequence = sequence * 10 + (c - '0');
        }
        return new TicketNumber(kind, sequence);
    }

    /** Orders numbers by kind, then by sequence. */
    @Override
    public int compareTo(TicketNumber other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : Long.compare(sequence, other.sequence);
    }

    /**
     * Returns the number as people see it.
     *
     * @return the prefix and the sequence, zero-padded to seven digits, for example {@code INC0001042}
     */
    @Override
    public String toString() {
        String digits = Long.toString(sequence);
        return kind.numberPrefix() + "0".repeat(Math.max(0, 7 - digits.length())) + digits;
    }
}
