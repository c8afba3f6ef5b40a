package dev.itsmkit.core;

/**
 * What a task holds beyond the common fields: nothing yet. A task's parent is its
 * {@link LinkType#CHILD_OF} link, its work is in its title, journal and custom fields. A final class
 * rather than a record so that fields can be added without breaking callers. Immutable and thread-safe.
 */
public final class TaskDetails implements TicketDetails {
    /** The details of every task. */
    public static final TaskDetails EMPTY = new TaskDetails();

    private TaskDetails() {}

    @Override
    public TicketKind kind() {
        return TicketKind.TASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskDetails;
    }

    @Override
    public int hashCode() {
        return TaskDetails.class.hashCode();
    }

    @Override
    public String toString() {
        return "TaskDetails[]";
    }
}
