package dev.itsmkit.persistence.tck.memory;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.tck.AuditTrailContract;

class InMemoryAuditTrailTest extends AuditTrailContract {
    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }

    @Override
    protected void tamperWithStoredEvent(TenantId tenant, TicketId ticket, long sequence, TicketEvent forged) {
        if (!((InMemoryStores) stores).tamperWithStoredEventForTesting(tenant, ticket, sequence, forged)) {
            throw new AssertionError("no event " + sequence + " of " + ticket + " to tamper with");
        }
    }
}
