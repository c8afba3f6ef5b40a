package dev.itsmkit.core.internal;

import dev.itsmkit.core.CatalogueItemId;
import dev.itsmkit.core.ChangeDetails;
import dev.itsmkit.core.ChangeRisk;
import dev.itsmkit.core.ChangeType;
import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.HoldReason;
import dev.itsmkit.core.IncidentDetails;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.ProblemDetails;
import dev.itsmkit.core.RequestDetails;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketField;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and writes the built-in fields of a ticket as {@link FieldValue}s: the one place that maps
 * field names to typed ticket values, so events, conditions and guards speak one language.
 */
public final class TicketFields {
    private TicketFields() {}

    /**
     * Reads a built-in field.
     *
     * @param ticket the ticket
     * @param field the field
     * @return its value, or empty if unset or not a field of the ticket's kind
     */
    public static Optional<FieldValue> read(Ticket ticket, TicketField field) {
        if (!field.kinds().contains(ticket.kind())) {
            return Optional.empty();
        }
        return switch (field) {
            case TITLE -> Optional.of(new FieldValue.Text(ticket.title()));
            case DESCRIPTION -> ticket.description().isEmpty() ? Optional.empty() : text(ticket.description());
            case CATEGORY -> ticket.category().map(FieldValue.Text::new);
            case SERVICE -> ticket.service().map(s -> new FieldValue.Text(s.value()));
            case CONFIGURATION_ITEMS -> ticket.configurationItems().isEmpty() ? Optional.empty()
                    : Optional.of(new FieldValue.Multi(ticket.configurationItems().stream()
                            .<FieldValue>map(c -> new FieldValue.Text(c.value())).toList()));
            case MAJOR -> Optional.of(new FieldValue.Bool(ticket.incident().major()));
            case HOLD_REASON -> ticket.incident().holdReason().map(r -> new FieldValue.Text(r.name()));
            case RESOLUTION_CODE -> ticket.incident().resolutionCode().map(FieldValue.Text::new);
            case RESOLUTION_NOTES -> ticket.incident().resolutionNotes().map(FieldValue.Text::new);
            case CATALOGUE_ITEM -> ticket.request().catalogueItem().map(c -> new FieldValue.Text(c.value()));
            case REQUESTED_FOR -> ticket.request().requestedFor().map(p -> new FieldValue.Text(p.toString()));
            case KNOWN_ERROR -> Optional.of(new FieldValue.Bool(ticket.problem().knownError()));
            case ROOT_CAUSE -> ticket.problem().rootCause().map(FieldValue.Text::new);
            case WORKAROUND -> ticket.problem().workaround().map(FieldValue.Text::new);
            case CHANGE_TYPE -> Optional.of(new FieldValue.Text(ticket.change().type().name()));
            case RISK -> Optional.of(new FieldValue.Text(ticket.change().risk().name()));
            case PLANNED_START -> ticket.change().plannedWindow().map(w -> new FieldValue.Timestamp(w.start()));
            case PLANNED_END -> ticket.change().plannedWindow().map(w -> new FieldValue.Timestamp(w.end()));
            case IMPLEMENTATION_PLAN -> ticket.change().implementationPlan().map(FieldValue.Text::new);
            case BACKOUT_PLAN -> ticket.change().backoutPlan().map(FieldValue.Text::new);
            case ACCEPTANCE_CRITERIA -> ticket.change().acceptanceCriteria().isEmpty() ? Optional.empty()
                    : Optional.of(new FieldValue.Multi(ticket.change().acceptanceCriteria().stream()
                            .<FieldValue>map(FieldValue.Text::new).toList()));
        };
    }

    private static Optional<FieldValue> text(String value) {
        return Optional.of(new FieldValue.Text(value));
    }

    /**
     * Writes a built-in field into a ticket under construction. The builder's {@code build()} then
     * checks the text rules; this checks the kind and the type.
     *
     * @param builder the ticket under construction
     * @param field the field
     * @param value the new value, or empty to remove it
     * @throws ValidationException if the ticket's kind has no such field, the value has the wrong
     *     type, or a field that cannot be removed would be
     */
    public static void write(Ticket.Builder builder, TicketField field, Optional<FieldValue> value) {
        String name = field.fieldName();
        if (!field.kinds().contains(builder.kind())) {
            throw refuse(name, value, "is not a field of a " + builder.kind() + "; it belongs to " + field.kinds());
        }
        switch (field) {
            case TITLE -> builder.title(required(name, value, FieldValue.Text.class, FieldValue.Text::value));
            case DESCRIPTION -> builder.description(optional(name, value, FieldValue.Text.class, FieldValue.Text::value).orElse(""));
            case CATEGORY -> builder.category(optional(name, value, FieldValue.Text.class, FieldValue.Text::value));
            case SERVICE -> builder.service(optional(name, value, FieldValue.Text.class, t -> ServiceId.of(t.value())));
            case CONFIGURATION_ITEMS -> builder.configurationItems(
                    texts(name, value).stream().map(ConfigurationItemId::of).toList());
            case MAJOR -> builder.details(incident(builder).withMajor(
                    optional(name, value, FieldValue.Bool.class, FieldValue.Bool::value).orElse(false)));
            case HOLD_REASON -> builder.details(incident(builder).withHoldReason(
                    optional(name, value, FieldValue.Text.class, t -> HoldReason.valueOf(t.value()))));
            case RESOLUTION_CODE -> builder.details(incident(builder).withResolutionCode(
                    optional(name, value, FieldValue.Text.class, FieldValue.Text::value)));
            case RESOLUTION_NOTES -> builder.details(incident(builder).withResolutionNotes(
                    optional(name, value, FieldValue.Text.class, FieldValue.Text::value)));
            case CATALOGUE_ITEM -> builder.details(((RequestDetails) builder.details()).withCatalogueItem(
                    optional(name, value, FieldValue.Text.class, t -> CatalogueItemId.of(t.value()))));
            case REQUESTED_FOR -> builder.details(((RequestDetails) builder.details()).withRequestedFor(
                    optional(name, value, FieldValue.Text.class, t -> Party.parse(t.value()))));
            case KNOWN_ERROR -> builder.details(problem(builder).withKnownError(
                    optional(name, value, FieldValue.Bool.class, FieldValue.Bool::value).orElse(false)));
            case ROOT_CAUSE -> builder.details(problem(builder).withRootCause(
                    optional(name, value, FieldValue.Text.class, FieldValue.Text::value)));
            case WORKAROUND -> builder.details(problem(builder).withWorkaround(
                    optional(name, value, FieldValue.Text.class, FieldValue.Text::value)));
            case CHANGE_TYPE -> builder.details(change(builder).withType(
                    required(name, value, FieldValue.Text.class, t -> ChangeType.valueOf(t.value()))));
            case RISK -> builder.details(change(builder).withRisk(
                    required(name, value, FieldValue.Text.class, t -> ChangeRisk.valueOf(t.value()))));
            case PLANNED_START, PLANNED_END -> writeWindowEdge(builder, field, value);
            case IMPLEMENTATION_PLAN -> builder.details(change(builder).withImplementationPlan(
                    optional(name, value, FieldValue.Text.class, FieldValue.Text::value)));
            case BACKOUT_PLAN -> builder.details(change(builder).withBackoutPlan(
                    optional(name, value, FieldValue.Text.class, FieldValue.Text::value)));
            case ACCEPTANCE_CRITERIA -> builder.details(change(builder).withAcceptanceCriteria(texts(name, value)));
        }
    }

    /*
     * The planned window is one value with two fields. Setting one edge of an unscheduled change
     * makes a zero-length window that the other edge completes; the window type itself refuses
     * zero length, so the half-set edge is held as a window of one nanosecond until then. Removing
     * either edge unschedules the change.
     */
    private static void writeWindowEdge(Ticket.Builder builder, TicketField field, Optional<FieldValue> value) {
        String name = field.fieldName();
        ChangeDetails details = change(builder);
        Optional<Instant> instant = optional(name, value, FieldValue.Timestamp.class, FieldValue.Timestamp::value);
        if (instant.isEmpty()) {
            builder.details(details.withPlannedWindow(Optional.empty()));
            return;
        }
        Instant at = instant.get();
        Optional<TimeWindow> window = details.plannedWindow();
        Instant start = field == TicketField.PLANNED_START ? at : window.map(TimeWindow::start).orElse(at.minusNanos(1));
        Instant end = field == TicketField.PLANNED_END ? at : window.map(TimeWindow::end).orElse(at.plusNanos(1));
        if (!end.isAfter(start)) {
            throw refuse(name, value, "must leave the planned window ending after it starts, but the window would be "
                    + start + " to " + end);
        }
        builder.details(details.withPlannedWindow(Optional.of(new TimeWindow(start, end))));
    }

    private static IncidentDetails incident(Ticket.Builder builder) {
        return (IncidentDetails) builder.details();
    }

    private static ProblemDetails problem(Ticket.Builder builder) {
        return (ProblemDetails) builder.details();
    }

    private static ChangeDetails change(Ticket.Builder builder) {
        return (ChangeDetails) builder.details();
    }

    private static <V extends FieldValue, T> T required(String name, Optional<FieldValue> value, Class<V> type,
            Function<V, T> convert) {
        return optional(name, value, type, convert)
                .orElseThrow(() -> refuse(name, value, "is required and cannot be removed"));
    }

    private static <V extends FieldValue, T> Optional<T> optional(String name, Optional<FieldValue> value, Class<V> type,
            Function<V, T> convert) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!type.isInstance(value.get())) {
            throw refuse(name, value, "must be a " + type.getSimpleName() + " value, got a "
                    + value.get().getClass().getSimpleName());
        }
        try {
            return Optional.of(convert.apply(type.cast(value.get())));
        } catch (IllegalArgumentException e) {
            throw refuse(name, value, e.getMessage());
        }
    }

    private static List<String> texts(String name, Optional<FieldValue> value) {
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof FieldValue.Multi multi)) {
            throw refuse(name, value, "must be a list of texts, got a " + value.get().getClass().getSimpleName());
        }
        List<String> texts = new ArrayList<>();
        for (FieldValue element : multi.values()) {
            if (!(element instanceof FieldValue.Text text)) {
                throw refuse(name, value, "must be a list of texts, but holds a " + element.getClass().getSimpleName());
            }
            texts.add(text.value());
        }
        return texts;
    }

    private static ValidationException refuse(String name, Optional<FieldValue> value, String message) {
        return new ValidationException("field " + name,
                List.of(new Violation(name, value.map(v -> Identifiers.printable(Texts.abbreviate(v.toString()))).orElse(""),
                        message)));
    }
}
