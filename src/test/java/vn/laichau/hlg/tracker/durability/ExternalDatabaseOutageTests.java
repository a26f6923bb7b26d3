package vn.laichau.hlg.tracker.durability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laichau.hlg.tracker.TrackerApplication;
import vn.laichau.hlg.tracker.shared.EmbeddedPostgresServer;
import vn.laichau.hlg.tracker.support.JavaProcess;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application on an external PostgreSQL server ({@code SPRING_DATASOURCE_URL}), as in production:
 * the server goes away under the running application and comes back. While it is away every request
 * answers within seconds, pages with the Vietnamese 503 page and health with DOWN; once it is back the
 * application serves again by itself, without a restart.
 */
class ExternalDatabaseOutageTests {

    /** The pool waits 3 s for a connection (a sign-in asks twice); some more for a loaded machine, never the 30–120 s of a hang. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(12);

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void whileTheExternalServerIsAwayPagesFailFastInVietnameseAndTheApplicationRecoversWhenItReturns() throws Exception {
        Path data = folder.resolve("external-postgres");
        EmbeddedPostgresServer external = EmbeddedPostgresServer.start(data, 0);
        int databasePort = external.port();
        int httpPort = freePort();
        base = "http://localhost:" + httpPort;
        try (JavaProcess application = JavaProcess.start(TrackerApplication.class, folder.resolve("application.log"),
                "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/" + EmbeddedPostgresServer.DATABASE,
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--server.port=" + httpPort,
                "--app.backup.dir=" + folder.resolve("backups"),
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN")) {
            await("the application to start on the external server").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        assertThat(application.isAlive()).as("the application is running; it printed:%n%s", application.lastLines(40)).isTrue();
                        return get("/actuator/health", null).statusCode() == 200;
                    });
            assertThat(get("/login", null).statusCode()).isEqualTo(200);

            external.close();

            HttpResponse<String> health = timed(() -> get("/actuator/health", null));
            assertThat(health.statusCode()).as("health while the database is away").isEqualTo(503);
            assertThat(health.body()).contains("DOWN");

            // A visitor with a session: the session itself lives in the database.
            HttpResponse<String> page = timed(() -> get("/", "SESSION=" + "b".repeat(36)));
            assertThat(page.statusCode()).as("a page while the database is away").isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).contains("10");
            assertThat(page.body())
                    .contains("lang=\"vi\"", "Hệ thống tạm thời chưa kết nối được cơ sở dữ liệu")
                    .doesNotContain("HTTP Status", "Exception", "Whitelabel", "org.postgresql");

            HttpResponse<String> signIn = timed(() -> post("/login", "username=admin&password=wrong"));
            assertThat(signIn.statusCode()).as("signing in while the database is away").isIn(403, 503);
            assertThat(signIn.body()).doesNotContain("Exception", "HTTP Status");

            try (EmbeddedPostgresServer back = EmbeddedPostgresServer.start(data, databasePort)) {
                long returned = System.nanoTime();
                await("the application to serve again without a restart").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofSeconds(1)).ignoreExceptionsInstanceOf(IOException.class)
                        .until(() -> get("/actuator/health", null).statusCode() == 200);
                System.out.printf("Database back: health UP again after %d ms%n", Duration.ofNanos(System.nanoTime() - returned).toMillis());
                HttpResponse<String> again = get("/", "SESSION=" + "b".repeat(36));
                assertThat(again.statusCode()).as("an unknown session once the database is back: to the sign-in page").isEqualTo(302);
                assertThat(get("/login", null).statusCode()).isEqualTo(200);
                assertThat(application.isAlive()).as("the same application process, never restarted").isTrue();
            }
        } finally {
            external.close();
        }
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base;

    private String base() {
        return base;
    }

    private static HttpResponse<String> timed(Request request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = request.send();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("answer time of %s while the database is away", response.uri()).isLessThan(FAIL_FAST);
        System.out.printf("Database away: %s %s answered %d in %d ms%n", response.request().method(), response.uri().getPath(),
                response.statusCode(), took.toMillis());
        return response;
    }

    @FunctionalInterface
    private interface Request {
        HttpResponse<String> send() throws Exception;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
