package dev.itsmkit.workflow.internal;

import dev.itsmkit.core.outbox.Notice;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notice of each notification a lifecycle's notify action names, made once. An outbox entry keeps its notice
 * for as long as the store keeps the entry (for good, until delivered and purged), so one shared immutable notice
 * per name, instead of a notice per entry, is an object less per entry for the collector to copy and trace (the
 * entry holds the notice itself, no optional). The names come from the lifecycles (configuration, a few); past
 * {@link #KEPT} of them each is made anew. Thread-safe.
 */
final class Notices {
    /* At most this many names are kept. */
    static final int KEPT = 256;

    private final ConcurrentHashMap<String, Notice> byName = new ConcurrentHashMap<>();

    /** The notice of a notification by name alone ({@link Notice#named}), shared when kept. */
    Notice named(String name) {
        Notice known = byName.get(name);
        if (known != null) {
            return known;
        }
        Notice made = Notice.named(name);
        if (byName.size() < KEPT) {
            Notice raced = byName.putIfAbsent(name, made);
            return raced != null ? raced : made;
        }
        return made;
    }
}
