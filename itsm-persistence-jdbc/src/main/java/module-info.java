/**
 * Every store of the ITSM Kit persistence SPI on plain JDBC over an application's {@link javax.sql.DataSource}:
 * PostgreSQL, and H2 in PostgreSQL mode. The schema ships as versioned migrations under {@code db/itsm/}.
 */
module dev.itsmkit.persistence.jdbc {
    requires static org.jspecify;
    requires transitive dev.itsmkit.persistence;
    requires transitive java.sql;
    requires dev.itsmkit.jackson;
    requires org.slf4j;

    exports dev.itsmkit.persistence.jdbc;
}
