package dev.itsmkit.persistence.jdbc.tck;

import dev.itsmkit.persistence.jdbc.Backend;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.tck.LoadForCommandContract;

class H2LoadForCommandTest extends LoadForCommandContract {
    @Override
    protected Stores createStores() {
        return Backend.H2.freshStores(getClass().getSimpleName());
    }
}
