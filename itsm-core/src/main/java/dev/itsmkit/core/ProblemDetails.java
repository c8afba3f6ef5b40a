package dev.itsmkit.core;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a problem holds beyond the common fields: its root cause, its workaround, and whether it is
 * a known error (a problem with a documented root cause and workaround). Immutable and thread-safe.
 */
public final class ProblemDetails implements TicketDetails {
    /** Details with nothing set. */
    public static final ProblemDetails EMPTY = new ProblemDetails(false, null, null);

    private final boolean knownError;
    private final @Nullable String rootCause;
    private final @Nullable String workaround;

    private ProblemDetails(boolean knownError, @Nullable String rootCause, @Nullable String workaround) {
        this.knownError = knownError;
        this.rootCause = rootCause;
        this.workaround = workaround;
    }

    @Override
    public TicketKind kind() {
        return TicketKind.PROBLEM;
    }

    /**
     * Tells whether the problem is recorded as a known error.
     *
     * @return {@code true} if a known error
     */
    public boolean knownError() {
        return knownError;
    }

    /**
     * Returns the root cause, once analysed.
     *
     * @return the root cause, or empty
     */
    public Optional<String> rootCause() {
        return Optional.ofNullable(rootCause);
    }

    /**
     * Returns the workaround that reduces or removes the impact of the incidents it causes.
     *
     * @return the workaround, or empty
     */
    public Optional<String> workaround() {
        return Optional.ofNullable(workaround);
    }

    /**
     * Returns a copy marked as a known error or not.
     *
     * @param knownError whether a known error
     * @return the changed details
     */
    public ProblemDetails withKnownError(boolean knownError) {
        return new ProblemDetails(knownError, rootCause, workaround);
    }

    /**
     * Returns a copy with the root cause set or cleared.
     *
     * @param rootCause the root cause, or empty
     * @return the changed details
     */
    public ProblemDetails withRootCause(Optional<String> rootCause) {
        return new ProblemDetails(knownError, rootCause.orElse(null), workaround);
    }

    /**
     * Returns a copy with the workaround set or cleared.
     *
     * @param workaround the workaround, or empty
     * @return the changed details
     */
    public ProblemDetails withWorkaround(Optional<String> workaround) {
        return new ProblemDetails(knownError, rootCause, workaround.orElse(null));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProblemDetails other && knownError == other.knownError
                && Objects.equals(rootCause, other.rootCause) && Objects.equals(workaround, other.workaround);
    }

    @Override
    public int hashCode() {
        return Objects.hash(knownError, rootCause, workaround);
    }

    @Override
    public String toString() {
        return "ProblemDetails[knownError=" + knownError + ", rootCause=" + rootCause + ", workaround=" + workaround + "]";
    }
}
