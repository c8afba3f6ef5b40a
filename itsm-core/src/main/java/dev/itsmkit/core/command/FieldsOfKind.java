package dev.itsmkit.core.command;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.itsmkit.core.TicketField;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.command.internal.Messages;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The initial field values of the annotated {@link OpenTicket} fit its kind: every name in
 * {@code fields} is a {@linkplain dev.itsmkit.core.TicketField built-in field} of that kind and not
 * one the command sets through a component of its own (title, description, category, service,
 * configuration items, catalogue item); a catalogue item is given only for a service request. The
 * violation is reported at the field, for example {@code fields[risk]} or {@code catalogueItem}.
 */
@Documented
@Constraint(validatedBy = FieldsOfKind.Validator.class)
@Target({TYPE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface FieldsOfKind {
    /**
     * The message.
     *
     * @return the message template
     */
    String message() default "must fit the kind of ticket";

    /**
     * The validation groups.
     *
     * @return the groups
     */
    Class<?>[] groups() default {};

    /**
     * The payload.
     *
     * @return the payload
     */
    Class<? extends Payload>[] payload() default {};

    /**
     * Checks {@link FieldsOfKind}: each name in {@link OpenTicket#fields()} is a built-in field of the
     * ticket's kind without a component of its own, and only a service request names a catalogue item.
     * Reports one violation per offending field.
     *
     * Bean Validation creates and calls it; not for direct use.
     */
    final class Validator implements ConstraintValidator<FieldsOfKind, OpenTicket> {
        /** The built-in fields that {@link OpenTicket} sets through components of its own, with the component. */
        private static final Map<TicketField, String> OWN_COMPONENTS = new EnumMap<>(Map.of(
                TicketField.TITLE, "title",
                TicketField.DESCRIPTION, "description",
                TicketField.CATEGORY, "category",
                TicketField.SERVICE, "service",
                TicketField.CONFIGURATION_ITEMS, "configurationItems",
                TicketField.CATALOGUE_ITEM, "catalogueItem"));

        /** Creates the validator. */
        public Validator() {}

        @Override
        public boolean isValid(OpenTicket command, ConstraintValidatorContext context) {
            if (command == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            TicketKind kind = command.kind();
            for (String name : command.fields().keySet()) {
                Optional<TicketField> field = TicketField.byName(name);
                Optional<String> problem;
                if (field.isPresent() && OWN_COMPONENTS.containsKey(field.get())) {
                    problem = Optional.of("must be given as the command's " + OWN_COMPONENTS.get(field.get())
                            + ", not among the fields");
                } else if (field.isEmpty() || !field.get().kinds().contains(kind)) {
                    problem = Optional.of("must be a built-in field of a ticket of kind " + kind
                            + " that the command has no component for (" + settableFields(kind)
                            + "); custom fields go in customFields");
                } else {
                    problem = Optional.empty();
                }
                if (problem.isPresent()) {
                    valid = false;
                    context.buildConstraintViolationWithTemplate(Messages.escape(problem.get()))
                            .addPropertyNode("fields").addBeanNode().inIterable().atKey(name)
                            .addConstraintViolation();
                }
            }
            if (command.catalogueItem().isPresent() && kind != TicketKind.SERVICE_REQUEST) {
                valid = false;
                context.buildConstraintViolationWithTemplate(Messages.escape(
                                "must be empty unless the kind is SERVICE_REQUEST: only service requests order catalogue items"))
                        .addPropertyNode("catalogueItem")
                        .addConstraintViolation();
            }
            return valid;
        }

        /**
         * Lists the names that {@link OpenTicket#fields()} may hold for a kind.
         *
         * @param kind the kind of ticket
         * @return the names, comma-separated, in declaration order
         */
        static String settableFields(TicketKind kind) {
            return Stream.of(TicketField.values())
                    .filter(f -> f.kinds().contains(kind) && !OWN_COMPONENTS.containsKey(f))
                    .map(TicketField::fieldName)
                    .collect(Collectors.joining(", "));
        }
    }
}
