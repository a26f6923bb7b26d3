package vn.laichau.hlg.tracker.backup;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads a backup made by {@link DatabaseBackup} into the application's database, replacing its
 * content, in one transaction: the schema must already be at the backup's version (Flyway migrates it
 * when the application starts), triggers and foreign-key checks are off while loading
 * ({@code session_replication_role = replica}), and the sequences are set to the backup's values. A
 * restore that fails changes nothing.
 */
@Service
public class DatabaseRestore {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRestore.class);

    private final DataSource dataSource;

    DatabaseRestore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a restore loaded. */
    public record Restored(String schemaVersion, int tables, long rows) {
    }

    public Restored restore(Path backup) {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(DatabaseBackup.MANIFEST);
            if (manifestEntry == null) {
                throw new RestoreRefusedException(backup + " is not a backup of this application (no manifest)");
            }
            Properties manifest = new Properties();
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            if (!DatabaseBackup.FORMAT.equals(manifest.getProperty("format"))) {
                throw new RestoreRefusedException(backup + " has an unknown format: " + manifest.getProperty("format"));
            }
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    Restored restored = load(connection, zip, manifest);
                    connection.commit();
                    log.info("Restored {}: schema version {}, {} tables, {} rows", backup, restored.schemaVersion(),
                            restored.tables(), restored.rows());
                    return restored;
                } catch (SQLException | IOException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The backup " + backup + " could not be read", e);
        } catch (SQLException e) {
            throw new IllegalStateException("The backup " + backup + " could not be loaded: " + e.getMessage(), e);
        }
    }

    private Restored load(Connection connection, ZipFile zip, Properties manifest) throws SQLException, IOException {
        String version = manifest.getProperty("schema.version", "");
        String current = DatabaseBackup.schemaVersion(connection);
        if (!version.equals(current)) {
            throw new RestoreRefusedException("the backup was made at schema version " + version + " but this database is at "
                    + current + "; restore it with the application version that made it");
        }
        List<String> tables = Arrays.stream(manifest.getProperty("tables", "").split(",")).filter(t -> !t.isEmpty()).toList();
        Set<String> existing = new HashSet<>(Schema.tables(connection));
        if (!existing.equals(new HashSet<>(tables))) {
            throw new RestoreRefusedException("the backup's tables differ from this database's: " + tables + " / " + existing);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local session_replication_role = replica");
            if (!tables.isEmpty()) {
                statement.execute("truncate table " + String.join(", ", tables.stream().map(t -> "public." + Schema.quote(t)).toList()));
            }
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long rows = 0;
        for (String table : tables) {
            ZipEntry entry = zip.getEntry("data/" + table + ".copy");
            if (entry == null) {
                throw new RestoreRefusedException("the backup has no data for the table " + table);
            }
            List<String> columns = List.of(manifest.getProperty("table." + table + ".columns", "").split(","));
            try (InputStream in = zip.getInputStream(entry)) {
                long loaded = copy.copyIn("copy public." + Schema.quote(table) + " (" + Schema.quoteAll(columns)
                        + ") from stdin with (format text, encoding 'UTF8')", in);
                long expected = Long.parseLong(manifest.getProperty("table." + table + ".rows", "-1"));
                if (loaded != expected) {
                    throw new RestoreRefusedException("the table " + table + " has " + loaded + " rows in the backup, "
                            + "its manifest says " + expected);
                }
                rows += loaded;
            }
        }
        for (String key : manifest.stringPropertyNames()) {
            if (key.startsWith("sequence.")) {
                String sequence = key.substring("sequence.".length());
                String value = manifest.getProperty(key);
                try (PreparedStatement setval = connection.prepareStatement(value.isEmpty()
                        ? "select setval(?::regclass, 1, false)" : "select setval(?::regclass, ?, true)")) {
                    setval.setString(1, "public." + Schema.quote(sequence));
                    if (!value.isEmpty()) {
                        setval.setLong(2, Long.parseLong(value));
                    }
                    setval.execute();
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local session_replication_role = origin");
        }
        return new Restored(version, tables.size(), rows);
    }

    /** The backup does not fit this database; nothing was changed. */
    public static final class RestoreRefusedException extends IllegalStateException {
        public RestoreRefusedException(String message) {
            super(message);
        }
    }
}
