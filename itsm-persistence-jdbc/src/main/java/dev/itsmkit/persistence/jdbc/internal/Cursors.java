package dev.itsmkit.persistence.jdbc.internal;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.persistence.Cursor;
import dev.itsmkit.persistence.TicketQuery;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Encodes the JDBC stores' cursors: {@code kind|fingerprint|a|b|id|n} in URL-safe Base64, where a and b
 * are the sort key's two numbers, id the ticket and n an event's sequence. The fingerprint ties a cursor
 * to the query (or window) that made it.
 */
final class Cursors {
    private Cursors() {}

    record Decoded(long a, long b, TicketId id, long n) {}

    static Cursor encode(String kind, String fingerprint, long a, long b, TicketId id, long n) {
        String raw = kind + "|" + fingerprint + "|" + a + "|" + b + "|" + id.value() + "|" + n;
        return new Cursor(Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
    }

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

    /** A text that identifies a query's criteria across JVMs. */
    static String fingerprint(TicketQuery q) {
        StringBuilder sb = new StringBuilder();
        q.categories().stream().map(Enum::name).sorted().forEach(s -> sb.append(s).append(','));
        sb.append(';');
        q.kinds().stream().map(Enum::name).sorted().forEach(s -> sb.append(s).append(','));
        sb.append(';');
        q.priorities().stream().map(Object::toString).sorted().forEach(s -> sb.append(s).append(','));
        sb.append(';').append(q.assignee().map(Object::toString).orElse(""))
                .append(';').append(q.assignmentGroup().map(Object::toString).orElse(""))
                .append(';').append(q.service().map(Object::toString).orElse(""))
                .append(';').append(q.configurationItem().map(Object::toString).orElse(""))
                .append(';').append(q.createdIn().map(Object::toString).orElse(""))
                .append(';').append(q.updatedIn().map(Object::toString).orElse(""));
        for (Map.Entry<String, FieldValue> e : q.fields().entrySet()) {
            sb.append(';').append(e.getKey()).append('=').append(FieldHashes.hash(e.getValue()));
        }
        return FieldHashes.hash(FieldValue.of(sb.toString())).substring(0, 16);
    }
}
