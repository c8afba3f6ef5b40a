package dev.itsmkit.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An input was refused because it is invalid; carries every violation found, not only the first.
 * Nothing was changed.
 */
public final class ValidationException extends ItsmException {
    private static final long serialVersionUID = 1L;

    private final String subject;
    @SuppressWarnings("serial") // List.copyOf returns a serializable list of serializable violations
    private final List<Violation> violations;

    /**
     * Creates the exception.
     *
     * @param subject what was validated, for example "OpenTicket command" or "custom fields of INC0001042"
     * @param violations what is wrong with it; at least one
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public ValidationException(String subject, List<Violation> violations) {
        super(message(subject, violations));
        this.subject = subject;
        this.violations = List.copyOf(violations);
    }

    private static String message(String subject, List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        return subject + " is invalid: " + violations.size() + (violations.size() == 1 ? " violation" : " violations")
                + violations.stream().map(v -> "\n  - " + v).collect(Collectors.joining());
    }

    /**
     * Returns what was validated.
     *
     * @return a short description of the refused input
     */
    public String subject() {
        return subject;
    }

    /**
     * Returns every violation found.
     *
     * @return an unmodifiable, non-empty list in the order found
     */
    public List<Violation> violations() {
        return violations;
    }
}
