/**
 * ITSM Kit definitions: lifecycles written as JSON or YAML documents, read strictly (every problem
 * with its location) and written back, with exactly the power of the Java builder.
 */
module dev.itsmkit.definitions {
    requires transitive dev.itsmkit.workflow;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires static org.jspecify;

    exports dev.itsmkit.definitions;
}
