/**
 * How the JSON form is written and read: one codec per domain type, a reader that walks a JSON tree
 * with the path of every value, and the errors it reports. May change any day; not exported.
 */
@NullMarked
package dev.itsmkit.jackson.internal;

import org.jspecify.annotations.NullMarked;
