package dev.itsmkit.persistence.jdbc.tck;

import dev.itsmkit.persistence.jdbc.Backend;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.tck.AuditTrailContract;
import dev.itsmkit.persistence.tck.StorageTampering;

class PostgresAuditTrailTest extends AuditTrailContract {
    @Override
    protected Stores createStores() {
        return Backend.POSTGRESQL.freshStores(getClass().getSimpleName());
    }

    @Override
    protected StorageTampering tampering() {
        return new Tampering(Backend.POSTGRESQL, Backend.POSTGRESQL.database(getClass().getSimpleName()));
    }
}
