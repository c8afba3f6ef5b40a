package dev.itsmkit.persistence;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TimeWindow;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Criteria that select tickets of one tenant, and the order of the results. Criteria combine with
 * AND; a set criterion (categories, kinds, priorities) matches any of its members; an absent
 * criterion matches every ticket. {@link #matches(Ticket)} is the reference meaning that every store
 * must implement exactly.
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}.
 */
public final class TicketQuery {
    private static final TicketQuery ALL = builder().build();

    private final Set<StateCategory> categories;
    private final Set<TicketKind> kinds;
    private final Set<Priority> priorities;
    private final @Nullable Party assignee;
    private final @Nullable Party assignmentGroup;
    private final @Nullable ServiceId service;
    private final @Nullable ConfigurationItemId configurationItem;
    private final @Nullable TimeWindow createdIn;
    private final @Nullable TimeWindow updatedIn;
    private final SortedMap<String, FieldValue> fields;
    private final TicketOrder order;

    private TicketQuery(Builder b) {
        this.categories = b.categories.isEmpty() ? Set.of() : Set.copyOf(b.categories);
        this.kinds = Set.copyOf(b.kinds);
        this.priorities = Set.copyOf(b.priorities);
        this.assignee = b.assignee;
        this.assignmentGroup = b.assignmentGroup;
        this.service = b.service;
        this.configurationItem = b.configurationItem;
        this.createdIn = b.createdIn;
        this.updatedIn = b.updatedIn;
        this.fields = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(b.fields));
        this.order = b.order;
    }

    /**
     * Returns the query that matches every ticket, in {@link TicketOrder#NUMBER} order.
     *
     * @return the query without criteria
     */
    public static TicketQuery all() {
        return ALL;
    }

    /**
     * Starts a query without criteria, in {@link TicketOrder#NUMBER} order.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this query's criteria and order.
     *
     * @return a builder holding this query's criteria and order
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.categories.addAll(categories);
        b.kinds.addAll(kinds);
        b.priorities.addAll(priorities);
        b.assignee = assignee;
        b.assignmentGroup = assignmentGroup;
        b.service = service;
        b.configurationItem = configurationItem;
        b.createdIn = createdIn;
        b.updatedIn = updatedIn;
        b.fields.putAll(fields);
        b.order = order;
        return b;
    }

    /**
     * Returns a short text that identifies this query's criteria — not its order — the same in every JVM
     * (unlike {@link #hashCode()}, which may not be): stores put it in their cursors so that a cursor is
     * never used to page another query (see {@link dev.itsmkit.persistence.spi.CursorTokens}).
     *
     * @return 16 hexadecimal digits of a SHA-256 of the criteria's canonical text
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        categories.stream().map(Enum::name).sorted().forEach(s -> sb.append(s).append(','));
        sb.append(';');
        kinds.stream().map(Enum::name).sorted().forEach(s -> sb.append(s).append(','));
        sb.append(';');
        priorities.stream().map(Object::toString).sorted().forEach(s -> sb.append(s).append(','));
        sb.append(';').append(assignee().map(Object::toString).orElse(""))
                .append(';').append(assignmentGroup().map(Object::toString).orElse(""))
                .append(';').append(service().map(Object::toString).orElse(""))
                .append(';').append(configurationItem().map(Object::toString).orElse(""))
                .append(';').append(createdIn().map(Object::toString).orElse(""))
                .append(';').append(updatedIn().map(Object::toString).orElse(""));
        for (Map.Entry<String, FieldValue> e : fields.entrySet()) {
            String value = e.getValue().toString();
            sb.append(';').append(e.getKey()).append('=').append(e.getValue().getClass().getSimpleName())
                    .append(value.length()).append(':').append(value);
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /**
     * Tells whether a ticket meets every criterion. This is the definition that stores implement;
     * the ticket's tenant is not looked at (stores query one tenant's tickets).
     *
     * @param ticket the ticket
     * @return {@code true} if every criterion holds
     */
    public boolean matches(Ticket ticket) {
        return (categories.isEmpty() || categories.contains(ticket.state().category()))
                && (kinds.isEmpty() || kinds.contains(ticket.kind()))
                && (priorities.isEmpty() || priorities.contains(ticket.priority()))
                && (assignee == null || ticket.assignee().filter(assignee::equals).isPresent())
                && (assignmentGroup == null || ticket.assignmentGroup().filter(assignmentGroup::equals).isPresent())
                && (service == null || ticket.service().filter(service::equals).isPresent())
                && (configurationItem == null || ticket.configurationItems().contains(configurationItem))
                && (createdIn == null || createdIn.contains(ticket.createdAt()))
                && (updatedIn == null || updatedIn.contains(ticket.updatedAt()))
                && fieldsMatch(ticket);
    }

    private boolean fieldsMatch(Ticket ticket) {
        for (Map.Entry<String, FieldValue> e : fields.entrySet()) {
            if (!ticket.field(e.getKey()).filter(e.getValue()::equals).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the state categories of which a ticket must be in one; empty for any.
     *
     * @return the state categories of which a ticket must be in one; empty for any
     */
    public Set<StateCategory> categories() {
        return categories;
    }

    /**
     * Returns the kinds of which a ticket must be one; empty for any.
     *
     * @return the kinds of which a ticket must be one; empty for any
     */
    public Set<TicketKind> kinds() {
        return kinds;
    }

    /**
     * Returns the priorities of which a ticket must have one; empty for any.
     *
     * @return the priorities of which a ticket must have one; empty for any
     */
    public Set<Priority> priorities() {
        return priorities;
    }

    /**
     * Returns the assignee a ticket must have, or empty for any (assigned or not).
     *
     * @return the assignee a ticket must have, or empty for any (assigned or not)
     */
    public Optional<Party> assignee() {
        return Optional.ofNullable(assignee);
    }

    /**
     * Returns the assignment group a ticket must have, or empty for any.
     *
     * @return the assignment group a ticket must have, or empty for any
     */
    public Optional<Party> assignmentGroup() {
        return Optional.ofNullable(assignmentGroup);
    }

    /**
     * Returns the affected service a ticket must have, or empty for any.
     *
     * @return the affected service a ticket must have, or empty for any
     */
    public Optional<ServiceId> service() {
        return Optional.ofNullable(service);
    }

    /**
     * Returns a configuration item a ticket must list among its affected items, or empty for any.
     *
     * @return a configuration item a ticket must list among its affected items, or empty for any
     */
    public Optional<ConfigurationItemId> configurationItem() {
        return Optional.ofNullable(configurationItem);
    }

    /**
     * Returns the window a ticket's creation instant must fall in, or empty for any.
     *
     * @return the window a ticket's creation instant must fall in, or empty for any
     */
    public Optional<TimeWindow> createdIn() {
        return Optional.ofNullable(createdIn);
    }

    /**
     * Returns the window a ticket's last update must fall in, or empty for any.
     *
     * @return the window a ticket's last update must fall in, or empty for any
     */
    public Optional<TimeWindow> updatedIn() {
        return Optional.ofNullable(updatedIn);
    }

    /**
     * Returns the fields a ticket must hold with exactly these values (by {@link Ticket#field}, so
     * built-in fields by name and custom fields).
     *
     * @return the values by field name, sorted by name; unmodifiable
     */
    public SortedMap<String, FieldValue> fields() {
        return fields;
    }

    /**
     * Returns the order of the results.
     *
     * @return the order of the results
     */
    public TicketOrder order() {
        return order;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TicketQuery q && categories.equals(q.categories) && kinds.equals(q.kinds)
                && priorities.equals(q.priorities) && Objects.equals(assignee, q.assignee)
                && Objects.equals(assignmentGroup, q.assignmentGroup) && Objects.equals(service, q.service)
                && Objects.equals(configurationItem, q.configurationItem) && Objects.equals(createdIn, q.createdIn)
                && Objects.equals(updatedIn, q.updatedIn) && fields.equals(q.fields) && order == q.order;
    }

    @Override
    public int hashCode() {
        return Objects.hash(categories, kinds, priorities, assignee, assignmentGroup, service, configurationItem,
                createdIn, updatedIn, fields, order);
    }

    @Override
    public String toString() {
        Map<String, Object> parts = new LinkedHashMap<>();
        if (!categories.isEmpty()) {
            parts.put("categories", new java.util.TreeSet<>(categories));
        }
        if (!kinds.isEmpty()) {
            parts.put("kinds", kinds);
        }
        if (!priorities.isEmpty()) {
            parts.put("priorities", priorities);
        }
        assignee().ifPresent(v -> parts.put("assignee", v));
        assignmentGroup().ifPresent(v -> parts.put("assignmentGroup", v));
        service().ifPresent(v -> parts.put("service", v));
        configurationItem().ifPresent(v -> parts.put("configurationItem", v));
        createdIn().ifPresent(v -> parts.put("createdIn", v));
        updatedIn().ifPresent(v -> parts.put("updatedIn", v));
        if (!fields.isEmpty()) {
            parts.put("fields", fields);
        }
        parts.put("order", order);
        return "TicketQuery" + parts;
    }

    /** Collects criteria; every call narrows the query. Not thread-safe. */
    public static final class Builder {
        private final Set<StateCategory> categories = EnumSet.noneOf(StateCategory.class);
        private final Set<TicketKind> kinds = EnumSet.noneOf(TicketKind.class);
        private final Set<Priority> priorities = new java.util.HashSet<>();
        private @Nullable Party assignee;
        private @Nullable Party assignmentGroup;
        private @Nullable ServiceId service;
        private @Nullable ConfigurationItemId configurationItem;
        private @Nullable TimeWindow createdIn;
        private @Nullable TimeWindow updatedIn;
        private final Map<String, FieldValue> fields = new TreeMap<>();
        private TicketOrder order = TicketOrder.NUMBER;

        private Builder() {}

        /**
         * Keeps tickets in one of these state categories.
         *
         * @param categories the categories, at least one
         * @return this builder
         * @throws IllegalArgumentException if {@code categories} is empty
         */
        public Builder categories(Collection<StateCategory> categories) {
            requireNonEmpty(categories, "categories");
            this.categories.clear();
            this.categories.addAll(categories);
            return this;
        }

        /**
         * Keeps tickets in one of these state categories.
         *
         * @param first a category
         * @param more further categories
         * @return this builder
         */
        public Builder categories(StateCategory first, StateCategory... more) {
            return categories(EnumSet.of(first, more));
        }

        /**
         * Keeps tickets of one of these kinds.
         *
         * @param first a kind
         * @param more further kinds
         * @return this builder
         */
        public Builder kinds(TicketKind first, TicketKind... more) {
            this.kinds.clear();
            this.kinds.addAll(EnumSet.of(first, more));
            return this;
        }

        /**
         * Keeps tickets with one of these priorities.
         *
         * @param priorities the priorities, at least one
         * @return this builder
         * @throws IllegalArgumentException if {@code priorities} is empty
         */
        public Builder priorities(Collection<Priority> priorities) {
            requireNonEmpty(priorities, "priorities");
            this.priorities.clear();
            priorities.forEach(p -> this.priorities.add(requireNonNull(p, "priority")));
            return this;
        }

        /**
         * Keeps tickets assigned to this party.
         *
         * @param assignee the assignee
         * @return this builder
         */
        public Builder assignee(Party assignee) {
            this.assignee = requireNonNull(assignee, "assignee");
            return this;
        }

        /**
         * Keeps tickets of this assignment group.
         *
         * @param group the group
         * @return this builder
         */
        public Builder assignmentGroup(Party group) {
            this.assignmentGroup = requireNonNull(group, "group");
            return this;
        }

        /**
         * Keeps tickets that affect this service.
         *
         * @param service the service
         * @return this builder
         */
        public Builder service(ServiceId service) {
            this.service = requireNonNull(service, "service");
            return this;
        }

        /**
         * Keeps tickets that list this configuration item among their affected items.
         *
         * @param item the configuration item
         * @return this builder
         */
        public Builder configurationItem(ConfigurationItemId item) {
            this.configurationItem = requireNonNull(item, "item");
            return this;
        }

        /**
         * Keeps tickets created within a window.
         *
         * @param window start inclusive, end exclusive
         * @return this builder
         */
        public Builder createdIn(TimeWindow window) {
            this.createdIn = requireNonNull(window, "window");
            return this;
        }

        /**
         * Keeps tickets last updated within a window.
         *
         * @param window start inclusive, end exclusive
         * @return this builder
         */
        public Builder updatedIn(TimeWindow window) {
            this.updatedIn = requireNonNull(window, "window");
            return this;
        }

        /**
         * Keeps tickets whose field (built-in or custom, by {@link Ticket#field}) holds exactly this value.
         *
         * @param name the field's name
         * @param value the value it must hold
         * @return this builder
         */
        public Builder field(String name, FieldValue value) {
            fields.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the order of the results.
         *
         * @param order the order; {@link TicketOrder#NUMBER} unless set
         * @return this builder
         */
        public Builder orderBy(TicketOrder order) {
            this.order = requireNonNull(order, "order");
            return this;
        }

        /**
         * Returns the query.
         *
         * @return the query
         */
        public TicketQuery build() {
            return new TicketQuery(this);
        }

        private static void requireNonEmpty(Collection<?> values, String name) {
            requireNonNull(values, name);
            if (values.isEmpty()) {
                throw new IllegalArgumentException(name + " must name at least one value; leave the criterion out to match any");
            }
        }
    }
}
