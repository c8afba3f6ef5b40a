package dev.itsmkit.core;

/** The kinds of party that can request, own, work on or change a ticket. */
public enum PartyKind {
    /** A human being: a caller, an agent, an approver. */
    PERSON,
    /** A team: an assignment group, a change advisory board. */
    GROUP,
    /** A customer or supplier organisation. */
    ORGANIZATION,
    /** A program acting on its own: monitoring, an integration, the SLA timer engine. */
    SYSTEM
}
