package dev.itsmkit.core.internal;

import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what is wrong with a value under construction, so that a builder reports every problem
 * at once in one {@link ValidationException} and never hands out a half-valid object. Not
 * thread-safe; one per {@code build()} call.
 */
public final class Problems {
    // null until the first problem: a builder's build() makes one of these for every value built, and most have none
    private @org.jspecify.annotations.Nullable List<Violation> violations;

    /** Creates an empty collection. */
    public Problems() {}

    /**
     * Records a problem.
     *
     * @param path where, for example {@code title}
     * @param value the offending value, or {@code null} when it was absent
     * @param message what is wrong and what would be right
     */
    public void add(String path, @org.jspecify.annotations.Nullable Object value, String message) {
        if (violations == null) {
            violations = new ArrayList<>(4);
        }
        violations.add(new Violation(path, value == null ? "" : Identifiers.printable(Texts.abbreviate(value.toString())),
                message));
    }

    /**
     * Records a problem if a condition does not hold.
     *
     * @param condition what must hold
     * @param path where
     * @param value the offending value
     * @param message what is wrong otherwise
     */
    public void require(boolean condition, String path, @org.jspecify.annotations.Nullable Object value, String message) {
        if (!condition) {
            add(path, value, message);
        }
    }

    /**
     * Records a required value that is missing.
     *
     * @param value the value, possibly {@code null}
     * @param path where the value belongs
     * @return whether the value is present
     */
    public boolean present(@org.jspecify.annotations.Nullable Object value, String path) {
        if (value == null) {
            add(path, null, "is required");
            return false;
        }
        return true;
    }

    /**
     * Tells whether nothing was recorded.
     *
     * @return {@code true} if there are no problems
     */
    public boolean isEmpty() {
        return violations == null;
    }

    /**
     * Returns what was recorded.
     *
     * @return the violations in the order found
     */
    public List<Violation> violations() {
        return violations == null ? List.of() : List.copyOf(violations);
    }

    /**
     * Throws if a problem was recorded.
     *
     * @param subject what was being built, for example "ticket INC0000042"
     * @throws ValidationException listing every problem, if there is one
     */
    public void throwIfAny(String subject) {
        if (violations != null) {
            throw new ValidationException(subject, violations);
        }
    }
}
