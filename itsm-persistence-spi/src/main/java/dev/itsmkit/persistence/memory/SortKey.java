package dev.itsmkit.persistence.memory;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.persistence.TicketOrder;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The position of a ticket in one {@link TicketOrder}: two longs and the id as the tie-breaker.
 * For {@code NUMBER} the longs are the kind's ordinal and the sequence; for the time orders, the
 * instant's epoch second and nanosecond. A {@code null} id sorts before every id, so a key with it
 * finds the first entry of a number or instant.
 */
record SortKey(long major, long minor, @Nullable TicketId id) implements Comparable<SortKey> {

    static SortKey of(TicketOrder order, Ticket ticket) {
        return switch (order) {
            case NUMBER -> new SortKey(ticket.kind().ordinal(), ticket.number().sequence(), ticket.id());
            case CREATED -> at(ticket.createdAt(), ticket.id());
            case UPDATED -> at(ticket.updatedAt(), ticket.id());
        };
    }

    /**
     * Whether a ticket's key in an order differs between two snapshots of it, without building the keys. A
     * snapshot built from the previous one shares its number and creation instant: compared by identity
     * first, the old snapshot's values are not read (a cache miss each at a million tickets).
     */
    static boolean changed(TicketOrder order, Ticket before, Ticket after) {
        return switch (order) {
            case NUMBER -> before.number() != after.number() && !before.number().equals(after.number());
            case CREATED -> before.createdAt() != after.createdAt() && !before.createdAt().equals(after.createdAt());
            case UPDATED -> before.updatedAt() != after.updatedAt() && !before.updatedAt().equals(after.updatedAt());
        };
    }

    static SortKey at(Instant instant, @Nullable TicketId id) {
        return new SortKey(instant.getEpochSecond(), instant.getNano(), id);
    }

    @Override
    public int compareTo(SortKey o) {
        return compare(major, minor, id, o);
    }

    /** Compares the key {@code (major, minor, id)} with another, as {@link #compareTo} would, without building it. */
    static int compare(long major, long minor, @Nullable TicketId id, SortKey o) {
        int c = Long.compare(major, o.major);
        if (c != 0) {
            return c;
        }
        c = Long.compare(minor, o.minor);
        if (c != 0) {
            return c;
        }
        if (id == null || o.id == null) {
            return id == null ? (o.id == null ? 0 : -1) : 1;
        }
        return id.value().compareTo(o.id.value());
    }
}
