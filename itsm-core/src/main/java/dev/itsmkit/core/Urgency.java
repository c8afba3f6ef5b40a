package dev.itsmkit.core;

/**
 * How quickly a ticket must be dealt with: level 1 is the most urgent, higher levels can wait longer.
 *
 * @param level from 1 (highest) to {@value #MAX_LEVEL}
 */
public record Urgency(int level) implements Comparable<Urgency> {
    /** The lowest level a scale may have; ITIL uses scales of 3, 4 or 5 levels. */
    public static final int MAX_LEVEL = 9;
    /**
     * Creates the value, checking its components.
     *
     * @param level from 1 (highest) to {@value #MAX_LEVEL}
     * @throws IllegalArgumentException if a component is out of range
     */
    public Urgency {
        if (level < 1 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("urgency level must be between 1 (highest) and " + MAX_LEVEL
                    + ", got " + level);
        }
    }

    /**
     * Returns the Urgency of this level.
     *
     * @param level from 1 (highest) to {@value #MAX_LEVEL}
     * @return the urgency
     * @throws IllegalArgumentException if {@code level} is out of range
     */
    public static Urgency of(int level) {
        // Shared instances: every ticket snapshot and builder holds these, and the values are equal either way.
        return level >= 1 && level <= MAX_LEVEL ? LEVELS[level] : new Urgency(level);
    }

    /** The instance of each level, at its index (index 0 unused). */
    private static final Urgency[] LEVELS = levels();

    private static Urgency[] levels() {
        Urgency[] levels = new Urgency[MAX_LEVEL + 1];
        for (int level = 1; level <= MAX_LEVEL; level++) {
            levels[level] = new Urgency(level);
        }
        return levels;
    }

    /**
     * Tells whether this is higher (a smaller level number) than another.
     *
     * @param other the urgency to compare with
     * @return {@code true} if this level number is smaller
     */
    public boolean isHigherThan(Urgency other) {
        return level < other.level;
    }

    /** Orders from the highest (level 1) to the lowest. */
    @Override
    public int compareTo(Urgency other) {
        return Integer.compare(level, other.level);
    }
}
