/**
 * QuickTheories generators of valid domain values, shipped in itsm-core's test-jar for the tests of
 * other modules. A package of its own, outside every package of the module {@code dev.itsmkit.core}:
 * another module's tests load the test-jar from the class path, and a class in a package that the
 * named module owns would be looked up in the module, never found in the jar.
 */
@org.jspecify.annotations.NullMarked
package dev.itsmkit.core.testing;
