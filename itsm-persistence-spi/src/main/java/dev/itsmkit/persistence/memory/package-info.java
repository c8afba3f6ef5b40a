/**
 * The in-memory default of the persistence SPI: {@link dev.itsmkit.persistence.memory.InMemoryStores}; and the
 * hierarchical timer wheels that order its due timers, usable on their own:
 * {@link dev.itsmkit.persistence.memory.TimerWheel} (timers named by keys) and
 * {@link dev.itsmkit.persistence.memory.HandleTimerWheel} (timers named by the handles it returns).
 */
@NullMarked
package dev.itsmkit.persistence.memory;

import org.jspecify.annotations.NullMarked;
