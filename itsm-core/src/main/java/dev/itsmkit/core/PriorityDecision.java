package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How a ticket's priority was decided: the priority an {@link ImpactUrgencyMatrix} derived from the
 * ticket's impact and urgency, and, if a person overrode it, the priority they chose and why. The
 * {@link #effective()} priority is the override if there is one, else the derived priority; keeping
 * both lets reports tell derived from overridden priorities (ISO/IEC 20000-1 asks for the criteria
 * of prioritisation to be applied and explained).
 *
 * <p>An override is always given with a non-blank reason. It may equal the derived priority: that
 * pins the priority so that a later change of impact or urgency ({@link #withDerived(Priority)})
 * does not move it. Immutable and thread-safe.
 *
 * @param derived the priority the matrix gives for the ticket's impact and urgency
 * @param override the priority a person chose instead, if any
 * @param reason why the priority was overridden; present exactly when {@code override} is
 */
public record PriorityDecision(Priority derived, Optional<Priority> override, Optional<String> reason) {
    /** The longest reason accepted, in characters. */
    public static final int MAX_REASON_LENGTH = 1_000;

    /**
     * Creates the value, checking its components.
     *
     * @param derived the priority the matrix gives for the ticket's impact and urgency
     * @param override the priority a person chose instead, if any
     * @param reason why the priority was overridden; present exactly when {@code override} is
     * @throws IllegalArgumentException if an override has no reason or a reason no override, or if the
     *     reason is blank or longer than {@value #MAX_REASON_LENGTH} characters
     */
    public PriorityDecision {
        requireNonNull(derived, "derived");
        requireNonNull(override, "override");
        requireNonNull(reason, "reason");
        if (override.isPresent() != reason.isPresent()) {
            throw new IllegalArgumentException(override.isPresent()
                    ? "an override of the priority to " + override.get() + " needs a reason"
                    : "a reason is given without an override of the priority: '" + reason.get() + "'");
        }
        reason.ifPresent(PriorityDecision::checkReason);
    }

    /**
     * Returns the decision of a matrix, without an override.
     *
     * @param matrix the tenant's matrix
     * @param impact the ticket's impact
     * @param urgency the ticket's urgency
     * @return the derived decision
     * @throws IllegalArgumentException if impact or urgency is outside the matrix
     */
    public static PriorityDecision derive(ImpactUrgencyMatrix matrix, Impact impact, Urgency urgency) {
        return derived(requireNonNull(matrix, "matrix").priorityOf(impact, urgency));
    }

    /**
     * Returns a decision without an override.
     *
     * @param derived the priority the matrix gave
     * @return the decision
     */
    public static PriorityDecision derived(Priority derived) {
        return new PriorityDecision(derived, Optional.empty(), Optional.empty());
    }

    /**
     * Returns the priority the ticket is worked with.
     *
     * @return the override if there is one, else the derived priority
     */
    public Priority effective() {
        return override.orElse(derived);
    }

    /**
     * Tells whether a person overrode the derived priority.
     *
     * @return {@code true} if there is an override
     */
    public boolean isOverridden() {
        return override.isPresent();
    }

    /**
     * Returns this decision overridden, replacing any earlier override.
     *
     * @param priority the priority chosen
     * @param why why it was chosen, not blank, at most {@value #MAX_REASON_LENGTH} characters
     * @return the overridden decision
     * @throws IllegalArgumentException if {@code why} is blank or too long
     */
    public PriorityDecision overriddenTo(Priority priority, String why) {
        return new PriorityDecision(derived, Optional.of(requireNonNull(priority, "priority")),
                Optional.of(requireNonNull(why, "why")));
    }

    /**
     * Returns this decision without an override: the derived priority applies again.
     *
     * @return the decision with the same derived priority and no override
     */
    public PriorityDecision withoutOverride() {
        return derived(derived);
    }

    /**
     * Returns this decision with a new derived priority, as after a change of impact or urgency. An
     * override stays: it was a person's decision, which only a person withdraws.
     *
     * @param newDerived the priority the matrix now gives
     * @return the decision with the new derived priority and the same override
     */
    public PriorityDecision withDerived(Priority newDerived) {
        return new PriorityDecision(newDerived, override, reason);
    }

    private static void checkReason(String why) {
        if (why.isBlank() || why.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("the reason for overriding a priority must be a non-blank text of at most "
                    + MAX_REASON_LENGTH + " characters, got " + (why.isBlank() ? "a blank text"
                    : why.length() + " characters"));
        }
    }

    /**
     * Returns the decision as text.
     *
     * @return for example {@code P3} or {@code P1 (overridden from P3: "board meeting in an hour")}
     */
    @Override
    public String toString() {
        return override.map(o -> o + " (overridden from " + derived + ": \"" + reason.orElse("") + "\")")
                .orElse(derived.toString());
    }
}
