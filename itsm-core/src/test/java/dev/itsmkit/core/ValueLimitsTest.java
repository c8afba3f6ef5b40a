package dev.itsmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ValueLimitsTest {
    @Test
    void everyTicketNumberThatCanBeMadeCanBePrintedAndParsedBack() {
        TicketNumber highest = new TicketNumber(TicketKind.CHANGE, TicketNumber.MAX_SEQUENCE);
        assertThat(TicketNumber.parse(highest.toString())).isEqualTo(highest);
        assertThatIllegalArgumentException().isThrownBy(() -> new TicketNumber(TicketKind.CHANGE, TicketNumber.MAX_SEQUENCE + 1))
                .withMessageContaining("18 digits");
    }

    @Test
    void aNumberFieldRefusesAnExponentThatWouldPrintEndlessly() {
        assertThat(new FieldValue.Number(new BigDecimal("1E+1000")).toString()).hasSize(1001);
        assertThatIllegalArgumentException().isThrownBy(() -> new FieldValue.Number(new BigDecimal("1E+999999999")))
                .withMessageContaining("exponent of at most 1000");
        assertThatIllegalArgumentException().isThrownBy(() -> new FieldValue.Number(new BigDecimal("1" + "3".repeat(1000))))
                .withMessageContaining("significant digits");
    }
}
