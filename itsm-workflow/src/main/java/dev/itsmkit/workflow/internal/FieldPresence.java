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
 * {@link FieldValue}s, so the check builds no value and costs a switch and a field read; it agrees
 * with {@link Ticket#field(String)} (a property test holds it to that).
 */
public final class FieldPresence {
    /** Per built-in field (by ordinal), the kinds that have it as bits by kind ordinal: one AND, no set lookup. */
    private static final int[] KINDS = kindMasks();

    private FieldPresence() {}

    private static int[] kindMasks() {
        TicketField[] fields = TicketField.values();
        int[] masks = new int[fields.length];
        for (TicketField field : fields) {
            for (TicketKind kind : field.kinds()) {
                masks[field.ordinal()] |= 1 << kind.ordinal();
            }
        }
        return masks;
    }

    /**
     * Tells whether a built-in field is set.
     *
     * @param ticket the ticket
     * @param field the field
     * @return {@code true} if set; {@code false} also when the ticket's kind has no such field
     */
    public static boolean isSet(Ticket ticket, TicketField field) {
        if ((KINDS[field.ordinal()] & (1 << ticket.kind().ordinal())) == 0) {
            return false;
        }
        // one small method per kind of ticket, so that each stays well under the JIT's inlining limit
        // (a single switch over every field was too big to be inlined into the guard's loop)
        return switch (field) {
            case MAJOR, KNOWN_ERROR, CHANGE_TYPE, RISK -> true;
            case TITLE, DESCRIPTION, CATEGORY, SERVICE, CONFIGURATION_ITEMS -> common(ticket, field);
            case HOLD_REASON, RESOLUTION_CODE, RESOLUTION_NOTES -> incident(ticket.incident(), field);
            case CATALOGUE_ITEM, REQUESTED_FOR -> request(ticket.request(), field);
            case ROOT_CAUSE, WORKAROUND -> problem(ticket.problem(), field);
            case PLANNED_START, PLANNED_END, IMPLEMENTATION_PLAN, BACKOUT_PLAN, ACCEPTANCE_CRITERIA ->
                    change(ticket.change(), field);
        };
    }

    private static boolean common(Ticket ticket, TicketField field) {
        return switch (field) {
            case TITLE -> !ticket.title().isBlank();
            case DESCRIPTION -> !ticket.description().isBlank();
            case CATEGORY -> text(ticket.category());
            case SERVICE -> ticket.service().isPresent();
            default -> !ticket.configurationItems().isEmpty();
        };
    }

    private static boolean incident(IncidentDetails incident, TicketField field) {
        return switch (field) {
            case HOLD_REASON -> incident.holdReason().isPresent();
            case RESOLUTION_CODE -> text(incident.resolutionCode());
            default -> text(incident.resolutionNotes());
        };
    }

    private static boolean request(RequestDetails request, TicketField field) {
        return field == TicketField.CATALOGUE_ITEM ? request.catalogueItem().isPresent()
                : request.requestedFor().isPresent();
    }

    private static boolean problem(ProblemDetails problem, TicketField field) {
        return text(field == TicketField.ROOT_CAUSE ? problem.rootCause() : problem.workaround());
    }

    private static boolean change(ChangeDetails change, TicketField field) {
        return switch (field) {
            case PLANNED_START, PLANNED_END -> change.plannedWindow().isPresent();
            case IMPLEMENTATION_PLAN -> text(change.implementationPlan());
            case BACKOUT_PLAN -> text(change.backoutPlan());
            default -> !change.acceptanceCriteria().isEmpty();
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
            return !text.value().isBlank();
        }
        if (v instanceof FieldValue.Multi multi) {
            return !multi.values().isEmpty();
        }
        return true;
    }

    private static boolean text(Optional<String> value) {
        return value.isPresent() && !value.get().isBlank();
    }
}
