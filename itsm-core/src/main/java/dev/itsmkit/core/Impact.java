package dev.itsmkit.core;

/**
 * How much a ticket affects the business: level 1 is the widest impact (for example the whole enterprise), higher levels are narrower.
 *
 * @param level from 1 (highest) to {@value #MAX_LEVEL}
 */
public record Impact(int level) implements Comparable<Impact> {
    /** The lowest level a scale may have; ITIL uses scales of 3, 4 or 5 levels. */
    public static final int MAX_LEVEL = 9;
    /**
     * Creates the value, checking its components.
     *
     * @param level from 1 (highest) to {@value #MAX_LEVEL}
     * @throws IllegalArgumentException if a component is out of range
     */
    public Impact {
        if (level < 1 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("impact level must be between 1 (highest) and " + MAX_LEVEL
                    + ", got " + level);
        }
    }

    /**
     * Returns the Impact of this level.
     *
     * @param level from 1 (highest) to {@value #MAX_LEVEL}
     * @return the impact
     * @throws IllegalArgumentException if {@code level} is out of range
     */
    public static Impact of(int level) {
        // Shared instances: every ticket snapshot and builder holds these, and the values are equal either way.
        return level >= 1 && level <= MAX_LEVEL ? LEVELS[level] : new Impact(level);
    }

    /** The instance of each level, at its index (index 0 unused). */
    private static final Impact[] LEVELS = levels();

    private static Impact[] levels() {
        Impact[] levels = new Impact[MAX_LEVEL + 1];
        for (int level = 1; level <= MAX_LEVEL; level++) {
            levels[level] = new Impact(level);
        }
        return levels;
    }

    /**
     * Tells whether this is higher (a smaller level number) than another.
     *
     * @param other the impact to compare with
     * @return {@code true} if this level number is smaller
     */
    public boolean isHigherThan(Impact other) {
        return level < other.level;
    }

    /** Orders from the highest (level 1) to the lowest. */
    @Override
    public int compareTo(Impact other) {
        return Integer.compare(level, other.level);
    }
}
