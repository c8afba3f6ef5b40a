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
    exports dev.itsmkit.core.cmdb;
    exports dev.itsmkit.core.event;
    exports dev.itsmkit.core.outbox;
    exports dev.itsmkit.core.command;

    // Bean Validation providers (Hibernate Validator) read the constraints of the command records
    // from their private fields by deep reflection (a record accessor is no JavaBeans getter). The
    // package is opened to every module, not only to org.hibernate.validator, because applications
    // run the validator on the class path as often as on the module path; the records are
    // immutable, so reflective reading gives away nothing.
    opens dev.itsmkit.core.command;
}
