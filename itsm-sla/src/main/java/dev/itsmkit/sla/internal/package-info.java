/**
 * How business calendars work inside: the rules that give each local date its opening hours, the per-year
 * tables of open instants that the arithmetic searches, and the iCalendar reader. Not exported; may change in
 * any release.
 */
@NullMarked
package dev.itsmkit.sla.internal;

import org.jspecify.annotations.NullMarked;
