package dev.itsmkit.workflow.internal;

import dev.itsmkit.core.outbox.Notice;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notice of each notification a lifecycle's notify action names, made once, and the {@link Optional} an
 * outbox entry holds it in, made once too. An outbox entry keeps its notice for as long as the store keeps the
 * entry (for good, until delivered and purged), so one shared immutable notice per name, instead of a notice
 * and an optional per entry, is two objects less per entry for the collector to copy and trace. The names come
 * from the lifecycles (configuration, a few); past {@link #KEPT} of them each is made anew. Thread-safe.
 */
final class Notices {
    /* At most this many names are kept. */
    static final int KEPT = 256;

    private final ConcurrentHashMap<String, Optional<Notice>> byName = new ConcurrentHashMap<>();

    /** The notice of a notification by name alone ({@link Notice#named}), shared when kept. */
    Notice named(String name) {
        Optional<Notice> known = byName.get(name);
        if (known != null) {
            return known.get();
        }
        Notice made = Notice.named(name);
        if (byName.size() < KEPT) {
            Optional<Notice> raced = byName.putIfAbsent(name, Optional.of(made));
            return raced != null ? raced.get() : made;
        }
        return made;
    }

    /** {@code Optional.of(notice)}: the shared one when the notice is the one {@link #named} keeps for its name. */
    Optional<Notice> asked(Notice notice) {
        Optional<Notice> known = byName.get(notice.name());
        return known != null && known.get() == notice ? known : Optional.of(notice);
    }
}
