package dev.itsmkit.persistence.notification;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.persistence.spi.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every notification to the SLF4J logger {@code dev.itsmkit.notifications} at INFO: for
 * development and for applications that ship logs elsewhere. Never fails. Thread-safe.
 */
public final class LoggingNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger("dev.itsmkit.notifications");

    private final String name;

    private LoggingNotifier(String name) {
        this.name = name;
    }

    /**
     * Returns a logging notifier named {@code log}.
     *
     * @return the notifier
     */
    public static LoggingNotifier create() {
        return new LoggingNotifier("log");
    }

    /**
     * Returns a logging notifier with a channel name of one's own.
     *
     * @param name the channel name, not blank
     * @return the notifier
     */
    public static LoggingNotifier named(String name) {
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a notifier's name must not be blank");
        }
        return new LoggingNotifier(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(OutboxEntry entry) {
        LOG.info("{} {} {} {}", entry.idempotencyKey(), entry.event().getClass().getSimpleName(), entry.tenant(), entry.ticket());
    }
}
