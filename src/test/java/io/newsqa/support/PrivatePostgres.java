package io.newsqa.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster of the test's own (initdb into a temporary folder, its own
 * port on 127.0.0.1), for tests that stop the database under a running application. The shared
 * cluster on 5432 is never touched: other tests and other people use it. Runs the server as the
 * {@code postgres} user when the tests run as root (PostgreSQL refuses to run as root).
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final long COMMAND_SECONDS = 60;

    private final Path dir;
    private final Path data;
    private final Path bin;
    private final int port;
    private boolean running;

    private PrivatePostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.bin = bin;
        this.port = port;
    }

    /** Creates the cluster, starts it and enables pgvector in its {@code postgres} database. */
    public static PrivatePostgres start() {
        try {
            Path dir = Files.createTempDirectory("newsqa-private-pg");
            PrivatePostgres cluster = new PrivatePostgres(dir, serverBinaries(), freePort());
            if (runningAsRoot()) {
                run(List.of("chown", "postgres", dir.toString()));
            }
            cluster.asServerUser(List.of(
                    cluster.bin.resolve("initdb").toString(),
                    "-D",
                    cluster.data.toString(),
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "-E",
                    "UTF8",
                    "--no-sync"));
            cluster.startServer();
            try (Connection connection = cluster.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS vector");
            }
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a private PostgreSQL cluster", e);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the private PostgreSQL cluster has no pgvector: run scripts/provision-postgres.sh", e);
        }
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), "");
    }

    /** Starts the server again on the same data and port; returns once it accepts connections. */
    public synchronized void startServer() {
        asServerUser(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                dir.resolve("server.log").toString(),
                "-w",
                "-t",
                "30",
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start"));
        running = true;
    }

    /** Stops the server the hard way (like a crash or a pulled cable: no goodbye to clients). */
    public synchronized void stopImmediately() {
        asServerUser(List.of(
                bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "-t", "30", "stop"));
        running = false;
    }

    @Override
    public synchronized void close() {
        try {
            if (running) {
                stopImmediately();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void asServerUser(List<String> command) {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            boolean done = process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS);
            String output = new String(process.getInputStream().readNBytes(20_000));
            if (!done) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", command) + " took over " + COMMAND_SECONDS + " s: " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest installed server's binaries (Debian keeps them out of PATH). */
    private static Path serverBinaries() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> installed = Files.list(versions)) {
                var newest = installed
                        .map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> Integer.parseInt(
                                b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest.get();
                }
            }
        }
        throw new IllegalStateException(
                "no PostgreSQL server binaries under /usr/lib/postgresql: run scripts/provision-postgres.sh");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
