package dev.itsmkit.persistence.jdbc.tck;

import dev.itsmkit.persistence.jdbc.Backend;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.tck.AuditTrailContract;
import dev.itsmkit.persistence.tck.StorageTampering;

class H2AuditTrailTest extends AuditTrailContract {
    @Override
    protected Stores createStores() {
        return Backend.H2.freshStores(getClass().getSimpleName());
    }

    @Override
    protected StorageTampering tampering() {
        return new Tampering(Backend.H2, Backend.H2.database(getClass().getSimpleName()));
    }
}
