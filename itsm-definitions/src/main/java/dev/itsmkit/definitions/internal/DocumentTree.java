package dev.itsmkit.definitions.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.itsmkit.definitions.DefinitionProblem;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A document read into a Jackson tree together with the position of every value, by JSON path, so
 * that every problem found later (also by the lifecycle's own validation) can name its line and
 * column. The tree is built token by token from the streaming parser of either format, which also
 * lets it refuse duplicate keys and a second YAML document. Not thread-safe; one per read.
 */
public final class DocumentTree {
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, JsonLocation> positions = new HashMap<>();
    private final Map<String, JsonLocation> keyPositions = new HashMap<>();
    private final JsonNode root;

    private DocumentTree(JsonNode root) {
        this.root = root;
    }

    /**
     * Reads a document.
     *
     * @param factory the JSON or YAML factory
     * @param reader the document's text
     * @return the tree
     * @throws DocumentException with the one problem that stopped the reading: not well-formed, empty,
     *     a duplicate key or a second document
     */
    public static DocumentTree read(JsonFactory factory, Reader reader) {
        DocumentTree tree = new DocumentTree(NODES.missingNode());
        String[] at = {"$"};
        try (JsonParser parser = factory.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new DocumentException(List.of(new DefinitionProblem("$", 0, 0,
                        "the document is empty; a lifecycle is an object with id, kind, states and transitions")));
            }
            JsonNode root = tree.value(parser, "$", at);
            if (parser.nextToken() != null) {
                JsonLocation where = parser.currentTokenLocation();
                throw new DocumentException(List.of(new DefinitionProblem("$", line(where), column(where),
                        "the document holds more than one value (or YAML document); a lifecycle document holds one")));
            }
            DocumentTree done = new DocumentTree(root);
            done.positions.putAll(tree.positions);
            done.keyPositions.putAll(tree.keyPositions);
            return done;
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            String message = String.valueOf(e.getOriginalMessage()).strip();
            int lineBreak = message.indexOf('\n');
            throw new DocumentException(List.of(new DefinitionProblem(at[0], line(where), column(where),
                    "not well-formed: " + (lineBreak < 0 ? message : message.substring(0, lineBreak)))));
        } catch (IOException e) {
            throw new DocumentException(List.of(new DefinitionProblem("$", 0, 0, "cannot read the document: " + e)));
        }
    }

    private JsonNode value(JsonParser parser, String path, String[] at) throws IOException {
        at[0] = path;
        positions.put(path, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    String keyPath = child(path, key);
                    JsonLocation keyAt = parser.currentTokenLocation();
                    keyPositions.put(keyPath, keyAt);
                    if (object.has(key)) {
                        throw new DocumentException(List.of(new DefinitionProblem(keyPath, line(keyAt), column(keyAt),
                                "the key \"" + key + "\" appears twice in one object")));
                    }
                    parser.nextToken();
                    object.set(key, value(parser, keyPath, at));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, path + "[" + index++ + "]", at));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(parser.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> {
                JsonLocation where = parser.currentTokenLocation();
                throw new DocumentException(List.of(new DefinitionProblem(path, line(where), column(where),
                        "unexpected " + token + "; a definition holds objects, arrays, strings, numbers and booleans")));
            }
        }
    }

    /**
     * Returns the path of a key inside an object.
     *
     * @param path the object's path
     * @param key the key
     * @return {@code path.key}, or {@code path['key']} for a key that is not a simple name
     */
    public static String child(String path, String key) {
        return SIMPLE_KEY.matcher(key).matches() ? path + "." + key
                : path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /**
     * Returns the document's root value.
     *
     * @return the root
     */
    public JsonNode root() {
        return root;
    }

    /**
     * Makes a problem at a path, with the position of the value there or, if the path names no value
     * of the document (a missing key), of its nearest enclosing value.
     *
     * @param path a JSON path
     * @param message what is wrong
     * @return the problem
     */
    public DefinitionProblem problem(String path, String message) {
        JsonLocation where = locate(path);
        return new DefinitionProblem(path, line(where), column(where), message);
    }

    /**
     * Makes a problem about a key itself (an unknown key), with the position of the key.
     *
     * @param path the path of the key's value
     * @param message what is wrong
     * @return the problem
     */
    public DefinitionProblem keyProblem(String path, String message) {
        JsonLocation where = keyPositions.get(path);
        return where == null ? problem(path, message) : new DefinitionProblem(path, line(where), column(where), message);
    }

    private @Nullable JsonLocation locate(String path) {
        String p = path;
        while (true) {
            JsonLocation where = positions.get(p);
            if (where != null || p.equals("$")) {
                return where;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return positions.get("$");
            }
            p = p.substring(0, cut);
        }
    }

    private static int line(@Nullable JsonLocation where) {
        return where == null || where.getLineNr() < 1 ? 0 : where.getLineNr();
    }

    private static int column(@Nullable JsonLocation where) {
        return where == null || where.getLineNr() < 1 || where.getColumnNr() < 1 ? 0 : where.getColumnNr();
    }

    /** The problems that stopped a reading; the public API turns them into its exception. */
    public static final class DocumentException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("serial") // List.copyOf returns a serializable list of serializable problems
        private final List<DefinitionProblem> problems;

        /**
         * Creates the exception.
         *
         * @param problems at least one
         */
        public DocumentException(List<DefinitionProblem> problems) {
            super(problems.toString(), null, false, false);
            this.problems = List.copyOf(problems);
        }

        /**
         * Returns the problems.
         *
         * @return at least one
         */
        public List<DefinitionProblem> problems() {
            return problems;
        }
    }
}
