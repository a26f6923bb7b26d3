package vn.laichau.hlg.tracker.shared;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import java.nio.file.Path;
import java.time.Duration;

/**
 * When no external database is configured ({@code SPRING_DATASOURCE_URL} unset), the application runs
 * its own PostgreSQL 17 with the data in {@code app.embedded-database.data-dir}, so that a newcomer
 * needs nothing but a JDK.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(properties.dataDir()), properties.port());
        log.info("Embedded PostgreSQL 17 on port {} keeps its data in {}. To use an external PostgreSQL server instead, "
                        + "set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.",
                server.port(), server.dataDirectory());
        return server;
    }

    /**
     * Connections to the embedded server. A request waits at most a few seconds for one, so that while
     * the server restarts pages answer quickly with the error page instead of hanging.
     */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl() + "&connectTimeout=5&tcpKeepAlive=true");
        dataSource.setUsername(EmbeddedPostgresServer.USER);
        dataSource.setMaximumPoolSize(10);
        dataSource.setConnectionTimeout(Duration.ofSeconds(3).toMillis());
        dataSource.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        dataSource.setPoolName("embedded");
        return dataSource;
    }

    /** Starts the embedded server again, on the same folder and port, when its postmaster has died. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresWatchdog embeddedPostgresWatchdog(EmbeddedPostgresServer server, EmbeddedDatabaseProperties properties) {
        return new EmbeddedPostgresWatchdog(server, properties.watchdogInterval());
    }

    /**
     * @param dataDir where the database files live; kept across restarts
     * @param port    0 for any free port
     * @param watchdogInterval how often the server is checked and, when it has died, started again
     */
    @ConfigurationProperties("app.embedded-database")
    record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") String dataDir, @DefaultValue("0") int port,
                                      @DefaultValue("2s") Duration watchdogInterval) {
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }

}
