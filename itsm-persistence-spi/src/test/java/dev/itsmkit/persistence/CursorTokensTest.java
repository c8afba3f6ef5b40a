package dev.itsmkit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.persistence.spi.CursorTokens;
import org.junit.jupiter.api.Test;

class CursorTokensTest {
    private static final TicketQuery OPEN_FOR_BOB = TicketQuery.builder()
            .categories(StateCategory.OPEN, StateCategory.NEW).assignee(Party.person("bob")).build();

    @Test
    void aCursorReadsBackToThePositionItWasMadeFrom() {
        qt().forAll(longs().all(), longs().all(), longs().between(0, Long.MAX_VALUE)).checkAssert((a, b, n) -> {
            CursorTokens.Position position = new CursorTokens.Position(a, b, TicketId.of("t-" + (n % 1000)), n);
            Cursor cursor = CursorTokens.encode("t1", OPEN_FOR_BOB.fingerprint(), position);
            assertThat(CursorTokens.decode(cursor, "t1", OPEN_FOR_BOB.fingerprint())).isEqualTo(position);
        });
    }

    @Test
    void aCursorOfAnotherListingOrQueryOrNoneOfOursIsRefusedWithWhy() {
        Cursor cursor = CursorTokens.encode("t1", OPEN_FOR_BOB.fingerprint(), new CursorTokens.Position(1, 2, TicketId.of("t-1"), 0));
        assertThatThrownBy(() -> CursorTokens.decode(cursor, "t2", OPEN_FOR_BOB.fingerprint()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not made by this store");
        assertThatThrownBy(() -> CursorTokens.decode(cursor, "t1", TicketQuery.all().fingerprint()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("made for another query");
        assertThatThrownBy(() -> CursorTokens.decode(new Cursor("bm90LW91cnM"), "t1", OPEN_FOR_BOB.fingerprint()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not made by this store");
    }

    @Test
    void aQuerysFingerprintDependsOnItsCriteriaNotOnTheOrderTheyWereGivenIn() {
        TicketQuery sameOtherWay = TicketQuery.builder()
                .assignee(Party.person("bob")).categories(StateCategory.NEW, StateCategory.OPEN).build();
        assertThat(sameOtherWay.fingerprint()).isEqualTo(OPEN_FOR_BOB.fingerprint()).hasSize(16);
        assertThat(OPEN_FOR_BOB.toBuilder().assignee(Party.person("bo")).build().fingerprint())
                .isNotEqualTo(OPEN_FOR_BOB.fingerprint());
        assertThat(TicketQuery.builder().field("tier", FieldValue.of("1")).build().fingerprint())
                .isNotEqualTo(TicketQuery.builder().field("tier", FieldValue.of(1)).build().fingerprint());
    }
}
