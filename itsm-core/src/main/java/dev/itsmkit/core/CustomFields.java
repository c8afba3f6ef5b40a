package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.internal.Identifiers;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The custom fields of a ticket: typed values by field name, in name order. Immutable and
 * thread-safe; every change returns a new instance.
 */
public final class CustomFields {
    /** No fields. */
    public static final CustomFields EMPTY = new CustomFields(new TreeMap<>());

    private final SortedMap<String, FieldValue> values;

    private CustomFields(SortedMap<String, FieldValue> values) {
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /**
     * Returns the fields of a map.
     *
     * @param values values by field name; names are identifiers (letters, digits and {@code . _ : @ -})
     * @return the fields
     * @throws IllegalArgumentException if a name is not a valid identifier
     */
    public static CustomFields of(Map<String, ? extends FieldValue> values) {
        TreeMap<String, FieldValue> copy = new TreeMap<>();
        values.forEach((name, value) -> copy.put(Identifiers.check("field name", name), requireNonNull(value, name)));
        return copy.isEmpty() ? EMPTY : new CustomFields(copy);
    }

    /**
     * Returns the value of a field.
     *
     * @param name the field's name
     * @return its value, or empty if the field is not set
     */
    public Optional<FieldValue> get(String name) {
        return Optional.ofNullable(values.get(requireNonNull(name, "name")));
    }

    /**
     * Returns these fields with one set.
     *
     * @param name the field's name
     * @param value its new value
     * @return the changed fields
     * @throws IllegalArgumentException if {@code name} is not a valid identifier
     */
    public CustomFields with(String name, FieldValue value) {
        TreeMap<String, FieldValue> copy = new TreeMap<>(values);
        copy.put(Identifiers.check("field name", name), requireNonNull(value, "value"));
        return new CustomFields(copy);
    }

    /**
     * Returns these fields with one removed.
     *
     * @param name the field's name
     * @return the changed fields; these fields if the field was not set
     */
    public CustomFields without(String name) {
        if (!values.containsKey(requireNonNull(name, "name"))) {
            return this;
        }
        TreeMap<String, FieldValue> copy = new TreeMap<>(values);
        copy.remove(name);
        return copy.isEmpty() ? EMPTY : new CustomFields(copy);
    }

    /**
     * Returns the fields as a map.
     *
     * @return an unmodifiable map in name order
     */
    public SortedMap<String, FieldValue> asMap() {
        return values;
    }

    /**
     * Tells whether no field is set.
     *
     * @return {@code true} if there are no fields
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomFields other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
