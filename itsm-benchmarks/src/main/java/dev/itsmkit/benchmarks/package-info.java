/**
 * JMH benchmarks of ITSM Kit's hot paths, each run against a simple alternative in the same run. Run the
 * shaded jar as {@code docs/benchmarks.md} says.
 */
@NullMarked
package dev.itsmkit.benchmarks;

import org.jspecify.annotations.NullMarked;
