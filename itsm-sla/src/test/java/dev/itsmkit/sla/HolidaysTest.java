package dev.itsmkit.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class HolidaysTest {

    private static Holidays parse(String... lines) {
        return Holidays.parseIcs(new StringReader(String.join("\r\n", lines) + "\r\n"));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String... lines) {
        return assertThatThrownBy(() -> parse(lines)).isInstanceOf(IcsFormatException.class);
    }

    private static String[] event(String... properties) {
        String[] lines = new String[properties.length + 4];
        lines[0] = "BEGIN:VCALENDAR";
        lines[1] = "BEGIN:VEVENT";
        System.arraycopy(properties, 0, lines, 2, properties.length);
        lines[lines.length - 2] = "END:VEVENT";
        lines[lines.length - 1] = "END:VCALENDAR";
        return lines;
    }

    @Test
    void aHolidayFileGivesDatesAndYearlyDays() throws IOException {
        try (InputStream in = HolidaysTest.class.getResourceAsStream("/holidays.ics");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Holidays holidays = Holidays.parseIcs(reader);
            assertThat(holidays.yearly()).containsExactly(MonthDay.of(1, 1), MonthDay.of(12, 25), MonthDay.of(12, 26));
            assertThat(holidays.dates()).containsExactly(
                    LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 4), LocalDate.of(2026, 4, 5),
                    LocalDate.of(2026, 4, 6), // DTEND 20260407 is exclusive, and was folded
                    LocalDate.of(2026, 6, 12), // no DTEND: one day
                    LocalDate.of(2026, 12, 29), LocalDate.of(2026, 12, 30)); // DURATION:P2D
        }
    }

    @Test
    void holidaysFromAFileCloseACalendar() throws IOException {
        try (InputStream in = HolidaysTest.class.getResourceAsStream("/holidays.ics");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Holidays holidays = Holidays.parseIcs(reader);
            BusinessCalendar calendar = BusinessCalendar.builder().zone(ZoneId.of("Europe/Berlin"))
                    .hours(DayOfWeek.MONDAY, "09:00-17:00").hours(DayOfWeek.FRIDAY, "09:00-17:00")
                    .holidays(holidays).build();
            assertThat(calendar.hoursOn(LocalDate.of(2026, 4, 6))).isEmpty();        // Easter Monday
            assertThat(calendar.hoursOn(LocalDate.of(2029, 1, 1))).isEmpty();        // a yearly Monday
            assertThat(calendar.hoursOn(LocalDate.of(2026, 4, 13))).hasSize(1);
            // Friday 3 April to Friday 10 April: only Friday the 10th is open
            assertThat(calendar.between(OffsetDateTime.parse("2026-04-03T00:00:00+02:00").toInstant(),
                    OffsetDateTime.parse("2026-04-11T00:00:00+02:00").toInstant())).isEqualTo(Duration.ofHours(8));
        }
    }

    @Test
    void aFoldedLineContinuesAfterItsLeadingWhitespace() {
        Holidays holidays = parse(event("DTSTART;VALUE=DATE:202612", "\t24", "SUMMARY:Christmas", " Eve"));
        assertThat(holidays.dates()).containsExactly(LocalDate.of(2026, 12, 24));
    }

    @Test
    void holidaysCombineAndAnswerForADate() {
        Holidays a = Holidays.of(List.of(LocalDate.of(2026, 12, 24)), List.of());
        Holidays b = Holidays.of(List.of(), List.of(MonthDay.of(1, 1)));
        Holidays both = a.plus(b);
        assertThat(both.contains(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(both.contains(LocalDate.of(2027, 12, 24))).isFalse();
        assertThat(both.contains(LocalDate.of(2031, 1, 1))).isTrue();
    }

    @Test
    void aTimedEventIsRefusedWithItsLine() {
        assertRefused(event("SUMMARY:Meeting", "DTSTART:20261224T100000Z"))
                .hasMessageStartingWith("line 4: only all-day events are supported")
                .extracting(e -> ((IcsFormatException) e).lineNumber()).isEqualTo(4);
    }

    @Test
    void aRecurrenceOtherThanYearlyIsRefused() {
        assertRefused(event("DTSTART;VALUE=DATE:20261224", "RRULE:FREQ=YEARLY;BYMONTH=12;BYDAY=4TH"))
                .hasMessage("line 4: only RRULE:FREQ=YEARLY (every year on the same month and day) is supported, "
                        + "got RRULE:FREQ=YEARLY;BYMONTH=12;BYDAY=4TH");
        assertRefused(event("DTSTART;VALUE=DATE:20261224", "RRULE:FREQ=WEEKLY")).hasMessageStartingWith("line 4:");
        assertRefused(event("DTSTART;VALUE=DATE:20261224", "EXDATE;VALUE=DATE:20271224"))
                .hasMessageStartingWith("line 4: EXDATE is not supported");
    }

    @Test
    void anEventMustEndAfterItStarts() {
        assertRefused(event("DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261224"))
                .hasMessageStartingWith("line 4: the event must end after it starts");
    }

    @Test
    void anEventNeedsAStart() {
        assertRefused(event("SUMMARY:Nothing")).hasMessageStartingWith("line 2: the VEVENT starting here has no DTSTART");
    }

    @Test
    void anImpossibleDateIsRefused() {
        assertRefused(event("DTSTART;VALUE=DATE:20260230")).hasMessageStartingWith("line 3: no such date: 20260230");
        assertRefused(event("DTSTART;VALUE=DATE:2026-12-24")).hasMessageStartingWith("line 3: a date is written YYYYMMDD");
    }

    @Test
    void componentsMustBeClosedInOrder() {
        assertRefused("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261224", "END:VCALENDAR")
                .hasMessage("line 4: END:VCALENDAR does not close BEGIN:VEVENT of line 2");
        assertRefused("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261224", "END:VEVENT")
                .hasMessage("end of file: BEGIN:VCALENDAR of line 1 is never closed by END:VCALENDAR")
                .extracting(e -> ((IcsFormatException) e).lineNumber()).isEqualTo(0);
    }

    @Test
    void somethingElseThanACalendarIsRefused() {
        assertRefused("Hello, world").hasMessageStartingWith("line 1: a content line is NAME[;PARAM=VALUE]:VALUE");
        assertRefused("BEGIN:VCARD", "END:VCARD").hasMessageStartingWith("line 1: a file must start with BEGIN:VCALENDAR");
        assertRefused("").hasMessageContaining("no BEGIN:VCALENDAR found");
        assertRefused(" folded", "BEGIN:VCALENDAR").hasMessageStartingWith("line 1: a folded continuation line");
    }
}
