package dev.itsmkit.examples.servicenow;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the ServiceNow incident event log: the state of an incident after one update, as the
 * export recorded it. Unknown values ({@code ?} in the file) are empty.
 *
 * @param line the row's line number in the file, counting the header as line 1
 * @param number the incident's number in ServiceNow, such as {@code INC0000045}
 * @param state the incident's state after the update, such as {@code Awaiting User Info}
 * @param reassignmentCount how often the incident had been reassigned
 * @param reopenCount how often it had been reopened
 * @param madeSla whether ServiceNow considered its SLA made
 * @param caller who reported it
 * @param openedBy who opened it
 * @param openedAt when it was opened
 * @param updatedBy who made this update
 * @param updatedAt when this update was made
 * @param category its category
 * @param impact its impact level, 1 (high) to 3 (low)
 * @param urgency its urgency level, 1 (high) to 3 (low)
 * @param priority its priority level, 1 (critical) to 4 (low)
 * @param assignmentGroup the group it was assigned to
 * @param assignedTo the person it was assigned to
 * @param closedCode the code it was (or will be) closed with
 */
public record ServiceNowEvent(
        int line,
        String number,
        String state,
        int reassignmentCount,
        int reopenCount,
        boolean madeSla,
        String caller,
        String openedBy,
        Instant openedAt,
        String updatedBy,
        Instant updatedAt,
        Optional<String> category,
        int impact,
        int urgency,
        int priority,
        Optional<String> assignmentGroup,
        Optional<String> assignedTo,
        Optional<String> closedCode) {
    /**
     * Creates the row, checking that no component is {@code null}.
     *
     * @param line the row's line number in the file
     * @param number the incident's number
     * @param state the state after the update
     * @param reassignmentCount the reassignments so far
     * @param reopenCount the reopenings so far
     * @param madeSla whether the SLA was made
     * @param caller who reported it
     * @param openedBy who opened it
     * @param openedAt when it was opened
     * @param updatedBy who made the update
     * @param updatedAt when the update was made
     * @param category the category, or empty
     * @param impact the impact level
     * @param urgency the urgency level
     * @param priority the priority level
     * @param assignmentGroup the group, or empty
     * @param assignedTo the person, or empty
     * @param closedCode the close code, or empty
     */
    public ServiceNowEvent {
        requireNonNull(number, "number");
        requireNonNull(state, "state");
        requireNonNull(caller, "caller");
        requireNonNull(openedBy, "openedBy");
        requireNonNull(openedAt, "openedAt");
        requireNonNull(updatedBy, "updatedBy");
        requireNonNull(updatedAt, "updatedAt");
        requireNonNull(category, "category");
        requireNonNull(assignmentGroup, "assignmentGroup");
        requireNonNull(assignedTo, "assignedTo");
        requireNonNull(closedCode, "closedCode");
    }
}
