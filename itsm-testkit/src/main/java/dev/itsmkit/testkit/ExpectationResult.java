package dev.itsmkit.testkit;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.sla.ClockOutcome;
import java.util.List;
import java.util.Optional;

/**
 * The result of one expected outcome: the outcome it was compared with and each field it checks.
 *
 * @param expected the expectation
 * @param actual the outcome of the selected cycle; empty if there is no such cycle
 * @param fields each checked field, expected against actual, in the order of {@link OutcomeField}
 * @param problem why no outcome could be compared (a cycle that does not exist, a replay that failed); empty
 *     when {@code actual} is present
 */
public record ExpectationResult(ExpectedOutcome expected, Optional<ClockOutcome> actual, List<FieldResult> fields,
        Optional<String> problem) {
    /**
     * Creates the value, checking its components.
     *
     * @param expected the expectation
     * @param actual the outcome compared with
     * @param fields each checked field
     * @param problem why nothing could be compared
     */
    public ExpectationResult {
        requireNonNull(expected, "expected");
        requireNonNull(actual, "actual");
        fields = List.copyOf(fields);
        requireNonNull(problem, "problem");
    }

    /**
     * Tells whether the expectation holds.
     *
     * @return {@code true} if an outcome was compared and every checked field matched
     */
    public boolean passed() {
        return problem.isEmpty() && actual.isPresent() && fields.stream().allMatch(FieldResult::passed);
    }
}
