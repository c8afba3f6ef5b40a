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
    exports dev.itsmkit.core.command;

    // Hibernate Validator reads the command records' private fields (Bean Validation validates
    // fields; a record accessor is no JavaBeans getter) and instantiates the constraint validators of
    // the non-exported internal package, both by deep reflection. Opened to HV only, not to everyone.
    opens dev.itsmkit.core.command to org.hibernate.validator;
    opens dev.itsmkit.core.command.internal to org.hibernate.validator;
}
