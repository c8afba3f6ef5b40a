package dev.itsmkit.core.cmdb;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.ConfigurationItemId;

/**
 * A directed relationship between two configuration items of one tenant, read as a sentence:
 * "{@code source} {@code type} {@code target}", for example "web-01 RUNS_ON vm-host-7". The
 * {@link RelationshipType} says in which direction a failure spreads; {@link #upstream()} and
 * {@link #downstream()} give the two ends in that direction, whatever the type.
 *
 * <p>Immutable and thread-safe. A {@link ConfigurationModel} checks that both ends exist in its
 * tenant.
 *
 * @param source the item the sentence is about
 * @param type how the source relates to the target
 * @param target the item the source relates to; not the source itself
 */
public record Relationship(ConfigurationItemId source, RelationshipType type, ConfigurationItemId target) {
    /**
     * Creates the value, checking its components.
     *
     * @param source the item the sentence is about
     * @param type how the source relates to the target
     * @param target the item the source relates to; not the source itself
     * @throws IllegalArgumentException if {@code source} and {@code target} are the same item
     */
    public Relationship {
        requireNonNull(source, "source");
        requireNonNull(type, "type");
        requireNonNull(target, "target");
        if (source.equals(target)) {
            throw new IllegalArgumentException("a configuration item cannot relate to itself, got " + source + " "
                    + type + " " + target);
        }
    }

    /**
     * Returns the relationship "source type target".
     *
     * @param source the item the sentence is about
     * @param type how the source relates to the target
     * @param target the item the source relates to
     * @return the relationship
     * @throws IllegalArgumentException if {@code source} and {@code target} are the same item
     */
    public static Relationship of(ConfigurationItemId source, RelationshipType type, ConfigurationItemId target) {
        return new Relationship(source, type, target);
    }

    /**
     * Returns the end whose failure spreads along this relationship.
     *
     * @return the target if {@link RelationshipType#targetImpactsSource()}, else the source
     */
    public ConfigurationItemId upstream() {
        return type.targetImpactsSource() ? target : source;
    }

    /**
     * Returns the end that is impacted when the {@linkplain #upstream() upstream} end fails.
     *
     * @return the source if {@link RelationshipType#targetImpactsSource()}, else the target
     */
    public ConfigurationItemId downstream() {
        return type.targetImpactsSource() ? source : target;
    }

    /**
     * Returns the relationship as its sentence.
     *
     * @return for example {@code web-01 RUNS_ON vm-host-7}
     */
    @Override
    public String toString() {
        return source + " " + type + " " + target;
    }
}
