/**
 * The in-memory default of the persistence SPI: {@link dev.itsmkit.persistence.memory.InMemoryStores}.
 */
@NullMarked
package dev.itsmkit.persistence.memory;

import org.jspecify.annotations.NullMarked;
