package vn.laichau.hlg.tracker.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Checks every few seconds that the embedded PostgreSQL server still runs and starts it again when it
 * has died, on the same folder and port: the connection pool then reconnects by itself, and pages that
 * failed in between showed the error page. A restart that fails is tried again at the next check.
 */
final class EmbeddedPostgresWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresWatchdog.class);

    private final EmbeddedPostgresServer server;
    private final ScheduledExecutorService executor;

    EmbeddedPostgresWatchdog(EmbeddedPostgresServer server, Duration interval) {
        this.server = server;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(100, interval.toMillis());
        executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            server.restartIfStopped();
        } catch (RuntimeException e) {
            log.error("The embedded PostgreSQL server could not be started again ({}); trying again shortly", e.getMessage());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
