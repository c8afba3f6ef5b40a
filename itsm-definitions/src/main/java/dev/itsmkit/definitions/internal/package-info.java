/** How lifecycle documents are read and written; not exported, may change in any release. */
@org.jspecify.annotations.NullMarked
package dev.itsmkit.definitions.internal;
