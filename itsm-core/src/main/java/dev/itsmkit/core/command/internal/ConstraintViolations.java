package dev.itsmkit.core.command.internal;

import dev.itsmkit.core.Violation;
import dev.itsmkit.core.internal.Identifiers;
import dev.itsmkit.core.internal.Texts;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Translates Jakarta Bean Validation results into ITSM Kit {@link Violation}s.
 *
 * <p>Paths are rendered as a user reads them: {@code title}, {@code link.target},
 * {@code fields[risk]}, {@code approvers[1]}; the synthetic names of container elements
 * ({@code <map key>}, {@code <list element>}) are left out. The value of a violation reported by a
 * class-level constraint at a property (such as {@code link.target}) is, for Bean Validation, the
 * whole command; it is replaced by the value at the reported path, read through the record
 * accessors, so the user sees the offending reference rather than the command.
 */
public final class ConstraintViolations {
    private static final Comparator<Violation> ORDER = Comparator.comparing(Violation::path)
            .thenComparing(Violation::message).thenComparing(Violation::invalidValue);

    private ConstraintViolations() {}

    /**
     * Translates violations.
     *
     * @param violations what a Bean Validation validator found
     * @return the violations, ordered by path, then message, then value
     */
    public static List<Violation> translate(Collection<? extends ConstraintViolation<?>> violations) {
        List<Violation> result = new ArrayList<>(violations.size());
        for (ConstraintViolation<?> violation : violations) {
            String path = render(violation.getPropertyPath());
            @Nullable Object value = violation.getInvalidValue();
            if (value != null && value == violation.getRootBean()) {
                value = path.isEmpty() ? null : valueAt(value, violation.getPropertyPath()).orElse(null);
            }
            result.add(new Violation(path, printable(value), violation.getMessage()));
        }
        result.sort(ORDER);
        return result;
    }

    /**
     * Renders a property path.
     *
     * @param path a Bean Validation path
     * @return the path as a user reads it, empty for the validated object itself
     */
    public static String render(Path path) {
        StringBuilder b = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                @Nullable Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                b.append('[').append(at == null ? "" : printable(at)).append(']');
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(name);
            }
        }
        return b.toString();
    }

    private static Optional<Object> valueAt(Object root, Path path) {
        @Nullable Object current = root;
        for (Path.Node node : path) {
            if (current == null) {
                return Optional.empty();
            }
            current = unwrap(current);
            if (node.isInIterable()) {
                if (node.getIndex() != null && current instanceof List<?> list && node.getIndex() < list.size()) {
                    current = list.get(node.getIndex());
                } else if (node.getKey() != null && current instanceof Map<?, ?> map) {
                    current = map.get(node.getKey());
                } else {
                    return Optional.empty();
                }
            }
            String name = node.getName();
            if (current != null && name != null && !name.isEmpty() && !name.startsWith("<")) {
                current = component(unwrap(current), name);
            }
        }
        return Optional.ofNullable(current);
    }

    private static @Nullable Object component(Object record, String name) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        if (components == null) {
            return null;
        }
        for (RecordComponent component : components) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null; // the path cannot be followed; the violation is reported without its value
                }
            }
        }
        return null;
    }

    private static @Nullable Object unwrap(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.orElse(null);
        }
        if (value instanceof OptionalLong optional) {
            return optional.isPresent() ? optional.getAsLong() : null;
        }
        if (value instanceof OptionalInt optional) {
            return optional.isPresent() ? optional.getAsInt() : null;
        }
        return value;
    }

    private static String printable(@Nullable Object value) {
        @Nullable Object unwrapped = value == null ? null : unwrap(value);
        return unwrapped == null ? "" : Identifiers.printable(Texts.abbreviate(String.valueOf(unwrapped)));
    }
}
