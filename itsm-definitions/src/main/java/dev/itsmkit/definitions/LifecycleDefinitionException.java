package dev.itsmkit.definitions;

import dev.itsmkit.core.ItsmException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A lifecycle document was refused: it is not well-formed, does not follow the format, or describes
 * a lifecycle that does not validate. Carries every problem found, each with its location. Immutable
 * and thread-safe.
 */
public final class LifecycleDefinitionException extends ItsmException {
    private static final long serialVersionUID = 1L;

    private final String source;
    @SuppressWarnings("serial") // List.copyOf returns a serializable list of serializable problems
    private final List<DefinitionProblem> problems;

    /**
     * Creates the exception.
     *
     * @param source the document's name, for example its file's path
     * @param problems what is wrong with it; at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public LifecycleDefinitionException(String source, List<DefinitionProblem> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    private static String message(String source, List<DefinitionProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a LifecycleDefinitionException needs at least one problem");
        }
        return "the lifecycle definition " + source + " is invalid: " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems")
                + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
    }

    /**
     * Returns the document's name.
     *
     * @return the name given when reading, for example a file's path
     */
    public String source() {
        return source;
    }

    /**
     * Returns every problem found.
     *
     * @return an unmodifiable, non-empty list: the problems of the document's form in document order, or
     *     the problems of the lifecycle it describes in the order the lifecycle's validation reports them
     */
    public List<DefinitionProblem> problems() {
        return problems;
    }
}
