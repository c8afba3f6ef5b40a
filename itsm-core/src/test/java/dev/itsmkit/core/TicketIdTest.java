package dev.itsmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.itsmkit.core.internal.Identifiers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class TicketIdTest {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.:_@-";

    /** Valid ids of 1 to 40 characters (both sides of the inline limit) over a small alphabet, so that some are equal. */
    private static Gen<String> ids(int alphabet) {
        return lists().of(integers().between(0, alphabet - 1)).ofSizeBetween(1, TicketId.INLINE_CHARS + 4).map(indices -> {
            StringBuilder id = new StringBuilder();
            indices.forEach(i -> id.append(ALPHABET.charAt(i)));
            return id.toString();
        });
    }

    private static List<Long> key(TicketId id) {
        return IntStream.range(0, TicketId.KEY_WORDS).mapToObj(id::keyWord).toList();
    }

    @Test
    void anIdBehavesAsTheRecordOfItsTextDid() {
        qt().forAll(ids(62)).checkAssert(text -> {
            TicketId id = TicketId.of(text);
            assertThat(id.value()).isSameAs(text);
            assertThat(id).hasToString(text).isEqualTo(new TicketId(new String(text))).isNotEqualTo(text);
            assertThat(id.hashCode()).isEqualTo(text.hashCode());
        });
    }

    @Test
    void twoIdsAreEqualExactlyWhenTheirTextsAre() {
        qt().forAll(ids(3), ids(3)).checkAssert((a, b) -> {
            assertThat(TicketId.of(a).equals(TicketId.of(b))).isEqualTo(a.equals(b));
            assertThat(TicketId.of(a).equals(null)).isFalse();
        });
    }

    @Test
    void twoInlineIdsAreEqualExactlyWhenTheirKeysAre() {
        qt().forAll(ids(3), ids(3)).assuming((a, b) -> a.length() <= TicketId.INLINE_CHARS && b.length() <= TicketId.INLINE_CHARS)
                .checkAssert((a, b) -> assertThat(key(TicketId.of(a)).equals(key(TicketId.of(b)))).isEqualTo(a.equals(b)));
    }

    @Test
    void theKeysHeadIsAHashAndTheLengthOfAnInlineText() {
        qt().forAll(ids(62)).checkAssert(text -> {
            TicketId id = TicketId.of(text);
            int inlineLength = text.length() <= TicketId.INLINE_CHARS ? text.length() : 0;
            assertThat((int) id.keyWord(0)).isEqualTo(inlineLength << 24);
            assertThat(id.keyWord(0) >> 32).isEqualTo(TicketId.of(new String(text)).keyWord(0) >> 32);
        });
    }

    @Test
    void theHashesOfSequentialIdsAreSpread() {
        // the high bits, which a table's index is taken from, take many values for ids that differ in one character
        Set<Long> highBits = new HashSet<>();
        for (int n = 0; n < 10_000; n++) {
            highBits.add(TicketId.of("inc-" + n).keyWord(0) >>> 52);
        }
        assertThat(highBits).hasSizeGreaterThan(3_000);
    }

    @Test
    void theKeyHoldsTheTextSevenBitsACharacterNineAWord() {
        TicketId id = TicketId.of("abcdefghiJ");
        assertThat(id.keyWord(1)).isEqualTo(IntStream.range(0, 9).mapToLong(c -> (long) ("abcdefghi".charAt(c)) << (7 * c))
                .reduce(0, (x, y) -> x | y));
        assertThat(id.keyWord(2)).isEqualTo('J');
        assertThat(id.keyWord(3)).isZero();
        assertThat(id.keyWord(4)).isZero();
        String uuid = "123e4567-e89b-12d3-a456-426614174000";
        assertThat(TicketId.of(uuid).keyWord(4)).isEqualTo(IntStream.range(27, 36)
                .mapToLong(c -> (long) uuid.charAt(c) << (7 * (c - 27))).reduce(0, (x, y) -> x | y));
    }

    @Test
    void aLongerTextHasOnlyItsHashCodeInTheKey() {
        String text = "x".repeat(TicketId.INLINE_CHARS + 1);
        assertThat(key(TicketId.of(text))).containsExactly((long) text.hashCode() << 32, 0L, 0L, 0L, 0L);
    }

    @Test
    void aKeyWordOutsideTheKeyIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TicketId.of("inc-1").keyWord(5))
                .withMessage("a ticket id's key has words 0 to 4, not 5");
        assertThatIllegalArgumentException().isThrownBy(() -> TicketId.of("inc-1").keyWord(-1))
                .withMessage("a ticket id's key has words 0 to 4, not -1");
    }

    @Test
    void anInvalidTextIsRefusedAsBefore() {
        assertThatIllegalArgumentException().isThrownBy(() -> TicketId.of("inc 1"))
                .withMessageContaining("ticket id 'inc 1' has white space U+0020 at index 3");
        assertThatNullPointerException().isThrownBy(() -> TicketId.of(null)).withMessage("ticket id");
    }

    @Test
    void anIdIsRefusedExactlyWhenTheIdentifierRuleRefusesItAndWithItsMessage() {
        // characters around the allowed ones (controls, punctuation, Latin-1, beyond), lengths around the inline limit
        Gen<String> texts = lists().of(integers().between(0, 300)).ofSizeBetween(0, TicketId.INLINE_CHARS + 2)
                .map(codes -> codes.stream().map(c -> String.valueOf(c < 100 ? ALPHABET.charAt(c % 62 + (c & 3)) : (char) (c - 100)))
                        .reduce("", String::concat));
        qt().forAll(texts).checkAssert(text -> {
            String expected;
            try {
                Identifiers.check("ticket id", text);
                expected = null;
            } catch (IllegalArgumentException refused) {
                expected = refused.getMessage();
            }
            if (expected == null) {
                assertThat(TicketId.of(text).value()).isEqualTo(text);
            } else {
                assertThatIllegalArgumentException().isThrownBy(() -> TicketId.of(text)).withMessage(expected);
            }
        });
    }

    @Test
    void theOnePassTestsOfACharacterAgreeWithTheIdentifierRule() {
        for (char c = 0; c < 1000; c++) {
            assertThat(Identifiers.mayStartWith(c)).as("first %d", (int) c).isEqualTo(valid(String.valueOf(c)));
            assertThat(Identifiers.mayContain(c)).as("then %d", (int) c).isEqualTo(valid("a" + c));
        }
        assertThat(Identifiers.refusal("ticket id", "a b")).hasMessageContaining("white space U+0020 at index 1");
        assertThatIllegalStateException().isThrownBy(() -> Identifiers.refusal("ticket id", "ab"))
                .withMessage("ticket id 'ab' is valid; there is nothing to refuse");
    }

    private static boolean valid(String text) {
        try {
            Identifiers.check("id", text);
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    @Test
    void aRandomIdIsAUuidKeptInline() {
        TicketId id = TicketId.random();
        assertThat(id.value()).hasSize(TicketId.INLINE_CHARS);
        assertThat((int) id.keyWord(0) >>> 24).isEqualTo(TicketId.INLINE_CHARS);
        assertThat(id).isNotEqualTo(TicketId.random());
    }
}
