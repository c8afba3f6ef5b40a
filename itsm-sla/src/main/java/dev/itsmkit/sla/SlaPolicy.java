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
 * supplier. Changing a policy means publishing a new version; running clocks keep the version they
 * started with unless recomputed on purpose. Immutable and thread-safe.
 */
public final class SlaPolicy {
    private final String id;
    private final int version;
    private final Map<String, SlaTarget> targets;

    private SlaPolicy(String id, int version, Map<String, SlaTarget> targets) {
        this.id = id;
        this.version = version;
        this.targets = targets;
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
        return new SlaPolicy(id, version, java.util.Collections.unmodifiableMap(byName));
    }

    /** @return the policy's id */
    public String id() {
        return id;
    }

    /** @return the policy's version */
    public int version() {
        return version;
    }

    /** @return the targets in the order given */
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
        return "SlaPolicy[" + id + " v" + version + ", targets " + targets.keySet() + "]";
    }
}
