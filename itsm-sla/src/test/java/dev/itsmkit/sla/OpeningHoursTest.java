package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {
    @Test
    void twentyFourHundredIsMidnightAtTheEndOfTheDay() {
        OpeningHours late = OpeningHours.parse("22:00-24:00");
        assertThat(late).isEqualTo(OpeningHours.untilMidnight(LocalTime.of(22, 0)));
        assertThat(late.endSecondOfDay()).isEqualTo(86_400);
        assertThat(late).hasToString("22:00-24:00");
        assertThat(OpeningHours.allDay()).hasToString("00:00-24:00");
    }

    @Test
    void textReadsBackWhatToStringWrites() {
        for (String text : new String[] {"09:00-17:00", "00:00-00:15", "08:30:15-12:00"}) {
            assertThat(OpeningHours.parse(text)).hasToString(text);
        }
    }

    @Test
    void anEmptyOrReversedIntervalIsRefused() {
        assertThatThrownBy(() -> OpeningHours.parse("17:00-09:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an opening interval must end after it starts, got 17:00-09:00");
        assertThatThrownBy(() -> OpeningHours.parse("22:00-00:00"))
                .hasMessageContaining("write 24:00 for midnight at the end of the day");
        assertThatThrownBy(() -> OpeningHours.of(LocalTime.NOON, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedTextIsRefused() {
        assertThatThrownBy(() -> OpeningHours.parse("9-5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HH:MM-HH:MM");
        assertThatThrownBy(() -> OpeningHours.parse("09:00")).hasMessageContaining("got '09:00'");
        assertThatThrownBy(() -> OpeningHours.parse("09:00-25:00")).hasMessageContaining("got '09:00-25:00'");
    }

    @Test
    void untilMidnightNeedsAMidnightEndAndFractionsOfSecondsAreRefused() {
        assertThatThrownBy(() -> new OpeningHours(LocalTime.NOON, LocalTime.of(13, 0), true))
                .hasMessageContaining("must have end 00:00");
        assertThatThrownBy(() -> OpeningHours.of(LocalTime.NOON, LocalTime.of(13, 0, 0, 5)))
                .hasMessageContaining("whole seconds");
    }

    @Test
    void onlyIntervalsThatShareTimeOverlap() {
        OpeningHours morning = OpeningHours.parse("09:00-12:00");
        assertThat(morning.overlaps(OpeningHours.parse("11:59-13:00"))).isTrue();
        assertThat(morning.overlaps(OpeningHours.parse("12:00-13:00"))).isFalse();
        assertThat(OpeningHours.parse("23:00-24:00").overlaps(OpeningHours.parse("00:00-01:00"))).isFalse();
    }
}
