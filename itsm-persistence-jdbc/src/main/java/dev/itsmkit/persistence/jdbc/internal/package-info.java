/**
 * The implementation of the JDBC stores: SQL, row mapping, query building and migrations. Not exported.
 */
@NullMarked
package dev.itsmkit.persistence.jdbc.internal;

import org.jspecify.annotations.NullMarked;
