package app.cascade.push.internal;

import app.cascade.tenancy.DedicatedPool;
import app.cascade.tenancy.DistrictDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connections that hold the catalogs' push locks (a PostgreSQL session advisory lock per district and catalog,
 * {@link PushExecutor}) come from a pool of their own, one connection per job worker and two spare: a push holds its
 * lock connection for its whole run while its chunks take connections of the main pool, and with both in one pool,
 * pushes that hold locks could wait on each other for chunk connections. A lock is taken on the server that holds the
 * district (issue 19), so each database server has such a pool ({@code cascade-push-locks}, {@code
 * cascade-push-locks-<name>}).
 */
@Configuration(proxyBeanMethods = false)
class PushLockPool {

    /** The lock pools, by database name. */
    static final class Pools implements AutoCloseable {
        private final Map<String, HikariDataSource> byDatabase;

        Pools(Map<String, HikariDataSource> byDatabase) {
            this.byDatabase = Map.copyOf(byDatabase);
        }

        /** The lock pool of the server {@code database}. */
        DataSource of(String database) {
            DataSource pool = byDatabase.get(database);
            if (pool == null) {
                throw new IllegalArgumentException("No push lock pool for the database '" + database + "'");
            }
            return pool;
        }

        @Override
        public void close() {
            byDatabase.values().forEach(HikariDataSource::close);
        }
    }

    @Bean(destroyMethod = "close")
    Pools pushLockPools(DistrictDatabases databases,
                        @Value("${jobrunr.background-job-server.worker-count:4}") int jobWorkers) {
        Map<String, HikariDataSource> pools = new LinkedHashMap<>();
        for (String name : databases.names()) {
            pools.put(name, DedicatedPool.of(databases.dataSource(name), DistrictDatabases.MAIN.equals(name)
                    ? "cascade-push-locks" : "cascade-push-locks-" + name, jobWorkers + 2, Duration.ofSeconds(30),
                    null));
        }
        return new Pools(pools);
    }
}
