package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The typed value of a custom field. Values compare exactly, type included: the text {@code "1"}
 * is not the number {@code 1}, and {@code true} is not the number {@code 1}.
 */
public sealed interface FieldValue {
    /** The longest text a field may hold, in characters. */
    int MAX_TEXT_LENGTH = 32_768;

    /**
     * A text value.
     *
     * @param value at most {@value FieldValue#MAX_TEXT_LENGTH} characters
     */
    record Text(String value) implements FieldValue {
        /**
         * Creates the value, checking its components.
         *
         * @param value at most {@value FieldValue#MAX_TEXT_LENGTH} characters
         * @throws IllegalArgumentException if a component is out of range
         */
        public Text {
            requireNonNull(value, "value");
            if (value.length() > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("a text field holds at most " + MAX_TEXT_LENGTH
                        + " characters, got " + value.length());
            }
        }
    
        /** Prints the value as JSON would: {@code "text"}, {@code 1.5}, {@code true}, an ISO-8601 instant or date, a list. */
        @Override
        public String toString() {
            return "\"" + value + "\"";
        }
}

    /**
     * A decimal number. Numbers that differ only in scale are equal ({@code 1.0} equals {@code 1}).
     *
     * @param value the number, kept with trailing zeros stripped
     */
    record Number(BigDecimal value) implements FieldValue {
        /**
         * Creates the value, checking its components.
         *
         * @param value the number, kept with trailing zeros stripped
         */
        public Number {
            requireNonNull(value, "value");
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }
    
        /** Prints the value as JSON would: {@code "text"}, {@code 1.5}, {@code true}, an ISO-8601 instant or date, a list. */
        @Override
        public String toString() {
            return value.toPlainString();
        }
}

    /**
     * A yes/no value.
     *
     * @param value the value
     */
    record Bool(boolean value) implements FieldValue {
        /** Prints the value as JSON would: {@code "text"}, {@code 1.5}, {@code true}, an ISO-8601 instant or date, a list. */
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /**
     * A point in time.
     *
     * @param value the instant
     */
    record Timestamp(Instant value) implements FieldValue {
        /**
         * Creates the value, checking its components.
         *
         * @param value the instant
         */
        public Timestamp {
            requireNonNull(value, "value");
        }
    
        /** Prints the value as JSON would: {@code "text"}, {@code 1.5}, {@code true}, an ISO-8601 instant or date, a list. */
        @Override
        public String toString() {
            return value.toString();
        }
}

    /**
     * A calendar date without a time or a zone.
     *
     * @param value the date
     */
    record Date(LocalDate value) implements FieldValue {
        /**
         * Creates the value, checking its components.
         *
         * @param value the date
         */
        public Date {
            requireNonNull(value, "value");
        }
    
        /** Prints the value as JSON would: {@code "text"}, {@code 1.5}, {@code true}, an ISO-8601 instant or date, a list. */
        @Override
        public String toString() {
            return value.toString();
        }
}

    /**
     * An ordered list of values, for multiple choices.
     *
     * @param values the elements, copied; lists do not nest
     */
    record Multi(List<FieldValue> values) implements FieldValue {
        /**
         * Creates the value, checking its components.
         *
         * @param values the elements, copied; lists do not nest
         * @throws IllegalArgumentException if a component is out of range
         */
        public Multi {
            values = List.copyOf(values);
            for (FieldValue v : values) {
                if (v instanceof Multi) {
                    throw new IllegalArgumentException("a list field value cannot hold another list");
                }
            }
        }
    
        /** Prints the value as JSON would: {@code "text"}, {@code 1.5}, {@code true}, an ISO-8601 instant or date, a list. */
        @Override
        public String toString() {
            return values.toString();
        }
}

    /**
     * Returns a text value.
     *
     * @param value the text
     * @return the value
     * @throws IllegalArgumentException if the text is too long
     */
    static FieldValue of(String value) {
        return new Text(value);
    }

    /**
     * Returns a number value.
     *
     * @param value the number
     * @return the value
     */
    static FieldValue of(long value) {
        return new Number(BigDecimal.valueOf(value));
    }

    /**
     * Returns a number value.
     *
     * @param value the number
     * @return the value
     */
    static FieldValue of(BigDecimal value) {
        return new Number(value);
    }

    /**
     * Returns a yes/no value.
     *
     * @param value the value
     * @return the value
     */
    static FieldValue of(boolean value) {
        return new Bool(value);
    }

    /**
     * Returns a point-in-time value.
     *
     * @param value the instant
     * @return the value
     */
    static FieldValue of(Instant value) {
        return new Timestamp(value);
    }

    /**
     * Returns a date value.
     *
     * @param value the date
     * @return the value
     */
    static FieldValue of(LocalDate value) {
        return new Date(value);
    }
}
