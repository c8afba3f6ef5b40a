package dev.itsmkit.workflow.internal;

import dev.itsmkit.core.ChangeDetails;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.IncidentDetails;
import dev.itsmkit.core.ProblemDetails;
import dev.itsmkit.core.RequestDetails;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketField;
import dev.itsmkit.core.TicketKind;
import java.util.Optional;

/**
 * Tells whether a ticket's field is set, for required-field guards: present, a text not blank, a
 * list not empty. Built-in fields are read through the ticket's typed accessors rather than as
 * {@link FieldValue}s, so the check builds no value; it agrees with {@link Ticket#field(String)} (a
 * property test holds it to that).
 *
 * <p>The hot path: each built-in field has its own {@link Reader}, a tiny lambda chosen once (per
 * field, in a table by ordinal), which a guard resolves when it is made. Checking a field is then one
 * call to a method of a few bytecodes: a type test of the ticket's details (which also answers
 * whether the ticket's kind has the field) and a field read, small enough for the JIT to inline, with
 * no switch on the field per check.
 */
public final class FieldPresence {
    private static final Reader[] READERS = readers();

    private FieldPresence() {}

    /** Tells whether one field is set on a ticket. */
    @FunctionalInterface
    public interface Reader {
        /**
         * Tells whether the field is set.
         *
         * @param ticket the ticket
         * @return {@code true} if set; {@code false} also when the ticket's kind has no such field
         */
        boolean isSet(Ticket ticket);
    }

    /**
     * Returns the reader of a built-in field.
     *
     * @param field the field
     * @return the reader
     */
    public static Reader reader(TicketField field) {
        return READERS[field.ordinal()];
    }

    /**
     * Returns the reader of a custom field.
     *
     * @param name the custom field's name
     * @return the reader
     */
    public static Reader customReader(String name) {
        return ticket -> isSetCustom(ticket, name);
    }

    /**
     * Tells whether a built-in field is set.
     *
     * @param ticket the ticket
     * @param field the field
     * @return {@code true} if set; {@code false} also when the ticket's kind has no such field
     */
    public static boolean isSet(Ticket ticket, TicketField field) {
        return READERS[field.ordinal()].isSet(ticket);
    }

    private static Reader[] readers() {
        TicketField[] fields = TicketField.values();
        Reader[] readers = new Reader[fields.length];
        for (TicketField field : fields) {
            readers[field.ordinal()] = readerOf(field);
        }
        return readers;
    }

    private static Reader readerOf(TicketField field) {
        return switch (field) {
            case TITLE -> t -> notBlank(t.title());
            case DESCRIPTION -> t -> notBlank(t.description());
            case CATEGORY -> t -> text(t.category());
            case SERVICE -> t -> t.service().isPresent();
            case CONFIGURATION_ITEMS -> t -> !t.configurationItems().isEmpty();
            case MAJOR -> t -> t.kind() == TicketKind.INCIDENT;
            case KNOWN_ERROR -> t -> t.kind() == TicketKind.PROBLEM;
            case CHANGE_TYPE, RISK -> t -> t.kind() == TicketKind.CHANGE;
            case HOLD_REASON -> t -> t.details() instanceof IncidentDetails d && d.holdReason().isPresent();
            case RESOLUTION_CODE -> t -> t.details() instanceof IncidentDetails d && text(d.resolutionCode());
            case RESOLUTION_NOTES -> t -> t.details() instanceof IncidentDetails d && text(d.resolutionNotes());
            case CATALOGUE_ITEM -> t -> t.details() instanceof RequestDetails d && d.catalogueItem().isPresent();
            case REQUESTED_FOR -> t -> t.details() instanceof RequestDetails d && d.requestedFor().isPresent();
            case ROOT_CAUSE -> t -> t.details() instanceof ProblemDetails d && text(d.rootCause());
            case WORKAROUND -> t -> t.details() instanceof ProblemDetails d && text(d.workaround());
            case PLANNED_START, PLANNED_END -> t -> t.details() instanceof ChangeDetails d && d.plannedWindow().isPresent();
            case IMPLEMENTATION_PLAN -> t -> t.details() instanceof ChangeDetails d && text(d.implementationPlan());
            case BACKOUT_PLAN -> t -> t.details() instanceof ChangeDetails d && text(d.backoutPlan());
            case ACCEPTANCE_CRITERIA -> t -> t.details() instanceof ChangeDetails d && !d.acceptanceCriteria().isEmpty();
        };
    }

    /**
     * Tells whether a custom field is set.
     *
     * @param ticket the ticket
     * @param name the custom field's name
     * @return {@code true} if set
     */
    public static boolean isSetCustom(Ticket ticket, String name) {
        return isSet(ticket.customFields().get(name));
    }

    /**
     * Tells whether a field value counts as set.
     *
     * @param value the value, or empty
     * @return {@code true} if present, and not a blank text or an empty list
     */
    public static boolean isSet(Optional<FieldValue> value) {
        if (value.isEmpty()) {
            return false;
        }
        FieldValue v = value.get();
        if (v instanceof FieldValue.Text text) {
            return notBlank(text.value());
        }
        if (v instanceof FieldValue.Multi multi) {
            return !multi.values().isEmpty();
        }
        return true;
    }

    private static boolean text(Optional<String> value) {
        return value.isPresent() && notBlank(value.get());
    }

    /**
     * Tells whether a text is not blank, as {@code !text.isBlank()} does. A text that starts with a
     * printable ASCII character other than space (most do: codes, notes, names) is not blank, which one
     * character decides; only the others are scanned for a character that is not whitespace. The scan
     * is then a branch the JIT finds never taken, and a guard on text fields compiles without a loop.
     *
     * @param text the text
     * @return {@code true} if the text has a character that is not whitespace
     */
    public static boolean notBlank(String text) {
        if (!text.isEmpty()) {
            char first = text.charAt(0);
            if (first > ' ' && first < 0x7F) {
                return true;
            }
        }
        return !text.isBlank();
    }
}
