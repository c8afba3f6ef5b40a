package dev.itsmkit.persistence.notification;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.persistence.spi.Notifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps every notification it receives, for tests. It can be told to fail, to test retries: while
 * failing, {@link #deliver} throws and records nothing. Thread-safe.
 */
public final class RecordingNotifier implements Notifier {
    private final String name;
    private final List<OutboxEntry> received = new ArrayList<>();
    private int attempts;
    private boolean failing;

    private RecordingNotifier(String name) {
        this.name = name;
    }

    /**
     * Returns a recording notifier.
     *
     * @param name the channel name, not blank
     * @return an empty recorder that accepts every delivery
     */
    public static RecordingNotifier named(String name) {
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a notifier's name must not be blank");
        }
        return new RecordingNotifier(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void deliver(OutboxEntry entry) {
        requireNonNull(entry, "entry");
        attempts++;
        if (failing) {
            throw new IllegalStateException("notifier " + name + " is failing on purpose");
        }
        received.add(entry);
    }

    /**
     * Makes later deliveries fail or succeed.
     *
     * @param failing {@code true} to throw on every delivery until told otherwise
     */
    public synchronized void failing(boolean failing) {
        this.failing = failing;
    }

    /**
     * Returns every entry accepted, in order, duplicates included.
     *
     * @return every entry accepted, in order, duplicates included
     */
    public synchronized List<OutboxEntry> received() {
        return List.copyOf(received);
    }

    /**
     * Returns the idempotency keys of the entries accepted, each once, in the order first seen.
     *
     * @return the idempotency keys of the entries accepted, each once, in the order first seen
     */
    public synchronized Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        received.forEach(e -> keys.add(e.idempotencyKey()));
        return keys;
    }

    /**
     * Returns how many deliveries were attempted, failed ones included.
     *
     * @return how many deliveries were attempted, failed ones included
     */
    public synchronized int attempts() {
        return attempts;
    }
}
