/**
 * Lifecycles as documents: {@link dev.itsmkit.definitions.LifecycleDefinitions} reads a
 * {@link dev.itsmkit.workflow.Lifecycle} from JSON or YAML and writes one back.
 */
@org.jspecify.annotations.NullMarked
package dev.itsmkit.definitions;
