package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * SLA figures over a reporting period, in total and per group: compliance, breaches and near misses,
 * open clocks, and the business and wall times taken. Made by an {@link SlaReporter}; see there which
 * clocks count in the period and how.
 *
 * <p>The rows are the groups that have at least one clock, in the order of their labels; a report
 * without dimensions has no rows, only its {@link #total()}. {@link #render()} lays the report out as
 * a plain-text table.
 *
 * <p>Immutable and thread-safe.
 */
public final class SlaReport {
    /** What clocks can be grouped by; a group's label on each is described with the constant. */
    public enum Dimension {
        /** The policy and the target, labelled {@code policy.target}. */
        TARGET,
        /** The ticket's priority, labelled {@code P1} to {@code P9}. */
        PRIORITY,
        /** The ticket's affected service, labelled by its id, or {@code (none)}. */
        SERVICE,
        /** The ticket's assignment group, labelled by the group's id, or {@code (none)}. */
        ASSIGNMENT_GROUP,
        /** The ticket's kind, labelled by the constant's name, {@code INCIDENT} for example. */
        KIND,
        /**
         * The kind of agreement of the clock's policy ({@link AgreementType}), labelled by the
         * constant's name: {@code SLA}, {@code OLA} or {@code UNDERPINNING_CONTRACT}. The reporter
         * must be given the policies ({@link SlaReporter.Builder#policies}).
         */
        AGREEMENT,
        /**
         * The day, week or month ({@link Bucket}) in which the clock counts: when it stopped, or the
         * report instant for an open clock; labelled {@code 2026-12-01}, {@code 2026-W49} (ISO week,
         * from Monday) or {@code 2026-12}.
         */
        PERIOD
    }

    /** The length of a {@link Dimension#PERIOD} bucket, in local time of a zone. */
    public enum Bucket {
        /** A calendar day. */
        DAY,
        /** An ISO week, Monday to Sunday, labelled by its week-based year and number. */
        WEEK,
        /** A calendar month. */
        MONTH
    }

    /**
     * One group of the report.
     *
     * @param labels the group's label on each of the report's dimensions, in their order
     * @param figures the figures of the group's clocks
     */
    public record Row(List<String> labels, SlaFigures figures) {
        /**
         * Creates the value, copying the labels.
         *
         * @param labels the group's labels
         * @param figures the figures
         */
        public Row {
            labels = List.copyOf(labels);
            requireNonNull(figures, "figures");
        }
    }

    private final TimeWindow period;
    private final Instant at;
    private final List<Dimension> dimensions;
    private final Optional<Bucket> bucket;
    private final ZoneId zone;
    private final int nearMissPercent;
    private final List<Row> rows;
    private final SlaFigures total;

    SlaReport(TimeWindow period, Instant at, List<Dimension> dimensions, Optional<Bucket> bucket, ZoneId zone,
            int nearMissPercent, List<Row> rows, SlaFigures total) {
        this.period = period;
        this.at = at;
        this.dimensions = List.copyOf(dimensions);
        this.bucket = bucket;
        this.zone = zone;
        this.nearMissPercent = nearMissPercent;
        this.rows = List.copyOf(rows);
        this.total = total;
    }

    /**
     * Returns the reporting period.
     *
     * @return the period; clocks count in it by the instant they stopped, open clocks by {@link #at()}
     */
    public TimeWindow period() {
        return period;
    }

    /**
     * Returns the report instant, as of which every clock is taken.
     *
     * @return the report instant
     */
    public Instant at() {
        return at;
    }

    /**
     * Returns the dimensions the rows are grouped by, in the order of the rows' labels.
     *
     * @return the dimensions; empty for a report of totals only
     */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    /**
     * Returns the bucket of the {@link Dimension#PERIOD} dimension.
     *
     * @return the bucket, or empty when the report is not grouped by period
     */
    public Optional<Bucket> bucket() {
        return bucket;
    }

    /**
     * Returns the zone in which period buckets are laid out.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns the share of the goal above which a met clock is a near miss.
     *
     * @return a percentage, 1 to 99
     */
    public int nearMissPercent() {
        return nearMissPercent;
    }

    /**
     * Returns the groups that have clocks, ordered by their labels.
     *
     * @return the rows; unmodifiable
     */
    public List<Row> rows() {
        return rows;
    }

    /**
     * Finds the row of a group.
     *
     * @param labels the group's label on each dimension, in order
     * @return the row, or empty if no clock falls in that group
     * @throws IllegalArgumentException if the number of labels is not the number of dimensions
     */
    public Optional<Row> row(String... labels) {
        if (labels.length != dimensions.size()) {
            throw new IllegalArgumentException("the report is grouped by " + dimensions + ", so a row has "
                    + dimensions.size() + " labels, got " + List.of(labels));
        }
        List<String> wanted = List.of(labels);
        return rows.stream().filter(r -> r.labels().equals(wanted)).findFirst();
    }

    /**
     * Returns the figures of every clock counted, whatever its group.
     *
     * @return the totals
     */
    public SlaFigures total() {
        return total;
    }

    /**
     * Lays the report out as a plain-text table: a heading with the period and report instant, one
     * line per row and a total line. Durations read {@code 3h05m} (seconds shown when not zero),
     * compliance {@code 83.3%}, and {@code -} stands for a figure without clocks to measure.
     *
     * @return the table, lines ended by {@code \n}
     */
    public String render() {
        List<String> header = new ArrayList<>();
        dimensions.forEach(d -> header.add(d.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        header.addAll(List.of("clocks", "met", "breached", "cancelled", "running", "paused", "open breached",
                "compliance", "near misses", "mean", "median", "respond", "respond wall", "resolve", "resolve wall"));
        List<List<String>> lines = new ArrayList<>();
        for (Row row : rows) {
            lines.add(cells(row.labels(), row.figures()));
        }
        List<String> totalLabels = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            totalLabels.add(i == 0 ? "TOTAL" : "");
        }
        List<String> totalLine = cells(totalLabels, total);
        if (dimensions.isEmpty()) {
            header.add(0, "");
            totalLine.add(0, "TOTAL");
        }
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>(lines);
        all.add(header);
        all.add(totalLine);
        for (List<String> line : all) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        int labelColumns = Math.max(1, dimensions.size());
        StringBuilder out = new StringBuilder();
        out.append("SLA report ").append(period.start()).append(" to ").append(period.end()).append(", as of ")
                .append(at).append(bucket.map(b -> ", by " + b.name().toLowerCase(Locale.ROOT) + " in " + zone).orElse(""))
                .append(", near miss above ").append(nearMissPercent).append("% of goal\n");
        appendLine(out, header, widths, labelColumns);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.append(rule).append('\n');
        for (List<String> line : lines) {
            appendLine(out, line, widths, labelColumns);
        }
        out.append(rule).append('\n');
        appendLine(out, totalLine, widths, labelColumns);
        return out.toString();
    }

    private static List<String> cells(List<String> labels, SlaFigures f) {
        List<String> cells = new ArrayList<>(labels);
        cells.addAll(List.of(Integer.toString(f.clocks()), Integer.toString(f.met()), Integer.toString(f.breached()),
                Integer.toString(f.cancelled()), Integer.toString(f.running()), Integer.toString(f.paused()),
                Integer.toString(f.openBreached()), percent(f.compliancePercent()), Integer.toString(f.nearMisses()),
                duration(f.meanElapsed()), duration(f.medianElapsed()), duration(f.meanTimeToRespond()),
                duration(f.meanWallTimeToRespond()), duration(f.meanTimeToResolve()), duration(f.meanWallTimeToResolve())));
        return cells;
    }

    /* Labels left-aligned, figures right-aligned. */
    private static void appendLine(StringBuilder out, List<String> cells, int[] widths, int labelColumns) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(i == 0 ? "" : " | ").append(i < labelColumns ? cell + pad : pad + cell);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String percent(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f%%", value.getAsDouble()) : "-";
    }

    static String duration(Optional<Duration> value) {
        if (value.isEmpty()) {
            return "-";
        }
        Duration d = value.get();
        String sign = d.isNegative() ? "-" : "";
        d = d.abs();
        String text = sign + d.toHours() + "h" + String.format(Locale.ROOT, "%02dm", d.toMinutesPart());
        return d.toSecondsPart() == 0 ? text : text + String.format(Locale.ROOT, "%02ds", d.toSecondsPart());
    }

    @Override
    public String toString() {
        return render();
    }
}
