package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.internal.AppendOnlyList;
import dev.itsmkit.core.internal.Problems;
import dev.itsmkit.core.internal.Texts;
import dev.itsmkit.core.internal.TicketFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as it stands at one version: an incident, a service request, a problem or a change.
 * This is the snapshot that stores hold and that every command starts from; changing a ticket means
 * building a new snapshot with {@link #toBuilder()}, and {@link Builder#build()} checks every rule at
 * once, so an invalid ticket never exists.
 *
 * <p>Rules that {@code build()} enforces: the title is one non-blank line of at most
 * {@value dev.itsmkit.core.internal.Texts#MAX_TITLE} characters; texts hold no control characters
 * (descriptions and notes may hold line breaks and tabs); the details belong to the ticket's kind;
 * the assignee is a person or a system and the assignment group a group; links point into the same
 * tenant, never to the ticket itself, are of a type its kinds allow, and appear once; custom
 * fields do not take the name of a {@linkplain TicketField built-in field}; timestamps are ordered
 * (created, then updated; resolved and closed not before created); the version is 1 or more.
 *
 * <p>Immutable and thread-safe. The journal, the links and the approvals are
 * {@link AppendOnlyList}s: a snapshot one entry longer shares the earlier entries with the snapshot
 * it was built from, and {@code build()} checks only the entries added since that snapshot (the
 * rest were checked when it was built), so a comment on a ticket with n journal entries costs
 * amortised O(1), not O(n).
 *
 * <p>Stores keep the current snapshot of every ticket and the first one (in its {@code TicketCreated}), and every
 * command builds a new one, so a snapshot is kept small (80 bytes with compressed references instead of 128):
 * impact, urgency, priority and the derived priority are packed as levels into one {@code int} (the accessors
 * give the shared values of {@link Impact#of}, {@link Urgency#of} and {@link Priority#of}); the values most
 * changes leave alone and many tickets never set (the override's reason, category, assignee, group, service,
 * configuration items, custom fields, links, approvals, closing time) are held in one object that a snapshot
 * shares with the snapshot it was built from while none of them changes, and that every ticket without any of
 * them shares. Accessors, equality and every check are as if each value were held in a field of its own.
 */
public final class Ticket {
    private final TenantId tenant;
    private final TicketId id;
    private final TicketNumber number;
    private final String title;
    private final String description;
    private final TicketState state;
    /* The levels of impact, urgency, priority and derived priority, a byte each from the lowest. */
    private final int levels;
    private final Party requester;
    private final Seldom seldom;
    private final TicketDetails details;
    private final AppendOnlyList<JournalEntry> journal;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final @Nullable Instant resolvedAt;
    private final long version;

    /*
     * The values most changes leave as they were, and many tickets never set: shared by a snapshot with the one it
     * was built from while none changes, and by every ticket that has none (EMPTY).
     */
    private static final class Seldom {
        static final Seldom EMPTY = new Seldom(null, null, null, null, null, List.of(), CustomFields.EMPTY, AppendOnlyList.of(),
                AppendOnlyList.of(), null);

        final @Nullable String priorityOverrideReason;
        final @Nullable String category;
        final @Nullable Party assignee;
        final @Nullable Party assignmentGroup;
        final @Nullable ServiceId service;
        final List<ConfigurationItemId> configurationItems;
        final CustomFields customFields;
        final AppendOnlyList<Link> links;
        final AppendOnlyList<Approval> approvals;
        final @Nullable Instant closedAt;

        Seldom(@Nullable String priorityOverrideReason, @Nullable String category, @Nullable Party assignee,
                @Nullable Party assignmentGroup, @Nullable ServiceId service, List<ConfigurationItemId> configurationItems,
                CustomFields customFields, AppendOnlyList<Link> links, AppendOnlyList<Approval> approvals, @Nullable Instant closedAt) {
            this.priorityOverrideReason = priorityOverrideReason;
            this.category = category;
            this.assignee = assignee;
            this.assignmentGroup = assignmentGroup;
            this.service = service;
            this.configurationItems = configurationItems;
            this.customFields = customFields;
            this.links = links;
            this.approvals = approvals;
            this.closedAt = closedAt;
        }

        /* Whether these are the very values (by identity: each was checked when this was built) given. */
        boolean holds(@Nullable String reason, @Nullable String category, @Nullable Party assignee, @Nullable Party group,
                @Nullable ServiceId service, List<ConfigurationItemId> items, CustomFields fields, AppendOnlyList<Link> links,
                AppendOnlyList<Approval> approvals, @Nullable Instant closedAt) {
            return priorityOverrideReason == reason && this.category == category && this.assignee == assignee
                    && assignmentGroup == group && this.service == service && configurationItems == items
                    && customFields == fields && this.links == links && this.approvals == approvals && this.closedAt == closedAt;
        }
    }

    private Ticket(Builder b) {
        this.tenant = requireNonNull(b.tenant);
        this.id = requireNonNull(b.id);
        this.number = requireNonNull(b.number);
        this.title = requireNonNull(b.title);
        this.description = b.description;
        this.state = requireNonNull(b.state);
        this.levels = b.impact.level() | b.urgency.level() << 8 | b.priority.level() << 16 | b.derivedPriority.level() << 24;
        this.requester = requireNonNull(b.requester);
        // A builder made from a ticket holds that ticket's list, already without repeats and sorted.
        List<ConfigurationItemId> items = b.configurationItemsNormal || b.configurationItems.isEmpty() ? b.configurationItems
                : b.configurationItems.stream().distinct().sorted(java.util.Comparator.comparing(ConfigurationItemId::value))
                        .toList();
        this.seldom = seldom(b, items);
        this.details = requireNonNull(b.details);
        this.journal = b.journal;
        this.createdAt = requireNonNull(b.createdAt);
        this.updatedAt = requireNonNull(b.updatedAt);
        this.resolvedAt = b.resolvedAt;
        this.version = b.version;
    }

    /* The seldom changed values of a builder: its source's when they are the very same, the shared empty ones, or new. */
    private static Seldom seldom(Builder b, List<ConfigurationItemId> items) {
        Ticket from = b.source;
        if (from != null && from.seldom.holds(b.priorityOverrideReason, b.category, b.assignee, b.assignmentGroup, b.service,
                items, b.customFields, b.links, b.approvals, b.closedAt)) {
            return from.seldom;
        }
        if (b.priorityOverrideReason == null && b.category == null && b.assignee == null && b.assignmentGroup == null
                && b.service == null && items.isEmpty() && b.customFields.isEmpty() && b.links.isEmpty() && b.approvals.isEmpty()
                && b.closedAt == null) {
            return Seldom.EMPTY;
        }
        return new Seldom(b.priorityOverrideReason, b.category, b.assignee, b.assignmentGroup, b.service, items, b.customFields,
                b.links, b.approvals, b.closedAt);
    }

    /**
     * Starts a new ticket.
     *
     * @param tenant the tenant that owns it
     * @param id its id
     * @param number its human-readable number, which also gives its kind
     * @return a builder with empty details for the number's kind, version 1, and the lowest impact,
     *     urgency and priority on a 3-level scale until set
     */
    public static Builder builder(TenantId tenant, TicketId id, TicketNumber number) {
        return new Builder(requireNonNull(tenant, "tenant"), requireNonNull(id, "id"), requireNonNull(number, "number"));
    }

    /**
     * Returns a builder holding every value of this ticket, to make a changed copy.
     *
     * @return a builder that builds an equal ticket until changed
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the tenant that owns the ticket.
     *
     * @return the tenant that owns the ticket
     */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * Returns the ticket's id, unique within its tenant.
     *
     * @return the ticket's id, unique within its tenant
     */
    public TicketId id() {
        return id;
    }

    /**
     * Returns the human-readable number, for example {@code INC0001042}.
     *
     * @return the human-readable number, for example {@code INC0001042}
     */
    public TicketNumber number() {
        return number;
    }

    /**
     * Returns the kind of ticket, as its number tells.
     *
     * @return the kind of ticket, as its number tells
     */
    public TicketKind kind() {
        return number.kind();
    }

    /**
     * Returns a reference to this ticket, for links from others.
     *
     * @return a reference to this ticket, for links from others
     */
    public TicketRef ref() {
        return new TicketRef(tenant, id, number);
    }

    /**
     * Returns the title: one line.
     *
     * @return the title: one line
     */
    public String title() {
        return title;
    }

    /**
     * Returns the description, possibly empty.
     *
     * @return the description, possibly empty
     */
    public String description() {
        return description;
    }

    /**
     * Returns the current state in the ticket's lifecycle.
     *
     * @return the current state in the ticket's lifecycle
     */
    public TicketState state() {
        return state;
    }

    /**
     * Returns how widely the business is affected.
     *
     * @return how widely the business is affected
     */
    public Impact impact() {
        return Impact.of(levels & 0xFF);
    }

    /**
     * Returns how soon the business needs it.
     *
     * @return how soon the business needs it
     */
    public Urgency urgency() {
        return Urgency.of(levels >>> 8 & 0xFF);
    }

    /**
     * Returns the priority in effect: derived from impact and urgency, or overridden.
     *
     * @return the priority in effect: derived from impact and urgency, or overridden
     */
    public Priority priority() {
        return Priority.of(levels >>> 16 & 0xFF);
    }

    /**
     * Returns why the priority was overridden, when it was set by hand rather than derived from
     * impact and urgency.
     *
     * @return the recorded reason, or empty when the priority is the derived one
     */
    public Optional<String> priorityOverrideReason() {
        return Optional.ofNullable(seldom.priorityOverrideReason);
    }

    /**
     * Returns how the priority came about: the one derived from impact and urgency, and the
     * override with its reason if there is one.
     *
     * @return the decision; its {@link PriorityDecision#effective()} is {@link #priority()}
     */
    public PriorityDecision priorityDecision() {
        Priority derived = Priority.of(levels >>> 24);
        String reason = seldom.priorityOverrideReason;
        return reason == null ? PriorityDecision.derived(derived) : PriorityDecision.derived(derived).overriddenTo(priority(), reason);
    }

    /**
     * Returns the category, or empty.
     *
     * @return the category, or empty
     */
    public Optional<String> category() {
        return Optional.ofNullable(seldom.category);
    }

    /**
     * Returns who asked: the caller of an incident, the requester of a request.
     *
     * @return who asked: the caller of an incident, the requester of a request
     */
    public Party requester() {
        return requester;
    }

    /**
     * Returns the person (or system) working the ticket, or empty.
     *
     * @return the person (or system) working the ticket, or empty
     */
    public Optional<Party> assignee() {
        return Optional.ofNullable(seldom.assignee);
    }

    /**
     * Returns the group responsible for the ticket, or empty.
     *
     * @return the group responsible for the ticket, or empty
     */
    public Optional<Party> assignmentGroup() {
        return Optional.ofNullable(seldom.assignmentGroup);
    }

    /**
     * Returns the affected service, or empty.
     *
     * @return the affected service, or empty
     */
    public Optional<ServiceId> service() {
        return Optional.ofNullable(seldom.service);
    }

    /**
     * Returns the affected configuration items in id order; unmodifiable.
     *
     * @return the affected configuration items in id order; unmodifiable
     */
    public List<ConfigurationItemId> configurationItems() {
        return seldom.configurationItems;
    }

    /**
     * Returns the custom fields.
     *
     * @return the custom fields
     */
    public CustomFields customFields() {
        return seldom.customFields;
    }

    /**
     * Returns what this kind of ticket holds beyond the common fields.
     *
     * @return what this kind of ticket holds beyond the common fields
     */
    public TicketDetails details() {
        return details;
    }

    /**
     * Returns the incident details.
     *
     * @return the details
     * @throws IllegalStateException if this is not an incident
     */
    public IncidentDetails incident() {
        return detailsOf(IncidentDetails.class);
    }

    /**
     * Returns the service request details.
     *
     * @return the details
     * @throws IllegalStateException if this is not a service request
     */
    public RequestDetails request() {
        return detailsOf(RequestDetails.class);
    }

    /**
     * Returns the problem details.
     *
     * @return the details
     * @throws IllegalStateException if this is not a problem
     */
    public ProblemDetails problem() {
        return detailsOf(ProblemDetails.class);
    }

    /**
     * Returns the change details.
     *
     * @return the details
     * @throws IllegalStateException if this is not a change
     */
    public ChangeDetails change() {
        return detailsOf(ChangeDetails.class);
    }

    private <T extends TicketDetails> T detailsOf(Class<T> type) {
        if (!type.isInstance(details)) {
            throw new IllegalStateException(number + " is a " + kind() + ", it has no " + type.getSimpleName());
        }
        return type.cast(details);
    }

    /**
     * Returns the links to other tickets, in the order made; unmodifiable.
     *
     * @return the links to other tickets, in the order made; unmodifiable
     */
    public List<Link> links() {
        return seldom.links;
    }

    /**
     * Returns the journal: comments and work notes, oldest first; unmodifiable.
     *
     * @return the journal: comments and work notes, oldest first; unmodifiable
     */
    public List<JournalEntry> journal() {
        return journal;
    }

    /**
     * Returns the approvals asked and decided, in the order asked; unmodifiable.
     *
     * @return the approvals asked and decided, in the order asked; unmodifiable
     */
    public List<Approval> approvals() {
        return seldom.approvals;
    }

    /**
     * Returns when the ticket was created.
     *
     * @return when the ticket was created
     */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Returns when the ticket last changed.
     *
     * @return when the ticket last changed
     */
    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * Returns when the ticket was last resolved, or empty if it is not resolved.
     *
     * @return when the ticket was last resolved, or empty if it is not resolved
     */
    public Optional<Instant> resolvedAt() {
        return Optional.ofNullable(resolvedAt);
    }

    /**
     * Returns when the ticket was closed, or empty if it is not closed.
     *
     * @return when the ticket was closed, or empty if it is not closed
     */
    public Optional<Instant> closedAt() {
        return Optional.ofNullable(seldom.closedAt);
    }

    /**
     * Returns the version of this snapshot: 1 when created, one more with every change.
     *
     * @return the version of this snapshot: 1 when created, one more with every change
     */
    public long version() {
        return version;
    }

    /**
     * Reads a field by name: a {@linkplain TicketField built-in field} or a custom field.
     *
     * @param name the field's name
     * @return its value, or empty if it is not set (or the ticket's kind has no such built-in field)
     */
    public Optional<FieldValue> field(String name) {
        requireNonNull(name, "name");
        Optional<TicketField> builtIn = TicketField.byName(name);
        return builtIn.isPresent() ? TicketFields.read(this, builtIn.get()) : seldom.customFields.get(name);
    }

    /**
     * Computes the changes that setting fields would make, without making them: the values that
     * differ from the current ones, in the order given.
     *
     * @param values new values by field name; an empty value removes the field
     * @return the changes, empty if every value is already as given
     */
    public List<FieldChange> changesTo(java.util.Map<String, Optional<FieldValue>> values) {
        List<FieldChange> changes = new ArrayList<>();
        values.forEach((name, value) -> {
            Optional<FieldValue> before = field(name);
            if (!before.equals(value)) {
                changes.add(new FieldChange(name, before, value));
            }
        });
        return changes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ticket t && version == t.version && tenant.equals(t.tenant) && id.equals(t.id)
                && number.equals(t.number) && title.equals(t.title) && description.equals(t.description)
                && state.equals(t.state) && levels == t.levels && requester.equals(t.requester)
                && seldomEquals(seldom, t.seldom) && details.equals(t.details)
                && journal.equals(t.journal) && createdAt.equals(t.createdAt)
                && updatedAt.equals(t.updatedAt) && Objects.equals(resolvedAt, t.resolvedAt);
    }

    private static boolean seldomEquals(Seldom a, Seldom b) {
        return a == b || Objects.equals(a.priorityOverrideReason, b.priorityOverrideReason) && Objects.equals(a.category, b.category)
                && Objects.equals(a.assignee, b.assignee) && Objects.equals(a.assignmentGroup, b.assignmentGroup)
                && Objects.equals(a.service, b.service) && a.configurationItems.equals(b.configurationItems)
                && a.customFields.equals(b.customFields) && a.links.equals(b.links) && a.approvals.equals(b.approvals)
                && Objects.equals(a.closedAt, b.closedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, id, version, state, updatedAt);
    }

    @Override
    public String toString() {
        return number + " v" + version + " [" + state + ", " + priority() + "] " + Texts.abbreviate(title);
    }

    /**
     * Collects the values of a ticket; {@link #build()} checks them all and reports every problem at
     * once. Not thread-safe.
     */
    public static final class Builder {
        private final TenantId tenant;
        private final TicketId id;
        private final TicketNumber number;
        private @Nullable String title;
        private String description = "";
        private @Nullable TicketState state;
        private Impact impact = Impact.of(3);
        private Urgency urgency = Urgency.of(3);
        private Priority priority = Priority.of(3);
        private Priority derivedPriority = Priority.of(3);
        private @Nullable String priorityOverrideReason;
        private @Nullable String category;
        private @Nullable Party requester;
        private @Nullable Party assignee;
        private @Nullable Party assignmentGroup;
        private @Nullable ServiceId service;
        private List<ConfigurationItemId> configurationItems = List.of();
        private boolean configurationItemsNormal;
        private CustomFields customFields = CustomFields.EMPTY;
        private TicketDetails details;
        private AppendOnlyList<Link> links = AppendOnlyList.of();
        private AppendOnlyList<JournalEntry> journal = AppendOnlyList.of();
        private AppendOnlyList<Approval> approvals = AppendOnlyList.of();
        // What the ticket this builder was made from had checked: its links, its journal against its createdAt.
        private List<Link> checkedLinks = List.of();
        private List<JournalEntry> checkedJournal = List.of();
        private @Nullable Instant checkedCreatedAt;
        // The ticket this builder was made from: a value still identical to its value passed the same checks.
        private @Nullable Ticket source;
        private @Nullable Instant createdAt;
        private @Nullable Instant updatedAt;
        private @Nullable Instant resolvedAt;
        private @Nullable Instant closedAt;
        private long version = 1;

        private Builder(TenantId tenant, TicketId id, TicketNumber number) {
            this.tenant = tenant;
            this.id = id;
            this.number = number;
            this.details = TicketDetails.emptyFor(number.kind());
        }

        private Builder(Ticket t) {
            this.tenant = t.tenant;
            this.id = t.id;
            this.number = t.number;
            this.title = t.title;
            this.description = t.description;
            this.state = t.state;
            this.impact = t.impact();
            this.urgency = t.urgency();
            this.priority = t.priority();
            this.derivedPriority = Priority.of(t.levels >>> 24);
            Seldom seldom = t.seldom;
            this.priorityOverrideReason = seldom.priorityOverrideReason;
            this.category = seldom.category;
            this.requester = t.requester;
            this.assignee = seldom.assignee;
            this.assignmentGroup = seldom.assignmentGroup;
            this.service = seldom.service;
            this.configurationItems = seldom.configurationItems;
            this.configurationItemsNormal = true;
            this.customFields = seldom.customFields;
            this.details = t.details;
            this.links = seldom.links;
            this.journal = t.journal;
            this.approvals = seldom.approvals;
            this.checkedLinks = seldom.links;
            this.checkedJournal = t.journal;
            this.checkedCreatedAt = t.createdAt;
            this.source = t;
            this.createdAt = t.createdAt;
            this.updatedAt = t.updatedAt;
            this.resolvedAt = t.resolvedAt;
            this.closedAt = seldom.closedAt;
            this.version = t.version;
        }

        /**
         * Sets the title. Required.
         *
         * @param title one line, not blank
         * @return this builder
         */
        public Builder title(String title) {
            this.title = requireNonNull(title, "title");
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description text, possibly empty
         * @return this builder
         */
        public Builder description(String description) {
            this.description = requireNonNull(description, "description");
            return this;
        }

        /**
         * Sets the state. Required.
         *
         * @param state the lifecycle state
         * @return this builder
         */
        public Builder state(TicketState state) {
            this.state = requireNonNull(state, "state");
            return this;
        }

        /**
         * Sets impact, urgency and the priority derived from them, clearing any override.
         *
         * @param impact the impact
         * @param urgency the urgency
         * @param derived the priority the tenant's matrix derives from them
         * @return this builder
         */
        public Builder priority(Impact impact, Urgency urgency, Priority derived) {
            this.impact = requireNonNull(impact, "impact");
            this.urgency = requireNonNull(urgency, "urgency");
            this.priority = requireNonNull(derived, "derived");
            this.derivedPriority = derived;
            this.priorityOverrideReason = null;
            return this;
        }

        /**
         * Overrides the priority, keeping impact and urgency, and records why.
         *
         * @param priority the priority to use
         * @param reason why it differs from the derived one; one non-blank line
         * @return this builder
         */
        public Builder overridePriority(Priority priority, String reason) {
            this.priority = requireNonNull(priority, "priority");
            this.priorityOverrideReason = requireNonNull(reason, "reason");
            return this;
        }

        /**
         * Sets impact, urgency and the priority as decided, with or without an override.
         *
         * @param impact the impact
         * @param urgency the urgency
         * @param decision the derived priority and the override, if any
         * @return this builder
         */
        public Builder priority(Impact impact, Urgency urgency, PriorityDecision decision) {
            priority(impact, urgency, decision.derived());
            if (decision.isOverridden()) {
                overridePriority(decision.effective(), decision.reason().orElseThrow());
            }
            return this;
        }

        /**
         * Sets or clears the category.
         *
         * @param category the category, or empty
         * @return this builder
         */
        public Builder category(Optional<String> category) {
            this.category = category.orElse(null);
            return this;
        }

        /**
         * Sets the requester. Required.
         *
         * @param requester who asked
         * @return this builder
         */
        public Builder requester(Party requester) {
            this.requester = requireNonNull(requester, "requester");
            return this;
        }

        /**
         * Sets or clears the assignee.
         *
         * @param assignee a person or a system, or empty
         * @return this builder
         */
        public Builder assignee(Optional<Party> assignee) {
            this.assignee = assignee.orElse(null);
            return this;
        }

        /**
         * Sets or clears the assignment group.
         *
         * @param group a group, or empty
         * @return this builder
         */
        public Builder assignmentGroup(Optional<Party> group) {
            this.assignmentGroup = group.orElse(null);
            return this;
        }

        /**
         * Sets or clears the affected service.
         *
         * @param service the service, or empty
         * @return this builder
         */
        public Builder service(Optional<ServiceId> service) {
            this.service = service.orElse(null);
            return this;
        }

        /**
         * Sets the affected configuration items.
         *
         * @param items the items; duplicates are dropped and the rest kept in id order
         * @return this builder
         */
        public Builder configurationItems(java.util.Collection<ConfigurationItemId> items) {
            this.configurationItems = List.copyOf(items);
            this.configurationItemsNormal = false;
            return this;
        }

        /**
         * Sets the custom fields.
         *
         * @param customFields the fields
         * @return this builder
         */
        public Builder customFields(CustomFields customFields) {
            this.customFields = requireNonNull(customFields, "customFields");
            return this;
        }

        /**
         * Sets the details of the ticket's kind.
         *
         * @param details details of the same kind as the ticket
         * @return this builder
         */
        public Builder details(TicketDetails details) {
            this.details = requireNonNull(details, "details");
            return this;
        }

        /**
         * Sets one field by name, as a field-change event does: a built-in field or a custom field.
         *
         * @param name the field's name
         * @param value the new value, or empty to remove it
         * @return this builder
         * @throws ValidationException if the ticket's kind has no such built-in field, or the value
         *     is of the wrong type for it, or a required built-in field would be removed
         */
        public Builder field(String name, Optional<FieldValue> value) {
            requireNonNull(name, "name");
            requireNonNull(value, "value");
            Optional<TicketField> builtIn = TicketField.byName(name);
            if (builtIn.isPresent()) {
                TicketFields.write(this, builtIn.get(), value);
            } else {
                customFields = value.isPresent() ? customFields.with(name, value.get()) : customFields.without(name);
            }
            return this;
        }

        /**
         * Sets the links.
         *
         * @param links the links, in order
         * @return this builder
         */
        public Builder links(List<Link> links) {
            this.links = AppendOnlyList.copyOf(links);
            return this;
        }

        /**
         * Sets the journal.
         *
         * @param journal the entries, oldest first
         * @return this builder
         */
        public Builder journal(List<JournalEntry> journal) {
            this.journal = AppendOnlyList.copyOf(journal);
            return this;
        }

        /**
         * Sets the approvals.
         *
         * @param approvals the approvals, in the order asked
         * @return this builder
         */
        public Builder approvals(List<Approval> approvals) {
            this.approvals = AppendOnlyList.copyOf(approvals);
            return this;
        }

        /**
         * Sets when the ticket was created; also sets the update time if none was set.
         *
         * @param createdAt the instant
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = requireNonNull(createdAt, "createdAt");
            if (updatedAt == null) {
                updatedAt = createdAt;
            }
            return this;
        }

        /**
         * Sets when the ticket last changed.
         *
         * @param updatedAt the instant, not before creation
         * @return this builder
         */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = requireNonNull(updatedAt, "updatedAt");
            return this;
        }

        /**
         * Sets or clears when the ticket was resolved.
         *
         * @param resolvedAt the instant, or empty
         * @return this builder
         */
        public Builder resolvedAt(Optional<Instant> resolvedAt) {
            this.resolvedAt = resolvedAt.orElse(null);
            return this;
        }

        /**
         * Sets or clears when the ticket was closed.
         *
         * @param closedAt the instant, or empty
         * @return this builder
         */
        public Builder closedAt(Optional<Instant> closedAt) {
            this.closedAt = closedAt.orElse(null);
            return this;
        }

        /**
         * Sets the version of the snapshot.
         *
         * @param version 1 or more
         * @return this builder
         */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /**
         * Returns the kind of ticket being built.
         *
         * @return the kind of the number
         */
        public TicketKind kind() {
            return number.kind();
        }

        /**
         * Returns the details being built, for changes of one of their values.
         *
         * @return the current details
         */
        public TicketDetails details() {
            return details;
        }

        /**
         * Builds the ticket, checking every rule.
         *
         * @return the ticket
         * @throws ValidationException listing every rule broken, with its path and value
         */
        public Ticket build() {
            Problems problems = new Problems();
            // Texts are scanned in full; one that is the very string of the ticket this builder came
            // from passed the same check then (a comment does not rescan a long description).
            Ticket from = source;
            if (from == null || title != from.title) {
                Texts.checkLine(problems, "title", title, Texts.MAX_TITLE, true);
            }
            if (from == null || description != from.description) {
                Texts.checkText(problems, "description", description, Texts.MAX_TEXT, false);
            }
            problems.present(state, "state");
            problems.present(requester, "requester");
            if (from == null || category != from.seldom.category) {
                Texts.checkLine(problems, "category", category, 100, false);
            }
            if (category != null) {
                problems.require(!category.isBlank(), "category", category, "must not be blank; clear it instead");
            }
            if (priorityOverrideReason != null && (from == null || priorityOverrideReason != from.seldom.priorityOverrideReason)) {
                Texts.checkLine(problems, "priorityOverrideReason", priorityOverrideReason, Texts.MAX_LINE, true);
            }
            // Every check below builds its message only when it fails: build() runs for every event applied.
            if (details.kind() != number.kind()) {
                problems.add("details", details.kind(), "must be the details of a " + number.kind() + " like the ticket number "
                        + number);
            }
            if (assignee != null) {
                problems.require(assignee.kind() == PartyKind.PERSON || assignee.kind() == PartyKind.SYSTEM, "assignee",
                        assignee, "must be a person or a system");
            }
            if (assignmentGroup != null) {
                problems.require(assignmentGroup.kind() == PartyKind.GROUP, "assignmentGroup", assignmentGroup,
                        "must be a group");
            }
            if (from == null || details != from.details) {
                checkDetails(problems);
            }
            checkLinks(problems);
            if (from == null || customFields != from.seldom.customFields) {
                for (String name : customFields.asMap().keySet()) {
                    if (TicketField.isReserved(name)) {
                        problems.add("customFields." + name, name,
                                "is the name of a built-in field; a custom field needs another name");
                    }
                }
            }
            // Entries the ticket this builder came from held were checked against the same createdAt.
            int checked = journal.extendsList(checkedJournal) && Objects.equals(createdAt, checkedCreatedAt)
                    ? checkedJournal.size() : 0;
            for (int i = checked; i < journal.size(); i++) {
                if (createdAt != null && journal.get(i).at().isBefore(createdAt)) {
                    problems.add("journal[" + i + "].at", journal.get(i).at(), "must not be before the ticket was created ("
                            + createdAt + ")");
                }
            }
            if (problems.present(createdAt, "createdAt") && problems.present(updatedAt, "updatedAt")) {
                if (updatedAt.isBefore(createdAt)) {
                    problems.add("updatedAt", updatedAt, "must not be before createdAt (" + createdAt + ")");
                }
                if (resolvedAt != null && resolvedAt.isBefore(createdAt)) {
                    problems.add("resolvedAt", resolvedAt, "must not be before createdAt (" + createdAt + ")");
                }
                if (closedAt != null && closedAt.isBefore(createdAt)) {
                    problems.add("closedAt", closedAt, "must not be before createdAt (" + createdAt + ")");
                }
            }
            problems.require(version >= 1, "version", version, "must be 1 or more");
            if (!problems.isEmpty()) {
                problems.throwIfAny("ticket " + number + " of tenant " + tenant.value());
            }
            return new Ticket(this);
        }

        private void checkDetails(Problems problems) {
            if (details instanceof IncidentDetails d) {
                d.resolutionCode().ifPresent(v -> Texts.checkLine(problems, "resolutionCode", v, 100, true));
                d.resolutionNotes().ifPresent(v -> Texts.checkText(problems, "resolutionNotes", v, Texts.MAX_TEXT, true));
            } else if (details instanceof ProblemDetails d) {
                d.rootCause().ifPresent(v -> Texts.checkText(problems, "rootCause", v, Texts.MAX_TEXT, true));
                d.workaround().ifPresent(v -> Texts.checkText(problems, "workaround", v, Texts.MAX_TEXT, true));
            } else if (details instanceof ChangeDetails d) {
                d.implementationPlan().ifPresent(v -> Texts.checkText(problems, "implementationPlan", v, Texts.MAX_TEXT, true));
                d.backoutPlan().ifPresent(v -> Texts.checkText(problems, "backoutPlan", v, Texts.MAX_TEXT, true));
                List<String> criteria = d.acceptanceCriteria();
                for (int i = 0; i < criteria.size(); i++) {
                    Texts.checkLine(problems, "acceptanceCriteria[" + i + "]", criteria.get(i), Texts.MAX_LINE, true);
                }
            }
        }

        private void checkLinks(Problems problems) {
            // Links the ticket this builder came from held were checked (tenant, id and number never change).
            int checked = links.extendsList(checkedLinks) ? checkedLinks.size() : 0;
            if (checked == links.size()) {
                return;
            }
            Set<Link> seen = new HashSet<>(links.subList(0, checked));
            for (int i = checked; i < links.size(); i++) {
                Link link = links.get(i);
                TicketRef target = link.target();
                if (!target.tenant().equals(tenant)) {
                    problems.add("links[" + i + "].target", target, "must be a ticket of the same tenant (" + tenant.value() + ")");
                }
                if (target.id().equals(id)) {
                    problems.add("links[" + i + "].target", target, "must be another ticket than " + number);
                }
                if (!link.type().allows(number.kind(), target.kind())) {
                    problems.add("links[" + i + "].type", link.type(), "is not allowed from a " + number.kind() + " to a "
                            + target.kind() + "; allowed: " + LinkType.allowedBetween(number.kind(), target.kind()));
                }
                if (!seen.add(link)) {
                    problems.add("links[" + i + "]", link, "appears twice");
                }
            }
        }
    }
}
