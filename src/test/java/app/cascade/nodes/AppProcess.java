package app.cascade.nodes;

import org.awaitility.Awaitility;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/cascade-*.jar}, built in the {@code package} phase) in its own JVM, for
 * tests that need real processes: several nodes on one database, or a node killed with SIGKILL. It runs on the JDK
 * running the tests, against a PostgreSQL the test started ({@link NodesDatabase}), on free ports, with its output in
 * {@code target/nodes/<name>.log}. Dev security: API clients use HTTP Basic with the dev password {@code demo}.
 */
public final class AppProcess implements AutoCloseable {

    public static final Path NODES_DIR = Path.of("target", "nodes").toAbsolutePath();
    public static final String PASSWORD = "demo";

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AppProcess(String name, Process process, int port, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** How to start a node. */
    public static final class Builder {
        private final String name;
        private NodesDatabase database;
        private Path tenantsDir;
        private String config = "";
        private boolean demoData;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder database(NodesDatabase database) {
            this.database = database;
            return this;
        }

        public Builder tenantsDir(Path dir) {
            this.tenantsDir = dir;
            return this;
        }

        /** Extra YAML (e.g. the dev users), written to a file the app loads after its own application.yml. */
        public Builder config(String yaml) {
            this.config = yaml;
            return this;
        }

        public Builder demoData(boolean on) {
            this.demoData = on;
            return this;
        }

        /** A command-line property ({@code --key=value}). */
        public Builder property(String key, Object value) {
            properties.put(key, String.valueOf(value));
            return this;
        }

        public AppProcess start() {
            try {
                Files.createDirectories(NODES_DIR);
                Path work = Files.createDirectories(NODES_DIR.resolve(name + "-work"));
                Path configFile = NODES_DIR.resolve(name + ".yml");
                Files.writeString(configFile, config);
                Path logFile = NODES_DIR.resolve(name + ".log");
                int port = freePort();
                int managementPort = freePort();
                List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx768m", "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", jar().toString(),
                        "--server.port=" + port, "--management.server.port=" + managementPort,
                        "--cascade.support.jobs-dashboard.port=0", "--vaadin.launch-browser=false",
                        "--spring.config.additional-location=file:" + configFile));
                properties.forEach((k, v) -> command.add("--" + k + "=" + v));
                ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
                Files.writeString(logFile, "=== " + java.time.Instant.now() + " " + String.join(" ", command) + "\n");
                Map<String, String> env = builder.environment();
                env.put("CASCADE_DB_URL", database.jdbcUrl());
                env.put("CASCADE_DB_USER", NodesDatabase.USER);
                env.put("CASCADE_DB_PASSWORD", NodesDatabase.USER);
                env.put("CASCADE_TENANTS_DIR", tenantsDir.toAbsolutePath().toString());
                env.put("CASCADE_DEMO_DATA", String.valueOf(demoData));
                env.put("CASCADE_SECURE_COOKIES", "false");
                env.put("CASCADE_NODE_NAME", name);
                env.remove("CASCADE_OIDC_ISSUER");
                Process process = builder.start();
                // should the test JVM end without reaching @AfterAll, the node does not outlive it
                Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
                return new AppProcess(name, process, port, managementPort, logFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /**
     * Waits until the readiness probe (database and this node's job server) is UP and no district still migrates (the
     * schemas migrate in the background after start, decision 0026: the tests read them, and their demo data, at
     * once); fails early if the JVM died.
     */
    public AppProcess awaitReady(Duration timeout) {
        Awaitility.await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + managementPort + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().contains("\"migrating\":0");
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    /** SIGKILL: no shutdown hook, no graceful stop of the job server; open transactions die with the connections. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A REST client for a dev user (HTTP Basic), or anonymous for null; it never throws on an HTTP status. */
    public RestClient client(String user) {
        RestClient.Builder builder = RestClient.builder().baseUrl(baseUrl())
                .defaultStatusHandler(status -> true, (request, response) -> {
                });
        if (user != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, basic(user));
        }
        return builder.build();
    }

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** The Prometheus scrape of the management port. */
    public String prometheus() {
        try {
            return http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path log() {
        return log;
    }

    /** The end of this node's log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Kills the JVM if it still runs: tests end fast and leave nothing behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The repackaged Spring Boot jar of this build. */
    static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("cascade-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst().map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IllegalStateException("No target/cascade-*.jar: run the package phase"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ")";
    }
}
