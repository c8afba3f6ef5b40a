/**
 * Business calendars, SLA policies, SLA clocks and the timer engine.
 */
@NullMarked
package dev.itsmkit.sla;

import org.jspecify.annotations.NullMarked;
