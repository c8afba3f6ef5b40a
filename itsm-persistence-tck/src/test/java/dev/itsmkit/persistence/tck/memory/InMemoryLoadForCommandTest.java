package dev.itsmkit.persistence.tck.memory;

import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.tck.LoadForCommandContract;

class InMemoryLoadForCommandTest extends LoadForCommandContract {
    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
