package app.cascade.tenancy.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL as Cascade starts it ({@link EmbeddedDatabaseConfiguration} in a context of its own) on a
 * persistent data dir: durable by default, never a server it did not start, and a restart after a kill -9 (which
 * leaves PostgreSQL running) or after a crash of PostgreSQL itself sees the same data.
 */
class EmbeddedDatabaseConfigurationIT {

    @TempDir
    Path temp;

    /** PostgreSQL servers and other processes a test started outside a context: stopped after each test. */
    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void stopWhatTheTestStarted() throws Exception {
        for (ProcessHandle process : started) {
            process.destroy();
            process.onExit().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_database_started_with_the_default_settings_has_fsync_and_synchronous_commit_on() {
        cascade(temp.resolve("data"), 0).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(setting(context, "fsync")).isEqualTo("on");
            assertThat(setting(context, "synchronous_commit")).isEqualTo("on");
        });
    }

    @Test
    void start_up_refuses_a_port_held_by_a_server_it_did_not_start_and_says_what_to_do() throws IOException {
        int port = freePort();
        Path ours = temp.resolve("data");
        try (EmbeddedPostgres other = otherServer(temp.resolve("other"), port)) {
            new JdbcTemplate(other.getPostgresDatabase()).execute("create table other_instance (id int)");

            cascade(ours, port).run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("Port " + port + " is taken by a server Cascade did not start")
                        .hasMessageContaining(ours.toAbsolutePath().toString())
                        .hasMessageContaining("stop the other server, or set CASCADE_EMBEDDED_DB_PORT");
            });

            assertThat(Files.exists(ours.resolve("postmaster.pid"))).as("no server started on our data dir").isFalse();
            assertThat(new JdbcTemplate(other.getPostgresDatabase())
                    .queryForObject("select count(*) from other_instance", Integer.class))
                    .as("the other server still runs, untouched").isZero();
        }
    }

    @Test
    void the_check_after_start_refuses_a_server_whose_data_dir_is_not_ours() throws IOException {
        Path ours = Files.createDirectories(temp.resolve("data"));
        try (EmbeddedPostgres other = otherServer(temp.resolve("other"), freePort())) {
            EmbeddedPostgresGuard guard = new EmbeddedPostgresGuard(ours, other.getPort());

            assertThatThrownBy(() -> guard.verifyOwnServer(other))
                    .hasMessageContaining("Port " + other.getPort() + " is taken by a server Cascade did not start")
                    .hasMessageContaining("it serves the data dir " + temp.resolve("other"));
        }
    }

    @Test
    void a_postgresql_left_running_on_its_data_dir_is_stopped_and_the_restart_sees_its_data() throws Exception {
        Path data = temp.resolve("data");
        int port = freePort();
        Path bin = firstRun(data, port);
        ProcessHandle leftOver = leftOverPostmaster(bin, data, port);
        insert(port, "written on the left-over server");

        cascade(data, port).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(leftOver.isAlive()).as("the left-over server was stopped").isFalse();
            assertThat(postmasterOf(data).pid()).isNotEqualTo(leftOver.pid());
            assertThat(Files.isSameFile(Path.of(setting(context, "data_directory")), data)).isTrue();
            assertThat(setting(context, "fsync")).as("started afresh with our settings (the left-over: -F)")
                    .isEqualTo("on");
            assertThat(rows(context)).containsExactly("written before", "written on the left-over server");
        });
    }

    @Test
    void a_second_cascade_on_a_data_dir_in_use_is_refused_and_leaves_the_running_one_alone() throws Exception {
        Path data = temp.resolve("data");
        int port = freePort();
        int secondPort = freePort();
        firstRun(data, port);

        cascade(data, port).run(running -> {
            assertThat(running).hasNotFailed();

            cascade(data, secondPort).run(second -> {
                assertThat(second).hasFailed();
                assertThat(second.getStartupFailure()).rootCause()
                        .hasMessageContaining("The data dir " + data.toAbsolutePath())
                        .hasMessageContaining("is in use by another running Cascade");
            });

            insert(port, "written after the refusal"); // a new connection: the running server was not shut down
            assertThat(rows(running)).containsExactly("written before", "written after the refusal");
        });
    }

    @Test
    void a_stale_postmaster_pid_of_a_killed_postgresql_does_not_stop_the_start() throws Exception {
        Path data = temp.resolve("data");
        int port = freePort();
        Path bin = firstRun(data, port);
        ProcessHandle postmaster = leftOverPostmaster(bin, data, port);
        insert(port, "written before the crash");
        List<ProcessHandle> children = postmaster.children().toList();
        postmaster.destroyForcibly();
        for (ProcessHandle process : Stream.concat(Stream.of(postmaster), children.stream()).toList()) {
            process.onExit().get(60, TimeUnit.SECONDS);
        }
        assertThat(Files.readAllLines(data.resolve("postmaster.pid")).getFirst())
                .isEqualTo(String.valueOf(postmaster.pid()));

        cascade(data, port).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(rows(context)).containsExactly("written before", "written before the crash");
        });
    }

    @Test
    void a_postmaster_pid_naming_a_live_process_that_is_not_postgresql_is_stale_and_removed() throws Exception {
        Path data = temp.resolve("data");
        int port = freePort();
        firstRun(data, port);
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        started.add(sleeper.toHandle());
        Files.writeString(data.resolve("postmaster.pid"), sleeper.pid() + "\n" + data + "\n");

        cascade(data, port).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(rows(context)).containsExactly("written before");
        });
        assertThat(sleeper.isAlive()).as("the process that got the old id is left alone").isTrue();
    }

    @Test
    void a_postmaster_pid_naming_another_data_dirs_postgresql_refuses_the_start_and_stops_nothing() throws Exception {
        Path data = temp.resolve("data");
        int port = freePort();
        firstRun(data, port);
        try (EmbeddedPostgres other = otherServer(temp.resolve("other"), freePort())) {
            ProcessHandle otherPostmaster = postmasterOf(temp.resolve("other"));
            Files.writeString(data.resolve("postmaster.pid"), otherPostmaster.pid() + "\n" + data + "\n");

            cascade(data, port).run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("marked in use by process " + otherPostmaster.pid())
                        .hasMessageContaining(data.toAbsolutePath().toString());
            });
            assertThat(otherPostmaster.isAlive()).isTrue();
        }
    }

    private static ApplicationContextRunner cascade(Path dir, int port) {
        return new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedDatabaseConfiguration.class)
                .withPropertyValues("cascade.embedded-db.dir=" + dir, "cascade.embedded-db.port=" + port);
    }

    /** Cascade's first run on {@code data}: creates the database and a row; answers the PostgreSQL binaries' dir. */
    private static Path firstRun(Path data, int port) {
        Path[] bin = new Path[1];
        cascade(data, port).run(context -> {
            assertThat(context).hasNotFailed();
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            jdbc.execute("create table note (id serial primary key, text text not null)");
            jdbc.update("insert into note (text) values ('written before')");
            bin[0] = Path.of(postmasterOf(data).info().command().orElseThrow()).getParent();
        });
        return bin[0];
    }

    /** What a kill -9 of Cascade leaves: a PostgreSQL on its data dir that outlives it (here: started by pg_ctl). */
    private ProcessHandle leftOverPostmaster(Path bin, Path data, int port) throws Exception {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky runs PostgreSQL when run as root
        }
        command.addAll(List.of(bin.resolve("pg_ctl").toString(), "start", "-D", data.toString(),
                "-l", temp.resolve("left-over.log").toString(), "-o", "-p " + port + " -F", "-w", "-t", "60"));
        Process pgCtl = new ProcessBuilder(command).inheritIO().start();
        assertThat(pgCtl.waitFor()).as("pg_ctl start").isZero();
        ProcessHandle postmaster = postmasterOf(data);
        started.add(postmaster);
        return postmaster;
    }

    private static ProcessHandle postmasterOf(Path data) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
        return ProcessHandle.of(pid).orElseThrow();
    }

    private static EmbeddedPostgres otherServer(Path dir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setPort(port).setRegisterShutdownHook(false).start();
    }

    private static void insert(int port, String text) {
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setUrl("jdbc:postgresql://localhost:" + port + "/postgres");
        direct.setUser("postgres");
        new JdbcTemplate(direct).update("insert into note (text) values (?)", text);
    }

    private static List<String> rows(ApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class))
                .queryForList("select text from note order by id", String.class);
    }

    private static String setting(ApplicationContext context, String name) {
        return new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("show " + name, String.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
