package dev.itsmkit.core.cmdb;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.CatalogueItemId;
import dev.itsmkit.core.FieldSchema;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.TenantId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something users can request from a service through the service catalogue ("a new laptop",
 * "access to the finance share"): the service it belongs to, the request form a requester fills in,
 * and who must approve a request before it is fulfilled.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder(TenantId, CatalogueItemId, ServiceId)}.
 */
public final class CatalogueItem {
    private final TenantId tenant;
    private final CatalogueItemId id;
    private final ServiceId service;
    private final String name;
    private final String description;
    private final FieldSchema requestForm;
    private final RequiredApprovers approval;

    private CatalogueItem(Builder b) {
        this.tenant = b.tenant;
        this.id = b.id;
        this.service = b.service;
        this.name = CmdbChecks.required("catalogue item " + b.id, "a name", b.name);
        this.description = b.description;
        this.requestForm = b.requestForm;
        this.approval = b.approval;
    }

    /**
     * Starts a catalogue item.
     *
     * @param tenant the tenant that offers it
     * @param id its id within the tenant
     * @param service the service it belongs to
     * @return a builder; a name must be set before {@link Builder#build()}
     */
    public static Builder builder(TenantId tenant, CatalogueItemId id, ServiceId service) {
        return new Builder(requireNonNull(tenant, "tenant"), requireNonNull(id, "id"),
                requireNonNull(service, "service"));
    }

    /**
     * Returns a builder holding this item, to derive a changed one.
     *
     * @return a builder with every property of this item
     */
    public Builder toBuilder() {
        Builder b = new Builder(tenant, id, service);
        b.name = name;
        b.description = description;
        b.requestForm = requestForm;
        b.approval = approval;
        return b;
    }

    /**
     * Returns the tenant that offers the item.
     *
     * @return the tenant
     */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * Returns the item's id.
     *
     * @return the id, unique within the tenant
     */
    public CatalogueItemId id() {
        return id;
    }

    /**
     * Returns the service the item belongs to.
     *
     * @return the service's id
     */
    public ServiceId service() {
        return service;
    }

    /**
     * Returns the item's name.
     *
     * @return a non-blank name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the item's description.
     *
     * @return the description; empty if none was given
     */
    public String description() {
        return description;
    }

    /**
     * Returns the form a requester fills in: the custom fields of a request for this item.
     *
     * @return the form's schema; {@link FieldSchema#OPEN} if none was given
     */
    public FieldSchema requestForm() {
        return requestForm;
    }

    /**
     * Returns who must approve a request for this item.
     *
     * @return the requirement; {@link RequiredApprovers#none()} if none was given
     */
    public RequiredApprovers approval() {
        return approval;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CatalogueItem other && tenant.equals(other.tenant) && id.equals(other.id)
                && service.equals(other.service) && name.equals(other.name)
                && description.equals(other.description) && requestForm.equals(other.requestForm)
                && approval.equals(other.approval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, id, service, name, description, requestForm, approval);
    }

    @Override
    public String toString() {
        return "CatalogueItem[" + tenant + "/" + id + " '" + name + "' service=" + service + " approval="
                + approval + " form=" + requestForm + "]";
    }

    /** Collects the properties of a {@link CatalogueItem}; not thread-safe. */
    public static final class Builder {
        private final TenantId tenant;
        private final CatalogueItemId id;
        private final ServiceId service;
        private @Nullable String name;
        private String description = "";
        private FieldSchema requestForm = FieldSchema.OPEN;
        private RequiredApprovers approval = RequiredApprovers.none();

        private Builder(TenantId tenant, CatalogueItemId id, ServiceId service) {
            this.tenant = tenant;
            this.id = id;
            this.service = service;
        }

        /**
         * Sets the name.
         *
         * @param name a non-blank name
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is blank
         */
        public Builder name(String name) {
            this.name = CmdbChecks.name("catalogue item " + id, name);
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
         * Sets the request form.
         *
         * @param requestForm the schema of a request's custom fields; {@link FieldSchema#OPEN} by default
         * @return this builder
         */
        public Builder requestForm(FieldSchema requestForm) {
            this.requestForm = requireNonNull(requestForm, "requestForm");
            return this;
        }

        /**
         * Sets who must approve a request.
         *
         * @param approval the requirement; {@link RequiredApprovers#none()} by default
         * @return this builder
         */
        public Builder approval(RequiredApprovers approval) {
            this.approval = requireNonNull(approval, "approval");
            return this;
        }

        /**
         * Builds the item.
         *
         * @return the item
         * @throws IllegalStateException if no name was set
         */
        public CatalogueItem build() {
            return new CatalogueItem(this);
        }
    }
}
