/**
 * The JDBC adapter of the persistence SPI: {@link dev.itsmkit.persistence.jdbc.JdbcStores}, built over
 * a {@link javax.sql.DataSource}; {@link dev.itsmkit.persistence.jdbc.JdbcMigrations}, which applies the
 * schema; and {@link dev.itsmkit.persistence.jdbc.ConnectionProvider}, through which the stores join an
 * application's own transactions. See {@code docs/persistence-jdbc.md}.
 */
@NullMarked
package dev.itsmkit.persistence.jdbc;

import org.jspecify.annotations.NullMarked;
