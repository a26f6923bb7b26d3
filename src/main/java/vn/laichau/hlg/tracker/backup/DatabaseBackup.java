package vn.laichau.hlg.tracker.backup;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.laichau.hlg.tracker.shared.VietnamTime;

/**
 * A hot backup of the application's database while it runs, with only the JDK and the JDBC driver:
 * every table of the {@code public} schema (but Flyway's history, recreated by the migrations) is
 * copied with PostgreSQL's {@code COPY ... TO STDOUT} into one zip file, inside one read-only
 * repeatable-read transaction, so that the copy is one consistent moment of the database however much
 * is written meanwhile. A {@code manifest.properties} in the zip names the schema version, the tables
 * with their columns and row counts, and the sequences' values.
 *
 * <p>The zip is written under a temporary name, forced to the disk and only then renamed: a backup
 * that fails leaves no file, never an empty or half-written one.
 */
@Service
public class DatabaseBackup {

    static final String FORMAT = "tracker-backup-1";
    static final String MANIFEST = "manifest.properties";
    private static final Pattern BACKUP_NAME = Pattern.compile("tracker-\\d{8}-\\d{6}(-\\d+)?\\.zip");
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(VietnamTime.ZONE);
    private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);

    private final DataSource dataSource;
    private final BackupProperties properties;
    private final Clock clock;

    DatabaseBackup(DataSource dataSource, BackupProperties properties, Clock clock) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.clock = clock;
    }

    /** A backup file in the backup folder. */
    public record BackupFile(String name, long size, Instant createdAt) {
    }

    /** Makes a backup now; returns the new file. Safe to call while the application serves requests. */
    public synchronized BackupFile create() {
        Path folder = folder();
        try {
            Files.createDirectories(folder);
            Instant now = clock.instant();
            Path target = folder.resolve("tracker-" + NAME_TIME.format(now) + ".zip");
            for (int i = 2; Files.exists(target); i++) {
                target = folder.resolve("tracker-" + NAME_TIME.format(now) + "-" + i + ".zip");
            }
            Path partial = folder.resolve("." + target.getFileName() + ".part");
            try {
                try (OutputStream file = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    write(file, now);
                }
                try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                move(partial, target);
            } finally {
                Files.deleteIfExists(partial);
            }
            long size = Files.size(target);
            log.info("Database backup written to {} ({} bytes)", target, size);
            return new BackupFile(target.getFileName().toString(), size, now);
        } catch (IOException e) {
            throw new UncheckedIOException("The backup into " + folder + " failed", e);
        }
    }

    /** The backups in the folder, newest first. */
    public List<BackupFile> list() {
        Path folder = folder();
        List<BackupFile> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path path : stream) {
                if (BACKUP_NAME.matcher(path.getFileName().toString()).matches()) {
                    files.add(new BackupFile(path.getFileName().toString(), Files.size(path),
                            Files.getLastModifiedTime(path).toInstant()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(Comparator.comparing(BackupFile::createdAt).reversed().thenComparing(BackupFile::name, Comparator.reverseOrder()));
        return files;
    }

    /** Deletes the backups older than the kept number of days; returns how many were deleted. */
    public int deleteOlderThanKept() {
        Instant limit = clock.instant().minus(Duration.ofDays(Math.max(1, properties.keepDays())));
        int deleted = 0;
        for (BackupFile file : list()) {
            if (file.createdAt().isBefore(limit)) {
                try {
                    Files.deleteIfExists(folder().resolve(file.name()));
                    deleted++;
                } catch (IOException e) {
                    log.warn("Could not delete the old backup {}: {}", file.name(), e.getMessage());
                }
            }
        }
        return deleted;
    }

    public Path folder() {
        return Path.of(properties.dir()).toAbsolutePath().normalize();
    }

    private void write(OutputStream file, Instant now) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set transaction isolation level repeatable read, read only");
                write(connection, file, now);
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("The database could not be read: " + e.getMessage(), e);
        }
    }

    private void write(Connection connection, OutputStream file, Instant now) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("created", now.toString());
        manifest.setProperty("schema.version", schemaVersion(connection));
        List<String> tables = Schema.tables(connection);
        manifest.setProperty("tables", String.join(",", tables));
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16), StandardCharsets.UTF_8)) {
            for (String table : tables) {
                List<String> columns = Schema.columns(connection, table);
                manifest.setProperty("table." + table + ".columns", String.join(",", columns));
                zip.putNextEntry(new ZipEntry("data/" + table + ".copy"));
                long rows = copy.copyOut("copy public." + Schema.quote(table) + " (" + Schema.quoteAll(columns)
                        + ") to stdout with (format text, encoding 'UTF8')", new NonClosing(zip));
                zip.closeEntry();
                manifest.setProperty("table." + table + ".rows", Long.toString(rows));
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select sequencename, last_value from pg_sequences where schemaname = 'public'")) {
                while (rs.next()) {
                    String sequence = rs.getString(1);
                    long value = rs.getLong(2);
                    // A sequence never used has no last value: it starts again from its first.
                    manifest.setProperty("sequence." + sequence, rs.wasNull() ? "" : Long.toString(value));
                }
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.store(new NonClosing(zip), "Database backup of the Đề án 129 tracker");
            zip.closeEntry();
        }
    }

    static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select version from flyway_schema_history where success and version is not null "
                     + "order by installed_rank desc limit 1")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Lets COPY write into one zip entry without closing the zip. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
