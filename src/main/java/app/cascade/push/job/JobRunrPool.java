package app.cascade.push.job;

import app.cascade.push.internal.JobRunrJobs;
import app.cascade.tenancy.DedicatedPool;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * JobRunr's storage uses a pool of its own ({@link JobRunrStorage}): its job server
 * polls, heartbeats and saves job states there, and a burst of requests that takes every connection of the main pool
 * can no longer make it give up ("An unrecoverable error occurred. Shutting down BackgroundJobServer"). Not a default
 * candidate, so every other user of a {@link DataSource} still gets the main pool.
 */
@Configuration(proxyBeanMethods = false)
class JobRunrPool {

    static final String BEAN = "jobRunrDataSource";

    @Bean(name = BEAN, defaultCandidate = false, destroyMethod = "close")
    HikariDataSource jobRunrDataSource(DataSource main, @Value("${cascade.jobs.pool-size:10}") int size) {
        // JobRunr's tables live in JobRunrJobs.SCHEMA, whatever the database user's search_path says
        return DedicatedPool.of(main, "cascade-jobrunr", size, Duration.ofSeconds(10), JobRunrJobs.SCHEMA);
    }
}
