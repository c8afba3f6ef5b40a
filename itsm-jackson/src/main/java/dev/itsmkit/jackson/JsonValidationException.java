package dev.itsmkit.jackson;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.itsmkit.core.Violation;
import java.util.List;

/**
 * The JSON was well-formed and of the documented shape, but the value it describes breaks a rule of
 * the domain: a blank ticket title, an id with a control character, a time window that ends before
 * it starts. Nothing was built. The message and {@link #getPath()} name where the value sits; {@link
 * #violations()} carries every violation the core reported, each with its path in the JSON (for example
 * {@code journal[0].text}); {@link #getCause()} is the core's own exception
 * ({@link dev.itsmkit.core.ValidationException}, or an {@link IllegalArgumentException} or {@link
 * IllegalStateException} for a single value).
 *
 * <p>Structural faults are reported with Jackson's own exceptions instead: an unknown property with an
 * {@link com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException}, an unknown {@code type}
 * discriminator with an {@link com.fasterxml.jackson.databind.exc.InvalidTypeIdException}, a text that
 * is not of its type's form (an enum name, an instant, a priority) with an {@link
 * com.fasterxml.jackson.databind.exc.InvalidFormatException}, a missing property or a value of the wrong
 * JSON type with a {@link MismatchedInputException}.
 */
public final class JsonValidationException extends MismatchedInputException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // List.copyOf gives a serializable list of serializable violations
    private final List<Violation> violations;

    /**
     * Creates the exception.
     *
     * @param parser the parser that read the JSON, for its location
     * @param message what was refused, where, and why
     * @param targetType the type that could not be built
     * @param violations every violation, with paths in the JSON; at least one
     * @param cause the core's exception
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public JsonValidationException(JsonParser parser, String message, Class<?> targetType,
            List<Violation> violations, RuntimeException cause) {
        super(parser, requireNonNull(message, "message"), requireNonNull(targetType, "targetType"));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a JsonValidationException needs at least one violation");
        }
        this.violations = List.copyOf(violations);
        initCause(requireNonNull(cause, "cause"));
    }

    /**
     * Returns every violation the core reported.
     *
     * @return an unmodifiable, non-empty list; each path is relative to the value being read, as
     *     {@link #getPath()} is
     */
    public List<Violation> violations() {
        return violations;
    }
}
