package dev.itsmkit.testkit;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.ItsmException;

/**
 * A scenario file that does not follow the SLA scenario format: it names the file, the JSON path of the fault
 * (for example {@code $.policy.targets[0].goal.P7}) and what is wrong. Immutable and thread-safe.
 */
public final class ScenarioFormatException extends ItsmException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String jsonPath;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param source the file's path, or a name for text that came from elsewhere
     * @param jsonPath the JSON path of the fault, {@code $} for the whole document
     * @param problem what is wrong, and what would be right
     */
    public ScenarioFormatException(String source, String jsonPath, String problem) {
        super(requireNonNull(source, "source") + ": " + requireNonNull(jsonPath, "jsonPath") + ": "
                + requireNonNull(problem, "problem"));
        this.source = source;
        this.jsonPath = jsonPath;
        this.problem = problem;
    }

    /**
     * Returns the file's path, or the name given to text that came from elsewhere.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * Returns the JSON path of the fault.
     *
     * @return for example {@code $.timeline[2].at}; {@code $} for the whole document
     */
    public String jsonPath() {
        return jsonPath;
    }

    /**
     * Returns what is wrong.
     *
     * @return the explanation, without the source and the path
     */
    public String problem() {
        return problem;
    }
}
