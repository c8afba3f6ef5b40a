/**
 * ITSM Kit workflow: lifecycle state machines (states, transitions, guards, actions), the built-in
 * ITIL lifecycles and their diagrams, and the ServiceDesk engine that runs every command and SLA timer.
 */
module dev.itsmkit.workflow {
    requires transitive dev.itsmkit.core;
    // Lifecycle guards speak the SLA condition language, so one condition means the same everywhere.
    requires transitive dev.itsmkit.sla;
    requires static transitive org.jspecify;
    requires org.slf4j;

    requires transitive dev.itsmkit.persistence;
    exports dev.itsmkit.workflow;
}
