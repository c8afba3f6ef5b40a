package dev.itsmkit.jackson.internal;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The properties of one JSON object being read as a domain type. The object's known properties are
 * declared up front, so that an unknown (for example misspelt) property is reported before anything
 * else; a property that is {@code null} counts as absent.
 */
final class Fields {
    private final Source source;
    private final Class<?> type;
    private final String description;
    private final List<String> properties;

    Fields(Source source, Class<?> type, String description, List<String> properties) throws JsonMappingException {
        this.source = source;
        this.type = type;
        this.description = description;
        this.properties = List.copyOf(properties);
        for (Iterator<String> names = source.node().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!this.properties.contains(name)) {
                throw Errors.unknownProperty(source, type, description, name, this.properties);
            }
        }
    }

    Source source() {
        return source;
    }

    Class<?> type() {
        return type;
    }

    String description() {
        return description;
    }

    Optional<Source> optional(String name) {
        if (!properties.contains(name)) {
            throw new AssertionError("codec of " + type.getName() + " reads the undeclared property " + name);
        }
        JsonNode value = source.node().get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(source.child(type, name, value));
    }

    Source required(String name, String expected) throws JsonMappingException {
        Optional<Source> value = optional(name);
        if (value.isEmpty()) {
            throw Errors.missing(source, type, description, name, expected);
        }
        return value.get();
    }

    <T> T get(String name, Codec<T> codec) throws JsonMappingException {
        return required(name, codec.description()).as(codec);
    }

    <T> Optional<T> optional(String name, Codec<T> codec) throws JsonMappingException {
        Optional<Source> value = optional(name);
        return value.isPresent() ? Optional.of(value.get().as(codec)) : Optional.empty();
    }

    <T> T get(String name, Codec<T> codec, T absent) throws JsonMappingException {
        return optional(name, codec).orElse(absent);
    }

    /** Reads a list; an absent list is empty. */
    <T> List<T> list(String name, Codec<T> codec) throws JsonMappingException {
        Optional<Source> value = optional(name);
        return value.isPresent() ? value.get().list(codec) : List.of();
    }

    String string(String name) throws JsonMappingException {
        return get(name, Scalars.STRING);
    }

    String string(String name, String absent) throws JsonMappingException {
        return get(name, Scalars.STRING, absent);
    }

    Optional<String> optionalString(String name) throws JsonMappingException {
        return optional(name, Scalars.STRING);
    }

    boolean bool(String name, boolean absent) throws JsonMappingException {
        Optional<Source> value = optional(name);
        return value.isPresent() ? value.get().bool(type, "true or false") : absent;
    }

    int integer(String name) throws JsonMappingException {
        return required(name, "a whole number").integer(type, "a whole number");
    }

    long longInteger(String name) throws JsonMappingException {
        return required(name, "a whole number").longInteger(type, "a whole number");
    }

    OptionalLong optionalLongInteger(String name) throws JsonMappingException {
        Optional<Source> value = optional(name);
        return value.isPresent() ? OptionalLong.of(value.get().longInteger(type, "a whole number"))
                : OptionalLong.empty();
    }
}
