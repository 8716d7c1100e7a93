package app.cascade.push.job;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Servers that start together on a new database create JobRunr's tables once, and every one of them starts: the race
 * that stopped a node of {@code TenantsWithoutRestartIT} ("relation jobrunr_jobs already exists") is gone. Each
 * "server" here is a thread with its own connections to a new, empty PostgreSQL.
 */
class JobRunrTablesIT {

    static final int SERVERS = 8;

    EmbeddedPostgres postgres;
    DataSource database;
    JdbcTemplate jdbc;

    @BeforeEach
    void new_database() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        database = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(database);
    }

    @AfterEach
    void stop() throws IOException {
        postgres.close();
    }

    @Test
    void servers_starting_together_on_a_new_database_create_jobrunr_tables_once_and_all_start() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> servers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(SERVERS)) {
            for (int i = 0; i < SERVERS; i++) {
                servers.add(threads.submit(() -> {
                    go.await();
                    JobRunrStorage.createTables(database);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> server : servers) {
                assertThatCode(() -> server.get(2, TimeUnit.MINUTES)).doesNotThrowAnyException();
            }
        }

        List<String> applied = jdbc.queryForList(
                "select script from jobrunr_migrations where script like 'v%' order by script", String.class);
        assertThat(applied).as("each migration applied once").isNotEmpty().doesNotHaveDuplicates();
        assertThat(applied).as("the jobs table's migration").anyMatch(s -> s.contains("create_job_table"));
        assertThat(jdbc.queryForObject("select count(*) from jobrunr_migrations where script = 'TABLE LOCKER'",
                Integer.class)).as("JobRunr's own lock row released").isZero();
        assertThat(jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory'", Integer.class))
                .as("the advisory lock released").isZero();
        assertThatCode(() -> new PostgresStorageProvider(database, DatabaseOptions.SKIP_CREATE).close())
                .as("the storage finds every table it needs").doesNotThrowAnyException();
    }

    /**
     * The interleaving that stopped the node: server B lists the tables, then is slow; server A creates every table
     * meanwhile; B goes on. B pauses right after it listed (for A to finish, at most {@link #PAUSE}); A must not get
     * past B's listing, and B must not run a migration again.
     */
    @Test
    void a_server_slow_after_listing_the_tables_runs_no_migration_twice() throws Exception {
        CountDownLatch listed = new CountDownLatch(1);
        CountDownLatch aDone = new CountDownLatch(1);
        DataSource slowB = afterListingTables(database, () -> {
            listed.countDown();
            aDone.await(PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        });
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> b = threads.submit(() -> {
                JobRunrStorage.createTables(slowB);
                return null;
            });
            assertThat(listed.await(1, TimeUnit.MINUTES)).as("B listed the tables").isTrue();
            Future<?> a = threads.submit(() -> {
                JobRunrStorage.createTables(database);
                aDone.countDown();
                return null;
            });

            assertThatCode(() -> b.get(2, TimeUnit.MINUTES)).as("B").doesNotThrowAnyException();
            assertThatCode(() -> a.get(2, TimeUnit.MINUTES)).as("A").doesNotThrowAnyException();
        }
        assertThat(jdbc.queryForList("select script from jobrunr_migrations where script like 'v%'", String.class))
                .isNotEmpty().doesNotHaveDuplicates();
    }

    static final Duration PAUSE = Duration.ofSeconds(3);

    /** {@code database}, whose connections run {@code pause} once, right after the first list of tables. */
    static DataSource afterListingTables(DataSource database, Pause pause) {
        AtomicBoolean paused = new AtomicBoolean();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (ds, dsMethod, dsArgs) -> {
                    Object result = invoke(database, dsMethod, dsArgs);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return proxy(Connection.class, (c, cMethod, cArgs) -> {
                        Object r = invoke(connection, cMethod, cArgs);
                        if (!(r instanceof DatabaseMetaData meta)) {
                            return r;
                        }
                        return proxy(DatabaseMetaData.class, (m, mMethod, mArgs) -> {
                            Object tables = invoke(meta, mMethod, mArgs);
                            if (mMethod.getName().equals("getTables") && paused.compareAndSet(false, true)) {
                                pause.run();
                            }
                            return tables;
                        });
                    });
                });
    }

    interface Pause {
        void run() throws InterruptedException;
    }

    static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler));
    }

    static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A server killed while it migrated leaves JobRunr's lock row; without it being cleared no server would start. */
    @Test
    void a_lock_row_left_by_a_server_that_died_while_migrating_does_not_stop_the_next_start() {
        JobRunrStorage.createTables(database);
        List<String> applied = jdbc.queryForList("select script from jobrunr_migrations order by script", String.class);
        // it died after its last migration's commit, before it removed its row (JobRunr commits each one apart)
        jdbc.update("insert into jobrunr_migrations values (?, 'TABLE LOCKER', ?)", JobRunrStorage.JOBRUNR_LOCK_ROW,
                Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MICROS).toString());

        assertThatCode(() -> JobRunrStorage.createTables(database)).doesNotThrowAnyException();

        assertThat(jdbc.queryForObject("select count(*) from jobrunr_migrations where id = ?", Integer.class,
                JobRunrStorage.JOBRUNR_LOCK_ROW)).as("the left lock row").isZero();
        assertThat(jdbc.queryForList("select script from jobrunr_migrations order by script", String.class))
                .isEqualTo(applied);
    }

    @Test
    void a_server_starting_on_a_database_with_the_tables_changes_nothing() {
        JobRunrStorage.createTables(database);
        List<String> before = jdbc.queryForList("select id || script || installedon from jobrunr_migrations"
                + " order by script", String.class);

        JobRunrStorage.createTables(database);

        assertThat(jdbc.queryForList("select id || script || installedon from jobrunr_migrations order by script",
                String.class)).isEqualTo(before);
    }
}
