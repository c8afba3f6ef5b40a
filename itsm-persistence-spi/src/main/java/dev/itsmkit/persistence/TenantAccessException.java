package dev.itsmkit.persistence;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.ItsmException;
import dev.itsmkit.core.TenantId;

/**
 * A value of one tenant was handed to the stores of another: a ticket, event, clock, timer or outbox
 * entry whose tenant is not the tenant of the {@linkplain dev.itsmkit.persistence.spi.TenantStores
 * tenant-scoped stores} it was given to. Nothing was written.
 *
 * <p>Reads never throw it: an id that exists only in another tenant is simply not found.
 * Immutable and thread-safe.
 */
// TenantId is a record and not Serializable; these exceptions are never serialized across JVMs.
@SuppressWarnings("serial")
public final class TenantAccessException extends ItsmException {
    private static final long serialVersionUID = 1L;

    private final TenantId scope;
    private final TenantId offered;

    /**
     * Creates the exception.
     *
     * @param scope the tenant whose stores were used
     * @param offered the tenant of the value offered
     * @param what what was offered, for example {@code "ticket INC0000001"}
     */
    public TenantAccessException(TenantId scope, TenantId offered, String what) {
        super("the stores of tenant " + requireNonNull(scope, "scope") + " cannot take " + requireNonNull(what, "what")
                + " of tenant " + requireNonNull(offered, "offered") + "; use the stores of that tenant");
        this.scope = scope;
        this.offered = offered;
    }

    /**
     * Returns the tenant whose stores were used.
     *
     * @return the tenant whose stores were used
     */
    public TenantId scope() {
        return scope;
    }

    /**
     * Returns the tenant of the value that was refused.
     *
     * @return the tenant of the value that was refused
     */
    public TenantId offered() {
        return offered;
    }
}
