/**
 * The values that the SLA engine keeps per ticket and that stores hold: SLA clock snapshots and due
 * timers. They live here, in the core, so that a store needs no module but the core.
 */
@org.jspecify.annotations.NullMarked
package dev.itsmkit.core.timing;
