/**
 * How lifecycles are checked and indexed; not an API, may change any day.
 */
@NullMarked
package dev.itsmkit.workflow.internal;

import org.jspecify.annotations.NullMarked;
