package dev.itsmkit.core.event;

import static dev.itsmkit.core.testing.DomainGenerators.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The canonical form is written into a {@link FormBuffer} instead of a {@code StringBuilder}; the hash chain
 * depends on its bytes staying those of the text the builder wrote. Each operation is compared with the
 * builder's, and the escape with the documented rule written out plainly here.
 */
class FormBufferTest {
    /** The documented escape, written character by character into a builder: the reference. */
    private static String escapedReference(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c <= 0x7E) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.toString();
    }

    private static byte[] bytesOf(FormBuffer buffer) {
        return Arrays.copyOf(buffer.array(), buffer.length());
    }

    @Test
    void anySequenceOfAppendsGivesTheUtf8BytesOfWhatABuilderHolds() {
        // texts with structure characters, quotes, control characters and non-ASCII (whole texts: a lone surrogate
        // split between two appends encodes differently apart than together, and the form never splits one)
        var texts = strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, 40);
        qt().forAll(lists().of(texts).ofSizeBetween(0, 30), lists().of(longs().all()).ofSizeBetween(0, 10),
                integers().between(1, 64)).checkAssert((pieces, numbers, capacity) -> {
                    FormBuffer buffer = new FormBuffer(capacity);
                    StringBuilder reference = new StringBuilder();
                    for (int i = 0; i < pieces.size(); i++) {
                        String text = pieces.get(i);
                        switch (i % 4) {
                            case 0 -> {
                                buffer.appendEscaped(text);
                                reference.append(escapedReference(text));
                            }
                            case 1 -> {
                                buffer.append(text);
                                reference.append(text);
                            }
                            case 2 -> {
                                char c = text.isEmpty() ? '{' : text.charAt(0);
                                buffer.append(c).append(i % 8 == 2);
                                reference.append(c).append(i % 8 == 2);
                            }
                            default -> {
                                buffer.append(text.length() - 20);
                                reference.append(text.length() - 20);
                            }
                        }
                        if (i < numbers.size()) {
                            buffer.append(numbers.get(i).longValue());
                            reference.append(numbers.get(i).longValue());
                        }
                    }
                    buffer.append(Long.MIN_VALUE).append(Long.MAX_VALUE).append(Integer.MIN_VALUE);
                    reference.append(Long.MIN_VALUE).append(Long.MAX_VALUE).append(Integer.MIN_VALUE);
                    // a text that is whole (no lone surrogate split between appends) encodes alike piece by piece
                    assertThat(bytesOf(buffer)).isEqualTo(reference.toString().getBytes(StandardCharsets.UTF_8));
                });
    }

    @Test
    void escapedTextIsPrintableAsciiWrittenAsDocumented() {
        // every UTF-16 unit, lone surrogates included: each is escaped on its own
        qt().forAll(strings().allPossible().ofLengthBetween(0, 300)).checkAssert(text -> {
            FormBuffer buffer = new FormBuffer(1);
            buffer.appendEscaped(text);
            assertThat(buffer.toString()).isEqualTo(escapedReference(text)).matches("[\\x20-\\x7E]*");
            if (buffer.length() > 0) {
                assertThat(buffer.charAt(buffer.length() - 1)).isEqualTo(buffer.toString().charAt(buffer.length() - 1));
            }
        });
    }

    @Test
    void asciiTextsAreEscapedAsDocumentedWhetherOrNotOneOfTheirCharactersNeedsIt() {
        // the fast path copies a text whole and tests once whether any character needed escaping: texts of printable
        // ASCII (none does), and ASCII with the quote, the backslash, DEL and control characters at any place
        var printable = strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 60);
        var ascii = strings().ascii().ofLengthBetween(0, 60);
        qt().forAll(printable, ascii, integers().between(1, 70)).checkAssert((plain, any, capacity) -> {
            FormBuffer buffer = new FormBuffer(capacity);
            buffer.append("x=");
            buffer.appendEscaped(plain);
            buffer.appendEscaped(any);
            buffer.appendEscaped(plain + "\u00E9" + plain);
            assertThat(buffer.toString()).isEqualTo("x=" + escapedReference(plain) + escapedReference(any)
                    + escapedReference(plain + "\u00E9" + plain));
        });
    }

    @Test
    void asciiConstantsAreWrittenWholeAtAnyLengthAndPlace() {
        qt().forAll(strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 40), integers().between(0, 20),
                integers().between(1, 50)).checkAssert((constant, before, capacity) -> {
            FormBuffer buffer = new FormBuffer(capacity);
            buffer.append("-".repeat(before));
            byte[] bytes = constant.getBytes(StandardCharsets.US_ASCII);
            assertThat(buffer.appendAscii(bytes).appendAscii(bytes)).isSameAs(buffer);
            assertThat(buffer.toString()).isEqualTo("-".repeat(before) + constant + constant);
        });
    }

    @Test
    void clearingEmptiesTheBufferAndDropsAGrownArray() {
        FormBuffer buffer = new FormBuffer(8);
        buffer.append("x".repeat(100));
        buffer.clear(16);
        assertThat(buffer.length()).isZero();
        assertThat(buffer.array()).hasSize(16);
        buffer.append("ab");
        buffer.clear(16);
        assertThat(buffer.array()).hasSize(16);
    }

    @Test
    void theDigestOfAnEventIsTheDigestOfItsCanonicalFormsBytes() {
        qt().forAll(events(), strings().allPossible().ofLengthBetween(0, 70)).checkAssert((e, before) -> {
            try {
                MessageDigest streamed = MessageDigest.getInstance("SHA-256");
                streamed.update(before.getBytes(StandardCharsets.UTF_8));
                TicketEvents.updateDigest(streamed, e);
                MessageDigest reference = MessageDigest.getInstance("SHA-256");
                assertThat(streamed.digest()).isEqualTo(
                        reference.digest((before + TicketEvents.canonicalForm(e)).getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException x) {
                throw new AssertionError(x);
            }
        });
    }

    @Test
    void numbersAroundTheFastPathsBoundsAreWrittenAsABuilderWritesThem() {
        // the int path below 10^9 and the long path above it, and every digit count on both sides of each bound
        qt().forAll(integers().between(0, 18), integers().between(-2, 2), integers().between(0, 1))
                .checkAssert((power, offset, negative) -> {
                    long value = (long) Math.pow(10, power) + offset;
                    long signed = negative == 1 ? -value : value;
                    FormBuffer buffer = new FormBuffer(1);
                    buffer.append(signed);
                    assertThat(buffer.toString()).isEqualTo(Long.toString(signed));
                });
        qt().forAll(longs().between(0, 2_000_000_000L)).checkAssert(value -> {
            FormBuffer buffer = new FormBuffer(1);
            buffer.append(value.longValue());
            assertThat(buffer.toString()).isEqualTo(Long.toString(value));
        });
    }

    @Test
    void digitsArePaddedWithZerosToTheirWidth() {
        qt().forAll(integers().between(1, 9), integers().between(0, 999_999_999)).checkAssert((width, raw) -> {
            int value = raw % (int) Math.pow(10, width);
            FormBuffer buffer = new FormBuffer(1);
            buffer.append('x').appendDigits(value, width);
            assertThat(buffer.toString()).isEqualTo("x" + String.format("%0" + width + "d", value));
        });
    }

    @Test
    void oneBufferWritesEachDateAndTimeExactlyWhateverItWroteBefore() {
        // one buffer, as a thread's: the date of the last day is remembered, so days repeat and change here (up to
        // 9999-12-31T23:59:59, the last second written this way)
        FormBuffer buffer = new FormBuffer(4);
        qt().forAll(lists().of(longs().between(0, 253_402_300_797L)).ofSizeBetween(1, 40), integers().between(0, 2))
                .checkAssert((seconds, repeat) -> {
                    for (long s : seconds) {
                        for (long t : new long[] {s, s + repeat, s - s % 86_400}) {
                            java.time.LocalDateTime time = java.time.LocalDateTime.ofEpochSecond(t, 0, java.time.ZoneOffset.UTC);
                            buffer.clear(1024);
                            buffer.appendDate(Math.floorDiv(t, 86_400)).append('T').appendTimeOfDay((int) (t % 86_400));
                            assertThat(buffer.toString()).isEqualTo(time.toLocalDate() + "T"
                                    + String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond()));
                        }
                    }
                });
    }
}
