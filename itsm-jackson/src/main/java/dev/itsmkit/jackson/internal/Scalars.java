package dev.itsmkit.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/** Codecs of values written as one JSON string or number, and the factories for more of them. */
final class Scalars {
    private Scalars() {}

    /** A function that may refuse its input with an unchecked exception. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text) throws Exception;
    }

    static final Codec<String> STRING = new Codec<>() {
        @Override
        public Class<String> type() {
            return String.class;
        }

        @Override
        public String description() {
            return "a string";
        }

        @Override
        public void write(JsonGenerator g, String value) throws IOException {
            g.writeString(value);
        }

        @Override
        public String read(Source in) throws JsonMappingException {
            return in.text(String.class, description());
        }
    };

    static final Codec<Instant> INSTANT = text(Instant.class,
            "an instant in ISO-8601, such as \"2024-03-01T09:15:00Z\"", IsoInstants::parse, IsoInstants::format);

    static final Codec<LocalDate> DATE = text(LocalDate.class,
            "a date in ISO-8601, such as \"2024-03-01\"", LocalDate::parse, LocalDate::toString);

    static final Codec<Duration> DURATION = text(Duration.class,
            "a duration in ISO-8601, such as \"PT4H\" or \"PT1H30M\"", Duration::parse, Duration::toString);

    /**
     * Exact decimals are strings, so that no JSON reader rounds them through a double. This form keeps the
     * scale too ({@code "1.50"} stays 1.50, and 100 with scale -2 is {@code "1E+2"}): bounds of a field
     * definition compare with {@code equals}, which sees the scale.
     */
    static final Codec<BigDecimal> DECIMAL = text(BigDecimal.class,
            "a decimal number written as a string, such as \"12.50\" or \"1E+3\"", Scalars::decimal,
            BigDecimal::toString);

    /**
     * A decimal whose scale does not matter (a field value's number, whose trailing zeros the core strips)
     * is written without an exponent, as people write numbers: 1000 is {@code "1000"}, not {@code "1E+3"}.
     */
    static final Codec<BigDecimal> PLAIN_DECIMAL = text(BigDecimal.class,
            "a decimal number written as a string, such as \"12.5\"", Scalars::decimal, BigDecimal::toPlainString);

    static final Codec<URI> URI_CODEC = text(URI.class, "a URI, such as \"https://files.example/a.png\"",
            Scalars::uri, URI::toString);

    /**
     * A codec of a value written as a string.
     *
     * @param type the domain type
     * @param description what the string looks like, for messages
     * @param parse reads the string, throwing an unchecked exception that explains a refusal
     * @param format writes the string
     */
    static <T> Codec<T> text(Class<T> type, String description, Parser<T> parse, Function<T, String> format) {
        return new Codec<>() {
            @Override
            public Class<T> type() {
                return type;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public void write(JsonGenerator g, T value) throws IOException {
                g.writeString(format.apply(value));
            }

            @Override
            public T read(Source in) throws JsonMappingException {
                String text = in.text(type, description);
                try {
                    return parse.parse(text);
                } catch (IllegalArgumentException | DateTimeException | URISyntaxException e) {
                    throw Errors.invalidFormat(in, type, description, text, String.valueOf(e.getMessage()));
                } catch (Exception e) {
                    throw new IllegalStateException("unexpected failure parsing " + type.getSimpleName(), e);
                }
            }
        };
    }

    /**
     * A codec of a value written as a whole JSON number.
     *
     * @param type the domain type
     * @param description what the number means and its range, for messages
     * @param make builds the value, throwing {@link IllegalArgumentException} if out of range
     * @param level gives the number of a value
     */
    static <T> Codec<T> integer(Class<T> type, String description, IntFunction<T> make, ToIntFunction<T> level) {
        return new Codec<>() {
            @Override
            public Class<T> type() {
                return type;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public void write(JsonGenerator g, T value) throws IOException {
                g.writeNumber(level.applyAsInt(value));
            }

            @Override
            public T read(Source in) throws JsonMappingException {
                int number = in.integer(type, description);
                try {
                    return make.apply(number);
                } catch (IllegalArgumentException e) {
                    throw Errors.invalidFormat(in, type, description, Integer.toString(number),
                            String.valueOf(e.getMessage()));
                }
            }
        };
    }

    /**
     * A codec of an enum, written by the constant's name, exactly.
     *
     * @param type the enum
     * @param what what the enum is called, for messages, for example "ticket kind"
     */
    static <E extends Enum<E>> Codec<E> enumeration(Class<E> type, String what) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        String description = "a " + what + ", one of " + names;
        return text(type, description, text -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("no " + what + " has this name; the names are " + names);
        }, Enum::name);
    }

    private static BigDecimal decimal(String text) {
        // BigDecimal accepts exponents beyond any useful size ("1E999999999"); keep to what can be printed plainly
        BigDecimal value = new BigDecimal(text);
        if (Math.abs((long) value.scale()) > 10_000 || value.precision() > 10_000) {
            throw new IllegalArgumentException("a decimal has at most 10000 digits and a scale of at most 10000");
        }
        return value;
    }

    private static URI uri(String text) throws URISyntaxException {
        return new URI(text);
    }
}
