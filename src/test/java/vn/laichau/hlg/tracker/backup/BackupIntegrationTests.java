package vn.laichau.hlg.tracker.backup;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.support.IntegrationTest;
import vn.laichau.hlg.tracker.support.TestDatabase;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.laichau.hlg.tracker.support.AdminRequests.admin;

/** A hot backup made while the application writes, restored into a new database, has every write acknowledged before it. */
@IntegrationTest
class BackupIntegrationTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DatabaseBackup backup;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path folder;

    @Test
    void aBackupMadeUnderLoadRestoresEveryWriteAcknowledgedBeforeIt() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger next = new AtomicInteger();
        String run = "backup-" + System.nanoTime();
        java.util.concurrent.CountDownLatch fifty = new java.util.concurrent.CountDownLatch(50);
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                String target = run + ":" + next.incrementAndGet();
                transactions.executeWithoutResult(status -> events.publishEvent(
                        new AuditEvent("BACKUP_PROBE", "backup.test", "127.0.0.1", target, null, "Phong Thổ")));
                acknowledged.add(target);
                fifty.countDown();
            }
        });
        writer.start();
        assertThat(fifty.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Set<String> acknowledgedBefore = Set.copyOf(acknowledged);
        DatabaseBackup.BackupFile file = new DatabaseBackup(dataSource, new BackupProperties(folder.toString(), "-", 14),
                Clock.systemUTC()).create();
        writing.set(false);
        writer.join();
        long accounts = count(jdbc, "select count(*) from account");
        long tasks = count(jdbc, "select count(*) from task");

        String database = newDatabase();
        try (HikariDataSource target = dataSourceOf(database)) {
            Flyway.configure().dataSource(target).locations("classpath:db/migration").load().migrate();
            DatabaseRestore.Restored restored = new DatabaseRestore(target).restore(folder.resolve(file.name()));

            JdbcTemplate restoredJdbc = new JdbcTemplate(target);
            List<String> targets = restoredJdbc.queryForList("select target from audit_entry where kind = 'BACKUP_PROBE'", String.class);
            assertThat(targets).containsAll(acknowledgedBefore);
            assertThat(restored.rows()).isPositive();
            assertThat(count(restoredJdbc, "select count(*) from account")).isEqualTo(accounts);
            assertThat(count(restoredJdbc, "select count(*) from task")).isEqualTo(tasks);
            // Sequences go on after the restored rows: a new entry does not collide with a restored one.
            restoredJdbc.update("insert into audit_entry (at, kind, target) values (now(), 'AFTER_RESTORE', 'x')");
        }
    }

    @Test
    void aBackupThatFailsLeavesNoFile() {
        DataSource broken = new HikariDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("the database is away");
            }
        };
        DatabaseBackup failing = new DatabaseBackup(broken, new BackupProperties(folder.toString(), "-", 14), Clock.systemUTC());

        assertThatThrownBy(failing::create).hasMessageContaining("failed");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).isEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBackupOfAnotherSchemaVersionIsRefusedAndNothingChanges() throws Exception {
        DatabaseBackup.BackupFile file = new DatabaseBackup(dataSource, new BackupProperties(folder.toString(), "-", 14),
                Clock.systemUTC()).create();
        String database = newDatabase();
        try (HikariDataSource target = dataSourceOf(database)) {
            Flyway.configure().dataSource(target).locations("classpath:db/migration").target("20").load().migrate();

            assertThatThrownBy(() -> new DatabaseRestore(target).restore(folder.resolve(file.name())))
                    .isInstanceOf(DatabaseRestore.RestoreRefusedException.class)
                    .hasMessageContaining("schema version");
            assertThat(count(new JdbcTemplate(target), "select count(*) from account")).isZero();
        }
    }

    @Test
    void anAdministratorBacksUpNowAndTheBackupIsAudited() throws Exception {
        int before = backup.list().size();

        mvc.perform(post("/admin/backups").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/backups"));

        assertThat(backup.list()).hasSize(before + 1);
        String name = backup.list().get(0).name();
        assertThat(count(jdbc, "select count(*) from audit_entry where kind = 'BACKUP_CREATED' and target = 'backup:" + name + "'"))
                .isEqualTo(1);
        mvc.perform(get("/admin/backups").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(name)));
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private static String newDatabase() throws SQLException {
        String name = "restore_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        TestDatabase database = TestDatabase.get();
        try (Connection connection = DriverManager.getConnection(database.urlOf("postgres"), database.username(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name);
        }
        return name;
    }

    private static HikariDataSource dataSourceOf(String name) {
        TestDatabase database = TestDatabase.get();
        HikariDataSource target = new HikariDataSource();
        target.setJdbcUrl(database.urlOf(name));
        target.setUsername(database.username());
        target.setPassword(database.password());
        target.setMaximumPoolSize(2);
        return target;
    }
}
