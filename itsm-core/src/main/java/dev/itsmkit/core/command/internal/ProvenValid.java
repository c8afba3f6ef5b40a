package dev.itsmkit.core.command.internal;

import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.command.AddJournalEntry;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.command.TicketCommand;
import dev.itsmkit.core.command.TransitionTicket;
import dev.itsmkit.core.internal.Texts;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Proves the commonest commands valid without Bean Validation, which costs microseconds a command:
 * a comment ({@link AddJournalEntry}), a transition ({@link TransitionTicket}) and an opening
 * ({@link OpenTicket}) without fields or custom fields. Each check here
 * is the plain-Java form of the constraints declared on the command, and says only "valid" or "not
 * proven": a command it cannot prove valid goes through Bean Validation, which reports every
 * violation exactly as before. So a violation is never missed as long as these checks imply the
 * declared constraints; {@link #forValidator} makes sure of it at start-up by comparing the
 * constraints the validator sees on each command with the ones these checks were written for, and
 * leaves out a command whose constraints changed.
 *
 * <p>Thread-safe: immutable.
 */
public final class ProvenValid {
    /** The constraints each check stands for, as {@link #constraintsOf} lists them. */
    private static final Map<Class<?>, List<String>> CHECKED = Map.of(
            AddJournalEntry.class, List.of("AddJournalEntry: TextOrAttachments", "expectedVersion: Positive",
                    "text: MultiLine(max=" + Texts.MAX_TEXT + ")"),
            TransitionTicket.class, List.of("comment<0>: MultiLine(max=" + Texts.MAX_TEXT + ")", "comment<0>: NotBlankText",
                    "expectedVersion: Positive", "fields<0>: FieldName", "transition: NotBlankText",
                    "transition: SingleLine(max=128)"),
            OpenTicket.class, List.of("OpenTicket: FieldsOfKind", "category<0>: NotBlankText",
                    "category<0>: SingleLine(max=" + Texts.MAX_LINE + ")", "customFields<0>: CustomFieldName",
                    "description: MultiLine(max=" + Texts.MAX_TEXT + ")", "title: NotBlankText",
                    "title: SingleLine(max=" + Texts.MAX_TITLE + ")"));

    private static final ProvenValid NONE = new ProvenValid(Set.of());

    private final Set<Class<?>> commands;

    private ProvenValid(Set<Class<?>> commands) {
        this.commands = commands;
    }

    /**
     * No shortcut: every command goes through Bean Validation.
     *
     * @return checks that prove nothing
     */
    public static ProvenValid none() {
        return NONE;
    }

    /**
     * The checks that stand for the constraints this validator sees.
     *
     * @param validator the validator
     * @return checks for the commands whose constraints are as these checks expect
     */
    public static ProvenValid forValidator(Validator validator) {
        Set<Class<?>> commands = new java.util.HashSet<>();
        try {
            CHECKED.forEach((type, expected) -> {
                if (constraintsOf(validator, type).equals(expected)) {
                    commands.add(type);
                }
            });
        } catch (RuntimeException e) {
            // A provider that cannot describe a command's constraints gets no shortcut.
            return NONE;
        }
        return new ProvenValid(Set.copyOf(commands));
    }

    /**
     * Lists the constraints a validator sees on a type, one line each ({@code "element: Constraint"}),
     * sorted: class-level constraints, property constraints, constraints on container elements
     * ({@code "fields<0>"} for a map's keys), and cascades.
     *
     * @param validator the validator
     * @param type the type
     * @return the constraints, sorted
     */
    public static List<String> constraintsOf(Validator validator, Class<?> type) {
        BeanDescriptor bean = validator.getConstraintsForClass(type);
        List<String> lines = new ArrayList<>();
        for (ConstraintDescriptor<?> c : bean.getConstraintDescriptors()) {
            lines.add(type.getSimpleName() + ": " + name(c));
        }
        for (PropertyDescriptor property : bean.getConstrainedProperties()) {
            String element = property.getPropertyName();
            for (ConstraintDescriptor<?> c : property.getConstraintDescriptors()) {
                lines.add(element + ": " + name(c));
            }
            if (property.isCascaded()) {
                lines.add(element + ": Valid");
            }
            containerElements(element, property.getConstrainedContainerElementTypes(), lines);
        }
        Collections.sort(lines);
        return lines;
    }

    private static void containerElements(String owner, Set<ContainerElementTypeDescriptor> types, List<String> lines) {
        for (ContainerElementTypeDescriptor type : types) {
            String element = owner + "<" + type.getTypeArgumentIndex() + ">";
            for (ConstraintDescriptor<?> c : type.getConstraintDescriptors()) {
                lines.add(element + ": " + name(c));
            }
            if (type.isCascaded()) {
                lines.add(element + ": Valid");
            }
            containerElements(element, type.getConstrainedContainerElementTypes(), lines);
        }
    }

    private static String name(ConstraintDescriptor<?> c) {
        // The checks below hard-code each limit (max) and expect no composed constraint: name both so that a change shows.
        String name = c.getAnnotation().annotationType().getSimpleName();
        Object max = c.getAttributes().get("max");
        if (max != null) {
            name += "(max=" + max + ")";
        }
        return c.getComposingConstraints().isEmpty() ? name : name + "+composed";
    }

    /**
     * Whether the command is certainly valid. O(length of its texts).
     *
     * @param command the command
     * @return {@code true} if every constraint on it holds; {@code false} if that is not proven here
     */
    public boolean test(TicketCommand command) {
        if (command instanceof AddJournalEntry j) {
            return commands.contains(AddJournalEntry.class) && positiveOrEmpty(j.expectedVersion())
                    && multiLine(j.text()) && (!j.text().isBlank() || !j.attachments().isEmpty());
        }
        if (command instanceof TransitionTicket t) {
            if (!commands.contains(TransitionTicket.class) || !positiveOrEmpty(t.expectedVersion())) {
                return false;
            }
            if (!singleLine(t.transition(), 128)) {
                return false;
            }
            for (String field : t.fields().keySet()) {
                if (!Names.isFieldName(field)) {
                    return false;
                }
            }
            return t.comment().isEmpty() || !t.comment().get().isBlank() && multiLine(t.comment().get());
        }
        if (command instanceof OpenTicket o) {
            // Fields and custom fields are left to Bean Validation: their names need the kind's rules.
            return commands.contains(OpenTicket.class) && o.fields().isEmpty() && o.customFields().isEmpty()
                    && (o.catalogueItem().isEmpty() || o.kind() == TicketKind.SERVICE_REQUEST)
                    && singleLine(o.title(), Texts.MAX_TITLE) && multiLine(o.description())
                    && (o.category().isEmpty() || singleLine(o.category().get(), Texts.MAX_LINE));
        }
        return false;
    }

    /** Not blank, at most {@code max} characters, no control character. */
    private static boolean singleLine(String text, int max) {
        return !text.isBlank() && text.length() <= max && Texts.controlCharacterInLine(text).isEmpty();
    }

    private static boolean positiveOrEmpty(OptionalLong version) {
        return version.isEmpty() || version.getAsLong() > 0;
    }

    private static boolean multiLine(String text) {
        return text.length() <= Texts.MAX_TEXT && Texts.controlCharacterInText(text).isEmpty();
    }
}
