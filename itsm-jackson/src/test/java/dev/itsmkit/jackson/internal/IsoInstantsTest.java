package dev.itsmkit.jackson.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class IsoInstantsTest {

    /** Nanos of each precision Instant.toString distinguishes: none, millis, micros, nanos. */
    private static final Gen<Integer> NANOS = integers().between(0, 3).zip(integers().between(0, 999_999_999),
            (precision, n) -> switch (precision) {
                case 0 -> 0;
                case 1 -> n / 1_000_000 * 1_000_000;
                case 2 -> n / 1000 * 1000;
                default -> n;
            });

    private static final Gen<Instant> ANY_INSTANT = longs().between(Instant.MIN.getEpochSecond(),
            Instant.MAX.getEpochSecond()).zip(NANOS, Instant::ofEpochSecond);

    /** Years 0000-9999 (the fast path), with some around the edges of that range. */
    private static final Gen<Instant> AROUND_FOUR_DIGIT_YEARS = longs().between(
            Instant.parse("0000-01-01T00:00:00Z").getEpochSecond() - 86_400 * 3,
            Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() + 86_400 * 3).zip(NANOS, Instant::ofEpochSecond);

    private static final Gen<Instant> FOUR_DIGIT_YEARS = longs().between(
            Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()).zip(NANOS, Instant::ofEpochSecond);

    @Test
    void formattingWritesWhatInstantToStringWrites() {
        qt().forAll(AROUND_FOUR_DIGIT_YEARS).checkAssert(i -> assertThat(IsoInstants.format(i)).isEqualTo(i.toString()));
        qt().forAll(ANY_INSTANT).checkAssert(i -> assertThat(IsoInstants.format(i)).isEqualTo(i.toString()));
    }

    @Test
    void parsingReadsWhatInstantParseReads() {
        qt().forAll(AROUND_FOUR_DIGIT_YEARS).checkAssert(i -> assertThat(IsoInstants.parse(i.toString())).isEqualTo(i));
        qt().forAll(ANY_INSTANT).checkAssert(i -> assertThat(IsoInstants.parse(i.toString())).isEqualTo(i));
    }

    @Test
    void parsingAcceptsEveryFractionLengthInstantParseAccepts() {
        qt().forAll(FOUR_DIGIT_YEARS, integers().between(0, 9)).checkAssert((instant, digits) -> {
            String whole = instant.toString().substring(0, 19);
            String fraction = String.format("%09d", instant.getNano()).substring(0, digits);
            String text = whole + (digits == 0 ? "" : "." + fraction) + "Z";
            assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
        });
    }

    @Test
    void parsingRefusesWhatInstantParseRefuses() {
        for (String text : new String[] {"2024-02-30T00:00:00Z", "2023-02-29T10:00:00Z", "2024-13-01T00:00:00Z",
                "2024-00-01T00:00:00Z", "2024-01-01T24:01:00Z", "2024-01-01T00:60:00Z", "2024-01-01T00:00:0xZ",
                "2024-01-01T00:00:00.1234567890Z", "2024-01-01 00:00:00Z",
                "2024-01-01T00:00:00", "+2024-01-01T00:00:00Z", "2024-1-01T00:00:00Z"}) {
            assertThatThrownBy(() -> Instant.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class)
                    .hasMessage(catchMessage(text));
        }
    }

    @Test
    void parsingLeavesOtherFormsToInstantParse() {
        for (String text : new String[] {"2024-06-30T23:59:60Z", "2024-01-01T00:00:00.Z", "2024-01-01T24:00:00Z", "2024-03-01T10:15:00+01:00", "-0001-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z", "2024-02-29T12:00:00.5Z"}) {
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    private static String catchMessage(String text) {
        try {
            Instant.parse(text);
            throw new AssertionError("Instant.parse accepted " + text);
        } catch (DateTimeParseException e) {
            return e.getMessage();
        }
    }
}
