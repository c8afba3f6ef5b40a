package dev.itsmkit.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Adapts a codec to Jackson's serializer API. */
final class CodecSerializer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // serializers are never serialized in practice; codecs are stateless singletons
    private final Codec<T> codec;

    CodecSerializer(Codec<T> codec) {
        super(codec.type());
        this.codec = codec;
    }

    @Override
    public void serialize(T value, JsonGenerator g, SerializerProvider provider) throws IOException {
        codec.write(g, value);
    }
}
