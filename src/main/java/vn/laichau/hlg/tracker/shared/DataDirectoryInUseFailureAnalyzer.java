package vn.laichau.hlg.tracker.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains, instead of a stack trace, why a second copy on the same data folder does not start. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresServer.DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresServer.DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                "Another copy of the application is already running on the data folder " + cause.dataDirectory()
                        + ". This copy stopped without touching it.",
                "Stop the other copy first, or give this one its own folder with --app.embedded-database.data-dir=..., "
                        + "or use an external PostgreSQL server through SPRING_DATASOURCE_URL.",
                cause);
    }
}
