package dev.itsmkit.persistence.memory;

import dev.itsmkit.core.TicketId;
import dev.itsmkit.persistence.Cursor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Encodes the in-memory store's cursors: {@code kind|fingerprint|a|b|id[|n]} in URL-safe Base64.
 * The fingerprint ties a cursor to the query (or window) that made it.
 */
final class Cursors {
    private Cursors() {}

    static Cursor encode(String kind, String fingerprint, long a, long b, TicketId id, long n) {
        String raw = kind + "|" + fingerprint + "|" + a + "|" + b + "|" + id.value() + "|" + n;
        return new Cursor(Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
    }

    /** Decodes a cursor; returns its fields a, b, id and n, or throws if it is not for this kind and fingerprint. */
    static Decoded decode(Cursor cursor, String kind, String fingerprint) {
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
            return new Decoded(Long.parseLong(parts[2]), Long.parseLong(parts[3]), TicketId.of(parts[4]), Long.parseLong(parts[5]));
        } catch (IllegalArgumentException e) {
            throw notOurs(cursor);
        }
    }

    private static IllegalArgumentException notOurs(Cursor cursor) {
        return new IllegalArgumentException("cursor " + cursor + " was not made by this store for this kind of query");
    }

    record Decoded(long a, long b, TicketId id, long n) {}
}
