package dev.itsmkit.core.cmdb;

/** Where a configuration item stands in its own lifecycle. */
public enum ConfigurationItemStatus {
    /** Ordered or being built; not yet in use. */
    PLANNED,
    /** In use. */
    OPERATIONAL,
    /** In use but under maintenance. */
    MAINTENANCE,
    /** No longer in use; kept for the record. */
    RETIRED
}
