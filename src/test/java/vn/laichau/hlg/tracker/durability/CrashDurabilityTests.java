package vn.laichau.hlg.tracker.durability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laichau.hlg.tracker.shared.EmbeddedPostgresServer;
import vn.laichau.hlg.tracker.support.JavaProcess;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A power cut in miniature: the application saves under load with its embedded PostgreSQL, then the
 * application's JVM and the postmaster are killed together with SIGKILL, and every save that was
 * acknowledged must be there after the next start. Once in the build; {@code -Ddurability.runs=3}
 * repeats it on the same folder, each start after a kill being the application's own start on a folder
 * with a stale {@code postmaster.pid} and a database in need of crash recovery.
 */
class CrashDurabilityTests {

    private static final int RUNS = Integer.getInteger("durability.runs", 1);
    private static final int ACKNOWLEDGED_PER_RUN = 200;

    @TempDir
    Path folder;

    @Test
    void savesAcknowledgedBeforeTheApplicationAndItsDatabaseAreKilledAreAllThereAfterARestart() throws Exception {
        Path data = folder.resolve("postgres");
        Set<String> acknowledged = new HashSet<>();
        for (int run = 1; run <= RUNS; run++) {
            try (JavaProcess application = JavaProcess.start(SavingUnderLoadApplication.class, folder.resolve("application.log"),
                    "run" + run,
                    "--app.embedded-database.data-dir=" + data,
                    "--server.port=0",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    "--spring.jpa.open-in-view=false")) {
                int databasePort = Integer.parseInt(application.awaitLine("READY", Duration.ofSeconds(180)).substring(6));
                assertThat(missing(jdbcUrl(databasePort), acknowledged))
                        .as("saves acknowledged before kill %d, seen by the restarted application's database", run - 1).isEmpty();

                int thisRun = 0;
                while (thisRun < ACKNOWLEDGED_PER_RUN) {
                    application.awaitLine("ACK", Duration.ofSeconds(60));
                    thisRun++;
                }
                long postmaster = EmbeddedPostgresServer.readPostmasterPid(data).orElseThrow();
                killTogether(application.pid(), postmaster);
                application.kill();
                for (String line : application.everyLine(Duration.ofSeconds(30))) {
                    // Only whole lines: one cut short by the kill was not read as an acknowledgement.
                    if (line.startsWith("ACK ") && line.endsWith(" .")) {
                        acknowledged.add(line.substring(4, line.length() - 2));
                    }
                }
            }
        }
        assertThat(acknowledged.size()).as("saves acknowledged in %d runs", RUNS).isGreaterThanOrEqualTo(RUNS * ACKNOWLEDGED_PER_RUN);

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data, 0)) {
            assertThat(missing(restarted.jdbcUrl(), acknowledged)).as("acknowledged saves lost").isEmpty();
        }
        System.out.printf("Durability: %d saves acknowledged in %d runs killed with SIGKILL, none lost%n", acknowledged.size(), RUNS);
    }

    private static void killTogether(long... pids) throws Exception {
        String[] command = new String[pids.length + 2];
        command[0] = "kill";
        command[1] = "-KILL";
        for (int i = 0; i < pids.length; i++) {
            command[i + 2] = Long.toString(pids[i]);
        }
        Process kill = new ProcessBuilder(command).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
        }
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + EmbeddedPostgresServer.DATABASE + "?user=" + EmbeddedPostgresServer.USER;
    }

    private static Set<String> missing(String url, Set<String> acknowledged) throws Exception {
        Set<String> missing = new HashSet<>(acknowledged);
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement select = connection.prepareStatement("select target from audit_entry where kind = 'DURABILITY_PROBE'");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                missing.remove(rs.getString(1));
            }
        }
        return missing;
    }
}
