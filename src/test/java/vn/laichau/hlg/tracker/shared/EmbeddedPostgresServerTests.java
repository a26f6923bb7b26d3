package vn.laichau.hlg.tracker.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

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
}
