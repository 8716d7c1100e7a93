package app.cascade.push.internal;

import app.cascade.tenancy.DedicatedPool;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The connections that hold the catalogs' push locks (a PostgreSQL session advisory lock per district and catalog,
 * {@link PushExecutor}) come from a pool of their own, one connection per job worker and two spare: a push holds its
 * lock connection for its whole run while its chunks take connections of the main pool, and with both in one pool,
 * pushes that hold locks could wait on each other for chunk connections.
 */
@Configuration(proxyBeanMethods = false)
class PushLockPool {

    static final String BEAN = "pushLockDataSource";

    @Bean(name = BEAN, defaultCandidate = false, destroyMethod = "close")
    HikariDataSource pushLockDataSource(DataSource main,
                                        @Value("${jobrunr.background-job-server.worker-count:4}") int jobWorkers) {
        return DedicatedPool.of(main, "cascade-push-locks", jobWorkers + 2, Duration.ofSeconds(30), null);
    }
}
