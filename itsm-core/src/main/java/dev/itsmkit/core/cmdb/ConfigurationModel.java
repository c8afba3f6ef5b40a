package dev.itsmkit.core.cmdb;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.CatalogueItemId;
import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Violation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;

/**
 * The services, catalogue items, configuration items and relationships of one tenant, checked to
 * fit together, and the impact analysis they allow: if these items fail, which other items and
 * which services are affected.
 *
 * <p><b>Impact.</b> A failure spreads along each {@link Relationship} from its
 * {@linkplain Relationship#upstream() upstream} end to its {@linkplain Relationship#downstream()
 * downstream} end: if A {@link RelationshipType#DEPENDS_ON DEPENDS_ON}, {@link RelationshipType#RUNS_ON
 * RUNS_ON} or {@link RelationshipType#CONNECTS_TO CONNECTS_TO} B and B fails, A is impacted; if A is
 * {@link RelationshipType#PART_OF PART_OF} B and A fails, B is impacted. It spreads transitively, and
 * stops at items already reached, so cycles of relationships are harmless. A {@link Service} is
 * impacted when one of the items that {@linkplain Service#supportedBy() support} it fails or is
 * impacted. The distance of an impacted item is the least number of relationships the failure
 * crossed to reach it; the distance of a service is the least distance of its failed or impacted
 * supporting items (0 if one of them failed itself).
 *
 * <p><b>Checks.</b> {@link Builder#build()} refuses, with one {@link ValidationException} listing
 * every fault: an item, service or catalogue item of another tenant; a relationship whose source
 * or target is not an item of this model; a service supported by an unknown item; a catalogue item
 * of an unknown service. Ids are unique per tenant, so an id of another tenant's item is unknown
 * here.
 *
 * <p><b>Cost.</b> Building indexes the relationships once by their upstream end, in O(n + r log r)
 * for n items and r relationships. Each impact query is a breadth-first search from the failed
 * items, O(n + r + s) for s services, followed by sorting the result. Immutable and thread-safe;
 * build one with {@link #builder(TenantId)}.
 */
public final class ConfigurationModel {
    private static final Comparator<ConfigurationItemId> BY_ITEM_ID = Comparator.comparing(ConfigurationItemId::value);

    private final TenantId tenant;
    private final Map<ConfigurationItemId, ConfigurationItem> items;
    private final Map<ServiceId, Service> services;
    private final Map<CatalogueItemId, CatalogueItem> catalogueItems;
    private final List<Relationship> relationships;
    /** For each item, the items its failure impacts directly, in id order. */
    private final Map<ConfigurationItemId, List<ConfigurationItemId>> downstreamOf;
    /** For each item, the services it supports, in id order. */
    private final Map<ConfigurationItemId, List<ServiceId>> servicesSupportedBy;

    private ConfigurationModel(Builder b) {
        this.tenant = b.tenant;
        this.items = Collections.unmodifiableMap(new LinkedHashMap<>(b.items));
        this.services = Collections.unmodifiableMap(new LinkedHashMap<>(b.services));
        this.catalogueItems = Collections.unmodifiableMap(new LinkedHashMap<>(b.catalogueItems));
        this.relationships = List.copyOf(b.relationships);
        Map<ConfigurationItemId, List<ConfigurationItemId>> downstream = new HashMap<>();
        for (Relationship r : relationships) {
            downstream.computeIfAbsent(r.upstream(), k -> new ArrayList<>()).add(r.downstream());
        }
        downstream.replaceAll((k, v) -> v.stream().distinct().sorted(BY_ITEM_ID).toList());
        this.downstreamOf = downstream;
        Map<ConfigurationItemId, List<ServiceId>> supported = new HashMap<>();
        for (Service service : services.values()) {
            for (ConfigurationItemId item : service.supportedBy()) {
                supported.computeIfAbsent(item, k -> new ArrayList<>()).add(service.id());
            }
        }
        supported.replaceAll((k, v) -> v.stream().sorted(Comparator.comparing(ServiceId::value)).toList());
        this.servicesSupportedBy = supported;
    }

    /**
     * Starts a model.
     *
     * @param tenant the tenant every element of the model belongs to
     * @return an empty builder
     */
    public static Builder builder(TenantId tenant) {
        return new Builder(requireNonNull(tenant, "tenant"));
    }

    /**
     * Returns a builder holding this model, to derive a changed one.
     *
     * @return a builder with every element of this model
     */
    public Builder toBuilder() {
        Builder b = new Builder(tenant);
        b.items.putAll(items);
        b.services.putAll(services);
        b.catalogueItems.putAll(catalogueItems);
        b.relationships.addAll(relationships);
        return b;
    }

    /**
     * Returns the tenant every element of the model belongs to.
     *
     * @return the tenant
     */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * Returns the configuration items.
     *
     * @return an unmodifiable list in the order added
     */
    public List<ConfigurationItem> items() {
        return List.copyOf(items.values());
    }

    /**
     * Returns one configuration item.
     *
     * @param id the item's id
     * @return the item, or empty if this model has no item with this id
     */
    public Optional<ConfigurationItem> item(ConfigurationItemId id) {
        return Optional.ofNullable(items.get(requireNonNull(id, "id")));
    }

    /**
     * Returns the services.
     *
     * @return an unmodifiable list in the order added
     */
    public List<Service> services() {
        return List.copyOf(services.values());
    }

    /**
     * Returns one service.
     *
     * @param id the service's id
     * @return the service, or empty if this model has no service with this id
     */
    public Optional<Service> service(ServiceId id) {
        return Optional.ofNullable(services.get(requireNonNull(id, "id")));
    }

    /**
     * Returns the catalogue items.
     *
     * @return an unmodifiable list in the order added
     */
    public List<CatalogueItem> catalogueItems() {
        return List.copyOf(catalogueItems.values());
    }

    /**
     * Returns one catalogue item.
     *
     * @param id the catalogue item's id
     * @return the catalogue item, or empty if this model has no catalogue item with this id
     */
    public Optional<CatalogueItem> catalogueItem(CatalogueItemId id) {
        return Optional.ofNullable(catalogueItems.get(requireNonNull(id, "id")));
    }

    /**
     * Returns the relationships.
     *
     * @return an unmodifiable list in the order added, each relationship once
     */
    public List<Relationship> relationships() {
        return relationships;
    }

    /**
     * Returns the relationships one item takes part in.
     *
     * @param id the item's id
     * @return the relationships whose source or target is the item, in the order added
     * @throws IllegalArgumentException if this model has no item with this id
     */
    public List<Relationship> relationshipsOf(ConfigurationItemId id) {
        checkKnown(id);
        return relationships.stream().filter(r -> r.source().equals(id) || r.target().equals(id)).toList();
    }

    /**
     * Returns the items impacted when one item fails.
     *
     * @param failed the item that fails
     * @return every other item the failure reaches, transitively, nearest first and in id order at
     *     equal distance; empty if the failure spreads nowhere
     * @throws IllegalArgumentException if this model has no item with this id
     */
    public List<ConfigurationItemId> impactedItems(ConfigurationItemId failed) {
        return impactedItems(List.of(requireNonNull(failed, "failed")));
    }

    /**
     * Returns the items impacted when several items fail together.
     *
     * @param failed the items that fail
     * @return every item the failures reach, transitively, except the failed items themselves,
     *     nearest (to any failed item) first and in id order at equal distance
     * @throws IllegalArgumentException if this model has no item with one of these ids
     */
    public List<ConfigurationItemId> impactedItems(Collection<ConfigurationItemId> failed) {
        Map<ConfigurationItemId, Integer> distance = spread(failed);
        return distance.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<ConfigurationItemId, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(BY_ITEM_ID)))
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Returns the services impacted when one item fails.
     *
     * @param failed the item that fails
     * @return every service supported by the failed item or by an item its failure reaches,
     *     nearest first and in id order at equal distance (see the class comment)
     * @throws IllegalArgumentException if this model has no item with this id
     */
    public List<ServiceId> impactedServices(ConfigurationItemId failed) {
        return impactedServices(List.of(requireNonNull(failed, "failed")));
    }

    /**
     * Returns the services impacted when several items fail together.
     *
     * @param failed the items that fail
     * @return every service supported by a failed item or by an item the failures reach, nearest
     *     first and in id order at equal distance (see the class comment)
     * @throws IllegalArgumentException if this model has no item with one of these ids
     */
    public List<ServiceId> impactedServices(Collection<ConfigurationItemId> failed) {
        Map<ConfigurationItemId, Integer> distance = spread(failed);
        Map<ServiceId, Integer> serviceDistance = new HashMap<>();
        distance.forEach((item, d) -> servicesSupportedBy.getOrDefault(item, List.of())
                .forEach(service -> serviceDistance.merge(service, d, Math::min)));
        return serviceDistance.entrySet().stream()
                .sorted(Map.Entry.<ServiceId, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.comparing(ServiceId::value))))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Breadth-first search from the failed items: the distance of every item reached, 0 for the failed. */
    private Map<ConfigurationItemId, Integer> spread(Collection<ConfigurationItemId> failed) {
        Map<ConfigurationItemId, Integer> distance = new HashMap<>();
        Queue<ConfigurationItemId> queue = new ArrayDeque<>();
        for (ConfigurationItemId item : List.copyOf(failed)) {
            checkKnown(item);
            if (distance.putIfAbsent(item, 0) == null) {
                queue.add(item);
            }
        }
        while (!queue.isEmpty()) {
            ConfigurationItemId item = queue.remove();
            int next = distance.get(item) + 1;
            for (ConfigurationItemId impacted : downstreamOf.getOrDefault(item, List.of())) {
                if (distance.putIfAbsent(impacted, next) == null) {
                    queue.add(impacted);
                }
            }
        }
        return distance;
    }

    private void checkKnown(ConfigurationItemId id) {
        if (!items.containsKey(requireNonNull(id, "id"))) {
            throw new IllegalArgumentException("'" + id + "' is not a configuration item of tenant " + tenant
                    + "; this model holds " + items.size() + " items");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigurationModel other && tenant.equals(other.tenant) && items.equals(other.items)
                && services.equals(other.services) && catalogueItems.equals(other.catalogueItems)
                && relationships.equals(other.relationships);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(tenant, items, services, catalogueItems, relationships);
    }

    @Override
    public String toString() {
        return "ConfigurationModel[" + tenant + ": " + items.size() + " items, " + relationships.size()
                + " relationships, " + services.size() + " services, " + catalogueItems.size()
                + " catalogue items]";
    }

    /**
     * Collects the elements of a {@link ConfigurationModel}; not thread-safe. Adding an element whose
     * id is already present replaces the earlier one; adding a relationship twice has no effect.
     * Nothing is checked until {@link #build()}, which checks everything at once.
     */
    public static final class Builder {
        private final TenantId tenant;
        private final Map<ConfigurationItemId, ConfigurationItem> items = new LinkedHashMap<>();
        private final Map<ServiceId, Service> services = new LinkedHashMap<>();
        private final Map<CatalogueItemId, CatalogueItem> catalogueItems = new LinkedHashMap<>();
        private final Set<Relationship> relationships = new LinkedHashSet<>();

        private Builder(TenantId tenant) {
            this.tenant = tenant;
        }

        /**
         * Adds or replaces configuration items.
         *
         * @param items the items
         * @return this builder
         */
        public Builder items(Collection<ConfigurationItem> items) {
            items.forEach(this::item);
            return this;
        }

        /**
         * Adds or replaces a configuration item.
         *
         * @param item the item
         * @return this builder
         */
        public Builder item(ConfigurationItem item) {
            items.put(requireNonNull(item, "item").id(), item);
            return this;
        }

        /**
         * Removes a configuration item and every relationship it takes part in. Services that list
         * it as supporting them must be changed too, or {@link #build()} refuses them.
         *
         * @param id the item's id
         * @return this builder
         */
        public Builder removeItem(ConfigurationItemId id) {
            requireNonNull(id, "id");
            items.remove(id);
            relationships.removeIf(r -> r.source().equals(id) || r.target().equals(id));
            return this;
        }

        /**
         * Adds relationships.
         *
         * @param relationships the relationships
         * @return this builder
         */
        public Builder relationships(Collection<Relationship> relationships) {
            relationships.forEach(this::relationship);
            return this;
        }

        /**
         * Adds a relationship.
         *
         * @param relationship the relationship
         * @return this builder
         */
        public Builder relationship(Relationship relationship) {
            relationships.add(requireNonNull(relationship, "relationship"));
            return this;
        }

        /**
         * Adds the relationship "source type target".
         *
         * @param source the item the sentence is about
         * @param type how the source relates to the target
         * @param target the item the source relates to
         * @return this builder
         * @throws IllegalArgumentException if {@code source} and {@code target} are the same item
         */
        public Builder relationship(ConfigurationItemId source, RelationshipType type, ConfigurationItemId target) {
            return relationship(new Relationship(source, type, target));
        }

        /**
         * Removes a relationship.
         *
         * @param relationship the relationship; removing one that is absent has no effect
         * @return this builder
         */
        public Builder removeRelationship(Relationship relationship) {
            relationships.remove(requireNonNull(relationship, "relationship"));
            return this;
        }

        /**
         * Adds or replaces a service.
         *
         * @param service the service
         * @return this builder
         */
        public Builder service(Service service) {
            services.put(requireNonNull(service, "service").id(), service);
            return this;
        }

        /**
         * Adds or replaces a catalogue item.
         *
         * @param catalogueItem the catalogue item
         * @return this builder
         */
        public Builder catalogueItem(CatalogueItem catalogueItem) {
            catalogueItems.put(requireNonNull(catalogueItem, "catalogueItem").id(), catalogueItem);
            return this;
        }

        /**
         * Builds the model, checking that everything belongs to its tenant and every reference
         * resolves.
         *
         * @return the model
         * @throws ValidationException listing every fault: an element of another tenant (path such as
         *     {@code items[web-01].tenant}), a relationship end that is not an item of the model
         *     ({@code relationships[3].target}, counting from 0 in the order added), a service
         *     supported by an unknown item ({@code services[mail].supportedBy}), a catalogue item of
         *     an unknown service ({@code catalogueItems[laptop].service})
         */
        public ConfigurationModel build() {
            List<Violation> violations = new ArrayList<>();
            items.values().stream().filter(i -> !i.tenant().equals(tenant)).forEach(i ->
                    violations.add(otherTenant("items[" + i.id() + "].tenant", i.tenant(), "configuration item")));
            services.values().stream().filter(s -> !s.tenant().equals(tenant)).forEach(s ->
                    violations.add(otherTenant("services[" + s.id() + "].tenant", s.tenant(), "service")));
            catalogueItems.values().stream().filter(c -> !c.tenant().equals(tenant)).forEach(c ->
                    violations.add(otherTenant("catalogueItems[" + c.id() + "].tenant", c.tenant(), "catalogue item")));
            int index = 0;
            for (Relationship r : relationships) {
                checkEnd(violations, "relationships[" + index + "].source", r.source(), r);
                checkEnd(violations, "relationships[" + index + "].target", r.target(), r);
                index++;
            }
            for (Service service : services.values()) {
                for (ConfigurationItemId item : service.supportedBy()) {
                    if (!isOwnItem(item)) {
                        violations.add(new Violation("services[" + service.id() + "].supportedBy", item.value(),
                                "is not a configuration item of tenant " + tenant + "; a service is supported"
                                        + " only by items of the model"));
                    }
                }
            }
            for (CatalogueItem catalogueItem : catalogueItems.values()) {
                Service service = services.get(catalogueItem.service());
                if (service == null || !service.tenant().equals(tenant)) {
                    violations.add(new Violation("catalogueItems[" + catalogueItem.id() + "].service",
                            catalogueItem.service().value(), "is not a service of tenant " + tenant
                                    + "; the known services are " + services.keySet()));
                }
            }
            if (!violations.isEmpty()) {
                throw new ValidationException("configuration model of tenant " + tenant, violations);
            }
            return new ConfigurationModel(this);
        }

        private boolean isOwnItem(ConfigurationItemId id) {
            ConfigurationItem item = items.get(id);
            return item != null && item.tenant().equals(tenant);
        }

        private void checkEnd(List<Violation> violations, String path, ConfigurationItemId end, Relationship r) {
            if (!isOwnItem(end)) {
                violations.add(new Violation(path, end.value(), "is not a configuration item of tenant " + tenant
                        + ", in the relationship '" + r + "'; add the item first"));
            }
        }

        private Violation otherTenant(String path, TenantId other, String what) {
            return new Violation(path, other.value(), "belongs to another tenant; every " + what
                    + " of this model belongs to tenant " + tenant);
        }
    }
}
