package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Identifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned set of SLA targets that apply to a ticket together, for example the SLA of a customer
 * (first response and resolution), the OLA of an internal group, or an underpinning contract with a
 * supplier ({@link #agreement(AgreementType)}). Changing a policy means publishing a new version;
 * running clocks keep the version they started with unless recomputed on purpose.
 *
 * <p>Which tickets it applies to: tickets of its {@linkplain #forKinds kinds} for which its
 * {@linkplain #when condition} holds, for example
 * {@code policy.when(Condition.all(Condition.service(email), Condition.requester(Party.organization("acme"))))};
 * see {@link Condition#kind}, {@link Condition#service}, {@link Condition#requester} and
 * {@link Condition#priority}. Immutable and thread-safe.
 */
public final class SlaPolicy {
    private final String id;
    private final int version;
    private final Map<String, SlaTarget> targets;
    private final java.util.Set<dev.itsmkit.core.TicketKind> kinds;
    private final Optional<Condition> appliesWhen;
    private final boolean startIsRunCondition;
    private final AgreementType agreement;

    private SlaPolicy(String id, int version, Map<String, SlaTarget> targets, java.util.Set<dev.itsmkit.core.TicketKind> kinds,
            Optional<Condition> appliesWhen, boolean startIsRunCondition, AgreementType agreement) {
        this.id = id;
        this.version = version;
        this.targets = targets;
        this.kinds = kinds;
        this.appliesWhen = appliesWhen;
        this.startIsRunCondition = startIsRunCondition;
        this.agreement = agreement;
    }

    /**
     * Returns a policy.
     *
     * @param id the policy's id, an identifier
     * @param version its version, 1 or more
     * @param targets its targets, at least one, with distinct names
     * @return the policy
     * @throws IllegalArgumentException if the id is invalid, the version below 1, there is no
     *     target, or two targets share a name
     */
    public static SlaPolicy of(String id, int version, List<SlaTarget> targets) {
        Identifier.check("SLA policy id", id);
        if (version < 1) {
            throw new IllegalArgumentException("a policy version counts from 1, got " + version);
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("SLA policy " + id + " needs at least one target");
        }
        LinkedHashMap<String, SlaTarget> byName = new LinkedHashMap<>();
        for (SlaTarget target : targets) {
            if (byName.put(requireNonNull(target, "target").name(), target) != null) {
                throw new IllegalArgumentException("SLA policy " + id + " has two targets named " + target.name());
            }
        }
        return new SlaPolicy(id, version, java.util.Collections.unmodifiableMap(byName),
                java.util.EnumSet.allOf(dev.itsmkit.core.TicketKind.class), Optional.empty(), false, AgreementType.SLA);
    }

    /**
     * Returns this policy restricted to kinds of ticket.
     *
     * @param kinds the kinds it applies to, at least one
     * @return the restricted policy
     * @throws IllegalArgumentException if {@code kinds} is empty
     */
    public SlaPolicy forKinds(java.util.Set<dev.itsmkit.core.TicketKind> kinds) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("SLA policy " + id + " must apply to at least one kind of ticket");
        }
        return new SlaPolicy(id, version, targets, java.util.Set.copyOf(kinds), appliesWhen, startIsRunCondition, agreement);
    }

    /**
     * Returns this policy applying only to tickets for which a condition holds, replacing the condition
     * set before. The engine starts the policy's clocks at the first change after which the ticket
     * is of one of its kinds and the condition holds; once they exist they follow the ticket
     * whatever it becomes (a later change that makes the condition false does not remove them; use
     * the targets' cancel conditions or {@link #startIsRunCondition(boolean)} for that). For example
     * {@link Condition#service}, {@link Condition#requester} (the customer), {@link Condition#kind}
     * or {@link Condition#priority}, or any field.
     *
     * @param condition the condition
     * @return the restricted policy
     */
    public SlaPolicy when(Condition condition) {
        return new SlaPolicy(id, version, targets, kinds, Optional.of(requireNonNull(condition, "condition")),
                startIsRunCondition, agreement);
    }

    /**
     * Returns this policy as a kind of agreement: an SLA with customers (the default), an OLA
     * between internal groups, or an underpinning contract with a supplier. Clocks count the same
     * whatever the kind; {@link SlaReporter.Builder#policies} carries it into reports.
     *
     * @param agreement the kind of agreement
     * @return the policy with the kind set
     */
    public SlaPolicy agreement(AgreementType agreement) {
        return new SlaPolicy(id, version, targets, kinds, appliesWhen, startIsRunCondition,
                requireNonNull(agreement, "agreement"));
    }

    /**
     * Returns the kind of agreement the policy measures; {@link AgreementType#SLA} unless set.
     *
     * @return the kind of agreement
     */
    public AgreementType agreement() {
        return agreement;
    }

    /**
     * Returns this policy with its targets' start conditions doubling as run conditions: a running
     * or paused clock is CANCELLED at the first change after which its target's start condition no
     * longer holds, as if the cancel condition had held (it is checked with cancel, before stop). A
     * target without a start condition is not affected. For example an OLA that applies only while
     * the ticket sits with one group: the clock starts when the group takes the ticket and no longer
     * counts once the group hands it on.
     *
     * @param startIsRunCondition whether the start condition must keep holding
     * @return the policy with the option set
     */
    public SlaPolicy startIsRunCondition(boolean startIsRunCondition) {
        return new SlaPolicy(id, version, targets, kinds, appliesWhen, startIsRunCondition, agreement);
    }

    /**
     * Tells whether its targets' start conditions double as run conditions; see
     * {@link #startIsRunCondition(boolean)}.
     *
     * @return {@code true} if a clock is cancelled when its start condition stops holding
     */
    public boolean startIsRunCondition() {
        return startIsRunCondition;
    }

    /**
     * Returns the kinds of ticket the policy applies to.
     *
     * @return the kinds of ticket the policy applies to
     */
    public java.util.Set<dev.itsmkit.core.TicketKind> kinds() {
        return kinds;
    }

    /**
     * Returns the condition a ticket must meet for the policy to apply, if any.
     *
     * @return the condition a ticket must meet for the policy to apply, if any
     */
    public Optional<Condition> appliesWhen() {
        return appliesWhen;
    }

    /**
     * Tells whether the policy applies to a ticket.
     *
     * @param kind the ticket's kind
     * @param ticket the ticket
     * @return {@code true} if the kind is one of the policy's and its condition holds
     */
    public boolean appliesTo(dev.itsmkit.core.TicketKind kind, TicketView ticket) {
        return kinds.contains(kind) && appliesWhen.map(c -> c.test(ticket)).orElse(true);
    }

    /**
     * Returns the policy's id.
     *
     * @return the policy's id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the policy's version.
     *
     * @return the policy's version
     */
    public int version() {
        return version;
    }

    /**
     * Returns the targets in the order given.
     *
     * @return the targets in the order given
     */
    public List<SlaTarget> targets() {
        return new ArrayList<>(targets.values());
    }

    /**
     * Finds a target.
     *
     * @param name the target's name
     * @return the target, or empty
     */
    public Optional<SlaTarget> target(String name) {
        return Optional.ofNullable(targets.get(requireNonNull(name, "name")));
    }

    @Override
    public String toString() {
        return "SlaPolicy[" + id + " v" + version + " (" + agreement + "), targets " + targets.keySet() + "]";
    }
}
