/**
 * The ITSM Kit domain: ids, tickets, services and configuration items, events, commands and their
 * validation. Depends on no other ITSM Kit module.
 */
module dev.itsmkit.core {
    requires static org.jspecify;
    requires transitive jakarta.validation;
    requires org.slf4j;
    requires com.google.common;

    exports dev.itsmkit.core;
    exports dev.itsmkit.core.timing;
    exports dev.itsmkit.core.event;
    exports dev.itsmkit.core.outbox;
    exports dev.itsmkit.core.cmdb;
}
