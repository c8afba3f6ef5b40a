package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.internal.Identifiers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Declares one custom field: its name, the label people see, its {@link FieldType}, whether it is
 * required, and the constraints its values must meet (a maximum text length for {@link
 * FieldType#TEXT}, a minimum and maximum for {@link FieldType#NUMBER}, the allowed choices for
 * {@link FieldType#CHOICE} and {@link FieldType#MULTI_CHOICE}). A {@link FieldSchema} groups the
 * definitions of one form.
 *
 * <p>What "required" means: the field must be set; a required {@link FieldType#TEXT} must not be
 * blank, and a required {@link FieldType#MULTI_CHOICE} must hold at least one choice. A
 * multiple choice may not name the same choice twice.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder(String, FieldType)}.
 */
public final class FieldDefinition {
    /** How many characters of an offending text a violation shows before it elides the rest. */
    private static final int SHOWN_TEXT = 64;

    private final String name;
    private final String label;
    private final FieldType type;
    private final boolean required;
    private final OptionalInt maxLength;
    private final Optional<BigDecimal> min;
    private final Optional<BigDecimal> max;
    private final List<String> choices;

    private FieldDefinition(Builder b) {
        this.name = b.name;
        this.label = b.label == null ? b.name : b.label;
        this.type = b.type;
        this.required = b.required;
        this.maxLength = b.maxLength;
        this.min = Optional.ofNullable(b.min);
        this.max = Optional.ofNullable(b.max);
        this.choices = List.copyOf(b.choices);
    }

    /**
     * Starts a definition.
     *
     * @param name the field's name, the key in {@link CustomFields}: an identifier (letters, digits
     *     and {@code . _ : @ -}, 1 to 128 characters)
     * @param type what the field holds
     * @return a builder for an optional field without constraints, labelled with its name
     * @throws IllegalArgumentException if {@code name} is not a valid identifier or is the name of a
     *     {@linkplain TicketField built-in field}
     */
    public static Builder builder(String name, FieldType type) {
        Identifiers.check("field name", name);
        if (TicketField.isReserved(name)) {
            throw new IllegalArgumentException("'" + name + "' is the name of a built-in ticket field; a custom field"
                    + " needs another name (built-in: " + java.util.Arrays.stream(TicketField.values())
                    .map(TicketField::fieldName).toList() + ")");
        }
        return new Builder(name, requireNonNull(type, "type"));
    }

    /**
     * Returns a builder holding this definition, to derive a changed one.
     *
     * @return a builder with every property of this definition
     */
    public Builder toBuilder() {
        Builder b = new Builder(name, type);
        b.label = label;
        b.required = required;
        b.maxLength = maxLength;
        b.min = min.orElse(null);
        b.max = max.orElse(null);
        b.choices.addAll(choices);
        return b;
    }

    /**
     * Returns the field's name.
     *
     * @return the key of the field in {@link CustomFields}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the label people see.
     *
     * @return the label; the name if none was given
     */
    public String label() {
        return label;
    }

    /**
     * Returns the field's type.
     *
     * @return what the field holds
     */
    public FieldType type() {
        return type;
    }

    /**
     * Tells whether the field must be set.
     *
     * @return {@code true} if a form without it is invalid
     */
    public boolean required() {
        return required;
    }

    /**
     * Returns the longest text a {@link FieldType#TEXT} field accepts.
     *
     * @return the maximum in characters, or empty if only {@link FieldValue#MAX_TEXT_LENGTH} applies
     */
    public OptionalInt maxLength() {
        return maxLength;
    }

    /**
     * Returns the smallest number a {@link FieldType#NUMBER} field accepts.
     *
     * @return the inclusive minimum, or empty if there is none
     */
    public Optional<BigDecimal> min() {
        return min;
    }

    /**
     * Returns the largest number a {@link FieldType#NUMBER} field accepts.
     *
     * @return the inclusive maximum, or empty if there is none
     */
    public Optional<BigDecimal> max() {
        return max;
    }

    /**
     * Returns the allowed choices of a {@link FieldType#CHOICE} or {@link FieldType#MULTI_CHOICE}
     * field.
     *
     * @return the choices in the order given; empty for the other types
     */
    public List<String> choices() {
        return choices;
    }

    /**
     * Returns the path of this field in violations.
     *
     * @return {@code customFields.} followed by the name, for example {@code customFields.costCentre};
     *     an element of a multiple choice adds its index, as in {@code customFields.regions[2]}
     */
    public String path() {
        return "customFields." + name;
    }

    /**
     * Checks a value of this field, including whether a required field is set.
     *
     * @param value the field's value, or empty if it is not set
     * @return every violation found, each with the path {@link #path()}; empty if the value is valid
     */
    public List<Violation> violationsOf(Optional<FieldValue> value) {
        requireNonNull(value, "value");
        if (value.isEmpty()) {
            return required ? List.of(new Violation(path(), "", "is required (" + type.description() + ")"))
                    : List.of();
        }
        FieldValue v = value.get();
        if (!type.accepts(v)) {
            return List.of(new Violation(path(), show(v), "must be " + type.description() + " (" + type
                    + "), got " + kindOf(v)));
        }
        List<Violation> found = new ArrayList<>();
        switch (type) {
            case TEXT -> {
                String text = ((FieldValue.Text) v).value();
                if (required && text.isBlank()) {
                    found.add(new Violation(path(), show(v), "is required and must not be blank"));
                }
                if (maxLength.isPresent() && text.length() > maxLength.getAsInt()) {
                    found.add(new Violation(path(), show(v), "must be at most " + maxLength.getAsInt()
                            + " characters long, got " + text.length()));
                }
            }
            case NUMBER -> {
                BigDecimal number = ((FieldValue.Number) v).value();
                boolean tooSmall = min.isPresent() && number.compareTo(min.get()) < 0;
                boolean tooLarge = max.isPresent() && number.compareTo(max.get()) > 0;
                if (tooSmall || tooLarge) {
                    found.add(new Violation(path(), show(v), "must be " + rangeText()));
                }
            }
            case CHOICE -> {
                String choice = ((FieldValue.Text) v).value();
                if (!choices.contains(choice)) {
                    found.add(new Violation(path(), show(v), "must be one of " + choicesText()));
                }
            }
            case MULTI_CHOICE -> {
                List<FieldValue> picked = ((FieldValue.Multi) v).values();
                if (required && picked.isEmpty()) {
                    found.add(new Violation(path(), show(v), "is required and must hold at least one of "
                            + choicesText()));
                }
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < picked.size(); i++) {
                    String choice = ((FieldValue.Text) picked.get(i)).value();
                    if (!choices.contains(choice)) {
                        found.add(new Violation(path() + "[" + i + "]", show(picked.get(i)),
                                "must be one of " + choicesText()));
                    } else if (!seen.add(choice)) {
                        found.add(new Violation(path() + "[" + i + "]", show(picked.get(i)),
                                "is chosen more than once; each choice may appear once"));
                    }
                }
            }
            case BOOLEAN, TIMESTAMP, DATE -> {
                // the type check above is all these need
            }
        }
        return List.copyOf(found);
    }

    private String rangeText() {
        if (min.isPresent() && max.isPresent()) {
            return "between " + min.get().toPlainString() + " and " + max.get().toPlainString();
        }
        return min.map(m -> "at least " + m.toPlainString())
                .orElseGet(() -> "at most " + max.map(BigDecimal::toPlainString).orElse("?"));
    }

    private String choicesText() {
        return choices.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private static String kindOf(FieldValue value) {
        if (value instanceof FieldValue.Text) {
            return "a text";
        } else if (value instanceof FieldValue.Number) {
            return "a number";
        } else if (value instanceof FieldValue.Bool) {
            return "a boolean";
        } else if (value instanceof FieldValue.Timestamp) {
            return "a timestamp";
        } else if (value instanceof FieldValue.Date) {
            return "a date";
        } else {
            return "a list";
        }
    }

    /**
     * Renders a value for a violation: its plain text, long texts elided, control characters escaped.
     *
     * @param value any value
     * @return the value as text
     */
    static String show(FieldValue value) {
        if (value instanceof FieldValue.Text text) {
            String s = text.value();
            return Identifiers.printable(s.length() <= SHOWN_TEXT ? s
                    : s.substring(0, SHOWN_TEXT) + "... (" + s.length() + " characters)");
        } else if (value instanceof FieldValue.Number number) {
            return number.value().toPlainString();
        } else if (value instanceof FieldValue.Bool bool) {
            return Boolean.toString(bool.value());
        } else if (value instanceof FieldValue.Timestamp timestamp) {
            return timestamp.value().toString();
        } else if (value instanceof FieldValue.Date date) {
            return date.value().toString();
        } else {
            return ((FieldValue.Multi) value).values().stream().map(FieldDefinition::show)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldDefinition other && name.equals(other.name) && label.equals(other.label)
                && type == other.type && required == other.required && maxLength.equals(other.maxLength)
                && min.equals(other.min) && max.equals(other.max) && choices.equals(other.choices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, label, type, required, maxLength, min, max, choices);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("FieldDefinition[").append(name).append(' ').append(type);
        if (required) {
            b.append(" required");
        }
        maxLength.ifPresent(m -> b.append(" maxLength=").append(m));
        min.ifPresent(m -> b.append(" min=").append(m.toPlainString()));
        max.ifPresent(m -> b.append(" max=").append(m.toPlainString()));
        if (!choices.isEmpty()) {
            b.append(" choices=").append(choices);
        }
        return b.append(']').toString();
    }

    /** Collects the properties of a {@link FieldDefinition}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final FieldType type;
        private @Nullable String label;
        private boolean required;
        private OptionalInt maxLength = OptionalInt.empty();
        private @Nullable BigDecimal min;
        private @Nullable BigDecimal max;
        private final List<String> choices = new ArrayList<>();

        private Builder(String name, FieldType type) {
            this.name = name;
            this.type = type;
        }

        /**
         * Sets the label people see.
         *
         * @param label not blank
         * @return this builder
         * @throws IllegalArgumentException if {@code label} is blank
         */
        public Builder label(String label) {
            if (requireNonNull(label, "label").isBlank()) {
                throw new IllegalArgumentException("the label of field '" + name + "' must not be blank");
            }
            this.label = label;
            return this;
        }

        /**
         * Sets whether the field must be set.
         *
         * @param required {@code true} to require it
         * @return this builder
         */
        public Builder required(boolean required) {
            this.required = required;
            return this;
        }

        /**
         * Sets the longest text a {@link FieldType#TEXT} field accepts.
         *
         * @param maxLength 1 to {@value FieldValue#MAX_TEXT_LENGTH} characters
         * @return this builder
         * @throws IllegalArgumentException if {@code maxLength} is out of range
         */
        public Builder maxLength(int maxLength) {
            if (maxLength < 1 || maxLength > FieldValue.MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("the maximum length of field '" + name + "' must be 1 to "
                        + FieldValue.MAX_TEXT_LENGTH + ", got " + maxLength);
            }
            this.maxLength = OptionalInt.of(maxLength);
            return this;
        }

        /**
         * Sets the smallest number a {@link FieldType#NUMBER} field accepts.
         *
         * @param min the inclusive minimum
         * @return this builder
         */
        public Builder min(BigDecimal min) {
            this.min = requireNonNull(min, "min");
            return this;
        }

        /**
         * Sets the largest number a {@link FieldType#NUMBER} field accepts.
         *
         * @param max the inclusive maximum
         * @return this builder
         */
        public Builder max(BigDecimal max) {
            this.max = requireNonNull(max, "max");
            return this;
        }

        /**
         * Sets the allowed choices of a {@link FieldType#CHOICE} or {@link FieldType#MULTI_CHOICE}
         * field, replacing any set before.
         *
         * @param choices distinct, non-blank texts, in the order a form shows them
         * @return this builder
         * @throws IllegalArgumentException if a choice is blank, too long, or given twice
         */
        public Builder choices(List<String> choices) {
            List<String> copy = List.copyOf(choices);
            Set<String> seen = new HashSet<>();
            for (String choice : copy) {
                if (choice.isBlank() || choice.length() > FieldValue.MAX_TEXT_LENGTH) {
                    throw new IllegalArgumentException("a choice of field '" + name
                            + "' must be a non-blank text of at most " + FieldValue.MAX_TEXT_LENGTH
                            + " characters, got '" + Identifiers.printable(choice) + "'");
                }
                if (!seen.add(choice)) {
                    throw new IllegalArgumentException("field '" + name + "' lists the choice '" + choice
                            + "' twice; choices must be distinct");
                }
            }
            this.choices.clear();
            this.choices.addAll(copy);
            return this;
        }

        /**
         * Sets the allowed choices of a {@link FieldType#CHOICE} or {@link FieldType#MULTI_CHOICE}
         * field, replacing any set before.
         *
         * @param choices distinct, non-blank texts, in the order a form shows them
         * @return this builder
         * @throws IllegalArgumentException if a choice is blank, too long, or given twice
         */
        public Builder choices(String... choices) {
            return choices(List.of(choices));
        }

        /**
         * Builds the definition, checking that its constraints fit its type.
         *
         * @return the definition
         * @throws IllegalStateException if a constraint does not apply to the type (a maximum length on
         *     a number, choices on a text, ...), if a choice type has no choices, or if the minimum
         *     exceeds the maximum
         */
        public FieldDefinition build() {
            if (maxLength.isPresent() && type != FieldType.TEXT) {
                throw misfit("a maximum length", "TEXT");
            }
            if ((min != null || max != null) && type != FieldType.NUMBER) {
                throw misfit("a minimum or maximum", "NUMBER");
            }
            boolean choiceType = type == FieldType.CHOICE || type == FieldType.MULTI_CHOICE;
            if (!choices.isEmpty() && !choiceType) {
                throw misfit("choices", "CHOICE and MULTI_CHOICE");
            }
            if (choiceType && choices.isEmpty()) {
                throw new IllegalStateException("field '" + name + "' of type " + type
                        + " needs at least one allowed choice");
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw new IllegalStateException("field '" + name + "' has a minimum " + min.toPlainString()
                        + " above its maximum " + max.toPlainString());
            }
            return new FieldDefinition(this);
        }

        private IllegalStateException misfit(String constraint, String types) {
            return new IllegalStateException("field '" + name + "' of type " + type + " cannot have "
                    + constraint + "; only " + types + " fields can");
        }
    }
}
