package dev.itsmkit.core;

/**
 * The order in which tickets are worked: level 1 ({@code P1}) first. Derived from {@link Impact} and {@link Urgency} by an {@code ImpactUrgencyMatrix}, or set by an override that is recorded.
 *
 * @param level from 1 (highest) to {@value #MAX_LEVEL}
 */
public record Priority(int level) implements Comparable<Priority> {
    /** The lowest level a scale may have; ITIL uses scales of 3, 4 or 5 levels. */
    public static final int MAX_LEVEL = 9;
    /**
     * Creates the value, checking its components.
     *
     * @param level from 1 (highest) to {@value #MAX_LEVEL}
     * @throws IllegalArgumentException if a component is out of range
     */
    public Priority {
        if (level < 1 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("priority level must be between 1 (highest) and " + MAX_LEVEL
                    + ", got " + level);
        }
    }

    /**
     * Returns the Priority of this level.
     *
     * @param level from 1 (highest) to {@value #MAX_LEVEL}
     * @return the priority
     * @throws IllegalArgumentException if {@code level} is out of range
     */
    public static Priority of(int level) {
        // Shared instances: every ticket snapshot and builder holds these, and the values are equal either way.
        return level >= 1 && level <= MAX_LEVEL ? LEVELS[level] : new Priority(level);
    }

    /** The instance of each level, at its index (index 0 unused). */
    private static final Priority[] LEVELS = levels();

    private static Priority[] levels() {
        Priority[] levels = new Priority[MAX_LEVEL + 1];
        for (int level = 1; level <= MAX_LEVEL; level++) {
            levels[level] = new Priority(level);
        }
        return levels;
    }

    /**
     * Tells whether this is higher (a smaller level number) than another.
     *
     * @param other the priority to compare with
     * @return {@code true} if this level number is smaller
     */
    public boolean isHigherThan(Priority other) {
        return level < other.level;
    }

    /**
     * Parses a priority name such as {@code P1}.
     *
     * @param name {@code P} followed by the level
     * @return the priority
     * @throws IllegalArgumentException if {@code name} is not {@code P1} to {@code P9}
     */
    public static Priority parse(String name) {
        if (name.length() != 2 || name.charAt(0) != 'P' || name.charAt(1) < '1' || name.charAt(1) > '9') {
            throw new IllegalArgumentException("a priority is written P1 to P" + MAX_LEVEL + ", got '" + name + "'");
        }
        return of(name.charAt(1) - '0');
    }

    /**
     * Returns the priority's name.
     *
     * @return {@code P} followed by the level, for example {@code P1}
     */
    @Override
    public String toString() {
        return "P" + level;
    }

    /** Orders from the highest (level 1) to the lowest. */
    @Override
    public int compareTo(Priority other) {
        return Integer.compare(level, other.level);
    }
}
