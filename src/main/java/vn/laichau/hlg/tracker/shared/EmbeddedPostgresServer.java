package vn.laichau.hlg.tracker.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 17 server run by the application itself, with its data kept in a folder across
 * restarts. A lock file beside the data folder makes sure that only one copy of the application uses
 * that folder: a second copy stops before touching anything.
 *
 * <p>The server is durable: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are
 * on (the embedded library switches the first two off, which loses acknowledged commits when the
 * server is killed). Before starting, a postmaster left running on this folder by a copy of the
 * application that was killed is shut down cleanly; a stale {@code postmaster.pid}, a port already
 * taken and a folder that cannot be written are reported in one sentence. After starting, the server
 * that answers on the port must name this data folder, or the application stops.
 */
public final class EmbeddedPostgresServer implements Closeable {

    public static final String DATABASE = "tracker";
    public static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);
    private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final boolean durable;
    private final int port;
    private volatile EmbeddedPostgres postgres;
    private volatile ProcessHandle postmaster;
    private volatile List<ProcessHandle> postmasterChildren = List.of();
    private volatile boolean closed;

    private EmbeddedPostgresServer(Path dataDirectory, FileChannel lockChannel, FileLock lock, boolean durable, int port) {
        this.dataDirectory = dataDirectory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.durable = durable;
        this.port = port;
    }

    /**
     * Starts a durable server on the given data folder (created when missing, reused when present).
     *
     * @param port 0 to take any free port
     * @throws DataDirectoryInUseException when another running copy holds the folder
     * @throws EmbeddedDatabaseStartException when the server cannot start, with the reason in one sentence
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, true);
    }

    /**
     * Starts a server that may lose its last commits when killed ({@code fsync} and synchronous commit
     * off): only for throw-away data such as a test run's.
     */
    public static EmbeddedPostgresServer startThrowAway(Path dataDirectory) {
        return start(dataDirectory, 0, false);
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean durable) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        FileChannel channel = null;
        FileLock lock = null;
        try {
            requireWritable(directory);
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
            // Holding the lock, nothing else of ours runs on this folder: a postmaster still running
            // on it was left behind by a copy that was killed.
            stopOrphanedPostmaster(directory);
            int chosenPort = port > 0 ? port : freePort();
            requirePortFree(chosenPort);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(directory, channel, lock, durable, chosenPort);
            server.startPostmaster();
            server.createApplicationDatabase();
            // When the JVM stops, the library's own hook stops the server: it must not be started again then.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.closed = true, "embedded-postgres-closing"));
            return server;
        } catch (IOException e) {
            release(lock, channel);
            throw new EmbeddedDatabaseStartException(directory,
                    "the embedded PostgreSQL server could not start in " + directory + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            release(lock, channel);
            throw e;
        }
    }

    private void startPostmaster() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.toFile())
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100");
        if (durable) {
            // The library starts the server with -F (fsync off) and synchronous_commit=off; these come after.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        } else {
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off");
        }
        EmbeddedPostgres started;
        try {
            started = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseStartException(dataDirectory,
                    "the embedded PostgreSQL server did not start in " + dataDirectory
                            + " (its own messages are logged just above): " + e.getMessage(), e);
        }
        this.postgres = started;
        this.postmaster = readPostmasterPid(dataDirectory).flatMap(ProcessHandle::of).orElse(null);
        try (Connection connection = DriverManager.getConnection(started.getJdbcUrl(USER, "postgres"))) {
            requireDataDirectory(connection, dataDirectory);
        } catch (SQLException e) {
            closeQuietly(started);
            throw new EmbeddedDatabaseStartException(dataDirectory,
                    "the embedded PostgreSQL server on port " + port + " does not answer: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(started);
            throw e;
        }
    }

    /**
     * Fails unless the server behind the connection keeps its data in the given folder: with a fixed
     * port another PostgreSQL may answer there, and its data is not ours.
     */
    static void requireDataDirectory(Connection connection, Path expected) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("show data_directory")) {
            rs.next();
            String actual = rs.getString(1);
            if (!sameFolder(Path.of(actual), expected)) {
                throw new EmbeddedDatabaseStartException(expected, "the PostgreSQL server at "
                        + connection.getMetaData().getURL() + " keeps its data in " + actual + ", not in " + expected
                        + "; the application does not use another server's database");
            }
        }
    }

    private void createApplicationDatabase() {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(USER, "postgres"));
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

    /** Whether the postmaster started by this server still runs. */
    public boolean isRunning() {
        ProcessHandle process = postmaster;
        boolean alive = process != null && process.isAlive();
        if (alive) {
            // Remembered so that a restart can wait for the old server's processes to leave its memory.
            postmasterChildren = process.children().toList();
        }
        return alive;
    }

    /**
     * Starts the postmaster again on the same folder and port when it has died (killed, out of memory),
     * so that the connection pool reconnects to the same address.
     *
     * @return true when a restart was needed and succeeded
     */
    public synchronized boolean restartIfStopped() {
        if (closed || isRunning()) {
            return false;
        }
        log.warn("The embedded PostgreSQL server of {} has stopped; starting it again on port {}", dataDirectory, port);
        closeQuietly(postgres);
        for (ProcessHandle child : postmasterChildren) {
            try {
                child.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                child.destroyForcibly();
            }
        }
        stopOrphanedPostmaster(dataDirectory);
        requirePortFree(port);
        startPostmaster();
        log.info("The embedded PostgreSQL server of {} runs again on port {}", dataDirectory, port);
        return true;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(lock, lockChannel);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Closing a stopped embedded PostgreSQL server", e);
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

    // --- before starting -------------------------------------------------------------------------

    private static void requireWritable(Path directory) {
        Path existing = directory;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        boolean writable = Files.isWritable(existing);
        try {
            // The server does not run with the administrator's rights: the owner's write bit counts.
            writable &= Files.getPosixFilePermissions(existing).contains(PosixFilePermission.OWNER_WRITE);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not a POSIX file system: isWritable decides.
        }
        if (!writable) {
            throw new EmbeddedDatabaseStartException(directory, "the folder " + existing
                    + " cannot be written, so the embedded PostgreSQL server cannot keep its data in " + directory);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void requirePortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException e) {
            throw new EmbeddedDatabaseStartException(null, "the port " + port
                    + " is already taken by another program (perhaps another PostgreSQL server)");
        }
    }

    /**
     * Stops a postmaster that still runs on this folder (its {@code postmaster.pid} names a live
     * {@code postgres} process whose data folder is this one), with a fast shutdown that writes a
     * checkpoint. A {@code postmaster.pid} naming a process that is no postmaster of this folder is
     * stale and removed; one naming no live process is left to PostgreSQL, which ignores it.
     */
    static void stopOrphanedPostmaster(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        List<String> lines;
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EmbeddedDatabaseStartException(directory, "the file " + pidFile + " cannot be read: " + e.getMessage(), e);
        }
        Optional<ProcessHandle> process = parsePid(lines).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("Ignoring a stale {} left by a server that no longer runs", pidFile);
            return;
        }
        boolean ours = lines.size() > 1 && sameFolder(Path.of(lines.get(1).trim()), directory)
                && isPostgres(process.get());
        if (!ours) {
            log.warn("Removing a stale {}: process {} is not a PostgreSQL server of this folder", pidFile, process.get().pid());
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw new EmbeddedDatabaseStartException(directory, "the stale file " + pidFile + " cannot be removed: " + e.getMessage(), e);
            }
            return;
        }
        long pid = process.get().pid();
        log.warn("A PostgreSQL server (process {}) left running on {} by a previous run is shut down before starting", pid, directory);
        signal(pid, "INT");
        try {
            process.get().onExit().get(ORPHAN_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception notYet) {
            log.warn("The PostgreSQL server (process {}) did not stop in {} s; stopping it at once (it recovers on start)",
                    pid, ORPHAN_SHUTDOWN_WAIT.toSeconds());
            process.get().destroyForcibly();
            try {
                process.get().onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new EmbeddedDatabaseStartException(directory, "the PostgreSQL server (process " + pid
                        + ") left running on " + directory + " could not be stopped", e);
            }
        }
    }

    /** The process number in the folder's {@code postmaster.pid}, when there is one. */
    public static Optional<Long> readPostmasterPid(Path directory) {
        try {
            return parsePid(Files.readAllLines(directory.resolve("postmaster.pid"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parsePid(List<String> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        Optional<String> command = process.info().command();
        if (command.isPresent()) {
            return Path.of(command.get()).getFileName().toString().equals("postgres");
        }
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            String first = new String(cmdline, StandardCharsets.UTF_8).split("\0", 2)[0];
            return first.endsWith("postgres");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
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

    /** The embedded server cannot start; the message says why in one sentence. */
    public static final class EmbeddedDatabaseStartException extends IllegalStateException {

        private final transient Path dataDirectory;

        public EmbeddedDatabaseStartException(Path dataDirectory, String reason) {
            super(reason);
            this.dataDirectory = dataDirectory;
        }

        public EmbeddedDatabaseStartException(Path dataDirectory, String reason, Throwable cause) {
            super(reason, cause);
            this.dataDirectory = dataDirectory;
        }

        public Path dataDirectory() {
            return dataDirectory;
        }
    }
}
