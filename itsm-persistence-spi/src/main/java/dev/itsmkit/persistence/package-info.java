/**
 * The persistence and notification SPI of ITSM Kit: stores, the unit of work, the outbox, and the in-memory default.
 */
@NullMarked
package dev.itsmkit.persistence;

import org.jspecify.annotations.NullMarked;
