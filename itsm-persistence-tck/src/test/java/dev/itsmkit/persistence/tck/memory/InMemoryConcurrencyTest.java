package dev.itsmkit.persistence.tck.memory;

import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.tck.ConcurrencyContract;

class InMemoryConcurrencyTest extends ConcurrencyContract {
    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
