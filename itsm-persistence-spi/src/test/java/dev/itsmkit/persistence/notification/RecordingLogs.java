package dev.itsmkit.persistence.notification;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J provider for this module's tests that keeps every line logged, so that a test can read what the
 * {@link LoggingNotifier} wrote. Chosen by the system property {@code slf4j.provider} that the module's
 * surefire configuration sets (a named module's tests cannot register a provider through
 * {@code META-INF/services}); it also spares the test output SLF4J's warning that no provider was found.
 */
@SuppressWarnings("exports") // a test class patched into the module: SLF4J's types in its signatures are what it implements
public final class RecordingLogs implements SLF4JServiceProvider {
    private static final List<String> LINES = new CopyOnWriteArrayList<>();
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Creates the provider; SLF4J calls it. */
    public RecordingLogs() {}

    /**
     * Returns the lines logged so far to a logger, each as {@code LEVEL message}.
     *
     * @param logger the logger's name
     * @return the lines, oldest first
     */
    static List<String> of(String logger) {
        String prefix = logger + " ";
        return LINES.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length())).toList();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return name -> loggers.computeIfAbsent(name, Recorder::new);
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {}

    /** A logger that records every level. */
    private static final class Recorder extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable throwable) {
            LINES.add(name + " " + level + " " + MessageFormatter.basicArrayFormat(pattern, arguments));
        }
    }
}
