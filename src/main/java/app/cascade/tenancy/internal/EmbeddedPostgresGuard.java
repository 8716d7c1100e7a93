package app.cascade.tenancy.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes sure that the embedded PostgreSQL Cascade talks to is the one it started on its own data dir. zonky's
 * {@code pg_ctl start} does not fail when the port or the data dir is taken: it then connects to whatever listens on
 * the port. So, before the start, a data dir in use by a running Cascade refuses the start, a postmaster that an
 * earlier run left on the data dir (a kill -9 of Cascade leaves PostgreSQL running) is stopped, and a port held by any
 * other server refuses the start; after the start, the server on the port must report our data dir
 * ({@code SHOW data_directory}).
 */
final class EmbeddedPostgresGuard {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresGuard.class);
    private static final long STOP_WAIT_SECONDS = 60;
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private final Path dataDir;
    private final int port;

    /** {@code port} 0: zonky picks a free port (throw-away databases). */
    EmbeddedPostgresGuard(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
    }

    /** Starts PostgreSQL with {@code builder} (whose data dir and port are ours), refusing any server but our own. */
    EmbeddedPostgres start(EmbeddedPostgres.Builder builder) throws IOException {
        refuseDataDirInUse();
        clearLeftOverPostmaster();
        refuseTakenPort();
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The embedded PostgreSQL did not start on " + (port > 0 ? "port " + port
                    : "a free port") + " with data dir " + dataDir + " (pg_ctl's own output is logged by "
                    + "io.zonky.test.db.postgres.embedded)", e);
        }
        try {
            verifyOwnServer(postgres);
            return postgres;
        } catch (IllegalStateException e) {
            postgres.close();
            throw e;
        }
    }

    /**
     * zonky holds a lock on {@code epg-lock} in the data dir while its PostgreSQL runs, and the OS drops it when that
     * process dies: a lock we cannot take means a live Cascade still runs on this data dir, and its server must not be
     * taken for a left-over.
     */
    void refuseDataDirInUse() throws IOException {
        Path lockFile = dataDir.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return; // never started here (and initdb wants an empty dir)
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock != null) {
                return;
            }
        } catch (OverlappingFileLockException inThisJvm) {
            // held by another embedded PostgreSQL of this JVM: in use just the same
        }
        throw new IllegalStateException("The data dir " + dataDir + " of the embedded PostgreSQL is in use by another "
                + "running Cascade (it holds " + lockFile + "). Stop that Cascade, or give this one its own "
                + "CASCADE_DATA_DIR and CASCADE_EMBEDDED_DB_PORT.");
    }

    /**
     * A {@code postmaster.pid} in the data dir names the postmaster of an earlier run. A dead one is left to
     * PostgreSQL, which replaces the file and recovers from its write-ahead log. A live one serving this data dir is
     * stopped, so that ours starts afresh with our settings. A live process that is not PostgreSQL got the dead
     * postmaster's process id (a restarted container): the file is stale, and PostgreSQL would refuse it.
     */
    void clearLeftOverPostmaster() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<Long> pid = pidIn(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.warn("{} names process {}, which is gone: PostgreSQL was not shut down (a crash or kill -9); it "
                    + "recovers from its write-ahead log on start", pidFile, pid.get());
            return;
        }
        ProcessHandle.Info info = process.get().info();
        Optional<Path> command = info.command().map(Path::of);
        if (command.isPresent() && !isPostgres(command.get())) {
            log.warn("{} names process {} ({}), which is not PostgreSQL: the file is stale (its process id was "
                    + "reused); removing it", pidFile, pid.get(), command.get());
            Files.delete(pidFile);
            return;
        }
        if (command.isEmpty() || !servesDataDir(info)) {
            throw new IllegalStateException("The data dir " + dataDir + " of the embedded PostgreSQL is marked in "
                    + "use by process " + pid.get() + " (postmaster.pid), which Cascade cannot prove to be a "
                    + "PostgreSQL serving that data dir. Stop that process, or, if no PostgreSQL runs on " + dataDir
                    + ", delete " + pidFile + ", then start Cascade again.");
        }
        log.warn("A PostgreSQL (pid {}) is still running on data dir {}, left by a Cascade that stopped without "
                + "shutting it down (e.g. kill -9); stopping it (SIGTERM) to start afresh", pid.get(), dataDir);
        stop(process.get());
    }

    /** Refuses the start if anything accepts connections on the configured port (ours was stopped above). */
    void refuseTakenPort() throws IOException {
        if (port <= 0) {
            return;
        }
        for (InetAddress loopback : InetAddress.getAllByName("localhost")) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(loopback, port), CONNECT_TIMEOUT_MILLIS);
            } catch (IOException free) {
                continue;
            }
            throw foreignServer(" (" + loopback.getHostAddress() + ")", null);
        }
    }

    /** Refuses a server on the port whose data dir is not ours: zonky's start "succeeds" when it finds any server. */
    void verifyOwnServer(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("show data_directory")) {
            row.next();
            Path served = Path.of(row.getString(1));
            if (!Files.exists(served) || !Files.isSameFile(served, dataDir)) {
                throw foreignServer(" (it serves the data dir " + served + ")", null);
            }
        } catch (SQLException | IOException e) {
            throw foreignServer("", e);
        }
    }

    private IllegalStateException foreignServer(String detail, Exception cause) {
        return new IllegalStateException("Port " + port + " is taken by a server Cascade did not start" + detail
                + ", not by the embedded PostgreSQL of data dir " + dataDir + ". Cascade uses no database it did not "
                + "start: stop the other server, or set CASCADE_EMBEDDED_DB_PORT (cascade.embedded-db.port) to a "
                + "free port.", cause);
    }

    /**
     * SIGTERM, PostgreSQL's smart shutdown: it ends once no client is connected (a killed Cascade's connections are
     * gone). A signal, not {@code pg_ctl stop}: zonky runs PostgreSQL in a user namespace when Cascade runs as root,
     * and pg_ctl refuses to run as root.
     */
    private void stop(ProcessHandle postmaster) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("The PostgreSQL (pid " + postmaster.pid() + ") left running on data dir "
                    + dataDir + " did not stop within " + STOP_WAIT_SECONDS + " s (is a client still connected?). "
                    + "Stop it (pg_ctl stop -D " + dataDir + " -m fast) and start Cascade again.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL pid " + postmaster.pid(), e);
        }
    }

    /** The process id on the first line of {@code postmaster.pid}; empty without the file or a readable number. */
    private static Optional<Long> pidIn(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().strip()));
        } catch (NumberFormatException unreadable) {
            return Optional.empty(); // PostgreSQL decides (it refuses a file that another server may be writing)
        }
    }

    private static boolean isPostgres(Path command) {
        String name = command.getFileName().toString();
        return name.equals("postgres") || name.equals("postgres.exe");
    }

    /** A postmaster keeps its command line: {@code postgres -D <data dir> -p <port> ...} (as pg_ctl starts it). */
    private boolean servesDataDir(ProcessHandle.Info info) {
        List<String> arguments = info.arguments().map(Arrays::asList).orElse(List.of());
        int flag = arguments.indexOf("-D");
        if (flag < 0 || flag + 1 >= arguments.size()) {
            return false;
        }
        try {
            return Files.isSameFile(Path.of(arguments.get(flag + 1)), dataDir);
        } catch (IOException e) {
            return false;
        }
    }
}
