package dev.itsmkit.persistence.tck.memory;

import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.tck.ModelContract;

class InMemoryModelTest extends ModelContract {
    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
