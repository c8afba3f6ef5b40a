package dev.itsmkit.testkit;

import static java.util.Objects.requireNonNull;

/**
 * One field of an expected outcome compared with the actual outcome, both printed as the scenario format
 * prints values ({@code none} for an absent value).
 *
 * @param field the field
 * @param expected the expected value, printed
 * @param actual the actual value, printed
 * @param passed whether they are equal (instants compare as instants, durations as durations)
 */
public record FieldResult(OutcomeField field, String expected, String actual, boolean passed) {
    /**
     * Creates the value, checking its components.
     *
     * @param field the field
     * @param expected the expected value, printed
     * @param actual the actual value, printed
     * @param passed whether they are equal
     */
    public FieldResult {
        requireNonNull(field, "field");
        requireNonNull(expected, "expected");
        requireNonNull(actual, "actual");
    }
}
