package vn.laichau.hlg.tracker.shared;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.laichau.hlg.tracker.support.TestDatabase;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrations build the whole schema and the reference data on an empty database. */
class MigrationIntegrationTests {

    @Test
    void migrationsRunOnAnEmptyDatabase() {
        TestDatabase server = TestDatabase.get();
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(server.url(), server.username(), server.password()));
        String name = "empty_" + Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
        admin.execute("create database " + name);
        try {
            DriverManagerDataSource empty = new DriverManagerDataSource(server.urlOf(name), server.username(), server.password());
            MigrateResult result = Flyway.configure().dataSource(empty).locations("classpath:db/migration").load().migrate();

            assertThat(result.success).isTrue();
            assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(8);
            JdbcTemplate jdbc = new JdbcTemplate(empty);
            assertThat(jdbc.queryForObject("select count(*) from task", Integer.class)).isEqualTo(16);
            assertThat(jdbc.queryForObject("select count(*) from task_group", Integer.class)).isEqualTo(11);
            assertThat(jdbc.queryForObject("select count(*) from administrative_unit", Integer.class)).isEqualTo(1 + 8 + 38);
            assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from task_assignment where party_type <> 'TEXT' and agency_id is null and agency_kind_id is null", Integer.class)).isZero();
            assertThat(unindexedForeignKeys(jdbc)).isEmpty();
        } finally {
            admin.execute("drop database " + name + " with (force)");
        }
    }

    /** Foreign keys whose columns do not lead any index: each would make deletes and joins scan. */
    private static List<String> unindexedForeignKeys(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                select c.conrelid::regclass || '.' || a.attname
                from pg_constraint c
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                where c.contype = 'f'
                  and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])""",
                String.class);
    }
}
