package dev.itsmkit.core.cmdb;

/**
 * How much the business relies on a {@link Service}: how badly an outage of it hurts. A tenant may
 * use it to suggest the impact of an incident against the service, and to choose its service
 * levels. Ordered from the most to the least critical.
 */
public enum ServiceCriticality {
    /** The business stops without it. */
    CRITICAL,
    /** Important business functions are impaired without it. */
    HIGH,
    /** Some users are impaired without it; they have workarounds. */
    MEDIUM,
    /** Few users notice an outage. */
    LOW
}
