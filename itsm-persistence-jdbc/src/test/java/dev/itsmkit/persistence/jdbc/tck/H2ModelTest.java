package dev.itsmkit.persistence.jdbc.tck;

import dev.itsmkit.persistence.jdbc.Backend;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.tck.ModelContract;

class H2ModelTest extends ModelContract {
    @Override
    protected Stores createStores() {
        return Backend.H2.freshStores(getClass().getSimpleName());
    }

    @Override
    protected int examples() {
        return 60;
    }
}
