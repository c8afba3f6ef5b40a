package dev.itsmkit.core;

/** The ITIL types of change, which decide how a change is authorized. */
public enum ChangeType {
    /** A low-risk, pre-authorized change that follows a known procedure. */
    STANDARD,
    /** A change assessed and authorized by the change authority. */
    NORMAL,
    /** A change that must be made as soon as possible, authorized by the emergency change authority. */
    EMERGENCY
}
