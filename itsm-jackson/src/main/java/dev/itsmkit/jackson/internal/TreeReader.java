package dev.itsmkit.jackson.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads one JSON value into a tree, whatever the mapper's configuration: decimals stay exact and a
 * property given twice in one object is refused (a tree would otherwise keep the last silently).
 * Leaves the parser on the value's last token, as a deserializer must.
 */
final class TreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TreeReader() {}

    static JsonNode read(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.FIELD_NAME) {
            // the object was started by the caller (for example after Jackson buffered some properties)
            return readProperties(p, NODES.objectNode());
        }
        return readValue(p, token);
    }

    private static JsonNode readValue(JsonParser p, JsonToken token) throws IOException {
        if (token == null) {
            throw MismatchedInputException.from(p, JsonNode.class, "expected a JSON value, found the end of the input");
        }
        return switch (token) {
            case START_OBJECT -> {
                p.nextToken();
                yield readProperties(p, NODES.objectNode());
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(readValue(p, t));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> DecimalNode.valueOf(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw MismatchedInputException.from(p, JsonNode.class,
                    "expected a JSON value, found the token " + token);
        };
    }

    /** Reads properties from the current FIELD_NAME (or END_OBJECT) to the end of the object. */
    private static ObjectNode readProperties(JsonParser p, ObjectNode object) throws IOException {
        for (JsonToken t = p.currentToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                throw MismatchedInputException.from(p, JsonNode.class, "expected a property name, found " + t);
            }
            String name = p.currentName();
            JsonNode value = readValue(p, p.nextToken());
            // one hash look-up: replace returns the value the name had (JSON null is a NullNode, not null)
            if (object.replace(name, value) != null) {
                throw MismatchedInputException.from(p, JsonNode.class, "the property '" + Errors.shown(name)
                        + "' appears twice in the object at " + p.getParsingContext().getParent().pathAsPointer()
                        + "; each property may appear once");
            }
        }
        return object;
    }
}
