package app.cascade.push.job;

import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.common.DatabaseCreator;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * JobRunr's storage, on its own pool ({@link JobRunrPool}), with JobRunr's tables created or upgraded by one server at
 * a time.
 * <p>
 * JobRunr 8.7 creates its tables when its storage starts, behind a lock row of its own; but each server lists the
 * migrations it will run <em>before</em> it takes that row. Two servers started together on a new database (a
 * deployment of several replicas, issue 19) both list every migration, and the one that takes the row second runs
 * them again and stops: "relation jobrunr_jobs already exists". Here each server first takes a PostgreSQL session
 * advisory lock, and JobRunr lists and runs its migrations on that same connection, so the server that waited finds
 * them applied and runs none. The storage then starts with {@link DatabaseOptions#SKIP_CREATE}, which checks that
 * every table is there. This bean replaces the one of JobRunr's auto-configuration (which backs off when a
 * {@link StorageProvider} exists), so no {@code jobrunr.database.*} property applies.
 */
@Configuration(proxyBeanMethods = false)
class JobRunrStorage {

    /** The advisory lock's key, hashed as the application's other advisory lock keys are. */
    static final String TABLES_LOCK = "cascade.jobrunr.tables";
    /** The id of JobRunr's own lock row in {@code jobrunr_migrations}. */
    static final String JOBRUNR_LOCK_ROW = "00000000-0000-0000-0000-000000000000";

    private static final Logger log = LoggerFactory.getLogger(JobRunrStorage.class);

    @Bean(destroyMethod = "close")
    StorageProvider storageProvider(@Qualifier(JobRunrPool.BEAN) DataSource jobs, JobMapper jobMapper) {
        createTables(jobs);
        PostgresStorageProvider storage = new PostgresStorageProvider(jobs, DatabaseOptions.SKIP_CREATE);
        storage.setJobMapper(jobMapper);
        return storage;
    }

    /**
     * Runs JobRunr's migrations that this database lacks, holding the advisory lock, on one connection of {@code jobs}:
     * it waits for no other connection while it holds the lock. If the server dies, PostgreSQL releases the lock with
     * the connection, and JobRunr records each migration in the transaction that runs it.
     */
    static void createTables(DataSource jobs) {
        try (Connection connection = jobs.getConnection()) {
            SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
            JdbcTemplate lock = new JdbcTemplate(one);
            lock.query("select pg_advisory_lock(hashtext(?))", rs -> null, TABLES_LOCK);
            try {
                releaseLeftLockRow(lock);
                new DatabaseCreator(one, PostgresStorageProvider.class).runMigrations();
            } finally {
                lock.query("select pg_advisory_unlock(hashtext(?))", rs -> null, TABLES_LOCK);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create or upgrade JobRunr's tables", e);
        }
    }

    /**
     * JobRunr's lock row left by a server that died while it migrated. Holding the advisory lock, this server knows that
     * no other one is migrating, so the row is stale; JobRunr itself would wait for it, then refuse to start ("Database
     * migrations have timed out") on every server until someone deleted it by hand. Each migration's own changes were
     * committed with its record, or rolled back with the server.
     */
    private static void releaseLeftLockRow(JdbcTemplate lock) {
        if (lock.queryForObject("select to_regclass('jobrunr_migrations') is not null", Boolean.class)
                && lock.update("delete from jobrunr_migrations where id = ?", JOBRUNR_LOCK_ROW) > 0) {
            log.warn("Removed the lock row that a server stopped while migrating left in jobrunr_migrations");
        }
    }
}
