package dev.itsmkit.sla;

/** What a started clock does when the ticket's priority changes. */
public enum PriorityChangeRule {
    /** Keep the elapsed business time and take the new priority's goal (the default). */
    RETARGET,
    /** End the running cycle as if stopped, and start a new cycle from zero at the change. */
    RESTART
}
