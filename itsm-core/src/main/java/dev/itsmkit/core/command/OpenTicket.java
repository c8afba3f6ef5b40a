package dev.itsmkit.core.command;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.CatalogueItemId;
import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.command.internal.Copies;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Opens a new ticket of any kind: an incident, a service request, a problem or a change. The
 * engine gives it an id and a number, derives its priority from impact and urgency, and puts it in
 * the first state of the kind's lifecycle. {@link #builder} makes one without naming every
 * component.
 *
 * <p>Fields that only some kinds have (a change's {@code changeType}, {@code risk},
 * {@code plannedStart} and {@code plannedEnd}, an incident's {@code major}, ...) are given by name
 * in {@code fields}; the tenant's own fields in {@code customFields}. The two cannot be mixed up: a
 * custom field cannot take a built-in field's name.
 *
 * @param tenant the tenant the ticket will belong to
 * @param actor who opens it
 * @param kind the kind of ticket
 * @param title a one-line summary, not blank, at most {@value SingleLine#MAX_TITLE} characters
 * @param description the full description, possibly several lines, possibly empty
 * @param impact how widely the business is affected
 * @param urgency how soon the business needs it
 * @param requester who asks: the caller of an incident, the requester of a request
 * @param category the category, one line, or empty
 * @param service the affected service, or empty
 * @param configurationItems the affected configuration items, possibly none; copied
 * @param fields initial values of built-in fields of the kind that have no component here, by name;
 *     copied, order kept
 * @param customFields initial values of the tenant's custom fields, by name; copied, order kept
 * @param catalogueItem the catalogue item a service request orders, or empty (always empty for
 *     other kinds)
 */
@FieldsOfKind
public record OpenTicket(
        TenantId tenant,
        Party actor,
        TicketKind kind,
        @NotBlankText @SingleLine(max = SingleLine.MAX_TITLE) String title,
        @MultiLine String description,
        Impact impact,
        Urgency urgency,
        Party requester,
        Optional<@NotBlankText @SingleLine String> category,
        Optional<ServiceId> service,
        List<ConfigurationItemId> configurationItems,
        Map<String, FieldValue> fields,
        Map<@CustomFieldName String, FieldValue> customFields,
        Optional<CatalogueItemId> catalogueItem) implements TicketCommand {
    /**
     * Creates the command, checking that no component is {@code null}; {@link CommandValidator}
     * checks the rest.
     *
     * @param tenant the tenant the ticket will belong to
     * @param actor who opens it
     * @param kind the kind of ticket
     * @param title a one-line summary
     * @param description the full description, possibly empty
     * @param impact how widely the business is affected
     * @param urgency how soon the business needs it
     * @param requester who asks
     * @param category the category, or empty
     * @param service the affected service, or empty
     * @param configurationItems the affected configuration items
     * @param fields initial values of built-in fields of the kind, by name
     * @param customFields initial values of custom fields, by name
     * @param catalogueItem the catalogue item a service request orders, or empty
     */
    public OpenTicket {
        requireNonNull(tenant, "tenant");
        requireNonNull(actor, "actor");
        requireNonNull(kind, "kind");
        requireNonNull(title, "title");
        requireNonNull(description, "description");
        requireNonNull(impact, "impact");
        requireNonNull(urgency, "urgency");
        requireNonNull(requester, "requester");
        requireNonNull(category, "category");
        requireNonNull(service, "service");
        configurationItems = List.copyOf(configurationItems);
        fields = Copies.map(fields, "fields");
        customFields = Copies.map(customFields, "customFields");
        requireNonNull(catalogueItem, "catalogueItem");
    }

    /**
     * Starts a command with what every ticket needs; the rest is optional. Until set, the
     * description is empty, impact and urgency are 3 (the lowest of a three-level scale), the
     * requester is the actor, and there is no category, service, configuration item, field or
     * catalogue item.
     *
     * @param tenant the tenant the ticket will belong to
     * @param actor who opens it
     * @param kind the kind of ticket
     * @param title a one-line summary
     * @return a builder
     */
    public static Builder builder(TenantId tenant, Party actor, TicketKind kind, String title) {
        return new Builder(requireNonNull(tenant, "tenant"), requireNonNull(actor, "actor"), requireNonNull(kind, "kind"),
                requireNonNull(title, "title"));
    }

    /**
     * Returns a builder holding every value of this command, to make a changed copy.
     *
     * @return a builder that builds an equal command until changed
     */
    public Builder toBuilder() {
        Builder b = new Builder(tenant, actor, kind, title)
                .description(description)
                .impact(impact)
                .urgency(urgency)
                .requester(requester)
                .configurationItems(configurationItems);
        b.category = category.orElse(null);
        b.service = service.orElse(null);
        b.catalogueItem = catalogueItem.orElse(null);
        b.fields.putAll(fields);
        b.customFields.putAll(customFields);
        return b;
    }

    /**
     * Collects the components of an {@link OpenTicket}. Checks only for {@code null}s; the
     * {@link CommandValidator} checks the built command. Not thread-safe.
     */
    public static final class Builder {
        private final TenantId tenant;
        private final Party actor;
        private final TicketKind kind;
        private String title;
        private String description = "";
        private Impact impact = Impact.of(3);
        private Urgency urgency = Urgency.of(3);
        private Party requester;
        private @Nullable String category;
        private @Nullable ServiceId service;
        private List<ConfigurationItemId> configurationItems = new ArrayList<>();
        private final Map<String, FieldValue> fields = new LinkedHashMap<>();
        private final Map<String, FieldValue> customFields = new LinkedHashMap<>();
        private @Nullable CatalogueItemId catalogueItem;

        private Builder(TenantId tenant, Party actor, TicketKind kind, String title) {
            this.tenant = tenant;
            this.actor = actor;
            this.kind = kind;
            this.title = title;
            this.requester = actor;
        }

        /**
         * Sets the title.
         *
         * @param title a one-line summary
         * @return this builder
         */
        public Builder title(String title) {
            this.title = requireNonNull(title, "title");
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description the full description, possibly several lines
         * @return this builder
         */
        public Builder description(String description) {
            this.description = requireNonNull(description, "description");
            return this;
        }

        /**
         * Sets the impact.
         *
         * @param impact how widely the business is affected
         * @return this builder
         */
        public Builder impact(Impact impact) {
            this.impact = requireNonNull(impact, "impact");
            return this;
        }

        /**
         * Sets the urgency.
         *
         * @param urgency how soon the business needs it
         * @return this builder
         */
        public Builder urgency(Urgency urgency) {
            this.urgency = requireNonNull(urgency, "urgency");
            return this;
        }

        /**
         * Sets the requester, who is the actor until set.
         *
         * @param requester who asks
         * @return this builder
         */
        public Builder requester(Party requester) {
            this.requester = requireNonNull(requester, "requester");
            return this;
        }

        /**
         * Sets the category.
         *
         * @param category one line
         * @return this builder
         */
        public Builder category(String category) {
            this.category = requireNonNull(category, "category");
            return this;
        }

        /**
         * Sets the affected service.
         *
         * @param service the service
         * @return this builder
         */
        public Builder service(ServiceId service) {
            this.service = requireNonNull(service, "service");
            return this;
        }

        /**
         * Sets the affected configuration items, replacing any set before.
         *
         * @param items the items
         * @return this builder
         */
        public Builder configurationItems(Collection<ConfigurationItemId> items) {
            this.configurationItems = new ArrayList<>(List.copyOf(items));
            return this;
        }

        /**
         * Sets the initial value of a built-in field that has no setter here, such as a change's
         * {@code risk}.
         *
         * @param name the built-in field's name
         * @param value its value
         * @return this builder
         */
        public Builder field(String name, FieldValue value) {
            fields.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the initial value of a custom field.
         *
         * @param name the custom field's name
         * @param value its value
         * @return this builder
         */
        public Builder customField(String name, FieldValue value) {
            customFields.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the catalogue item that a service request orders.
         *
         * @param catalogueItem the item
         * @return this builder
         */
        public Builder catalogueItem(CatalogueItemId catalogueItem) {
            this.catalogueItem = requireNonNull(catalogueItem, "catalogueItem");
            return this;
        }

        /**
         * Makes the command. It is not validated yet: pass it to a {@link CommandValidator} (the
         * engine does).
         *
         * @return the command
         */
        public OpenTicket build() {
            return new OpenTicket(tenant, actor, kind, title, description, impact, urgency, requester,
                    Optional.ofNullable(category), Optional.ofNullable(service), configurationItems, fields, customFields,
                    Optional.ofNullable(catalogueItem));
        }
    }
}
