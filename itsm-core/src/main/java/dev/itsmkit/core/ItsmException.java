package dev.itsmkit.core;

/**
 * The root of every domain and operational failure that ITSM Kit reports: a refused transition, a
 * concurrent update, an invalid command, an access to another tenant's data.
 *
 * <p>Programming errors (a {@code null} argument, a negative duration) are reported with the JDK's
 * {@link IllegalArgumentException} and {@link IllegalStateException} instead. Subclasses carry the
 * facts a caller needs to react, not only a message. Instances are immutable and thread-safe.
 */
public abstract class ItsmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what was wrong, with which value, and what would
     * be right.
     *
     * @param message the explanation; never {@code null}
     */
    protected ItsmException(String message) {
        super(message);
    }

    /**
     * Creates an exception with an explanation and the failure that caused it.
     *
     * @param message the explanation; never {@code null}
     * @param cause the underlying failure
     */
    protected ItsmException(String message, Throwable cause) {
        super(message, cause);
    }
}
