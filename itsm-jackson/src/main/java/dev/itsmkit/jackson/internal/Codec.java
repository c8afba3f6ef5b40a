package dev.itsmkit.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;

/**
 * Writes and reads one domain type in its documented JSON form. A codec writes through the type's
 * public accessors and reads through its public constructors or builder, so every value read passes
 * the core's validation; {@link Source#as(Codec)} turns the core's refusals into Jackson exceptions.
 *
 * @param <T> the domain type
 */
interface Codec<T> {
    /** The domain type, for registration and messages. */
    Class<T> type();

    /** What a value looks like, for messages: "a ticket", "a party written kind:id, such as ...". */
    String description();

    /** Writes one value. */
    void write(JsonGenerator g, T value) throws IOException;

    /** Reads one value; throws a Jackson exception that names the path if anything is wrong. */
    T read(Source in) throws JsonMappingException;
}
