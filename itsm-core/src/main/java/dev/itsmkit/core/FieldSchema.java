package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The custom fields a form may hold: the {@link FieldDefinition}s a tenant gives one ticket kind, or
 * the request form of a catalogue item. Which schema applies to which tenant and kind is the
 * tenant's configuration; a schema only knows its definitions.
 *
 * <p>A schema is either {@linkplain #OPEN open}, accepting any field (the default when a tenant
 * defines none), or closed, accepting only the fields it defines, each with its type and
 * constraints. {@link #violationsOf(CustomFields)} reports every fault, not only the first.
 *
 * <p>Immutable and thread-safe.
 */
public final class FieldSchema {
    /** Accepts any field with any value: the schema of a tenant that defines no fields. */
    public static final FieldSchema OPEN = new FieldSchema(true, Map.of());

    private final boolean open;
    private final Map<String, FieldDefinition> definitions;

    private FieldSchema(boolean open, Map<String, FieldDefinition> definitions) {
        this.open = open;
        this.definitions = definitions;
    }

    /**
     * Returns the closed schema of these definitions.
     *
     * @param definitions the fields, in the order a form shows them
     * @return a schema that accepts these fields only
     * @throws IllegalArgumentException if two definitions have the same name
     */
    public static FieldSchema of(Collection<FieldDefinition> definitions) {
        Map<String, FieldDefinition> byName = new LinkedHashMap<>();
        for (FieldDefinition definition : definitions) {
            requireNonNull(definition, "definition");
            if (byName.putIfAbsent(definition.name(), definition) != null) {
                throw new IllegalArgumentException("a schema defines each field once, but '" + definition.name()
                        + "' is defined twice");
            }
        }
        return new FieldSchema(false, Collections.unmodifiableMap(byName));
    }

    /**
     * Returns the closed schema of these definitions.
     *
     * @param definitions the fields, in the order a form shows them
     * @return a schema that accepts these fields only; with no definitions, it accepts no field
     * @throws IllegalArgumentException if two definitions have the same name
     */
    public static FieldSchema of(FieldDefinition... definitions) {
        return of(List.of(definitions));
    }

    /**
     * Tells whether this schema accepts any field.
     *
     * @return {@code true} for {@link #OPEN}
     */
    public boolean isOpen() {
        return open;
    }

    /**
     * Returns the definitions.
     *
     * @return the definitions in the order given; empty for {@link #OPEN}
     */
    public List<FieldDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    /**
     * Returns the definition of one field.
     *
     * @param name the field's name
     * @return its definition, or empty if this schema does not define it
     */
    public Optional<FieldDefinition> definition(String name) {
        return Optional.ofNullable(definitions.get(requireNonNull(name, "name")));
    }

    /**
     * Checks custom fields against this schema.
     *
     * @param fields the fields to check
     * @return every violation, with paths such as {@code customFields.costCentre}: first the fields in name
     *     order (unknown field, wrong type, out of range, choice not allowed, ...), then the required
     *     fields that are missing, in definition order; empty if the fields are valid
     */
    public List<Violation> violationsOf(CustomFields fields) {
        requireNonNull(fields, "fields");
        if (open) {
            return List.of();
        }
        List<Violation> found = new ArrayList<>();
        for (Map.Entry<String, FieldValue> field : fields.asMap().entrySet()) {
            FieldDefinition definition = definitions.get(field.getKey());
            if (definition == null) {
                found.add(new Violation("customFields." + field.getKey(), FieldDefinition.show(field.getValue()),
                        "is not a known field; " + (definitions.isEmpty() ? "this form defines no fields"
                                : "the known fields are " + definitions.keySet())));
            } else {
                found.addAll(definition.violationsOf(Optional.of(field.getValue())));
            }
        }
        for (FieldDefinition definition : definitions.values()) {
            if (fields.get(definition.name()).isEmpty()) {
                found.addAll(definition.violationsOf(Optional.empty()));
            }
        }
        return List.copyOf(found);
    }

    /**
     * Checks custom fields against this schema, refusing them if anything is wrong.
     *
     * @param subject what is being checked, for the message, for example "custom fields of INC0001042"
     * @param fields the fields to check
     * @throws ValidationException listing every violation, if there is one
     */
    public void check(String subject, CustomFields fields) {
        requireNonNull(subject, "subject");
        List<Violation> violations = violationsOf(fields);
        if (!violations.isEmpty()) {
            throw new ValidationException(subject, violations);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSchema other && open == other.open
                && definitions().equals(other.definitions());
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(open) * 31 + definitions.hashCode();
    }

    @Override
    public String toString() {
        return open ? "FieldSchema.OPEN" : "FieldSchema" + definitions.values();
    }
}
