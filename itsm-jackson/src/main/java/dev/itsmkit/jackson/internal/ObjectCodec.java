package dev.itsmkit.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.List;

/**
 * A codec of a value written as a JSON object with a fixed set of properties.
 *
 * @param <T> the domain type
 */
final class ObjectCodec<T> implements Codec<T> {
    /** Writes the properties of a value. */
    @FunctionalInterface
    interface Writer<T> {
        void write(Out out, T value) throws IOException;
    }

    /** Builds a value from its properties, through the core's public constructors or builders. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Fields in) throws JsonMappingException;
    }

    private final Class<T> type;
    private final String description;
    private final List<String> properties;
    private final Writer<T> writer;
    private final Reader<T> reader;

    private ObjectCodec(Class<T> type, String description, List<String> properties, Writer<T> writer,
            Reader<T> reader) {
        this.type = type;
        this.description = description;
        this.properties = List.copyOf(properties);
        this.writer = writer;
        this.reader = reader;
    }

    /**
     * Returns a codec.
     *
     * @param type the domain type
     * @param description what it is, for messages, for example "a ticket"
     * @param properties every property the object may have, in the order written
     * @param writer writes the properties
     * @param reader reads them
     */
    static <T> ObjectCodec<T> of(Class<T> type, String description, List<String> properties, Writer<T> writer,
            Reader<T> reader) {
        return new ObjectCodec<>(type, description, properties, writer, reader);
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public String description() {
        return description;
    }

    List<String> properties() {
        return properties;
    }

    @Override
    public void write(JsonGenerator g, T value) throws IOException {
        g.writeStartObject();
        writeProperties(new Out(g), value);
        g.writeEndObject();
    }

    void writeProperties(Out out, T value) throws IOException {
        writer.write(out, value);
    }

    @Override
    public T read(Source in) throws JsonMappingException {
        return reader.read(in.object(type, description, properties));
    }

    T read(Fields in) throws JsonMappingException {
        return reader.read(in);
    }
}
