package dev.itsmkit.core.command;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.itsmkit.core.command.internal.FieldsOfKindValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The initial field values of the annotated {@link OpenTicket} fit its kind: every name in
 * {@code fields} is a {@linkplain dev.itsmkit.core.TicketField built-in field} of that kind and not
 * one the command sets through a component of its own (title, description, category, service,
 * configuration items, catalogue item); a catalogue item is given only for a service request. The
 * violation is reported at the field, for example {@code fields[risk]} or {@code catalogueItem}.
 */
@Documented
@Constraint(validatedBy = FieldsOfKindValidator.class)
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
}
