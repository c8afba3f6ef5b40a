package dev.itsmkit.jackson.internal;

import java.time.Instant;
import java.time.Month;
import java.time.Year;

/**
 * Reads and writes instants in the one form this library writes ({@link Instant#toString()}: {@code
 * yyyy-MM-ddTHH:mm:ss[.fff[fff[fff]]]Z}) without going through {@link java.time.format.DateTimeFormatter}.
 *
 * <p>Why: every command on a JDBC store reads its snapshot and SLA clocks and writes its event, so instants are
 * parsed and formatted a few dozen times per command; {@link Instant#parse} alone was 6-7 % of a command's
 * client CPU in a profile. Both methods handle only years 0000-9999 with a UTC {@code Z}, and hand anything
 * else to {@link Instant#parse} / {@link Instant#toString()}, so their results (and failures) are exactly
 * those of the JDK; a property test compares them over random instants. Each is one pass over at most 30
 * characters.
 */
final class IsoInstants {
    private IsoInstants() {}

    private static final int SHORTEST = "0000-01-01T00:00:00Z".length();
    private static final int SECONDS_PER_DAY = 86_400;
    /** Days from 0000-03-01 (proleptic) to 1970-01-01, for the civil-from-days arithmetic below. */
    private static final long DAYS_0000_TO_1970 = 719_468;

    /**
     * Parses an instant as {@link Instant#parse} does.
     *
     * @param text the text
     * @return the instant
     * @throws java.time.format.DateTimeParseException if {@link Instant#parse} refuses the text
     */
    static Instant parse(String text) {
        int length = text.length();
        if (length < SHORTEST || length > SHORTEST + 10 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59
                || day > Month.of(month).length(Year.isLeap(year))) {
            return Instant.parse(text);
        }
        int nanos = 0;
        if (length > SHORTEST) {
            int fractionDigits = length - SHORTEST - 1;
            if (text.charAt(19) != '.' || fractionDigits < 1) {
                return Instant.parse(text);
            }
            int fraction = digits(text, 20, 20 + fractionDigits);
            if (fraction < 0) {
                return Instant.parse(text);
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long seconds = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /**
     * Formats an instant as {@link Instant#toString()} does.
     *
     * @param instant the instant
     * @return its text
     */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = Math.floorMod(seconds, SECONDS_PER_DAY);
        // civil-from-days: days since 0000-03-01 split into 400-year eras, years of the era, day of year
        long z = day + DAYS_0000_TO_1970;
        if (z < 0) {
            return instant.toString();
        }
        long era = z / 146_097;
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        int dayOfMonth = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year > 9999) {
            return instant.toString();
        }
        int nanos = instant.getNano();
        char[] out = new char[SHORTEST + 10];
        put(out, 0, (int) year, 4);
        out[4] = '-';
        put(out, 5, month, 2);
        out[7] = '-';
        put(out, 8, dayOfMonth, 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        int end = 19;
        if (nanos > 0) {
            out[end++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(out, end, nanos / 1_000_000, 3);
                end += 3;
            } else if (nanos % 1000 == 0) {
                put(out, end, nanos / 1000, 6);
                end += 6;
            } else {
                put(out, end, nanos, 9);
                end += 9;
            }
        }
        out[end++] = 'Z';
        return new String(out, 0, end);
    }

    /** The value of the ASCII digits in {@code [from, to)}, or -1 if one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static void put(char[] out, int at, int value, int width) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }

    /** Days from 1970-01-01 to a date of years 0-9999 (days-from-civil, March-based years). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - DAYS_0000_TO_1970;
    }
}
