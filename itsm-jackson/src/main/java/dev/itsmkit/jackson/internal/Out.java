package dev.itsmkit.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes the properties of one JSON object. Absent optional values are left out; lists are written
 * even when empty, so that every object of a type shows the same properties.
 */
final class Out {
    private final JsonGenerator g;

    Out(JsonGenerator g) {
        this.g = g;
    }

    void string(String name, String value) throws IOException {
        g.writeStringField(name, value);
    }

    void optionalString(String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(name, value.get());
        }
    }

    void integer(String name, long value) throws IOException {
        g.writeNumberField(name, value);
    }

    void optionalInteger(String name, OptionalLong value) throws IOException {
        if (value.isPresent()) {
            g.writeNumberField(name, value.getAsLong());
        }
    }

    void bool(String name, boolean value) throws IOException {
        g.writeBooleanField(name, value);
    }

    <T> void value(String name, Codec<T> codec, T value) throws IOException {
        g.writeFieldName(name);
        codec.write(g, value);
    }

    <T> void optional(String name, Codec<T> codec, Optional<T> value) throws IOException {
        if (value.isPresent()) {
            value(name, codec, value.get());
        }
    }

    <T> void list(String name, Codec<T> codec, Collection<T> values) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        for (T value : values) {
            codec.write(g, value);
        }
        g.writeEndArray();
    }
}
