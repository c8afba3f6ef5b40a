package dev.itsmkit.core;

/** What a journal entry is and who may see it. */
public enum JournalEntryKind {
    /** A comment that the requester and everyone with access to the ticket sees. */
    PUBLIC_COMMENT,
    /** A comment for the people who work the ticket, not shown to the requester. */
    INTERNAL_COMMENT,
    /** A record of work done (diagnosis, actions taken); internal. */
    WORK_NOTE;

    /**
     * Tells whether the requester may see entries of this kind.
     *
     * @return {@code true} only for public comments
     */
    public boolean isPublic() {
        return this == PUBLIC_COMMENT;
    }
}
