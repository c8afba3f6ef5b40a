package dev.itsmkit.core.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a canonical form as it is written: the UTF-8 encoding of the text a
 * {@code StringBuilder} would hold after the same appends. The form is ASCII (every free text is
 * escaped), so each character is one byte and the buffer is what a digest reads, with no string in
 * between; a non-ASCII character that reaches {@link #append(String)} anyway is encoded as UTF-8, so
 * the bytes stay those of the text in every case. Not thread-safe; reused by one thread.
 */
final class FormBuffer {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Eight bytes of an array at once (any byte order would do: bytes are copied, not interpreted). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;
    private int length;
    /** The day whose date {@link #date} holds, or {@link Long#MIN_VALUE}. */
    private long dateDay = Long.MIN_VALUE;
    /** {@code yyyy-MM-dd} of {@link #dateDay}: events of one commit, and of one day, share it. */
    private final byte[] date = new byte[10];

    FormBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    /** Makes room for {@code more} bytes after the current length. */
    private void ensure(int more) {
        int needed = length + more;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, 2 * bytes.length));
        }
    }

    FormBuffer append(String text) {
        int n = text.length();
        ensure(n);
        byte[] b = bytes;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return appendUtf8(text);
            }
            b[at + i] = (byte) c;
        }
        length = at + n;
        return this;
    }

    /** The rare path: a text with a non-ASCII character, written whole as UTF-8 over what the fast path began. */
    private FormBuffer appendUtf8(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return this;
    }

    /**
     * Writes bytes known to be printable ASCII: a constant part of the form, encoded once. Eight bytes at a time, the
     * last eight overlapping the ones before (the constants are short: a call of the array copy's stub cost more).
     */
    FormBuffer appendAscii(byte[] ascii) {
        int n = ascii.length;
        ensure(n);
        byte[] b = bytes;
        int at = length;
        if (n >= 8) {
            for (int i = 0; i < n - 8; i += 8) {
                LONGS.set(b, at + i, (long) LONGS.get(ascii, i));
            }
            LONGS.set(b, at + n - 8, (long) LONGS.get(ascii, n - 8));
        } else {
            for (int i = 0; i < n; i++) {
                b[at + i] = ascii[i];
            }
        }
        length = at + n;
        return this;
    }

    FormBuffer append(char c) {
        if (c >= 0x80) {
            return appendUtf8(String.valueOf(c));
        }
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    FormBuffer append(boolean value) {
        return append(value ? "true" : "false");
    }

    FormBuffer append(int value) {
        return append((long) value);
    }

    /** Writes what {@code StringBuilder.append(long)} writes: the decimal digits, after a minus sign if negative. */
    FormBuffer append(long value) {
        if (value >= 0 && value < 10) {
            // one digit: a cycle, a level, a small version
            ensure(1);
            bytes[length++] = (byte) ('0' + value);
            return this;
        }
        if (value >= 0 && value < 1_000_000_000L) {
            // the usual case (sequences, versions, the fields of an instant): int arithmetic, whose division by 10 the
            // compiler turns into a multiplication, and the digits counted by comparisons
            int v = (int) value;
            return appendDigits(v, v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10_000 ? 4 : v < 100_000 ? 5
                    : v < 1_000_000 ? 6 : v < 10_000_000 ? 7 : v < 100_000_000 ? 8 : 9);
        }
        if (value == Long.MIN_VALUE) {
            return append(Long.toString(value));
        }
        ensure(20);
        long v = value;
        if (v < 0) {
            bytes[length++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long limit = 10; digits < 19 && v >= limit; limit *= 10) {
            digits++;
        }
        int at = length + digits;
        length = at;
        do {
            bytes[--at] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        return this;
    }

    /**
     * Writes exactly {@code width} decimal digits of a value, with leading zeros: the value must be at least 0 and
     * below 10<sup>width</sup> (not checked: the callers' values are).
     */
    FormBuffer appendDigits(int value, int width) {
        ensure(width);
        byte[] b = bytes;
        int at = length + width;
        length = at;
        int v = value;
        for (int k = 0; k < width; k++) {
            b[--at] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return this;
    }

    /**
     * Writes the ISO-8601 date ({@code yyyy-MM-dd}) of a day since the epoch in the years 0 to 9999, as
     * {@link java.time.LocalDate#toString()} writes it, remembering the last day's text (the days of a thread's
     * events are mostly one).
     */
    FormBuffer appendDate(long epochDay) {
        if (epochDay != dateDay) {
            java.time.LocalDate d = java.time.LocalDate.ofEpochDay(epochDay);
            int year = d.getYear();
            int month = d.getMonthValue();
            int day = d.getDayOfMonth();
            byte[] t = date;
            t[0] = (byte) ('0' + year / 1000);
            t[1] = (byte) ('0' + year / 100 % 10);
            t[2] = (byte) ('0' + year / 10 % 10);
            t[3] = (byte) ('0' + year % 10);
            t[4] = '-';
            t[5] = (byte) ('0' + month / 10);
            t[6] = (byte) ('0' + month % 10);
            t[7] = '-';
            t[8] = (byte) ('0' + day / 10);
            t[9] = (byte) ('0' + day % 10);
            dateDay = epochDay;
        }
        ensure(10);
        System.arraycopy(date, 0, bytes, length, 10);
        length += 10;
        return this;
    }

    /**
     * Writes what {@link java.time.Instant#toString()} writes for an instant from 1970 to 9999 (not checked: the
     * caller's are): {@code yyyy-MM-ddTHH:mm:ss}, the fraction in groups of three digits as needed, and {@code Z}.
     * One check for room, the date remembered as in {@link #appendDate}.
     */
    FormBuffer appendInstant(long epochSecond, int nano) {
        ensure(31);
        appendDate(epochSecond / 86_400);
        bytes[length++] = 'T';
        appendTimeOfDay((int) (epochSecond % 86_400));
        if (nano != 0) {
            bytes[length++] = '.';
            if (nano % 1_000_000 == 0) {
                appendDigits(nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                appendDigits(nano / 1000, 6);
            } else {
                appendDigits(nano, 9);
            }
        }
        bytes[length++] = 'Z';
        return this;
    }

    /** Writes {@code HH:mm:ss} of a second of the day (0 to 86,399). */
    FormBuffer appendTimeOfDay(int secondOfDay) {
        ensure(8);
        byte[] b = bytes;
        int at = length;
        int hour = secondOfDay / 3600;
        int minute = secondOfDay / 60 % 60;
        int second = secondOfDay % 60;
        b[at] = (byte) ('0' + hour / 10);
        b[at + 1] = (byte) ('0' + hour % 10);
        b[at + 2] = ':';
        b[at + 3] = (byte) ('0' + minute / 10);
        b[at + 4] = (byte) ('0' + minute % 10);
        b[at + 5] = ':';
        b[at + 6] = (byte) ('0' + second / 10);
        b[at + 7] = (byte) ('0' + second % 10);
        length = at + 8;
        return this;
    }

    /**
     * Writes a text escaped as the canonical form escapes it: {@code "} and {@code \} after a backslash, every
     * character outside printable ASCII as {@code \}{@code uXXXX} (UTF-16 units, upper-case hex), the rest as is.
     */
    void appendEscaped(String text) {
        int n = text.length();
        ensure(n);
        byte[] b = bytes;
        int at = length;
        // every character copied as a byte, and one test at the end whether any needed escaping: a loop without a
        // branch per character (ids and most texts need none); if one did, the slow loop rewrites the text
        int outside = 0;
        for (int i = 0; i < n; i++) {
            int c = text.charAt(i);
            b[at + i] = (byte) c;
            // negative if c is below 0x20, above 0x7E, a quote or a backslash (c ^ x is 0 only for c == x)
            outside |= (c - 0x20) | (0x7E - c) | ((c ^ '"') - 1) | ((c ^ '\\') - 1);
        }
        if (outside >= 0) {
            length = at + n;
            return;
        }
        appendEscapedSlowly(text);
    }

    /** {@link #appendEscaped} for a text with a character to escape: character by character. */
    private void appendEscapedSlowly(String text) {
        int n = text.length();
        byte[] b = bytes;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c <= 0x7E && c != '"' && c != '\\') {
                b[at++] = (byte) c;
                continue;
            }
            // room for this character's escape (at most 6 bytes) and one byte for each character after it
            length = at;
            ensure(6 + n - i);
            b = bytes;
            b[at++] = '\\';
            if (c == '"' || c == '\\') {
                b[at++] = (byte) c;
            } else {
                b[at++] = 'u';
                b[at++] = HEX[(c >> 12) & 0xF];
                b[at++] = HEX[(c >> 8) & 0xF];
                b[at++] = HEX[(c >> 4) & 0xF];
                b[at++] = HEX[c & 0xF];
            }
        }
        length = at;
    }

    /** The character at an index, for the ASCII structure characters the form checks (never a text's). */
    char charAt(int index) {
        return (char) (bytes[index] & 0xFF);
    }

    int length() {
        return length;
    }

    byte[] array() {
        return bytes;
    }

    /** Empties the buffer, dropping an array grown past {@code keep} bytes (an event with a huge text, once). */
    void clear(int keep) {
        length = 0;
        if (bytes.length > keep) {
            bytes = new byte[keep];
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
