/**
 * The persistence and notification SPI of ITSM Kit, its in-memory default, and the outbox dispatcher.
 */
module dev.itsmkit.persistence {
    requires static org.jspecify;
    requires transitive dev.itsmkit.core;
    requires org.slf4j;

    exports dev.itsmkit.persistence;
    exports dev.itsmkit.persistence.spi;
    exports dev.itsmkit.persistence.memory;
    exports dev.itsmkit.persistence.notification;
}
