package dev.itsmkit.persistence.tck.memory;

import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.tck.TimerClaimsContract;

class InMemoryTimerClaimsTest extends TimerClaimsContract {
    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
