package dev.itsmkit.definitions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.itsmkit.definitions.internal.DocumentTree;
import dev.itsmkit.definitions.internal.LifecycleReader;
import dev.itsmkit.definitions.internal.LifecycleWriter;
import dev.itsmkit.workflow.Lifecycle;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Lifecycles as JSON or YAML documents, with exactly the power of {@link Lifecycle#builder}: every
 * state category, guard, condition, approval policy and action the builder takes has a document
 * form, and {@link #write} followed by {@link #read(String, DefinitionFormat)} gives back an equal
 * lifecycle. {@code docs/lifecycles.md} describes the format key by key.
 *
 * <p>Reading is strict. Unknown keys, values of the wrong type, unknown names (state categories,
 * ticket kinds, approval policies, guard and action forms), duplicate keys and a second document
 * are refused, and so is a lifecycle that does not validate: unknown or unreachable states, states
 * with no way to a final state, two transitions of one name from one state, fields the kind does
 * not have. All problems are reported at once in one {@link LifecycleDefinitionException}, each
 * with its JSON path and its line and column in the document. (The lifecycle's own validation runs
 * once the document's form is right, so a typo is reported once rather than as a cascade.)
 *
 * <p>Stateless and thread-safe.
 */
public final class LifecycleDefinitions {
    private static final JsonFactory JSON_FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final YAMLFactory YAML_FACTORY = YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .stringQuotingChecker(new NumberLikeQuoting())
            .build();
    private static final ObjectMapper JSON_WRITER = JsonMapper.builder(JSON_FACTORY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final ObjectMapper YAML_WRITER = YAMLMapper.builder(YAML_FACTORY)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private LifecycleDefinitions() {}

    /**
     * Reads a lifecycle from a document.
     *
     * @param document the document's text
     * @param format its notation
     * @return the lifecycle, validated
     * @throws LifecycleDefinitionException listing every problem of the document, with its location
     */
    public static Lifecycle read(String document, DefinitionFormat format) {
        requireNonNull(document, "document");
        return read(new StringReader(document), format, "(" + format.name().toLowerCase(java.util.Locale.ROOT)
                + " text)");
    }

    /**
     * Reads a lifecycle from a document; the reader is read to its end, not closed.
     *
     * @param document the document's text
     * @param format its notation
     * @param source a name for the document in problems, for example where it came from
     * @return the lifecycle, validated
     * @throws LifecycleDefinitionException listing every problem of the document, with its location
     *     (also when the reader fails)
     */
    public static Lifecycle read(Reader document, DefinitionFormat format, String source) {
        requireNonNull(document, "document");
        requireNonNull(format, "format");
        requireNonNull(source, "source");
        try {
            DocumentTree tree = DocumentTree.read(format == DefinitionFormat.YAML ? YAML_FACTORY : JSON_FACTORY,
                    new NonClosingReader(document));
            return LifecycleReader.read(tree);
        } catch (DocumentTree.DocumentException e) {
            throw new LifecycleDefinitionException(source, e.problems());
        }
    }

    /**
     * Reads a lifecycle from a UTF-8 file: YAML if its name ends in {@code .yaml} or {@code .yml},
     * JSON otherwise.
     *
     * @param file the file
     * @return the lifecycle, validated
     * @throws LifecycleDefinitionException if the file cannot be read, listing every problem of the
     *     document with its location
     */
    public static Lifecycle read(Path file) {
        requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, DefinitionFormat.of(file), file.toString());
        } catch (IOException e) {
            throw new LifecycleDefinitionException(file.toString(), List.of(new DefinitionProblem("$", 0, 0,
                    "cannot read the file: " + e)));
        }
    }

    /**
     * Writes a lifecycle as a document.
     *
     * @param lifecycle the lifecycle
     * @param format the notation
     * @return the document, ending with a line break
     */
    public static String write(Lifecycle lifecycle, DefinitionFormat format) {
        StringWriter text = new StringWriter();
        write(lifecycle, format, text);
        return text.toString();
    }

    /**
     * Writes a lifecycle as a document; the writer is flushed, not closed.
     *
     * @param lifecycle the lifecycle
     * @param format the notation
     * @param out where to write
     * @throws UncheckedIOException if the writer fails
     */
    public static void write(Lifecycle lifecycle, DefinitionFormat format, Writer out) {
        requireNonNull(lifecycle, "lifecycle");
        requireNonNull(format, "format");
        requireNonNull(out, "out");
        try {
            String text = (format == DefinitionFormat.YAML ? YAML_WRITER : JSON_WRITER)
                    .writeValueAsString(LifecycleWriter.write(lifecycle));
            out.write(text.endsWith("\n") ? text : text + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the lifecycle " + lifecycle.id(), e);
        }
    }

    /**
     * Quotes every string that starts like a number ({@code 1e3}, {@code 0x1F}, {@code 1_000},
     * {@code .inf}): the YAML parser reads more forms as numbers than the generator's own check
     * quotes, and a text must come back a text.
     */
    private static final class NumberLikeQuoting extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            if (!value.isEmpty()) {
                char first = value.charAt(0);
                if (Character.isDigit(first) || first == '+' || first == '-' || first == '.') {
                    return true;
                }
            }
            return super.needToQuoteValue(value);
        }
    }

    /** Keeps the parser from closing the caller's reader. */
    private static final class NonClosingReader extends java.io.FilterReader {
        NonClosingReader(Reader in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the reader
        }
    }
}
