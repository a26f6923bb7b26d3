package vn.laichau.hlg.tracker.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL 17 server run by the application itself, with its data kept in a folder across
 * restarts. A lock file beside the data folder makes sure that only one copy of the application uses
 * that folder: a second copy stops before touching anything.
 */
public final class EmbeddedPostgresServer implements Closeable {

    public static final String DATABASE = "tracker";
    public static final String USER = "postgres";

    private final Path dataDirectory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /**
     * Starts the server on the given data folder (created when missing, reused when present).
     *
     * @param port 0 to take any free port
     * @throws DataDirectoryInUseException when another running copy holds the folder
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        FileChannel channel = null;
        FileLock lock = null;
        try {
            Files.createDirectories(directory.getParent());
            Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException alreadyHeldHere) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(directory);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.toFile())
                    .setCleanDataDirectory(false)
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(directory, channel, lock, postgres);
            server.createApplicationDatabase();
            return server;
        } catch (IOException e) {
            release(lock, channel);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server in " + directory, e);
        } catch (RuntimeException e) {
            release(lock, channel);
            throw e;
        }
    }

    private void createApplicationDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database " + DATABASE + " encoding 'UTF8'");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(lock, lockChannel);
        }
    }

    private static void release(FileLock lock, FileChannel channel) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // The lock goes with the process anyway.
        }
    }

    /** Another running copy of the application uses this data folder. */
    public static final class DataDirectoryInUseException extends IllegalStateException {

        private final Path dataDirectory;

        public DataDirectoryInUseException(Path dataDirectory) {
            super("The data folder " + dataDirectory + " is in use by another running copy of the application");
            this.dataDirectory = dataDirectory;
        }

        public Path dataDirectory() {
            return dataDirectory;
        }
    }
}
