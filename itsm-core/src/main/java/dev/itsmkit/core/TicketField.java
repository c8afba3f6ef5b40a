package dev.itsmkit.core;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The built-in fields of a ticket that can be read and changed by name, as {@link FieldValue}s: the
 * language of field-change events, SLA conditions and lifecycle guards. Other names are custom
 * fields; a tenant's custom fields cannot take these names. State, priority, assignment, links, the
 * journal and approvals have their own events and are not fields.
 */
public enum TicketField {
    /** The title, a {@link FieldValue.Text}; required. */
    TITLE("title", Kinds.ALL),
    /** The description, a {@link FieldValue.Text}. */
    DESCRIPTION("description", Kinds.ALL),
    /** The category, a {@link FieldValue.Text}. */
    CATEGORY("category", Kinds.ALL),
    /** The affected service, a {@link FieldValue.Text} holding its id. */
    SERVICE("service", Kinds.ALL),
    /** The affected configuration items, a {@link FieldValue.Multi} of texts holding their ids. */
    CONFIGURATION_ITEMS("configurationItems", Kinds.ALL),
    /** Whether an incident is major, a {@link FieldValue.Bool}. */
    MAJOR("major", EnumSet.of(TicketKind.INCIDENT)),
    /** Why an incident is on hold, a {@link FieldValue.Text} holding a {@link HoldReason} name. */
    HOLD_REASON("holdReason", EnumSet.of(TicketKind.INCIDENT)),
    /** An incident's resolution code, a {@link FieldValue.Text}. */
    RESOLUTION_CODE("resolutionCode", EnumSet.of(TicketKind.INCIDENT)),
    /** An incident's resolution notes, a {@link FieldValue.Text}. */
    RESOLUTION_NOTES("resolutionNotes", EnumSet.of(TicketKind.INCIDENT)),
    /** A request's catalogue item, a {@link FieldValue.Text} holding its id. */
    CATALOGUE_ITEM("catalogueItem", EnumSet.of(TicketKind.SERVICE_REQUEST)),
    /** Whom a request is for, a {@link FieldValue.Text} such as {@code person:alice}. */
    REQUESTED_FOR("requestedFor", EnumSet.of(TicketKind.SERVICE_REQUEST)),
    /** Whether a problem is a known error, a {@link FieldValue.Bool}. */
    KNOWN_ERROR("knownError", EnumSet.of(TicketKind.PROBLEM)),
    /** A problem's root cause, a {@link FieldValue.Text}. */
    ROOT_CAUSE("rootCause", EnumSet.of(TicketKind.PROBLEM)),
    /** A problem's workaround, a {@link FieldValue.Text}. */
    WORKAROUND("workaround", EnumSet.of(TicketKind.PROBLEM)),
    /** A change's type, a {@link FieldValue.Text} holding a {@link ChangeType} name; cannot be removed. */
    CHANGE_TYPE("changeType", EnumSet.of(TicketKind.CHANGE)),
    /** A change's risk, a {@link FieldValue.Text} holding a {@link ChangeRisk} name; cannot be removed. */
    RISK("risk", EnumSet.of(TicketKind.CHANGE)),
    /** The start of a change's planned window, a {@link FieldValue.Timestamp}; set together with its end. */
    PLANNED_START("plannedStart", EnumSet.of(TicketKind.CHANGE)),
    /** The end of a change's planned window, a {@link FieldValue.Timestamp}; set together with its start. */
    PLANNED_END("plannedEnd", EnumSet.of(TicketKind.CHANGE)),
    /** A change's implementation plan, a {@link FieldValue.Text}. */
    IMPLEMENTATION_PLAN("implementationPlan", EnumSet.of(TicketKind.CHANGE)),
    /** A change's backout plan, a {@link FieldValue.Text}. */
    BACKOUT_PLAN("backoutPlan", EnumSet.of(TicketKind.CHANGE)),
    /** A change's service acceptance criteria, a {@link FieldValue.Multi} of texts. */
    ACCEPTANCE_CRITERIA("acceptanceCriteria", EnumSet.of(TicketKind.CHANGE));

    private static final Map<String, TicketField> BY_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(TicketField::fieldName, Function.identity()));

    private final String fieldName;
    private final Set<TicketKind> kinds;

    TicketField(String fieldName, Set<TicketKind> kinds) {
        this.fieldName = fieldName;
        this.kinds = Set.copyOf(kinds);
    }

    /**
     * Returns the name by which the field is read and changed, in events and conditions.
     *
     * @return the name, for example {@code resolutionCode}
     */
    public String fieldName() {
        return fieldName;
    }

    /**
     * Returns the kinds of ticket that have this field.
     *
     * @return an unmodifiable set
     */
    public Set<TicketKind> kinds() {
        return kinds;
    }

    /**
     * Finds the built-in field of a name.
     *
     * @param name a field's name
     * @return the built-in field, or empty if the name is free for a custom field
     */
    public static Optional<TicketField> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * Tells whether a name is taken by a built-in field.
     *
     * @param name a field's name
     * @return {@code true} if a custom field cannot have this name
     */
    public static boolean isReserved(String name) {
        return BY_NAME.containsKey(name);
    }

    private static final class Kinds {
        static final Set<TicketKind> ALL = EnumSet.allOf(TicketKind.class);
    }
}
