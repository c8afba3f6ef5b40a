/** Runnable examples of ITSM Kit, one per kind of user; each has a {@code main} method. */
@org.jspecify.annotations.NullMarked
package dev.itsmkit.examples;
