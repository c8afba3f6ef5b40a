package dev.itsmkit.persistence.jdbc.internal;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the index rows of recently written tickets hold (their configuration items and field values), by
 * the version written with them, so that an update that leaves them as they were sends no statement for
 * them and hashes no field: most commands (a comment, a transition) change neither. Equal field values
 * (by {@link FieldValue#equals}) have equal hashes, so comparing the values is comparing the rows.
 *
 * <p>Sound because a ticket's index rows change only in the unit of work that writes its snapshot, and an
 * update names the version it replaces: if the database holds that version, it holds the rows written
 * with it (the ones kept here), and if not, the update's version guard fails the whole unit of work. Only
 * committed facts are kept (never what a transaction of the application wrote, which may still roll
 * back). As with {@link ChainHeads}, rows changed behind the stores' back (a table emptied while the
 * stores run) are not seen. A hash map cleared when it holds {@value #MAX} tickets (a few hundred bytes
 * each): a miss costs the statements that replace the rows, never a wrong row.
 */
final class IndexRows {
    static final int MAX = 16_384;

    /**
     * A ticket's index rows as written with one version.
     *
     * @param version the ticket's version
     * @param items its configuration items, distinct, in order
     * @param fields its field values by name, as {@link FieldHashes#values} gives them
     */
    record Written(long version, List<String> items, Map<String, FieldValue> fields) {}

    private final ConcurrentHashMap<String, Written> written = new ConcurrentHashMap<>();

    private static String key(TenantId tenant, TicketId ticket) {
        return tenant.value() + '\u0000' + ticket.value();
    }

    /** What was written with the given version of the ticket, if that is the version kept. */
    Optional<Written> get(TenantId tenant, TicketId ticket, long version) {
        Written w = written.get(key(tenant, ticket));
        return w != null && w.version() == version ? Optional.of(w) : Optional.empty();
    }

    void remember(TenantId tenant, TicketId ticket, Written rows) {
        if (written.size() >= MAX) {
            written.clear();
        }
        written.put(key(tenant, ticket), rows);
    }

    void forget(TenantId tenant, TicketId ticket) {
        written.remove(key(tenant, ticket));
    }
}
