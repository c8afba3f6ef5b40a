package dev.itsmkit.testkit;

import static java.util.Objects.requireNonNull;

/**
 * The result of one calendar check: what was expected and what the calendar computed, printed as the
 * scenario format prints values (instants in the calendar's zone).
 *
 * @param check the check
 * @param expected the expected value, printed
 * @param actual the computed value, printed; or {@code error: ...} if the calendar refused the computation
 * @param passed whether the computed value equals the expected one (instants compare as instants)
 */
public record CheckResult(CalendarCheck check, String expected, String actual, boolean passed) {
    /**
     * Creates the value, checking its components.
     *
     * @param check the check
     * @param expected the expected value, printed
     * @param actual the computed value, printed
     * @param passed whether they are equal
     */
    public CheckResult {
        requireNonNull(check, "check");
        requireNonNull(expected, "expected");
        requireNonNull(actual, "actual");
    }
}
