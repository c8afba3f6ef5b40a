package dev.itsmkit.persistence.tck.memory;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.tck.AuditTrailContract;
import dev.itsmkit.persistence.tck.StorageTampering;

class InMemoryAuditTrailTest extends AuditTrailContract {
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
                if (!memory.deleteStoredEventForTesting(tenant, ticket, sequence)) {
                    throw new AssertionError("no event " + sequence + " of " + ticket + " to delete");
                }
            }

            @Override
            public void replaceStoredHash(TenantId tenant, TicketId ticket, long sequence, String forgedHash) {
                if (!memory.replaceStoredHashForTesting(tenant, ticket, sequence, forgedHash)) {
                    throw new AssertionError("no event " + sequence + " of " + ticket + " whose hash to replace");
                }
            }
        };
    }
}
