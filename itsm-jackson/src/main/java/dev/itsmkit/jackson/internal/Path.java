package dev.itsmkit.jackson.internal;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a value sits in the JSON being read, relative to the value the deserializer started with, in
 * the notation of the core's {@code Violation} paths: {@code title}, {@code customFields.risk},
 * {@code links[2].target}. Immutable; each step is one object property or one array element.
 */
final class Path {
    static final Path ROOT = root("");

    /** Where the value being read sits in the whole document, as a JSON pointer; empty at the top level. */
    private final String base;
    private final @Nullable Path parent;
    /** The type of the object or list that holds this step, for Jackson's reference chain. */
    private final Class<?> owner;
    private final @Nullable String property;
    private final int index;

    private Path(String base, @Nullable Path parent, Class<?> owner, @Nullable String property, int index) {
        this.base = base;
        this.parent = parent;
        this.owner = owner;
        this.property = property;
        this.index = index;
    }

    /**
     * Returns the root of a value that sits somewhere in a larger document.
     *
     * @param base the JSON pointer of the value in its document, empty at the top level
     */
    static Path root(String base) {
        return new Path(base, null, Object.class, null, -1);
    }

    Path property(Class<?> holder, String name) {
        return new Path(base, this, holder, name, -1);
    }

    Path element(int elementIndex) {
        return new Path(base, this, List.class, null, elementIndex);
    }

    boolean isRoot() {
        return parent == null;
    }

    /**
     * Returns a path below this one, written relative to this one, as a core violation gives it.
     *
     * @param relative for example {@code text} or {@code links[0].target}; empty for this path itself
     * @return the joined path as text
     */
    String resolve(String relative) {
        if (relative.isEmpty()) {
            return toString();
        }
        if (isRoot()) {
            return relative;
        }
        return relative.startsWith("[") ? this + relative : this + "." + relative;
    }

    /**
     * Adds this path's steps to the reference chain of an exception, so that
     * {@link JsonMappingException#getPath()} names the value.
     *
     * @param e the exception being thrown
     * @param <E> its type
     * @return {@code e}
     */
    <E extends JsonMappingException> E attachTo(E e) {
        for (Path p = this; p.parent != null; p = p.parent) {
            e.prependPath(p.property != null ? new JsonMappingException.Reference(p.owner, p.property)
                    : new JsonMappingException.Reference(p.owner, p.index));
        }
        return e;
    }

    /**
     * Describes the place for a message.
     *
     * @return {@code "at title"}, or {@code "at the top level"} for the root; for a value inside a larger
     *     document, the value's JSON pointer first, as in {@code "at /tickets/0, title"}
     */
    String where() {
        if (base.isEmpty()) {
            return isRoot() ? "at the top level" : "at " + this;
        }
        return isRoot() ? "at " + base : "at " + base + ", " + this;
    }

    @Override
    public String toString() {
        List<Path> steps = new ArrayList<>();
        for (Path p = this; p.parent != null; p = p.parent) {
            steps.add(0, p);
        }
        StringBuilder b = new StringBuilder();
        for (Path step : steps) {
            if (step.property != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(step.property);
            } else {
                b.append('[').append(step.index).append(']');
            }
        }
        return b.toString();
    }
}
