package vn.laichau.hlg.tracker.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains in one sentence, instead of a stack trace, why the embedded PostgreSQL server did not start. */
class EmbeddedDatabaseStartFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresServer.EmbeddedDatabaseStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresServer.EmbeddedDatabaseStartException cause) {
        return new FailureAnalysis(
                "The application did not start because " + cause.getMessage() + ". Nothing was changed in the data.",
                "Give the embedded server a writable folder (--app.embedded-database.data-dir=...) and a free port "
                        + "(--app.embedded-database.port=..., or 0 for any free port), "
                        + "or use an external PostgreSQL server through SPRING_DATASOURCE_URL.",
                null);
    }
}
