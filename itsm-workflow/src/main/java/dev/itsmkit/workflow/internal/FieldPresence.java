package dev.itsmkit.workflow.internal;

import dev.itsmkit.core.FieldValue;
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
        return switch (field) {
            case TITLE -> !ticket.title().isBlank();
            case DESCRIPTION -> !ticket.description().isBlank();
            case CATEGORY -> text(ticket.category());
            case SERVICE -> ticket.service().isPresent();
            case CONFIGURATION_ITEMS -> !ticket.configurationItems().isEmpty();
            case MAJOR, KNOWN_ERROR, CHANGE_TYPE, RISK -> true;
            case HOLD_REASON -> ticket.incident().holdReason().isPresent();
            case RESOLUTION_CODE -> text(ticket.incident().resolutionCode());
            case RESOLUTION_NOTES -> text(ticket.incident().resolutionNotes());
            case CATALOGUE_ITEM -> ticket.request().catalogueItem().isPresent();
            case REQUESTED_FOR -> ticket.request().requestedFor().isPresent();
            case ROOT_CAUSE -> text(ticket.problem().rootCause());
            case WORKAROUND -> text(ticket.problem().workaround());
            case PLANNED_START, PLANNED_END -> ticket.change().plannedWindow().isPresent();
            case IMPLEMENTATION_PLAN -> text(ticket.change().implementationPlan());
            case BACKOUT_PLAN -> text(ticket.change().backoutPlan());
            case ACCEPTANCE_CRITERIA -> !ticket.change().acceptanceCriteria().isEmpty();
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
