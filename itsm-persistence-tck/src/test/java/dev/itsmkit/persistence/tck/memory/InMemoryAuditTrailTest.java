package dev.itsmkit.persistence.tck.memory;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.tck.AuditTrailContract;
import dev.itsmkit.persistence.tck.StorageTampering;

class InMemoryAuditTrailTest extends AuditTrailContract {
    /**
     * Why the in-memory store offers only one edit: its records live in this JVM's heap, reachable only through the
     * SPI and the one test hook of {@link InMemoryStores}, which replaces an event; no storage outside the process
     * exists in which someone could delete a record or edit a hash.
     */
    private static final String HEAP_ONLY = "the in-memory store's records live only in the JVM's heap; its one test hook"
            + " replaces an event, and no storage outside the process exists in which to delete a record or edit a hash";

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }

    @Override
    protected StorageTampering tampering() {
        InMemoryStores memory = (InMemoryStores) stores;
        return new StorageTampering() {
            @Override
            public void replaceEvent(TenantId tenant, TicketId ticket, long sequence, TicketEvent forged) {
                if (!memory.tamperWithStoredEventForTesting(tenant, ticket, sequence, forged)) {
                    throw new AssertionError("no event " + sequence + " of " + ticket + " to tamper with");
                }
            }

            @Override
            public void deleteEvent(TenantId tenant, TicketId ticket, long sequence) {
                throw new UnsupportedOperationException(HEAP_ONLY);
            }

            @Override
            public void replaceStoredHash(TenantId tenant, TicketId ticket, long sequence, String forgedHash) {
                throw new UnsupportedOperationException(HEAP_ONLY);
            }
        };
    }
}
