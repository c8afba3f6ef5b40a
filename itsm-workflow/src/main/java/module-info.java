/**
 * ITSM Kit workflow: lifecycle state machines (states, transitions, guards, actions), the built-in
 * ITIL lifecycles and their diagrams.
 */
module dev.itsmkit.workflow {
    requires transitive dev.itsmkit.core;
    // Lifecycle guards speak the SLA condition language, so one condition means the same everywhere.
    requires transitive dev.itsmkit.sla;
    requires static transitive org.jspecify;
    requires org.slf4j;

    exports dev.itsmkit.workflow;
}
