/**
 * Lifecycle state machines and the ServiceDesk engine that applies commands to tickets.
 */
@NullMarked
package dev.itsmkit.workflow;

import org.jspecify.annotations.NullMarked;
