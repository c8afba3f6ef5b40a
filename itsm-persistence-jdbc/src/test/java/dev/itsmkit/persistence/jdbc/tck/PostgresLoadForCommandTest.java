package dev.itsmkit.persistence.jdbc.tck;

import dev.itsmkit.persistence.jdbc.Backend;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.tck.LoadForCommandContract;

class PostgresLoadForCommandTest extends LoadForCommandContract {
    @Override
    protected Stores createStores() {
        return Backend.POSTGRESQL.freshStores(getClass().getSimpleName());
    }
}
