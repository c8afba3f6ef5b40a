package dev.itsmkit.jackson.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Violation;
import dev.itsmkit.jackson.JsonValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The exceptions of reading, each with a message that says where (the path), what was found and what
 * would be right, and with the path attached to Jackson's reference chain.
 */
final class Errors {
    /** How many characters of an offending text a message shows. */
    private static final int SHOWN = 80;

    private Errors() {}

    static MismatchedInputException missing(Source object, Class<?> type, String description, String property,
            String expected) {
        Path path = object.path().property(type, property);
        return path.attachTo(MismatchedInputException.from(object.parser(), type,
                description + " " + object.path().where() + " lacks the required property '" + property
                        + "', which is " + expected));
    }

    static MismatchedInputException wrongType(Source in, Class<?> type, String expected) {
        return in.path().attachTo(MismatchedInputException.from(in.parser(), type,
                in.path().where() + ": expected " + expected + ", got " + describe(in.node())));
    }

    static InvalidFormatException invalidFormat(Source in, Class<?> type, String expected, String text,
            String problem) {
        return in.path().attachTo(InvalidFormatException.from(in.parser(),
                in.path().where() + ": '" + shown(text) + "' is not " + expected + ": " + problem, text, type));
    }

    static UnrecognizedPropertyException unknownProperty(Source object, Class<?> type, String description,
            String property, Collection<String> known) {
        return object.path().attachTo(new UnrecognizedPropertyException(object.parser(),
                description + " " + object.path().where() + " has the unknown property '" + shown(property)
                        + "'; its properties are " + known,
                object.parser().currentLocation(), type, property,
                List.copyOf(known)));
    }

    static InvalidTypeIdException unknownVariant(Source discriminator, Class<?> family, String description,
            String given, Collection<String> known) {
        JavaType baseType = TypeFactory.defaultInstance().constructType(family);
        return discriminator.path().attachTo(InvalidTypeIdException.from(discriminator.parser(),
                discriminator.path().where() + ": '" + shown(given) + "' is not a type of " + description
                        + "; the types are " + known, baseType, given));
    }

    static MismatchedInputException duplicate(Source object, Class<?> type, String description, String property,
            String duplicated) {
        return object.path().property(type, property).attachTo(MismatchedInputException.from(object.parser(), type,
                description + " " + object.path().where() + " lists " + shown(duplicated)
                        + " more than once in '" + property + "'; each may appear once"));
    }

    /** The core refused a value: its builder reported violations. */
    static JsonValidationException refused(Source in, Class<?> type, String description, ValidationException e) {
        List<Violation> violations = new ArrayList<>();
        for (Violation v : e.violations()) {
            violations.add(new Violation(in.path().resolve(v.path()), v.invalidValue(), v.message()));
        }
        String message = description + " " + in.path().where() + " is invalid (" + e.subject() + "): "
                + violations.stream().map(v -> "\n  - " + v).collect(Collectors.joining());
        return in.path().attachTo(new JsonValidationException(in.parser(), message, type, violations, e));
    }

    /** The core refused a value: a constructor or builder threw on one value. */
    static JsonValidationException refused(Source in, Class<?> type, String description, RuntimeException e) {
        String problem = String.valueOf(e.getMessage());
        Violation violation = new Violation(in.path().toString(), in.node().isValueNode() ? in.node().asText() : "",
                problem);
        String message = description + " " + in.path().where() + " is invalid: " + problem;
        return in.path().attachTo(new JsonValidationException(in.parser(), message, type, List.of(violation), e));
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "the string \"" + shown(node.textValue()) + "\"";
            case NUMBER -> "the number " + node.numberValue();
            case BOOLEAN -> node.booleanValue() ? "true" : "false";
            case NULL, MISSING -> "null";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case BINARY, POJO -> "an embedded value";
        };
    }

    /** Shows a text with control characters escaped and long texts cut, for messages. */
    static String shown(String text) {
        String cut = text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "... (" + text.length() + " characters)";
        StringBuilder b = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
