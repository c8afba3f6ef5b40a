package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a change holds beyond the common fields: its type and risk, its planned window, its
 * implementation and backout plans, and the service acceptance criteria checked at the go/no-go
 * before deployment. Immutable and thread-safe.
 */
public final class ChangeDetails implements TicketDetails {
    /** A normal, low-risk change with nothing planned yet. */
    public static final ChangeDetails EMPTY = new ChangeDetails(ChangeType.NORMAL, ChangeRisk.LOW, null, null, null, List.of());

    private final ChangeType type;
    private final ChangeRisk risk;
    private final @Nullable TimeWindow plannedWindow;
    private final @Nullable String implementationPlan;
    private final @Nullable String backoutPlan;
    private final List<String> acceptanceCriteria;

    private ChangeDetails(ChangeType type, ChangeRisk risk, @Nullable TimeWindow plannedWindow,
            @Nullable String implementationPlan, @Nullable String backoutPlan, List<String> acceptanceCriteria) {
        this.type = requireNonNull(type, "type");
        this.risk = requireNonNull(risk, "risk");
        this.plannedWindow = plannedWindow;
        this.implementationPlan = implementationPlan;
        this.backoutPlan = backoutPlan;
        this.acceptanceCriteria = List.copyOf(acceptanceCriteria);
    }

    @Override
    public TicketKind kind() {
        return TicketKind.CHANGE;
    }

    /**
     * Returns the change's type, which decides how it is authorized.
     *
     * @return standard, normal or emergency
     */
    public ChangeType type() {
        return type;
    }

    /**
     * Returns the assessed risk.
     *
     * @return the risk
     */
    public ChangeRisk risk() {
        return risk;
    }

    /**
     * Returns when the change is planned to be implemented; implementation is allowed only inside it.
     *
     * @return the window, or empty while unscheduled
     */
    public Optional<TimeWindow> plannedWindow() {
        return Optional.ofNullable(plannedWindow);
    }

    /**
     * Returns how the change will be implemented.
     *
     * @return the plan, or empty
     */
    public Optional<String> implementationPlan() {
        return Optional.ofNullable(implementationPlan);
    }

    /**
     * Returns how the change will be undone if it fails.
     *
     * @return the plan, or empty
     */
    public Optional<String> backoutPlan() {
        return Optional.ofNullable(backoutPlan);
    }

    /**
     * Returns the service acceptance criteria, checked at the go/no-go before deployment.
     *
     * @return the criteria, one line each, in order; unmodifiable
     */
    public List<String> acceptanceCriteria() {
        return acceptanceCriteria;
    }

    /**
     * Returns a copy of another type.
     *
     * @param type the type
     * @return the changed details
     */
    public ChangeDetails withType(ChangeType type) {
        return new ChangeDetails(type, risk, plannedWindow, implementationPlan, backoutPlan, acceptanceCriteria);
    }

    /**
     * Returns a copy with another risk.
     *
     * @param risk the risk
     * @return the changed details
     */
    public ChangeDetails withRisk(ChangeRisk risk) {
        return new ChangeDetails(type, risk, plannedWindow, implementationPlan, backoutPlan, acceptanceCriteria);
    }

    /**
     * Returns a copy with the planned window set or cleared.
     *
     * @param plannedWindow the window, or empty
     * @return the changed details
     */
    public ChangeDetails withPlannedWindow(Optional<TimeWindow> plannedWindow) {
        return new ChangeDetails(type, risk, plannedWindow.orElse(null), implementationPlan, backoutPlan, acceptanceCriteria);
    }

    /**
     * Returns a copy with the implementation plan set or cleared.
     *
     * @param implementationPlan the plan, or empty
     * @return the changed details
     */
    public ChangeDetails withImplementationPlan(Optional<String> implementationPlan) {
        return new ChangeDetails(type, risk, plannedWindow, implementationPlan.orElse(null), backoutPlan, acceptanceCriteria);
    }

    /**
     * Returns a copy with the backout plan set or cleared.
     *
     * @param backoutPlan the plan, or empty
     * @return the changed details
     */
    public ChangeDetails withBackoutPlan(Optional<String> backoutPlan) {
        return new ChangeDetails(type, risk, plannedWindow, implementationPlan, backoutPlan.orElse(null), acceptanceCriteria);
    }

    /**
     * Returns a copy with other acceptance criteria.
     *
     * @param acceptanceCriteria the criteria, copied
     * @return the changed details
     */
    public ChangeDetails withAcceptanceCriteria(List<String> acceptanceCriteria) {
        return new ChangeDetails(type, risk, plannedWindow, implementationPlan, backoutPlan, acceptanceCriteria);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeDetails other && type == other.type && risk == other.risk
                && Objects.equals(plannedWindow, other.plannedWindow)
                && Objects.equals(implementationPlan, other.implementationPlan)
                && Objects.equals(backoutPlan, other.backoutPlan) && acceptanceCriteria.equals(other.acceptanceCriteria);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, risk, plannedWindow, implementationPlan, backoutPlan, acceptanceCriteria);
    }

    @Override
    public String toString() {
        return "ChangeDetails[type=" + type + ", risk=" + risk + ", plannedWindow=" + plannedWindow + "]";
    }
}
