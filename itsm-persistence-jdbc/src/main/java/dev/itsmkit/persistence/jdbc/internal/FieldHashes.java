package dev.itsmkit.persistence.jdbc.internal;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketField;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The field values a ticket holds, each as the SHA-256 of an unambiguous canonical form: equal values
 * (by {@link FieldValue#equals}) and only those have equal forms, so an index on the hash finds exact
 * matches of values of any length.
 *
 * <p>The form is a type letter and the value: {@code T<length>:<text>}, {@code N<plain decimal>} (numbers
 * are kept without trailing zeros, so equal numbers print alike), {@code B<true|false>}, {@code S<instant>},
 * {@code D<date>}, and {@code M<count>:} followed by each element's form, length-prefixed.
 */
final class FieldHashes {
    private FieldHashes() {}

    /** Every field the ticket holds, as {@link Ticket#field} reads it, by name. */
    static Map<String, String> of(Ticket ticket) {
        return of(values(ticket));
    }

    /** The hashes of field values, by name, in the order of the given map. */
    static Map<String, String> of(Map<String, FieldValue> values) {
        Map<String, String> hashes = new TreeMap<>();
        values.forEach((name, value) -> hashes.put(name, hash(value)));
        return hashes;
    }

    /** Every field value the ticket holds, as {@link Ticket#field} reads it, by name (sorted). */
    static Map<String, FieldValue> values(Ticket ticket) {
        TreeSet<String> names = new TreeSet<>(ticket.customFields().asMap().keySet());
        for (TicketField f : TicketField.values()) {
            names.add(f.fieldName());
        }
        Map<String, FieldValue> values = new TreeMap<>();
        for (String name : names) {
            Optional<FieldValue> value = ticket.field(name);
            value.ifPresent(v -> values.put(name, v));
        }
        return values;
    }

    /**
     * A digest that is never used, only cloned: cloning skips the provider look-up of {@link
     * MessageDigest#getInstance}, a third of this class's time in a profile of the engine's commands.
     */
    private static final MessageDigest PROTOTYPE = sha256();

    private static final HexFormat HEX = HexFormat.of();

    static String hash(FieldValue value) {
        return HEX.formatHex(newDigest().digest(canonical(value).getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newDigest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    static String canonical(FieldValue value) {
        if (value instanceof FieldValue.Text t) {
            return "T" + t.value().length() + ":" + t.value();
        } else if (value instanceof FieldValue.Number n) {
            return "N" + n.value().toPlainString();
        } else if (value instanceof FieldValue.Bool b) {
            return "B" + b.value();
        } else if (value instanceof FieldValue.Timestamp s) {
            return "S" + s.value();
        } else if (value instanceof FieldValue.Date d) {
            return "D" + d.value();
        }
        FieldValue.Multi m = (FieldValue.Multi) value;
        StringBuilder sb = new StringBuilder("M").append(m.values().size()).append(':');
        for (FieldValue element : m.values()) {
            String form = canonical(element);
            sb.append(form.length()).append(':').append(form);
        }
        return sb.toString();
    }
}
