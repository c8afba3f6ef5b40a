package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which lifecycle governs which tickets: a default lifecycle per ticket kind (the built-in ITIL
 * lifecycles unless replaced) and, per tenant, the vendor's or customer's own lifecycle for a kind.
 * The {@link ServiceDesk} asks the catalogue on every command, so a lifecycle loaded at runtime
 * governs the next command; a ticket in a state the new lifecycle does not define is refused with
 * {@link RefusalReason#STATE_NOT_IN_LIFECYCLE} until it is moved by a lifecycle that knows its state.
 *
 * <p>Thread-safe: lookups are lock-free reads of concurrent maps, and a replacement is visible to
 * every thread as soon as the method that made it returns.
 */
public final class LifecycleCatalog {
    private final Map<TicketKind, Lifecycle> defaults = new ConcurrentHashMap<>();
    private final Map<TenantId, Map<TicketKind, Lifecycle>> perTenant = new ConcurrentHashMap<>();

    private LifecycleCatalog(Map<TicketKind, Lifecycle> defaults) {
        this.defaults.putAll(defaults);
    }

    /**
     * Returns a catalogue with the built-in ITIL lifecycle of every kind as the default
     * ({@link Lifecycles#itil(TicketKind)}) and no tenant's own lifecycle.
     *
     * @return a new catalogue, independent of any other
     */
    public static LifecycleCatalog itil() {
        Map<TicketKind, Lifecycle> builtIn = new EnumMap<>(TicketKind.class);
        for (TicketKind kind : TicketKind.values()) {
            builtIn.put(kind, Lifecycles.itil(kind));
        }
        return new LifecycleCatalog(builtIn);
    }

    /**
     * Returns the lifecycle that governs a tenant's tickets of a kind: the tenant's own, or else the default.
     *
     * @param tenant the tenant
     * @param kind the ticket kind
     * @return the lifecycle
     */
    public Lifecycle lifecycle(TenantId tenant, TicketKind kind) {
        requireNonNull(tenant, "tenant");
        requireNonNull(kind, "kind");
        Map<TicketKind, Lifecycle> own = perTenant.get(tenant);
        if (own != null) {
            Lifecycle lifecycle = own.get(kind);
            if (lifecycle != null) {
                return lifecycle;
            }
        }
        return requireNonNull(defaults.get(kind), "every kind has a default lifecycle");
    }

    /**
     * Returns the lifecycle a tenant set for a kind, if it set one.
     *
     * @param tenant the tenant
     * @param kind the ticket kind
     * @return the tenant's own lifecycle, or empty if the tenant uses the default
     */
    public Optional<Lifecycle> tenantLifecycle(TenantId tenant, TicketKind kind) {
        requireNonNull(tenant, "tenant");
        requireNonNull(kind, "kind");
        Map<TicketKind, Lifecycle> own = perTenant.get(tenant);
        return own == null ? Optional.empty() : Optional.ofNullable(own.get(kind));
    }

    /**
     * Sets the lifecycle that governs a tenant's tickets of the lifecycle's kind, replacing the
     * tenant's previous one. Nothing is checked against the tickets: one in a state the lifecycle lacks
     * is refused from then on. {@link ServiceDesk#registerLifecycle} checks the tenant's open tickets first.
     *
     * @param tenant the tenant
     * @param lifecycle the lifecycle; its {@link Lifecycle#kind()} says which tickets it governs
     * @return this catalogue
     */
    public LifecycleCatalog register(TenantId tenant, Lifecycle lifecycle) {
        requireNonNull(tenant, "tenant");
        requireNonNull(lifecycle, "lifecycle");
        perTenant.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).put(lifecycle.kind(), lifecycle);
        return this;
    }

    /**
     * Removes a tenant's own lifecycle for a kind, so the default governs its tickets again.
     *
     * @param tenant the tenant
     * @param kind the ticket kind
     * @return {@code true} if the tenant had its own lifecycle for the kind
     */
    public boolean unregister(TenantId tenant, TicketKind kind) {
        requireNonNull(tenant, "tenant");
        requireNonNull(kind, "kind");
        Map<TicketKind, Lifecycle> own = perTenant.get(tenant);
        return own != null && own.remove(kind) != null;
    }

    /**
     * Replaces the default lifecycle of the lifecycle's kind, for every tenant without its own.
     *
     * @param lifecycle the lifecycle
     * @return this catalogue
     */
    public LifecycleCatalog registerDefault(Lifecycle lifecycle) {
        requireNonNull(lifecycle, "lifecycle");
        defaults.put(lifecycle.kind(), lifecycle);
        return this;
    }

    @Override
    public String toString() {
        return "LifecycleCatalog[defaults=" + defaults.values() + ", tenants with their own=" + perTenant.keySet() + "]";
    }
}
