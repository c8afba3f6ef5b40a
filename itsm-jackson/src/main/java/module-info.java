/**
 * JSON for every ITSM Kit domain type, as a Jackson module: {@link dev.itsmkit.jackson.ItsmKitJacksonModule}
 * and the ready-made mapper of {@link dev.itsmkit.jackson.ItsmJson}. The form of each type is documented
 * in {@code docs/json.md}.
 *
 * <p>No package of {@code dev.itsmkit.core} is opened to Jackson: every value is written through the
 * public accessors and read back through the public constructors and builders, so it passes the core's
 * own validation.
 */
module dev.itsmkit.jackson {
    requires static org.jspecify;
    requires transitive dev.itsmkit.core;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;

    exports dev.itsmkit.jackson;
}
