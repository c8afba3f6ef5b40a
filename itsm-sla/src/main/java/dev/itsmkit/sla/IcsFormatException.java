package dev.itsmkit.sla;

import dev.itsmkit.core.ItsmException;

/**
 * An iCalendar ({@code .ics}) file could not be read as a list of holidays; says on which line and why.
 * Nothing was loaded. Instances are immutable and thread-safe.
 */
public final class IcsFormatException extends ItsmException {
    private static final long serialVersionUID = 1L;

    private final int lineNumber;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param lineNumber the line (counting from 1) on which the faulty content line starts; 0 if the fault is
     *     the end of the file
     * @param problem what is wrong there, and what would be right
     */
    public IcsFormatException(int lineNumber, String problem) {
        super((lineNumber > 0 ? "line " + lineNumber : "end of file") + ": " + problem);
        this.lineNumber = lineNumber;
        this.problem = problem;
    }

    /**
     * Returns the line on which the faulty content line starts.
     *
     * @return the line number counting from 1, or 0 if the fault is at the end of the file (a missing {@code END})
     */
    public int lineNumber() {
        return lineNumber;
    }

    /**
     * Returns what is wrong, without the line number.
     *
     * @return the explanation
     */
    public String problem() {
        return problem;
    }
}
