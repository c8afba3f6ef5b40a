package dev.itsmkit.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * One {@code CHECK} of a scenario file: calendar arithmetic tested alone. Immutable and thread-safe.
 */
public sealed interface CalendarCheck {
    /**
     * Returns where the check stands in its file.
     *
     * @return its JSON path, for example {@code $.checks[0]}
     */
    String path();

    /**
     * Returns the calendar the check computes in.
     *
     * @return the calendar's name
     */
    String calendar();

    /**
     * {@code add}: the earliest instant at which a business duration has elapsed since an instant.
     *
     * @param path the JSON path of the check
     * @param calendar the calendar's name
     * @param add the business time to add, zero or positive
     * @param to the instant to add it to
     * @param expect the instant expected
     */
    record Add(String path, String calendar, Duration add, Instant to, Instant expect) implements CalendarCheck {
        /**
         * Creates the check.
         *
         * @param path the JSON path of the check
         * @param calendar the calendar's name
         * @param add the business time to add
         * @param to the instant to add it to
         * @param expect the instant expected
         * @throws IllegalArgumentException if {@code add} is negative
         */
        public Add {
            requireNonNull(path, "path");
            requireNonNull(calendar, "calendar");
            requireNonNull(to, "to");
            requireNonNull(expect, "expect");
            if (add.isNegative()) {
                throw new IllegalArgumentException("only zero or positive business time can be added, got " + add);
            }
        }
    }

    /**
     * {@code between}: the business time from one instant to another.
     *
     * @param path the JSON path of the check
     * @param calendar the calendar's name
     * @param from the first instant
     * @param to the second instant
     * @param expect the business time expected, negative if {@code to} is before {@code from}
     */
    record Between(String path, String calendar, Instant from, Instant to, Duration expect) implements CalendarCheck {
        /**
         * Creates the check.
         *
         * @param path the JSON path of the check
         * @param calendar the calendar's name
         * @param from the first instant
         * @param to the second instant
         * @param expect the business time expected
         */
        public Between {
            requireNonNull(path, "path");
            requireNonNull(calendar, "calendar");
            requireNonNull(from, "from");
            requireNonNull(to, "to");
            requireNonNull(expect, "expect");
        }
    }

    /**
     * {@code open}: whether the calendar is open at an instant.
     *
     * @param path the JSON path of the check
     * @param calendar the calendar's name
     * @param at the instant
     * @param expect whether it is expected open
     */
    record Open(String path, String calendar, Instant at, boolean expect) implements CalendarCheck {
        /**
         * Creates the check.
         *
         * @param path the JSON path of the check
         * @param calendar the calendar's name
         * @param at the instant
         * @param expect whether it is expected open
         */
        public Open {
            requireNonNull(path, "path");
            requireNonNull(calendar, "calendar");
            requireNonNull(at, "at");
        }
    }
}
