package dev.itsmkit.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The trail's hashes are written as hexadecimal digits without a table: each value as {@code %016x} writes it. */
class TrailHasherTest {
    @Test
    void aValueIsWrittenAsItsSixteenLowerCaseHexadecimalDigits() {
        qt().forAll(longs().all(), longs().all()).checkAssert((value, other) -> {
            byte[] text = new byte[32];
            TrailHasher.writeHex(value, text, 0);
            TrailHasher.writeHex(other, text, 16);
            assertThat(new String(text, StandardCharsets.US_ASCII))
                    .isEqualTo(String.format("%016x%016x", value, other));
        });
        for (long edge : new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x0123_4567_89ab_cdefL, 0xa9a9_9a9a_f0f0_0f0fL}) {
            byte[] text = new byte[16];
            TrailHasher.writeHex(edge, text, 0);
            assertThat(new String(text, StandardCharsets.US_ASCII)).isEqualTo(String.format("%016x", edge));
        }
    }
}
