package dev.itsmkit.examples.servicenow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the ServiceNow incident event log (the "Incident management process enriched event log",
 * CC BY 4.0): a comma-separated file with a header of 36 named columns, or a zip holding one. Instants
 * carry no zone in the export ({@code 29-02-2016 01:16}); they are read as UTC.
 *
 * <p>Strict: a row with the wrong number of columns, a number that is not one, an instant in
 * another form, or a level outside its range fails with an {@link IllegalArgumentException} naming
 * the file's line and the column, so that a changed export is noticed rather than half read.
 */
public final class ServiceNowLog {
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm", Locale.ROOT);
    private static final String UNKNOWN = "?";
    private static final List<String> COLUMNS = List.of("number", "incident_state", "reassignment_count", "reopen_count",
            "made_sla", "caller_id", "opened_by", "opened_at", "sys_updated_by", "sys_updated_at", "category", "impact",
            "urgency", "priority", "assignment_group", "assigned_to", "closed_code");

    private ServiceNowLog() {}

    /**
     * Reads every row of a log file.
     *
     * @param file a {@code .csv} file, or a {@code .zip} whose first {@code .csv} entry is the log
     * @return the rows in file order
     * @throws IllegalArgumentException if the file is not a log of the expected form; the message names the line
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<ServiceNowEvent> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            if (file.getFileName().toString().endsWith(".zip")) {
                ZipInputStream zip = new ZipInputStream(in);
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (entry.getName().endsWith(".csv")) {
                        return read(zip, file + "!" + entry.getName());
                    }
                }
                throw new IllegalArgumentException(file + " holds no .csv entry; expected the event log as a .csv inside the zip");
            }
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ServiceNow log " + file, e);
        }
    }

    private static List<ServiceNowEvent> read(InputStream in, String source) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null) {
            throw new IllegalArgumentException(source + " is empty; expected a header line naming the columns");
        }
        String[] names = header.split(",", -1);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            index.put(names[i].trim(), i);
        }
        for (String column : COLUMNS) {
            if (!index.containsKey(column)) {
                throw new IllegalArgumentException(source + ": the header lacks the column " + column + "; it has " + index.keySet());
            }
        }
        List<ServiceNowEvent> rows = new ArrayList<>();
        int lineNumber = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != names.length) {
                throw new IllegalArgumentException(source + ":" + lineNumber + ": " + cells.length + " columns, expected "
                        + names.length + " as in the header");
            }
            rows.add(new Row(source, lineNumber, cells, index).event());
        }
        return rows;
    }

    /** One line's cells, read by column name with errors that say where. */
    private record Row(String source, int line, String[] cells, Map<String, Integer> index) {
        ServiceNowEvent event() {
            return new ServiceNowEvent(line, text("number"), text("incident_state"), number("reassignment_count"),
                    number("reopen_count"), bool("made_sla"), text("caller_id"), text("opened_by"), instant("opened_at"),
                    text("sys_updated_by"), instant("sys_updated_at"), optional("category"), level("impact", 3),
                    level("urgency", 3), level("priority", 4), optional("assignment_group"), optional("assigned_to"),
                    optional("closed_code"));
        }

        String text(String column) {
            return cells[index.get(column)].trim();
        }

        Optional<String> optional(String column) {
            String value = text(column);
            return value.isEmpty() || value.equals(UNKNOWN) ? Optional.empty() : Optional.of(value);
        }

        int number(String column) {
            try {
                return Integer.parseInt(text(column));
            } catch (NumberFormatException e) {
                throw invalid(column, "a whole number");
            }
        }

        boolean bool(String column) {
            return switch (text(column)) {
                case "TRUE" -> true;
                case "FALSE" -> false;
                default -> throw invalid(column, "TRUE or FALSE");
            };
        }

        Instant instant(String column) {
            try {
                return LocalDateTime.parse(text(column), INSTANT).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw invalid(column, "an instant of the form dd-MM-yyyy HH:mm");
            }
        }

        /** Levels are written "2 - Medium": the number before the dash counts. */
        int level(String column, int max) {
            String value = text(column);
            int dash = value.indexOf(" - ");
            try {
                int level = Integer.parseInt(dash < 0 ? value : value.substring(0, dash));
                if (level >= 1 && level <= max) {
                    return level;
                }
            } catch (NumberFormatException e) {
                // reported below with the value and what was expected
            }
            throw invalid(column, "a level from 1 to " + max + " such as '2 - Medium'");
        }

        IllegalArgumentException invalid(String column, String expected) {
            return new IllegalArgumentException(source + ":" + line + ": column " + column + " is '" + text(column)
                    + "', expected " + expected);
        }
    }
}
