package dev.itsmkit.jackson;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A ready-made Jackson mapper for ITSM Kit values and the application's own types around them.
 *
 * <pre>{@code
 * ObjectMapper json = ItsmJson.mapper();
 * String text = json.writeValueAsString(ticket);
 * Ticket back = json.readValue(text, Ticket.class);   // equal to ticket
 * }</pre>
 */
public final class ItsmJson {
    private ItsmJson() {}

    /**
     * Returns a new mapper with the {@link ItsmKitJacksonModule}, Jackson's {@code java.time} module,
     * and strict settings for the application's own types as well: unknown properties, nulls for
     * primitives, trailing tokens and duplicate properties fail; dates and durations are written as
     * ISO-8601 text, never as numbers; floating-point numbers are read as exact decimals.
     *
     * <p>A mapper is thread-safe once configured; create one and share it.
     *
     * @return a new mapper, which the caller may configure further
     */
    public static ObjectMapper mapper() {
        return builder().build();
    }

    /**
     * Returns a builder configured as {@link #mapper()}, to configure further before building.
     *
     * @return a new builder
     */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .addModule(new ItsmKitJacksonModule())
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }
}
