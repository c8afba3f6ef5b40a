/**
 * ITSM Kit test kit: SLA scenario files (JSON or YAML) read strictly, run against the SLA engine,
 * and reported as text, as JSON, or as a JUnit assertion.
 */
module dev.itsmkit.testkit {
    requires transitive dev.itsmkit.sla;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires static org.jspecify;

    exports dev.itsmkit.testkit;
}
