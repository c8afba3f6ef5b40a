package dev.itsmkit.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scans this module's main sources for SQL built by concatenating values: a string literal that holds
 * SQL may be joined with {@code +} only to another string literal (a constant split over lines), and
 * is never formatted ({@code formatted}, {@code String.format}). Values go to {@code ?} parameters.
 */
class NoSqlConcatenationTest {
    private static final Pattern SQL = Pattern.compile("\\b(SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES|FROM|SET|AND|OR|ORDER BY)\\b");

    /** A literal of the source: where it starts and ends (exclusive) in the text with comments blanked. */
    private record Literal(int start, int end, String text) {}

    @Test
    void noMainSourceConcatenatesAValueIntoSql() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String v : violations(Files.readString(file))) {
                    violations.add(file + ": " + v);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theScanCatchesConcatenationAndFormattingButNotSplitConstants() {
        assertThat(violations("String sql = \"SELECT * FROM t WHERE id = '\" + id + \"'\";")).hasSize(1);
        assertThat(violations("String sql = prefix + \" WHERE id = 1\";")).hasSize(1);
        assertThat(violations("String sql = \"SELECT a FROM t WHERE b = %s\".formatted(b);")).hasSize(1);
        assertThat(violations("String sql = String.format(\"DELETE FROM t WHERE b = %s\", b);")).hasSize(1);
        assertThat(violations("String sql = \"SELECT a FROM t\"\n    + \" WHERE b = ?\"; // \"SELECT \" + x")).isEmpty();
        assertThat(violations("String message = \"expected \" + n + \" rows\";")).isEmpty();
    }

    static List<String> violations(String source) {
        String code = blankComments(source);
        List<Literal> literals = literals(code);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < literals.size(); i++) {
            Literal l = literals.get(i);
            if (!SQL.matcher(l.text()).find()) {
                continue;
            }
            int after = skipSpace(code, l.end());
            if (after < code.length() && code.charAt(after) == '+') {
                int operand = skipSpace(code, after + 1);
                if (operand >= code.length() || code.charAt(operand) != '"') {
                    found.add("a value is appended to " + l.text());
                }
            }
            if (code.startsWith(".formatted(", after)) {
                found.add("SQL is formatted: " + l.text());
            }
            int before = skipSpaceBack(code, l.start() - 1);
            if (before >= 0 && code.charAt(before) == '+') {
                int operand = skipSpaceBack(code, before - 1);
                if (operand < 0 || code.charAt(operand) != '"') {
                    found.add("a value is prepended to " + l.text());
                }
            }
            int open = skipSpaceBack(code, l.start() - 1);
            if (open >= 0 && code.charAt(open) == '(' && code.substring(0, open).stripTrailing().endsWith("String.format")) {
                found.add("SQL is formatted: " + l.text());
            }
        }
        return found;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaceBack(String s, int i) {
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) {
            i--;
        }
        return i;
    }

    /** Replaces comments by spaces, leaving string and character literals alone. */
    private static String blankComments(String s) {
        StringBuilder out = new StringBuilder(s);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? s.length() : end + 3;
            } else if (c == '"' || c == '\'') {
                i = endOfQuoted(s, i, c);
            } else if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                while (i < end) {
                    if (s.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                    i++;
                }
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static int endOfQuoted(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != quote) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static List<Literal> literals(String code) {
        List<Literal> literals = new ArrayList<>();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                end = end < 0 ? code.length() : end + 3;
                literals.add(new Literal(i, end, code.substring(i, end)));
                i = end;
            } else if (c == '"') {
                int end = endOfQuoted(code, i, '"');
                literals.add(new Literal(i, end, code.substring(i, end)));
                i = end;
            } else if (c == '\'') {
                i = endOfQuoted(code, i, '\'');
            } else {
                i++;
            }
        }
        return literals;
    }
}
