package dev.itsmkit.persistence.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.itsmkit.jackson.ItsmJson;
import dev.itsmkit.persistence.jdbc.JdbcStoreException;

/** The JSON form of what the stores keep: itsm-jackson's, through one shared mapper. */
final class Json {
    /**
     * itsm-jackson's mapper without the parser's own duplicate-name check: its codecs (every type stored here
     * has one) refuse a property given twice themselves, and the parser's check cost 5 % of reading a ticket.
     */
    private static final ObjectMapper MAPPER =
            ItsmJson.builder().disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** A reader per type, made once: {@code readValue(json, type)} resolves the type on each call. */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new JdbcStoreException("could not write a " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return READERS.get(type).readValue(json);
        } catch (JsonProcessingException e) {
            throw new JdbcStoreException("stored JSON is not a valid " + type.getSimpleName(), e);
        }
    }
}
