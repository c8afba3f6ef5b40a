package dev.itsmkit.core.cmdb;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.internal.Identifiers;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A service one tenant provides to its customers: its name, who owns it, where it stands in the
 * portfolio, how critical it is, the business calendar its service levels are measured in, and the
 * configuration items that support it. A service is impacted when one of those items is (see
 * {@link ConfigurationModel#impactedServices(ConfigurationItemId)}).
 *
 * <p>Immutable and thread-safe; build one with {@link #builder(TenantId, ServiceId)}.
 */
public final class Service {
    private final TenantId tenant;
    private final ServiceId id;
    private final String name;
    private final String description;
    private final Party owner;
    private final ServiceStatus status;
    private final ServiceCriticality criticality;
    private final Optional<String> calendar;
    private final Set<ConfigurationItemId> supportedBy;

    private Service(Builder b) {
        this.tenant = b.tenant;
        this.id = b.id;
        this.name = CmdbChecks.required("service " + b.id, "a name", b.name);
        this.description = b.description;
        this.owner = CmdbChecks.required("service " + b.id, "an owner", b.owner);
        this.status = b.status;
        this.criticality = b.criticality;
        this.calendar = Optional.ofNullable(b.calendar);
        this.supportedBy = Collections.unmodifiableSet(new LinkedHashSet<>(b.supportedBy));
    }

    /**
     * Starts a service.
     *
     * @param tenant the tenant that provides it
     * @param id its id within the tenant
     * @return a builder; a name and an owner must be set before {@link Builder#build()}
     */
    public static Builder builder(TenantId tenant, ServiceId id) {
        return new Builder(requireNonNull(tenant, "tenant"), requireNonNull(id, "id"));
    }

    /**
     * Returns a builder holding this service, to derive a changed one.
     *
     * @return a builder with every property of this service
     */
    public Builder toBuilder() {
        Builder b = new Builder(tenant, id);
        b.name = name;
        b.description = description;
        b.owner = owner;
        b.status = status;
        b.criticality = criticality;
        b.calendar = calendar.orElse(null);
        b.supportedBy.addAll(supportedBy);
        return b;
    }

    /**
     * Returns the tenant that provides the service.
     *
     * @return the tenant
     */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * Returns the service's id.
     *
     * @return the id, unique within the tenant
     */
    public ServiceId id() {
        return id;
    }

    /**
     * Returns the service's name.
     *
     * @return a non-blank name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the service's description.
     *
     * @return the description; empty if none was given
     */
    public String description() {
        return description;
    }

    /**
     * Returns who is accountable for the service.
     *
     * @return the owner
     */
    public Party owner() {
        return owner;
    }

    /**
     * Returns where the service stands in the portfolio.
     *
     * @return the status
     */
    public ServiceStatus status() {
        return status;
    }

    /**
     * Returns how much the business relies on the service.
     *
     * @return the criticality
     */
    public ServiceCriticality criticality() {
        return criticality;
    }

    /**
     * Returns the name of the business calendar the service's levels are measured in; the SLA
     * module resolves the name.
     *
     * @return the calendar's name, or empty to use the tenant's default calendar
     */
    public Optional<String> calendar() {
        return calendar;
    }

    /**
     * Returns the configuration items that support the service: if one of them is impacted, so is
     * the service.
     *
     * @return an unmodifiable set in the order given
     */
    public Set<ConfigurationItemId> supportedBy() {
        return supportedBy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Service other && tenant.equals(other.tenant) && id.equals(other.id)
                && name.equals(other.name) && description.equals(other.description)
                && owner.equals(other.owner) && status == other.status && criticality == other.criticality
                && calendar.equals(other.calendar) && supportedBy.equals(other.supportedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, id, name, description, owner, status, criticality, calendar, supportedBy);
    }

    @Override
    public String toString() {
        return "Service[" + tenant + "/" + id + " '" + name + "' " + status + " " + criticality + " owner=" + owner
                + calendar.map(c -> " calendar=" + c).orElse("") + " supportedBy=" + supportedBy + "]";
    }

    /** Collects the properties of a {@link Service}; not thread-safe. */
    public static final class Builder {
        private final TenantId tenant;
        private final ServiceId id;
        private @Nullable String name;
        private String description = "";
        private @Nullable Party owner;
        private ServiceStatus status = ServiceStatus.LIVE;
        private ServiceCriticality criticality = ServiceCriticality.MEDIUM;
        private @Nullable String calendar;
        private final Set<ConfigurationItemId> supportedBy = new LinkedHashSet<>();

        private Builder(TenantId tenant, ServiceId id) {
            this.tenant = tenant;
            this.id = id;
        }

        /**
         * Sets the name.
         *
         * @param name a non-blank name
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is blank
         */
        public Builder name(String name) {
            this.name = CmdbChecks.name("service " + id, name);
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description any text; empty by default
         * @return this builder
         */
        public Builder description(String description) {
            this.description = requireNonNull(description, "description");
            return this;
        }

        /**
         * Sets who is accountable for the service.
         *
         * @param owner the owner, usually a person or a group
         * @return this builder
         */
        public Builder owner(Party owner) {
            this.owner = requireNonNull(owner, "owner");
            return this;
        }

        /**
         * Sets where the service stands in the portfolio.
         *
         * @param status the status; {@link ServiceStatus#LIVE} by default
         * @return this builder
         */
        public Builder status(ServiceStatus status) {
            this.status = requireNonNull(status, "status");
            return this;
        }

        /**
         * Sets how much the business relies on the service.
         *
         * @param criticality the criticality; {@link ServiceCriticality#MEDIUM} by default
         * @return this builder
         */
        public Builder criticality(ServiceCriticality criticality) {
            this.criticality = requireNonNull(criticality, "criticality");
            return this;
        }

        /**
         * Sets the business calendar the service's levels are measured in.
         *
         * @param calendar the calendar's name, an identifier (letters, digits and {@code . _ : @ -});
         *     by default none, meaning the tenant's default calendar
         * @return this builder
         * @throws IllegalArgumentException if {@code calendar} is not a valid identifier
         */
        public Builder calendar(String calendar) {
            this.calendar = Identifiers.check("calendar name", calendar);
            return this;
        }

        /**
         * Adds configuration items that support the service.
         *
         * @param items the items' ids; adding one twice has no effect
         * @return this builder
         */
        public Builder supportedBy(Collection<ConfigurationItemId> items) {
            items.forEach(item -> supportedBy.add(requireNonNull(item, "item")));
            return this;
        }

        /**
         * Adds configuration items that support the service.
         *
         * @param items the items' ids; adding one twice has no effect
         * @return this builder
         */
        public Builder supportedBy(ConfigurationItemId... items) {
            return supportedBy(Arrays.asList(items));
        }

        /**
         * Builds the service.
         *
         * @return the service
         * @throws IllegalStateException if no name or no owner was set
         */
        public Service build() {
            return new Service(this);
        }
    }
}
