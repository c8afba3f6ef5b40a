package dev.itsmkit.jackson.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.itsmkit.core.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON value being read, with its path. Reading a value as a domain type goes through
 * {@link #as(Codec)}, which turns the core's refusals into a {@link dev.itsmkit.jackson.JsonValidationException}
 * naming this path.
 */
final class Source {
    private final JsonParser parser;
    private final JsonNode node;
    private final Path path;

    Source(JsonParser parser, JsonNode node, Path path) {
        this.parser = parser;
        this.node = node;
        this.path = path;
    }

    JsonParser parser() {
        return parser;
    }

    JsonNode node() {
        return node;
    }

    Path path() {
        return path;
    }

    Source child(Class<?> owner, String property, JsonNode value) {
        return new Source(parser, value, path.property(owner, property));
    }

    /**
     * Reads this value with a codec.
     *
     * @throws JsonMappingException naming this path if the JSON is wrong or the core refuses the value
     */
    <T> T as(Codec<T> codec) throws JsonMappingException {
        try {
            return codec.read(this);
        } catch (ValidationException e) {
            throw Errors.refused(this, codec.type(), codec.description(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw Errors.refused(this, codec.type(), codec.description(), e);
        }
    }

    String text(Class<?> type, String expected) throws JsonMappingException {
        if (!node.isTextual()) {
            throw Errors.wrongType(this, type, expected);
        }
        return node.textValue();
    }

    int integer(Class<?> type, String expected) throws JsonMappingException {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw Errors.wrongType(this, type, expected);
        }
        return node.intValue();
    }

    long longInteger(Class<?> type, String expected) throws JsonMappingException {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw Errors.wrongType(this, type, expected);
        }
        return node.longValue();
    }

    boolean bool(Class<?> type, String expected) throws JsonMappingException {
        if (!node.isBoolean()) {
            throw Errors.wrongType(this, type, expected);
        }
        return node.booleanValue();
    }

    /**
     * Reads this value as an object of known properties.
     *
     * @throws JsonMappingException if it is not an object or has a property not in {@code properties}
     */
    Fields object(Class<?> type, String description, List<String> properties) throws JsonMappingException {
        if (!node.isObject()) {
            throw Errors.wrongType(this, type, description + " (a JSON object)");
        }
        return new Fields(this, type, description, properties);
    }

    /** Reads this value as an array, each element with its own path. */
    List<Source> elements(Class<?> type, String expected) throws JsonMappingException {
        if (!node.isArray()) {
            throw Errors.wrongType(this, type, expected);
        }
        List<Source> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new Source(parser, node.get(i), path.element(i)));
        }
        return elements;
    }

    /** Reads this value as an array of values of one codec. */
    <T> List<T> list(Codec<T> codec) throws JsonMappingException {
        List<T> values = new ArrayList<>();
        for (Source element : elements(List.class, "a list of " + plural(codec))) {
            values.add(element.as(codec));
        }
        return values;
    }

    private static String plural(Codec<?> codec) {
        return "values, each " + codec.description();
    }
}
