package dev.itsmkit.core.cmdb;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.CustomFields;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.TenantId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A component that must be managed to deliver a service (ITIL 4: configuration item): a server, a
 * virtual machine, a database, an application, a network device. Its {@link Relationship}s to other
 * items, gathered in a {@link ConfigurationModel}, tell what is impacted when it fails.
 *
 * <p>Attributes (serial number, IP address, version, ...) are typed {@link CustomFields}; which
 * attributes a type of item has is the tenant's choice, checked if the tenant wishes with a
 * {@link dev.itsmkit.core.FieldSchema}.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder(TenantId, ConfigurationItemId)}.
 */
public final class ConfigurationItem {
    private final TenantId tenant;
    private final ConfigurationItemId id;
    private final String name;
    private final ConfigurationItemType type;
    private final ConfigurationItemStatus status;
    private final CustomFields attributes;

    private ConfigurationItem(Builder b) {
        this.tenant = b.tenant;
        this.id = b.id;
        this.name = CmdbChecks.required("configuration item " + b.id, "a name", b.name);
        this.type = CmdbChecks.required("configuration item " + b.id, "a type", b.type);
        this.status = b.status;
        this.attributes = b.attributes;
    }

    /**
     * Starts a configuration item.
     *
     * @param tenant the tenant that owns it
     * @param id its id within the tenant
     * @return a builder; a name and a type must be set before {@link Builder#build()}
     */
    public static Builder builder(TenantId tenant, ConfigurationItemId id) {
        return new Builder(requireNonNull(tenant, "tenant"), requireNonNull(id, "id"));
    }

    /**
     * Returns a builder holding this item, to derive a changed one.
     *
     * @return a builder with every property of this item
     */
    public Builder toBuilder() {
        Builder b = new Builder(tenant, id);
        b.name = name;
        b.type = type;
        b.status = status;
        b.attributes = attributes;
        return b;
    }

    /**
     * Returns the tenant that owns the item.
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
    public ConfigurationItemId id() {
        return id;
    }

    /**
     * Returns the item's name.
     *
     * @return a non-blank name, for example a host name
     */
    public String name() {
        return name;
    }

    /**
     * Returns what kind of thing the item is.
     *
     * @return the type
     */
    public ConfigurationItemType type() {
        return type;
    }

    /**
     * Returns where the item stands in its lifecycle.
     *
     * @return the status
     */
    public ConfigurationItemStatus status() {
        return status;
    }

    /**
     * Returns the item's attributes.
     *
     * @return typed values by attribute name; {@link CustomFields#EMPTY} if none were given
     */
    public CustomFields attributes() {
        return attributes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigurationItem other && tenant.equals(other.tenant) && id.equals(other.id)
                && name.equals(other.name) && type.equals(other.type) && status == other.status
                && attributes.equals(other.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, id, name, type, status, attributes);
    }

    @Override
    public String toString() {
        return "ConfigurationItem[" + tenant + "/" + id + " '" + name + "' " + type + " " + status
                + (attributes.isEmpty() ? "" : " " + attributes) + "]";
    }

    /** Collects the properties of a {@link ConfigurationItem}; not thread-safe. */
    public static final class Builder {
        private final TenantId tenant;
        private final ConfigurationItemId id;
        private @Nullable String name;
        private @Nullable ConfigurationItemType type;
        private ConfigurationItemStatus status = ConfigurationItemStatus.OPERATIONAL;
        private CustomFields attributes = CustomFields.EMPTY;

        private Builder(TenantId tenant, ConfigurationItemId id) {
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
            this.name = CmdbChecks.name("configuration item " + id, name);
            return this;
        }

        /**
         * Sets what kind of thing the item is.
         *
         * @param type the type
         * @return this builder
         */
        public Builder type(ConfigurationItemType type) {
            this.type = requireNonNull(type, "type");
            return this;
        }

        /**
         * Sets where the item stands in its lifecycle.
         *
         * @param status the status; {@link ConfigurationItemStatus#OPERATIONAL} by default
         * @return this builder
         */
        public Builder status(ConfigurationItemStatus status) {
            this.status = requireNonNull(status, "status");
            return this;
        }

        /**
         * Sets all attributes, replacing any set before.
         *
         * @param attributes the attributes; {@link CustomFields#EMPTY} by default
         * @return this builder
         */
        public Builder attributes(CustomFields attributes) {
            this.attributes = requireNonNull(attributes, "attributes");
            return this;
        }

        /**
         * Sets one attribute, replacing its earlier value.
         *
         * @param name the attribute's name, an identifier (letters, digits and {@code . _ : @ -})
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is not a valid identifier
         */
        public Builder attribute(String name, FieldValue value) {
            this.attributes = attributes.with(name, value);
            return this;
        }

        /**
         * Builds the item.
         *
         * @return the item
         * @throws IllegalStateException if no name or no type was set
         */
        public ConfigurationItem build() {
            return new ConfigurationItem(this);
        }
    }
}
