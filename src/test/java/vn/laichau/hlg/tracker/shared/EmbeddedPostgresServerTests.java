package vn.laichau.hlg.tracker.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laichau.hlg.tracker.support.JavaProcess;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server that a newcomer's first command starts. */
class EmbeddedPostgresServerTests {

    @TempDir
    Path folder;

    @Test
    void dataSurvivesAStopAndAStart() throws Exception {
        Path data = folder.resolve("postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0);
             Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (word text)");
            statement.execute("insert into kept values ('Lai Châu')");
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0);
             Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select word, version() from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Lai Châu");
            assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
        }
    }

    @Test
    void everyCommitReachesTheDiskBeforeItIsAcknowledged() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder.resolve("postgres"), 0);
             Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement()) {
            assertThat(setting(statement, "fsync")).isEqualTo("on");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(statement, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void aSecondCopyOnTheSameFolderStopsAndLeavesTheFirstRunning() throws Exception {
        Path data = folder.resolve("postgres");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, 0)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, 0))
                    .isInstanceOf(EmbeddedPostgresServer.DataDirectoryInUseException.class)
                    .hasMessageContaining(data.toAbsolutePath().toString());

            try (Connection connection = DriverManager.getConnection(first.jdbcUrl());
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void aPortTakenByAnotherProgramIsReportedWithoutTouchingTheFolder() throws Exception {
        Path data = folder.resolve("postgres");
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, other.getLocalPort()))
                    .isInstanceOf(EmbeddedPostgresServer.EmbeddedDatabaseStartException.class)
                    .hasMessage("the port " + other.getLocalPort() + " is already taken by another program (perhaps another PostgreSQL server)");
        }
        assertThat(data).doesNotExist();
    }

    @Test
    void aFolderThatCannotBeWrittenIsReportedInOneSentence() throws Exception {
        Path readOnly = Files.createDirectory(folder.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(readOnly.resolve("postgres"), 0))
                    .isInstanceOf(EmbeddedPostgresServer.EmbeddedDatabaseStartException.class)
                    .hasMessageContaining("cannot be written")
                    .hasMessageContaining(readOnly.toString());
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void theApplicationRefusesAServerThatKeepsItsDataElsewhere() throws Exception {
        try (EmbeddedPostgresServer other = EmbeddedPostgresServer.start(folder.resolve("other"), 0);
             Connection connection = DriverManager.getConnection(other.jdbcUrl())) {
            Path ours = Files.createDirectory(folder.resolve("ours"));

            assertThatThrownBy(() -> EmbeddedPostgresServer.requireDataDirectory(connection, ours))
                    .isInstanceOf(EmbeddedPostgresServer.EmbeddedDatabaseStartException.class)
                    .hasMessageContaining("keeps its data in " + folder.resolve("other").toRealPath())
                    .hasMessageContaining("not in " + ours);
            EmbeddedPostgresServer.requireDataDirectory(connection, folder.resolve("other"));
        }
    }

    @Test
    void aPostmasterLeftRunningByAKilledCopyIsStoppedAndTheNextStartWorks() throws Exception {
        Path data = folder.resolve("postgres");
        long orphan;
        try (JavaProcess killed = JavaProcess.start(EmbeddedPostgresProcess.class, folder.resolve("process.log"), data.toString())) {
            killed.awaitLine("READY", Duration.ofSeconds(90));
            orphan = EmbeddedPostgresServer.readPostmasterPid(data).orElseThrow();
            killed.kill();
        }
        assertThat(ProcessHandle.of(orphan)).as("the killed copy left its postmaster running").hasValueSatisfying(
                process -> assertThat(process.isAlive()).isTrue());

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0);
             Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(EmbeddedPostgresServer.readPostmasterPid(data)).isPresent().get().isNotEqualTo(orphan);
        }
    }

    @Test
    void aStalePostmasterPidNamingAnotherProcessIsIgnored() throws Exception {
        Path data = folder.resolve("postgres");
        EmbeddedPostgresServer.start(data, 0).close();
        // A power cut leaves postmaster.pid behind; after a reboot its number may belong to any process.
        Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data.toAbsolutePath() + "\n");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0);
             Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    void aDeadPostmasterIsStartedAgainOnTheSameFolderAndPort() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder.resolve("postgres"), 0)) {
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                 Statement statement = connection.createStatement()) {
                statement.execute("create table kept (word text)");
                statement.execute("insert into kept values ('Sìn Hồ')");
            }
            assertThat(server.isRunning()).isTrue();
            assertThat(server.restartIfStopped()).as("nothing to do while it runs").isFalse();
            int port = server.port();

            ProcessHandle postmaster = ProcessHandle.of(EmbeddedPostgresServer.readPostmasterPid(server.dataDirectory()).orElseThrow()).orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get(30, TimeUnit.SECONDS);

            assertThat(server.isRunning()).isFalse();
            assertThat(server.restartIfStopped()).isTrue();
            assertThat(server.isRunning()).isTrue();
            assertThat(server.port()).isEqualTo(port);
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select word from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Sìn Hồ");
            }
        }
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet rs = statement.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
