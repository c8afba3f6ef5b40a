package dev.itsmkit.persistence.jdbc.tck;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.persistence.jdbc.Backend;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.tck.AuditTrailContract;

class H2AuditTrailTest extends AuditTrailContract {
    @Override
    protected Stores createStores() {
        return Backend.H2.freshStores(getClass().getSimpleName());
    }

    @Override
    protected void tamperWithStoredEvent(TenantId tenant, TicketId ticket, long sequence, TicketEvent forged) {
        Tampering.replaceEvent(Backend.H2, Backend.H2.database(getClass().getSimpleName()), tenant, ticket, sequence, forged);
    }
}
