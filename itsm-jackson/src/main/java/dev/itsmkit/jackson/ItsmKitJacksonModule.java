package dev.itsmkit.jackson;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import dev.itsmkit.jackson.internal.Codecs;

/**
 * A Jackson module that writes and reads every ITSM Kit domain type in its documented, stable JSON form
 * ({@code docs/json.md}): ids as plain strings, ticket numbers as {@code "INC0001042"}, priorities as
 * {@code "P1"}, parties as {@code "person:alice"}, instants and durations in ISO-8601, enums by name,
 * sealed families (field values, ticket details, required approvals, events, commands) as objects with a
 * {@code "type"} discriminator, exact decimals as strings. Reading a command does not check its Bean
 * Validation constraints: that is the core's {@code CommandValidator}, a step of its own.
 *
 * <p>The form does not depend on the mapper's configuration: the module's serializers write each value
 * themselves, and its deserializers refuse what the form does not allow whatever the mapper's features
 * say: an unknown property, a missing required property, a value of the wrong JSON type, an unknown enum
 * name or discriminator, a property given twice. Every value is built through the core's public
 * constructors and builders, so the core checks it; what the core refuses is reported as a
 * {@link JsonValidationException} that names the path and keeps the core's violations. A failed read
 * builds nothing.
 *
 * <p>Register it with {@code JsonMapper.builder().addModule(new ItsmKitJacksonModule())}, or use the
 * ready-made mapper of {@link ItsmJson#mapper()}. Immutable and thread-safe.
 */
public final class ItsmKitJacksonModule extends Module {
    /** The module's name, as Jackson reports it. */
    public static final String NAME = "ItsmKitJacksonModule";

    /** Creates the module. */
    public ItsmKitJacksonModule() {
        // nothing to configure: the form is fixed
    }

    @Override
    public String getModuleName() {
        return NAME;
    }

    @Override
    public Version version() {
        return new Version(0, 1, 0, "SNAPSHOT", "dev.itsmkit", "itsm-jackson");
    }

    @Override
    public void setupModule(SetupContext context) {
        SimpleSerializers serializers = new SimpleSerializers();
        SimpleDeserializers deserializers = new SimpleDeserializers();
        Codecs.register(serializers, deserializers);
        context.addSerializers(serializers);
        context.addDeserializers(deserializers);
    }
}
