package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.internal.Problems;
import dev.itsmkit.core.internal.Texts;
import java.time.Instant;

/**
 * What an approver decided, who decided it and when.
 *
 * @param verdict approved or rejected
 * @param decidedBy the person who decided (for a group approver, the member who acted)
 * @param at when
 * @param comment why, one or more lines, possibly empty
 */
public record ApprovalDecision(Verdict verdict, Party decidedBy, Instant at, String comment) {
    /**
     * Creates the value, checking its components.
     *
     * @param verdict approved or rejected
     * @param decidedBy who decided
     * @param at when
     * @param comment why
     * @throws ValidationException if the comment is too long or holds control characters
     */
    public ApprovalDecision {
        requireNonNull(verdict, "verdict");
        requireNonNull(decidedBy, "decidedBy");
        requireNonNull(at, "at");
        requireNonNull(comment, "comment");
        Problems problems = new Problems();
        Texts.checkText(problems, "comment", comment, Texts.MAX_TEXT, false);
        problems.throwIfAny("approval decision");
    }
}
