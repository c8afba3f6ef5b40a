/**
 * Lifecycle state machines as data: {@link dev.itsmkit.workflow.Lifecycle} (states, named
 * transitions, {@link dev.itsmkit.workflow.Guard guards} and {@link dev.itsmkit.workflow.Action
 * actions}), validated when built, evaluated through one gate
 * ({@link dev.itsmkit.workflow.Lifecycle#evaluate}); the built-in ITIL lifecycles in
 * {@link dev.itsmkit.workflow.Lifecycles}; approval policies; and Mermaid and Graphviz export in
 * {@link dev.itsmkit.workflow.LifecycleDiagrams}.
 */
@NullMarked
package dev.itsmkit.workflow;

import org.jspecify.annotations.NullMarked;
