package dev.itsmkit.core;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an incident holds beyond the common fields: whether it is a major incident, why it is on
 * hold, and how it was resolved. Immutable and thread-safe; the {@code with} methods return copies.
 */
public final class IncidentDetails implements TicketDetails {
    /** Details with nothing set: not major, not on hold, not resolved. */
    public static final IncidentDetails EMPTY = new IncidentDetails(false, null, null, null);

    private final boolean major;
    private final @Nullable HoldReason holdReason;
    private final @Nullable String resolutionCode;
    private final @Nullable String resolutionNotes;

    private IncidentDetails(boolean major, @Nullable HoldReason holdReason, @Nullable String resolutionCode,
            @Nullable String resolutionNotes) {
        this.major = major;
        this.holdReason = holdReason;
        this.resolutionCode = resolutionCode;
        this.resolutionNotes = resolutionNotes;
    }

    @Override
    public TicketKind kind() {
        return TicketKind.INCIDENT;
    }

    /**
     * Tells whether this is a major incident, handled with its own procedure and usually the parent of others.
     *
     * @return {@code true} if major
     */
    public boolean major() {
        return major;
    }

    /**
     * Returns why the incident is on hold.
     *
     * @return the reason, or empty when it is not on hold
     */
    public Optional<HoldReason> holdReason() {
        return Optional.ofNullable(holdReason);
    }

    /**
     * Returns the resolution code, from the tenant's list of codes (for example {@code WORKAROUND}).
     *
     * @return the code, or empty before resolution
     */
    public Optional<String> resolutionCode() {
        return Optional.ofNullable(resolutionCode);
    }

    /**
     * Returns the resolution notes: what was done.
     *
     * @return the notes, or empty before resolution
     */
    public Optional<String> resolutionNotes() {
        return Optional.ofNullable(resolutionNotes);
    }

    /**
     * Returns a copy marked major or not.
     *
     * @param major whether major
     * @return the changed details
     */
    public IncidentDetails withMajor(boolean major) {
        return new IncidentDetails(major, holdReason, resolutionCode, resolutionNotes);
    }

    /**
     * Returns a copy with a hold reason set or cleared.
     *
     * @param holdReason the reason, or empty to clear it
     * @return the changed details
     */
    public IncidentDetails withHoldReason(Optional<HoldReason> holdReason) {
        return new IncidentDetails(major, holdReason.orElse(null), resolutionCode, resolutionNotes);
    }

    /**
     * Returns a copy with a resolution code set or cleared.
     *
     * @param resolutionCode the code, or empty to clear it
     * @return the changed details
     */
    public IncidentDetails withResolutionCode(Optional<String> resolutionCode) {
        return new IncidentDetails(major, holdReason, resolutionCode.orElse(null), resolutionNotes);
    }

    /**
     * Returns a copy with resolution notes set or cleared.
     *
     * @param resolutionNotes the notes, or empty to clear them
     * @return the changed details
     */
    public IncidentDetails withResolutionNotes(Optional<String> resolutionNotes) {
        return new IncidentDetails(major, holdReason, resolutionCode, resolutionNotes.orElse(null));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IncidentDetails other && major == other.major && holdReason == other.holdReason
                && Objects.equals(resolutionCode, other.resolutionCode) && Objects.equals(resolutionNotes, other.resolutionNotes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, holdReason, resolutionCode, resolutionNotes);
    }

    @Override
    public String toString() {
        return "IncidentDetails[major=" + major + ", holdReason=" + holdReason + ", resolutionCode=" + resolutionCode + "]";
    }
}
