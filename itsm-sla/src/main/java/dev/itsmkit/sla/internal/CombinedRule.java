package dev.itsmkit.sla.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A set operation on the open intervals of other rules, date by date.
 *
 * @param operation what to do with the operands' intervals
 * @param operands the rules combined, at least two; {@code MINUS} takes exactly two
 */
public record CombinedRule(Operation operation, List<DayRule> operands) implements DayRule {
    /** The set operations. */
    public enum Operation {
        /** Open where every operand is open. */
        INTERSECTION,
        /** Open where any operand is open. */
        UNION,
        /** Open where the first operand is open and the second is not. */
        MINUS
    }

    /**
     * Creates the rule.
     *
     * @param operation what to do with the operands' intervals
     * @param operands the rules combined
     * @throws IllegalArgumentException if there are fewer than two operands, or other than two for {@code MINUS}
     */
    public CombinedRule {
        operands = List.copyOf(operands);
        if (operands.size() < 2 || (operation == Operation.MINUS && operands.size() != 2)) {
            throw new IllegalArgumentException(operation + " needs " + (operation == Operation.MINUS ? "two" : "two or more")
                    + " calendars, got " + operands.size());
        }
    }

    @Override
    public int[] secondsOn(LocalDate date) {
        int[] result = operands.get(0).secondsOn(date);
        for (int i = 1; i < operands.size(); i++) {
            result = combine(result, operands.get(i).secondsOn(date), operation);
        }
        return result;
    }

    /**
     * Combines two sorted, disjoint interval lists with a sweep over their boundaries.
     *
     * @param a the first list
     * @param b the second list
     * @param operation the set operation
     * @return the result, sorted, disjoint, touching intervals merged
     */
    static int[] combine(int[] a, int[] b, Operation operation) {
        int[] out = new int[a.length + b.length + 2];
        int n = 0;
        int i = 0;
        int j = 0;
        boolean inA = false;
        boolean inB = false;
        boolean wasIn = false;
        int openedAt = 0;
        while (i < a.length || j < b.length) {
            int next = Math.min(i < a.length ? a[i] : Integer.MAX_VALUE, j < b.length ? b[j] : Integer.MAX_VALUE);
            while (i < a.length && a[i] == next) {
                inA = (i & 1) == 0;
                i++;
            }
            while (j < b.length && b[j] == next) {
                inB = (j & 1) == 0;
                j++;
            }
            boolean in = switch (operation) {
                case INTERSECTION -> inA && inB;
                case UNION -> inA || inB;
                case MINUS -> inA && !inB;
            };
            if (in && !wasIn) {
                openedAt = next;
            } else if (!in && wasIn) {
                out[n++] = openedAt;
                out[n++] = next;
            }
            wasIn = in;
        }
        return Arrays.copyOf(out, n);
    }
}
