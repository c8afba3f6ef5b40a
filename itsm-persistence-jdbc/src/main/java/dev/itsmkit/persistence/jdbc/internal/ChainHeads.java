package dev.itsmkit.persistence.jdbc.internal;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last committed event (sequence and hash) of recently written or read audit trails, so that the next
 * unit of work of a ticket chains its first event without reading the trail's head first. Sound because a
 * trail only grows: a committed event never changes, and an event taken by another node meanwhile makes
 * the insert of the same sequence fail on the primary key. Only committed facts are kept (never what a
 * transaction of the application wrote, which may still roll back). A hash map cleared when it holds
 * {@value #MAX} heads: a miss costs one read, never a wrong chain.
 */
final class ChainHeads {
    static final int MAX = 65_536;

    /** The last event of a trail. */
    record Head(long sequence, String hash) {}

    private final ConcurrentHashMap<String, Head> heads = new ConcurrentHashMap<>();

    private static String key(TenantId tenant, TicketId ticket) {
        return tenant.value() + '\u0000' + ticket.value();
    }

    Optional<Head> get(TenantId tenant, TicketId ticket) {
        return Optional.ofNullable(heads.get(key(tenant, ticket)));
    }

    void remember(TenantId tenant, TicketId ticket, long sequence, String hash) {
        if (heads.size() >= MAX) {
            heads.clear();
        }
        // the latest call wins, even with a lower sequence: a head that is not the trail's is a miss, never a wrong chain,
        // while keeping the highest could keep a head of rows deleted since (a trail rebuilt under the same id)
        heads.put(key(tenant, ticket), new Head(sequence, hash));
    }

    void forget(TenantId tenant, TicketId ticket) {
        heads.remove(key(tenant, ticket));
    }
}
