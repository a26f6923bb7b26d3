package vn.laichau.hlg.tracker.support;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import vn.laichau.hlg.tracker.shared.EmbeddedPostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real PostgreSQL 17 per test JVM: a Testcontainers container where Docker runs, otherwise the
 * application's own embedded server on a throw-away folder. Never H2, never a mock.
 */
public final class TestDatabase {

    private static TestDatabase instance;

    private final String url;
    private final String username;
    private final String password;

    private TestDatabase(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = dockerAvailable() ? container() : embedded();
        }
        return instance;
    }

    private static boolean dockerAvailable() {
        if ("false".equals(System.getenv("TESTCONTAINERS_ENABLED"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    private static TestDatabase container() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static TestDatabase embedded() {
        try {
            Path folder = Files.createTempDirectory("tracker-test-db");
            EmbeddedPostgresServer server = EmbeddedPostgresServer.startThrowAway(folder.resolve("postgres"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                delete(folder);
            }));
            return new TestDatabase(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder; the system cleans it eventually.
        }
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The JDBC URL of another database on the same server. */
    public String urlOf(String database) {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }
}
