package dev.itsmkit.sla.internal;

import dev.itsmkit.sla.Holidays;
import dev.itsmkit.sla.IcsFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads the all-day events of an iCalendar (RFC 5545) file as holidays; see {@link Holidays#parseIcs}. A small
 * parser on purpose: it reads what holiday calendars contain and refuses, with the line number, whatever it
 * would otherwise misread. Stateless and thread-safe.
 */
public final class IcsParser {
    /** Events longer than this are a mistake in the file rather than a holiday. */
    private static final int MAX_EVENT_DAYS = 366;

    private IcsParser() {
    }

    /**
     * Parses a whole file.
     *
     * @param reader the file's text; read to its end, not closed
     * @return the holidays
     * @throws IcsFormatException if the text is not a calendar of all-day events
     * @throws UncheckedIOException if reading fails
     */
    public static Holidays parse(Reader reader) {
        List<ContentLine> lines = unfold(reader);
        TreeSet<LocalDate> dates = new TreeSet<>();
        TreeSet<MonthDay> yearly = new TreeSet<>();
        Deque<ContentLine> open = new ArrayDeque<>();
        Event event = null;
        boolean sawCalendar = false;
        for (ContentLine line : lines) {
            Property property = Property.of(line);
            switch (property.name) {
                case "BEGIN" -> {
                    String component = property.value.toUpperCase(Locale.ROOT);
                    if (open.isEmpty() && !component.equals("VCALENDAR")) {
                        throw new IcsFormatException(line.number, "a file must start with BEGIN:VCALENDAR, got "
                                + line.text);
                    }
                    if (component.equals("VCALENDAR")) {
                        if (!open.isEmpty()) {
                            throw new IcsFormatException(line.number, "a VCALENDAR cannot be nested in "
                                    + open.peek().text);
                        }
                        sawCalendar = true;
                    }
                    if (component.equals("VEVENT")) {
                        if (open.size() != 1) {
                            throw new IcsFormatException(line.number, "a VEVENT must be directly inside the VCALENDAR");
                        }
                        event = new Event(line.number);
                    }
                    open.push(new ContentLine(line.number, component));
                }
                case "END" -> {
                    String component = property.value.toUpperCase(Locale.ROOT);
                    if (open.isEmpty() || !open.peek().text.equals(component)) {
                        throw new IcsFormatException(line.number, "END:" + component + " does not close "
                                + (open.isEmpty() ? "anything" : "BEGIN:" + open.peek().text + " of line "
                                        + open.peek().number));
                    }
                    open.pop();
                    if (component.equals("VEVENT") && event != null) {
                        event.addTo(dates, yearly);
                        event = null;
                    }
                }
                default -> {
                    if (open.isEmpty()) {
                        throw new IcsFormatException(line.number, "content outside BEGIN:VCALENDAR ... END:VCALENDAR: "
                                + line.text);
                    }
                    // properties of the event itself, not of a VALARM inside it
                    if (event != null && open.size() == 2) {
                        event.read(property, line);
                    }
                }
            }
        }
        if (!open.isEmpty()) {
            throw new IcsFormatException(0, "BEGIN:" + open.peek().text + " of line " + open.peek().number
                    + " is never closed by END:" + open.peek().text);
        }
        if (!sawCalendar) {
            throw new IcsFormatException(0, "no BEGIN:VCALENDAR found: is this an iCalendar file?");
        }
        return new Holidays(dates, yearly);
    }

    /** Joins folded lines (a line starting with a space or tab continues the previous one). */
    private static List<ContentLine> unfold(Reader reader) {
        List<ContentLine> lines = new ArrayList<>();
        BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        try {
            StringBuilder current = null;
            int currentNumber = 0;
            int number = 0;
            for (String physical = buffered.readLine(); physical != null; physical = buffered.readLine()) {
                number++;
                if (number == 1 && physical.startsWith("\uFEFF")) {
                    physical = physical.substring(1);
                }
                if (!physical.isEmpty() && (physical.charAt(0) == ' ' || physical.charAt(0) == '\t')) {
                    if (current == null) {
                        throw new IcsFormatException(number, "a folded continuation line (starting with a space) "
                                + "has no line before it to continue");
                    }
                    current.append(physical, 1, physical.length());
                    continue;
                }
                if (current != null) {
                    lines.add(new ContentLine(currentNumber, current.toString()));
                    current = null;
                }
                if (physical.isBlank()) {
                    continue;
                }
                current = new StringBuilder(physical);
                currentNumber = number;
            }
            if (current != null) {
                lines.add(new ContentLine(currentNumber, current.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading an iCalendar file failed", e);
        }
        return lines;
    }

    private record ContentLine(int number, String text) {
    }

    /** A content line split into name, parameters (upper-cased names) and value. */
    private record Property(String name, List<String> parameters, String value) {
        static Property of(ContentLine line) {
            String text = line.text;
            int colon = -1;
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ':' && !quoted) {
                    colon = i;
                    break;
                }
            }
            if (colon <= 0) {
                throw new IcsFormatException(line.number, "a content line is NAME[;PARAM=VALUE]:VALUE, got '" + text
                        + "'");
            }
            String[] head = text.substring(0, colon).split(";");
            List<String> parameters = new ArrayList<>();
            for (int i = 1; i < head.length; i++) {
                parameters.add(head[i].strip().toUpperCase(Locale.ROOT));
            }
            return new Property(head[0].strip().toUpperCase(Locale.ROOT), parameters,
                    text.substring(colon + 1).strip());
        }
    }

    /** What one VEVENT says, checked as it is read. */
    private static final class Event {
        private final int beginLine;
        private @Nullable LocalDate start;
        private @Nullable LocalDate end;
        private int endLine;
        private boolean yearly;
        private boolean cancelled;

        Event(int beginLine) {
            this.beginLine = beginLine;
        }

        void read(Property property, ContentLine line) {
            switch (property.name) {
                case "DTSTART" -> {
                    if (start != null) {
                        throw new IcsFormatException(line.number, "a VEVENT has one DTSTART, this is the second");
                    }
                    start = date(property, line);
                }
                case "DTEND" -> {
                    if (end != null) {
                        throw new IcsFormatException(line.number, "a VEVENT has one DTEND or DURATION, this is the second");
                    }
                    end = date(property, line);
                    endLine = line.number;
                }
                case "DURATION" -> {
                    if (end != null) {
                        throw new IcsFormatException(line.number, "a VEVENT has one DTEND or DURATION, this is the second");
                    }
                    if (start == null) {
                        throw new IcsFormatException(line.number, "write DTSTART before DURATION");
                    }
                    end = start.plusDays(days(property.value, line));
                    endLine = line.number;
                }
                case "RRULE" -> readRule(property.value, line);
                case "STATUS" -> cancelled = property.value.equalsIgnoreCase("CANCELLED");
                case "RDATE", "EXDATE", "RECURRENCE-ID", "EXRULE" -> throw new IcsFormatException(line.number,
                        property.name + " is not supported: list each holiday as its own all-day VEVENT, or use "
                                + "RRULE:FREQ=YEARLY for one that comes back every year");
                default -> {
                    // SUMMARY, UID, DTSTAMP, TRANSP, CATEGORIES, X-...: not needed for holidays
                }
            }
        }

        private void readRule(String rule, ContentLine line) {
            if (yearly) {
                throw new IcsFormatException(line.number, "a VEVENT has at most one RRULE, this is the second");
            }
            boolean frequencyYearly = false;
            for (String part : rule.toUpperCase(Locale.ROOT).split(";")) {
                if (part.equals("FREQ=YEARLY")) {
                    frequencyYearly = true;
                } else if (!part.equals("INTERVAL=1") && !part.isEmpty()) {
                    throw new IcsFormatException(line.number, "only RRULE:FREQ=YEARLY (every year on the same "
                            + "month and day) is supported, got RRULE:" + rule);
                }
            }
            if (!frequencyYearly) {
                throw new IcsFormatException(line.number, "only RRULE:FREQ=YEARLY (every year on the same month and "
                        + "day) is supported, got RRULE:" + rule);
            }
            yearly = true;
        }

        private static LocalDate date(Property property, ContentLine line) {
            String value = property.value;
            boolean dateParameter = property.parameters.contains("VALUE=DATE");
            if (value.contains("T") || (!dateParameter && property.parameters.stream()
                    .anyMatch(p -> p.startsWith("VALUE=")))) {
                throw new IcsFormatException(line.number, "only all-day events are supported ("
                        + property.name + ";VALUE=DATE:YYYYMMDD), got '" + line.text + "'");
            }
            if (value.length() != 8 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IcsFormatException(line.number, "a date is written YYYYMMDD, got '" + value + "'");
            }
            try {
                return LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                        Integer.parseInt(value.substring(6, 8)));
            } catch (DateTimeException e) {
                throw new IcsFormatException(line.number, "no such date: " + value + " (" + e.getMessage() + ")");
            }
        }

        /** {@code P<n>D} or {@code P<n>W}, the durations an all-day event can have. */
        private static long days(String value, ContentLine line) {
            String upper = value.toUpperCase(Locale.ROOT);
            if (upper.length() >= 3 && upper.charAt(0) == 'P'
                    && (upper.endsWith("D") || upper.endsWith("W"))
                    && upper.substring(1, upper.length() - 1).chars().allMatch(c -> c >= '0' && c <= '9')
                    && upper.length() <= 6) {
                long count = Long.parseLong(upper.substring(1, upper.length() - 1));
                return upper.endsWith("W") ? count * 7 : count;
            }
            throw new IcsFormatException(line.number, "an all-day event's DURATION is whole days or weeks, such as "
                    + "P1D or P2W, got '" + value + "'");
        }

        void addTo(TreeSet<LocalDate> dates, TreeSet<MonthDay> yearlyDays) {
            if (start == null) {
                throw new IcsFormatException(beginLine, "the VEVENT starting here has no DTSTART");
            }
            LocalDate first = start;
            LocalDate last = end == null ? first.plusDays(1) : end;
            if (!last.isAfter(first)) {
                throw new IcsFormatException(endLine, "the event must end after it starts (DTEND is exclusive), got "
                        + "DTSTART " + first + " and end " + last);
            }
            if (first.plusDays(MAX_EVENT_DAYS).isBefore(last)) {
                throw new IcsFormatException(endLine, "an all-day event of more than " + MAX_EVENT_DAYS
                        + " days is not a holiday, got " + first + " to " + last);
            }
            if (cancelled) {
                return;
            }
            for (LocalDate date = first; date.isBefore(last); date = date.plusDays(1)) {
                if (yearly) {
                    yearlyDays.add(MonthDay.from(date));
                } else {
                    dates.add(date);
                }
            }
        }
    }
}
