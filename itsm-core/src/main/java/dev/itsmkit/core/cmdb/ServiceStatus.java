package dev.itsmkit.core.cmdb;

/** Where a service stands in the service portfolio (ITIL 4: pipeline, catalogue, retired). */
public enum ServiceStatus {
    /** Being designed or built; not yet offered. */
    PIPELINE,
    /** Offered to customers: in the service catalogue. */
    LIVE,
    /** No longer offered; kept for the record. */
    RETIRED
}
