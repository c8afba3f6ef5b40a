package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

/**
 * The type of a custom field, as a {@link FieldDefinition} declares it. Each type accepts one kind
 * of {@link FieldValue}; {@link #CHOICE} and {@link #MULTI_CHOICE} further restrict the texts to a
 * fixed list, which the definition holds.
 */
public enum FieldType {
    /** Free text: a {@link FieldValue.Text}. */
    TEXT("a text"),
    /** A decimal number: a {@link FieldValue.Number}. */
    NUMBER("a number"),
    /** Yes or no: a {@link FieldValue.Bool}. */
    BOOLEAN("a boolean"),
    /** A point in time: a {@link FieldValue.Timestamp}. */
    TIMESTAMP("a timestamp"),
    /** A calendar date: a {@link FieldValue.Date}. */
    DATE("a date"),
    /** One text from a fixed list: a {@link FieldValue.Text}. */
    CHOICE("one text from a fixed list"),
    /** Several texts from a fixed list: a {@link FieldValue.Multi} of {@link FieldValue.Text}s. */
    MULTI_CHOICE("a list of texts from a fixed list");

    private final String description;

    FieldType(String description) {
        this.description = description;
    }

    /**
     * Tells whether a value has the Java shape of this type; {@link #CHOICE} and
     * {@link #MULTI_CHOICE} do not check here whether the texts are allowed choices.
     *
     * @param value any field value
     * @return {@code true} if a field of this type may hold a value of this kind
     */
    public boolean accepts(FieldValue value) {
        requireNonNull(value, "value");
        return switch (this) {
            case TEXT, CHOICE -> value instanceof FieldValue.Text;
            case NUMBER -> value instanceof FieldValue.Number;
            case BOOLEAN -> value instanceof FieldValue.Bool;
            case TIMESTAMP -> value instanceof FieldValue.Timestamp;
            case DATE -> value instanceof FieldValue.Date;
            case MULTI_CHOICE -> value instanceof FieldValue.Multi multi
                    && multi.values().stream().allMatch(FieldValue.Text.class::isInstance);
        };
    }

    /**
     * Describes the values this type accepts, for messages.
     *
     * @return for example "a number" or "one text from a fixed list"
     */
    public String description() {
        return description;
    }
}
