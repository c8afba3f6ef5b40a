package dev.itsmkit.cli;

import dev.itsmkit.testkit.SlaCheck;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code itsm} command: {@code itsm sla check [--json] FILE...} runs SLA scenario files and exits 0 when
 * all pass, 1 when any fails, 2 when a file is invalid or the command is misused.
 */
public final class Main {
    /** The text {@code --help} prints. */
    static final String USAGE = """
            Usage: itsm sla check [--json] FILE...
                   itsm --help

            Runs SLA scenario files (format 1; JSON, or YAML when the name ends in .yaml or .yml)
            and prints each check and expectation as passed or failed, with expected and actual values.

              --json     print one JSON document: for each file, the actual value of every check and
                         every target's outcome (all fields), and each expectation compared
              --help     print this help

            Exit codes: 0 all passed, 1 a check or expectation failed, 2 a file is invalid
            (its path, the JSON path of the fault and what is wrong are printed) or a usage error.
            """;

    private Main() {}

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command.
     *
     * @param args the command line, for example {@code sla check --json a.json b.yaml}
     * @param out where results and help go
     * @param err where usage errors go
     * @return the exit code: 0 all passed, 1 something failed, 2 a file is invalid or a usage error
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = List.of(args);
        if (words.contains("--help") || words.contains("-h")) {
            out.print(USAGE);
            return SlaCheck.ALL_PASSED;
        }
        if (words.size() < 2 || !words.get(0).equals("sla") || !words.get(1).equals("check")) {
            return usageError(err, words.isEmpty() ? "no command given"
                    : "unknown command '" + String.join(" ", words.subList(0, Math.min(2, words.size())))
                            + "'; the command is: sla check");
        }
        boolean json = false;
        boolean optionsEnded = false;
        List<Path> files = new ArrayList<>();
        for (String word : words.subList(2, words.size())) {
            if (!optionsEnded && word.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && word.equals("--json")) {
                json = true;
            } else if (!optionsEnded && word.startsWith("-") && word.length() > 1) {
                return usageError(err, "unknown option '" + word + "'");
            } else {
                files.add(Path.of(word));
            }
        }
        if (files.isEmpty()) {
            return usageError(err, "no scenario file given");
        }
        return SlaCheck.run(files, json, out);
    }

    private static int usageError(PrintStream err, String problem) {
        err.println("itsm: " + problem);
        err.print(USAGE);
        return SlaCheck.INVALID;
    }
}
