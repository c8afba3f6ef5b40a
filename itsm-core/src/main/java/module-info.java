/**
 * The ITSM Kit domain: ids, tickets, services and configuration items, events, commands and their
 * validation. Depends on no other ITSM Kit module.
 */
// 'module': HV is a runtime dependency, so javac does not see the module the package is opened to
@SuppressWarnings("module")
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

    // Hibernate Validator reads the constraints of the command records from their private fields by
    // deep reflection (Bean Validation validates fields and JavaBeans getters; a record accessor is
    // no getter). Opened to HV only, not to every module.
    opens dev.itsmkit.core.command to org.hibernate.validator;
}
