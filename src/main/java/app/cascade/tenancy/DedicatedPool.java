package app.cascade.tenancy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A small connection pool of its own to the main database, with the main pool's connection settings. Work that must
 * never wait for a connection of the main pool (JobRunr's job server, the push catalog locks) takes its connections
 * here, so that a burst of requests that empties the main pool cannot stall it, and nothing holds a main-pool
 * connection while it waits for another one from the same pool (docs/decisions/0015-connection-pools-under-bursts.md).
 */
public final class DedicatedPool {

    private DedicatedPool() {
    }

    /**
     * @param main              the application's pool, whose URL, credentials and driver settings are copied
     * @param name              the pool's name in logs and metrics
     * @param size              its maximum number of connections
     * @param connectionTimeout how long a caller waits for one of them before an exception
     * @param schema            the schema its connections work in; null: the user's default search path
     */
    public static HikariDataSource of(DataSource main, String name, int size, Duration connectionTimeout,
                                      String schema) {
        if (size < 1) {
            throw new IllegalArgumentException("The pool " + name + " needs at least one connection, not " + size);
        }
        HikariConfig config = settingsOf(main);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setSchema(schema);
        return new HikariDataSource(config);
    }

    /** A copy of {@code main}'s pool settings (URL, credentials, driver settings, timeouts), to start another from. */
    public static HikariConfig settingsOf(DataSource main) {
        HikariConfig config = new HikariConfig();
        hikari(main).copyStateTo(config);
        return config;
    }

    private static HikariDataSource hikari(DataSource main) {
        try {
            if (main instanceof HikariDataSource hikari) {
                return hikari;
            }
            if (main.isWrapperFor(HikariDataSource.class)) {
                return main.unwrap(HikariDataSource.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the main connection pool's settings", e);
        }
        throw new IllegalStateException("The main DataSource is a " + main.getClass().getName()
                + ", not a HikariCP pool whose settings a dedicated pool could copy");
    }
}
