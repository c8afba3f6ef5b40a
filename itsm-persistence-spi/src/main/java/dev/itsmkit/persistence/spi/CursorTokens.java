package dev.itsmkit.persistence.spi;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TicketId;
import dev.itsmkit.persistence.Cursor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The cursor form the stores of ITSM Kit share, for adapters that want it: a page's last position
 * ({@code a}, {@code b} — the sort key's two numbers —, the ticket and a sequence {@code n}) with the
 * kind of listing and the fingerprint of the query that made it (see {@link
 * dev.itsmkit.persistence.TicketQuery#fingerprint()}), as URL-safe Base64 of
 * {@code kind|fingerprint|a|b|id|n}. Decoding checks the kind and the fingerprint, so a cursor is never
 * taken for a position in another listing. Callers still treat a cursor as opaque.
 */
public final class CursorTokens {
    private CursorTokens() {}

    /**
     * Where a page ended, read back from a cursor.
     *
     * @param a the sort key's first number
     * @param b the sort key's second number
     * @param id the last ticket of the page
     * @param n a sequence within the ticket (an event's), or 0
     */
    public record Position(long a, long b, TicketId id, long n) {
        /**
         * Creates the position.
         *
         * @param a the sort key's first number
         * @param b the sort key's second number
         * @param id the last ticket of the page
         * @param n a sequence within the ticket, or 0
         */
        public Position {
            requireNonNull(id, "id");
        }
    }

    /**
     * Makes a cursor.
     *
     * @param kind the kind of listing, a short text without {@code |} (such as {@code t0} for tickets in number order)
     * @param fingerprint what identifies the query or window, without {@code |}
     * @param position where the page ended
     * @return the cursor
     * @throws IllegalArgumentException if the kind or the fingerprint holds a {@code |}
     */
    public static Cursor encode(String kind, String fingerprint, Position position) {
        requireNonNull(position, "position");
        if (kind.indexOf('|') >= 0 || fingerprint.indexOf('|') >= 0) {
            throw new IllegalArgumentException("a cursor's kind and fingerprint must not hold '|', got kind '" + kind
                    + "' and fingerprint '" + fingerprint + "'");
        }
        String raw = kind + "|" + fingerprint + "|" + position.a() + "|" + position.b() + "|" + position.id().value() + "|"
                + position.n();
        return new Cursor(Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads a cursor back.
     *
     * @param cursor the cursor a caller handed in
     * @param kind the kind of listing it must have been made for
     * @param fingerprint the fingerprint of the query or window it must have been made for
     * @return where its page ended
     * @throws IllegalArgumentException if the cursor was not made in this form, for this kind of listing, or
     *     for this query; the message says which
     */
    public static Position decode(Cursor cursor, String kind, String fingerprint) {
        requireNonNull(cursor, "cursor");
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor.token()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notOurs(cursor);
        }
        String[] parts = raw.split("\\|", -1);
        if (parts.length != 6 || !parts[0].equals(kind)) {
            throw notOurs(cursor);
        }
        if (!parts[1].equals(fingerprint)) {
            throw new IllegalArgumentException("cursor " + cursor + " was made for another query; page a query with its own cursors");
        }
        try {
            return new Position(Long.parseLong(parts[2]), Long.parseLong(parts[3]), TicketId.of(parts[4]),
                    Long.parseLong(parts[5]));
        } catch (IllegalArgumentException e) {
            throw notOurs(cursor);
        }
    }

    private static IllegalArgumentException notOurs(Cursor cursor) {
        return new IllegalArgumentException("cursor " + cursor + " was not made by this store for this kind of query");
    }
}
