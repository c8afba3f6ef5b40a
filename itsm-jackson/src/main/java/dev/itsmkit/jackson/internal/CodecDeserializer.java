package dev.itsmkit.jackson.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/** Adapts a codec to Jackson's deserializer API: reads the value's tree, then the codec reads the tree. */
final class CodecDeserializer<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // deserializers are never serialized in practice; codecs are stateless singletons
    private final Codec<T> codec;

    CodecDeserializer(Codec<T> codec) {
        super(codec.type());
        this.codec = codec;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext context) throws IOException {
        Path root = Path.root(pointerOf(p));
        return new Source(p, TreeReader.read(p), root).as(codec);
    }

    /** The JSON pointer of the value the parser is about to read, for messages. */
    private static String pointerOf(JsonParser p) {
        JsonStreamContext context = p.getParsingContext();
        JsonToken token = p.currentToken();
        boolean opened = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
                || token == JsonToken.FIELD_NAME;
        if (opened && context.getParent() != null) {
            context = context.getParent();
        }
        return context.pathAsPointer().toString();
    }
}
