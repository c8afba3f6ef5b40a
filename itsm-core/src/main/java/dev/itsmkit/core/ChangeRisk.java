package dev.itsmkit.core;

/** The assessed risk of a change, from the lowest to the highest. */
public enum ChangeRisk {
    /** Little can go wrong, and little if it does. */
    LOW,
    /** Some services may be degraded if it goes wrong. */
    MODERATE,
    /** Important services may be interrupted if it goes wrong. */
    HIGH,
    /** The business may be seriously harmed if it goes wrong. */
    VERY_HIGH
}
