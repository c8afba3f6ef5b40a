package dev.itsmkit.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The command {@code itsm sla check [--json] FILE...}: runs scenario files and prints what they gave, as text
 * or as one JSON document, to a stream the caller chooses. Every file is run, whatever came of the others.
 * Thread-safe, if the stream is.
 */
public final class SlaCheck {
    /** The exit code when every check and expectation of every file passed. */
    public static final int ALL_PASSED = 0;
    /** The exit code when a check or an expectation failed and every file was valid. */
    public static final int SOME_FAILED = 1;
    /** The exit code when a file is invalid (or cannot be read), and of a usage error. */
    public static final int INVALID = 2;

    private SlaCheck() {}

    /**
     * Runs scenario files and prints the results.
     *
     * @param files the files, run and printed in this order
     * @param json {@code true} for one JSON document, {@code false} for text
     * @param out where to print
     * @return {@link #INVALID} if any file is invalid, else {@link #SOME_FAILED} if anything failed, else
     *     {@link #ALL_PASSED}
     */
    public static int run(List<Path> files, boolean json, PrintStream out) {
        requireNonNull(out, "out");
        int passed = 0;
        int failed = 0;
        int invalid = 0;
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        ArrayNode results = document.putArray("files");
        for (Path file : List.copyOf(files)) {
            try {
                ScenarioReport report = ScenarioRunner.run(file);
                if (report.passed()) {
                    passed++;
                } else {
                    failed++;
                }
                if (json) {
                    results.add(ReportPrinter.jsonOf(report));
                } else {
                    out.print(ReportPrinter.text(report));
                }
            } catch (ScenarioFormatException e) {
                invalid++;
                if (json) {
                    results.add(ReportPrinter.jsonOf(e));
                } else {
                    out.print(ReportPrinter.text(e));
                }
            }
        }
        int exitCode = invalid > 0 ? INVALID : failed > 0 ? SOME_FAILED : ALL_PASSED;
        if (json) {
            ObjectNode summary = document.putObject("summary");
            summary.put("passed", passed);
            summary.put("failed", failed);
            summary.put("invalid", invalid);
            summary.put("exitCode", exitCode);
            out.print(ReportPrinter.write(document));
        } else {
            out.println(files.size() + (files.size() == 1 ? " file: " : " files: ") + passed + " passed, " + failed
                    + " failed, " + invalid + " invalid");
        }
        out.flush();
        return exitCode;
    }
}
