package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Derives a ticket's {@link Priority} from its {@link Impact} and {@link Urgency}: one priority for
 * every (impact, urgency) cell of a table with {@link #impactLevels()} rows and
 * {@link #urgencyLevels()} columns. Level 1 is the highest everywhere.
 *
 * <p>Every matrix is <em>total</em> (each cell has a priority) and <em>monotone</em> (raising the
 * impact or the urgency, that is moving to a smaller level number, never gives a lower priority);
 * the builder refuses anything else with a {@link ValidationException} naming every offending cell.
 * Immutable and thread-safe.
 *
 * <p>The built-in matrices:
 * <pre>
 * {@link #itil3x3()}          urgency 1  2  3         (H, M, L)
 *   impact 1 (high)              P1 P2 P3
 *   impact 2 (medium)            P2 P3 P4
 *   impact 3 (low)               P3 P4 P5
 *
 * {@link #itil4x4()}          urgency 1  2  3  4
 *   impact 1                     P1 P1 P2 P3
 *   impact 2                     P1 P2 P3 P4
 *   impact 3                     P2 P3 P4 P4
 *   impact 4                     P3 P4 P4 P4
 *
 * {@link #itil5x5()}          urgency 1  2  3  4  5
 *   impact 1                     P1 P1 P2 P2 P3
 *   impact 2                     P1 P2 P2 P3 P3
 *   impact 3                     P2 P2 P3 P3 P4
 *   impact 4                     P2 P3 P3 P4 P4
 *   impact 5                     P3 P3 P4 P4 P5
 * </pre>
 * The 3x3 form is the one ITIL publications show; the 4x4 form maps to four priorities and the
 * 5x5 form to five, each symmetric in impact and urgency. A tenant with other rules builds its own
 * with {@link #builder(int, int)}.
 */
public final class ImpactUrgencyMatrix {
    private static final ImpactUrgencyMatrix ITIL_3X3 = builder(3, 3)
            .row(1, 1, 2, 3)
            .row(2, 2, 3, 4)
            .row(3, 3, 4, 5)
            .build();
    private static final ImpactUrgencyMatrix ITIL_4X4 = builder(4, 4)
            .row(1, 1, 1, 2, 3)
            .row(2, 1, 2, 3, 4)
            .row(3, 2, 3, 4, 4)
            .row(4, 3, 4, 4, 4)
            .build();
    private static final ImpactUrgencyMatrix ITIL_5X5 = builder(5, 5)
            .row(1, 1, 1, 2, 2, 3)
            .row(2, 1, 2, 2, 3, 3)
            .row(3, 2, 2, 3, 3, 4)
            .row(4, 2, 3, 3, 4, 4)
            .row(5, 3, 3, 4, 4, 5)
            .build();

    private final int impactLevels;
    private final int urgencyLevels;
    /** Priority levels, row-major: index (impact - 1) * urgencyLevels + (urgency - 1). */
    private final int[] cells;

    private ImpactUrgencyMatrix(int impactLevels, int urgencyLevels, int[] cells) {
        this.impactLevels = impactLevels;
        this.urgencyLevels = urgencyLevels;
        this.cells = cells;
    }

    /**
     * Returns the ITIL 3x3 matrix: high, medium and low impact and urgency giving P1 to P5 (see the
     * class comment for the table).
     *
     * @return the matrix
     */
    public static ImpactUrgencyMatrix itil3x3() {
        return ITIL_3X3;
    }

    /**
     * Returns the 4x4 matrix with priorities P1 to P4 (see the class comment for the table).
     *
     * @return the matrix
     */
    public static ImpactUrgencyMatrix itil4x4() {
        return ITIL_4X4;
    }

    /**
     * Returns the 5x5 matrix with priorities P1 to P5 (see the class comment for the table).
     *
     * @return the matrix
     */
    public static ImpactUrgencyMatrix itil5x5() {
        return ITIL_5X5;
    }

    /**
     * Starts a custom matrix.
     *
     * @param impactLevels how many impact levels (rows), 1 to {@value Impact#MAX_LEVEL}
     * @param urgencyLevels how many urgency levels (columns), 1 to {@value Urgency#MAX_LEVEL}
     * @return an empty builder; every cell must be set before {@link Builder#build()}
     * @throws IllegalArgumentException if a number of levels is out of range
     */
    public static Builder builder(int impactLevels, int urgencyLevels) {
        return new Builder(impactLevels, urgencyLevels);
    }

    /**
     * Returns a builder holding this matrix's cells, to derive a changed matrix.
     *
     * @return a builder with every cell set
     */
    public Builder toBuilder() {
        Builder builder = new Builder(impactLevels, urgencyLevels);
        System.arraycopy(cells, 0, builder.cells, 0, cells.length);
        return builder;
    }

    /**
     * Returns the priority of a ticket with this impact and urgency.
     *
     * @param impact the ticket's impact, within {@link #impactLevels()}
     * @param urgency the ticket's urgency, within {@link #urgencyLevels()}
     * @return the priority
     * @throws IllegalArgumentException if a level is outside this matrix
     */
    public Priority priorityOf(Impact impact, Urgency urgency) {
        requireNonNull(impact, "impact");
        requireNonNull(urgency, "urgency");
        if (impact.level() > impactLevels) {
            throw new IllegalArgumentException("impact level " + impact.level() + " is outside this " + dimensions()
                    + " matrix; the allowed impact levels are 1 to " + impactLevels);
        }
        if (urgency.level() > urgencyLevels) {
            throw new IllegalArgumentException("urgency level " + urgency.level() + " is outside this " + dimensions()
                    + " matrix; the allowed urgency levels are 1 to " + urgencyLevels);
        }
        return Priority.of(cells[index(impact.level(), urgency.level())]);
    }

    /**
     * Returns the number of impact levels (rows).
     *
     * @return 1 to {@value Impact#MAX_LEVEL}
     */
    public int impactLevels() {
        return impactLevels;
    }

    /**
     * Returns the number of urgency levels (columns).
     *
     * @return 1 to {@value Urgency#MAX_LEVEL}
     */
    public int urgencyLevels() {
        return urgencyLevels;
    }

    /**
     * Returns the whole table.
     *
     * @return one unmodifiable row per impact level, from impact 1; each row holds one priority per
     *     urgency level, from urgency 1
     */
    public List<List<Priority>> table() {
        List<List<Priority>> rows = new ArrayList<>(impactLevels);
        for (int i = 1; i <= impactLevels; i++) {
            List<Priority> row = new ArrayList<>(urgencyLevels);
            for (int u = 1; u <= urgencyLevels; u++) {
                row.add(Priority.of(cells[index(i, u)]));
            }
            rows.add(List.copyOf(row));
        }
        return List.copyOf(rows);
    }

    private int index(int impact, int urgency) {
        return (impact - 1) * urgencyLevels + (urgency - 1);
    }

    private String dimensions() {
        return impactLevels + "x" + urgencyLevels;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImpactUrgencyMatrix other && impactLevels == other.impactLevels
                && urgencyLevels == other.urgencyLevels && Arrays.equals(cells, other.cells);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * impactLevels + urgencyLevels) + Arrays.hashCode(cells);
    }

    /**
     * Returns the table as text.
     *
     * @return for example {@code ImpactUrgencyMatrix 3x3 [[P1, P2, P3], [P2, P3, P4], [P3, P4, P5]]}
     */
    @Override
    public String toString() {
        return "ImpactUrgencyMatrix " + dimensions() + " " + table();
    }

    /** Collects the cells of a custom matrix; not thread-safe. */
    public static final class Builder {
        private final int impactLevels;
        private final int urgencyLevels;
        /** Row-major like the matrix; 0 marks a cell not yet set. */
        private final int[] cells;

        private Builder(int impactLevels, int urgencyLevels) {
            if (impactLevels < 1 || impactLevels > Impact.MAX_LEVEL) {
                throw new IllegalArgumentException("a matrix has 1 to " + Impact.MAX_LEVEL
                        + " impact levels, got " + impactLevels);
            }
            if (urgencyLevels < 1 || urgencyLevels > Urgency.MAX_LEVEL) {
                throw new IllegalArgumentException("a matrix has 1 to " + Urgency.MAX_LEVEL
                        + " urgency levels, got " + urgencyLevels);
            }
            this.impactLevels = impactLevels;
            this.urgencyLevels = urgencyLevels;
            this.cells = new int[impactLevels * urgencyLevels];
        }

        /**
         * Sets the priority of one cell, replacing any set before.
         *
         * @param impact the row, within the builder's impact levels
         * @param urgency the column, within the builder's urgency levels
         * @param priority the cell's priority
         * @return this builder
         * @throws IllegalArgumentException if a level is outside the matrix
         */
        public Builder priority(Impact impact, Urgency urgency, Priority priority) {
            requireNonNull(impact, "impact");
            requireNonNull(urgency, "urgency");
            requireNonNull(priority, "priority");
            checkImpact(impact.level());
            if (urgency.level() > urgencyLevels) {
                throw new IllegalArgumentException("urgency level " + urgency.level() + " is outside this "
                        + impactLevels + "x" + urgencyLevels + " matrix; the allowed urgency levels are 1 to "
                        + urgencyLevels);
            }
            cells[(impact.level() - 1) * urgencyLevels + urgency.level() - 1] = priority.level();
            return this;
        }

        /**
         * Sets a whole row: the priorities of one impact level for urgency 1, 2, and so on.
         *
         * @param impactLevel the row, within the builder's impact levels
         * @param priorityLevels one priority level (1 to {@value Priority#MAX_LEVEL}) per urgency level
         * @return this builder
         * @throws IllegalArgumentException if the row is outside the matrix, has the wrong length, or
         *     holds a level that is not a priority
         */
        public Builder row(int impactLevel, int... priorityLevels) {
            checkImpact(impactLevel);
            if (priorityLevels.length != urgencyLevels) {
                throw new IllegalArgumentException("row of impact " + impactLevel + " needs " + urgencyLevels
                        + " priorities (one per urgency level), got " + priorityLevels.length + ": "
                        + Arrays.toString(priorityLevels));
            }
            for (int u = 1; u <= urgencyLevels; u++) {
                priority(Impact.of(impactLevel), Urgency.of(u), Priority.of(priorityLevels[u - 1]));
            }
            return this;
        }

        private void checkImpact(int impactLevel) {
            if (impactLevel < 1 || impactLevel > impactLevels) {
                throw new IllegalArgumentException("impact level " + impactLevel + " is outside this "
                        + impactLevels + "x" + urgencyLevels + " matrix; the allowed impact levels are 1 to "
                        + impactLevels);
            }
        }

        /**
         * Builds the matrix, checking it is total and monotone.
         *
         * @return the matrix
         * @throws ValidationException if a cell has no priority, or if a cell has a lower priority
         *     than its neighbour of the next lower impact or urgency; the exception lists every
         *     offending cell, each with the path {@code impact[i].urgency[u]}, its priority and the
         *     neighbour it contradicts
         */
        public ImpactUrgencyMatrix build() {
            List<Violation> violations = new ArrayList<>();
            for (int i = 1; i <= impactLevels; i++) {
                for (int u = 1; u <= urgencyLevels; u++) {
                    if (cell(i, u) == 0) {
                        violations.add(new Violation(path(i, u), "", "has no priority; the matrix must be total:"
                                + " each of its " + cells.length + " cells needs one"));
                    }
                }
            }
            // Comparing each cell with its next neighbour in each direction suffices: "never lower" is
            // transitive along any path of neighbours. Cells without a priority are reported above.
            for (int i = 1; i <= impactLevels; i++) {
                for (int u = 1; u <= urgencyLevels; u++) {
                    if (i < impactLevels && cell(i, u) > cell(i + 1, u) && cell(i + 1, u) != 0) {
                        violations.add(notMonotone(i, u, i + 1, u, "impact"));
                    }
                    if (u < urgencyLevels && cell(i, u) > cell(i, u + 1) && cell(i, u + 1) != 0) {
                        violations.add(notMonotone(i, u, i, u + 1, "urgency"));
                    }
                }
            }
            if (!violations.isEmpty()) {
                throw new ValidationException("impact/urgency matrix " + impactLevels + "x" + urgencyLevels,
                        violations);
            }
            return new ImpactUrgencyMatrix(impactLevels, urgencyLevels, cells.clone());
        }

        private int cell(int impact, int urgency) {
            return cells[(impact - 1) * urgencyLevels + urgency - 1];
        }

        private static String path(int impact, int urgency) {
            return "impact[" + impact + "].urgency[" + urgency + "]";
        }

        private Violation notMonotone(int i, int u, int lowerI, int lowerU, String raised) {
            return new Violation(path(i, u), "P" + cell(i, u), "is a lower priority than P" + cell(lowerI, lowerU)
                    + " at impact " + lowerI + ", urgency " + lowerU + "; the matrix must be monotone: raising the "
                    + raised + " (impact " + i + ", urgency " + u + " instead of impact " + lowerI + ", urgency "
                    + lowerU + ") must never lower the priority");
        }
    }
}
