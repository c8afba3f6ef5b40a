package dev.itsmkit.persistence.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.itsmkit.jackson.ItsmJson;
import dev.itsmkit.persistence.jdbc.JdbcStoreException;

/** The JSON form of what the stores keep: itsm-jackson's, through one shared mapper. */
final class Json {
    private static final ObjectMapper MAPPER = ItsmJson.mapper();

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
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new JdbcStoreException("stored JSON is not a valid " + type.getSimpleName(), e);
        }
    }
}
