package dev.itsmkit.persistence;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of a query's results, in the query's order.
 *
 * @param items the items, copied; at most the limit asked for
 * @param next where the next page starts, empty when the store found no further match
 * @param <T> the type of the items
 */
public record Page<T>(List<T> items, Optional<Cursor> next) {
    /**
     * Creates the value, checking its components.
     *
     * @param items the items, copied
     * @param next where the next page starts, or empty
     */
    public Page {
        items = List.copyOf(items);
        requireNonNull(next, "next");
    }

    /**
     * Returns {@code true} if a further page may hold items.
     *
     * @return {@code true} if a further page may hold items
     */
    public boolean hasNext() {
        return next.isPresent();
    }
}
