/**
 * Simple, obviously correct implementations that the benchmarks compare ours with.
 */
@NullMarked
package dev.itsmkit.benchmarks.reference;

import org.jspecify.annotations.NullMarked;
