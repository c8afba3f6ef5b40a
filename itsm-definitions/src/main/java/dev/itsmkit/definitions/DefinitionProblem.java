package dev.itsmkit.definitions;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a definition document: where it is and what is wrong.
 *
 * @param path the JSON path of the offending value, for example {@code $.transitions[3].to}; {@code $}
 *     for the document as a whole
 * @param line the line of the offending value in the document, from 1; 0 when the document gives none
 *     (it could not be read at all)
 * @param column the column of the offending value in its line, from 1; 0 when the line is 0
 * @param message what is wrong and what would be right
 */
public record DefinitionProblem(String path, int line, int column, String message) implements java.io.Serializable {
    /**
     * Creates the value, checking its components.
     *
     * @param path the JSON path of the offending value
     * @param line the line, from 1, or 0 when unknown
     * @param column the column, from 1, or 0 when unknown
     * @param message what is wrong
     * @throws IllegalArgumentException if the line or column is negative
     */
    public DefinitionProblem {
        requireNonNull(path, "path");
        requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 0 (unknown) or more, got " + line + ":" + column);
        }
    }

    /**
     * Tells whether the problem has a position in the document.
     *
     * @return {@code true} if {@link #line()} is known
     */
    public boolean hasPosition() {
        return line > 0;
    }

    @Override
    public String toString() {
        return path + (hasPosition() ? " (line " + line + ", column " + column + ")" : "") + ": " + message;
    }
}
