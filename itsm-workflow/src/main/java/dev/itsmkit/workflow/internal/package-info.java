/**
 * How lifecycles are checked and indexed, and how the engine decides, records and commits
 * commands and fires SLA timers; not an API, may change any day.
 */
@NullMarked
package dev.itsmkit.workflow.internal;

import org.jspecify.annotations.NullMarked;
