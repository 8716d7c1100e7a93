package app.cascade.tenancy.internal;

import app.cascade.tenancy.DedicatedPool;
import app.cascade.tenancy.DistrictDatabases;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The PostgreSQL servers besides the main one (issue 19, decision 0027): {@code cascade.databases.<name>.url},
 * {@code .username}, {@code .password} and {@code .pool-size}, or as environment variables {@code
 * CASCADE_DATABASES_<NAME>_URL}, {@code _USERNAME}, {@code _PASSWORD}, {@code _POOL_SIZE}. None configured: one
 * server, exactly as before. Each gets a pool that copies the main pool's settings but its URL, credentials and size.
 * A pool does not connect at start: a server that is down makes its districts unavailable, with the reason, and the
 * others start.
 */
@Configuration(proxyBeanMethods = false)
class DatabasesConfiguration {

    /** Lower-case letters and digits: the name is part of an environment variable's. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,29}");

    private static final Logger log = LoggerFactory.getLogger(DatabasesConfiguration.class);

    /** One configured server ({@code cascade.databases.<name>}). */
    record Server(String url, String username, String password, Integer poolSize) {
    }

    @Bean(destroyMethod = "close")
    DistrictDatabases districtDatabases(DataSource main, Environment environment) {
        Map<String, Server> configured = new TreeMap<>(Binder.get(environment)
                .bind("cascade.databases", Bindable.mapOf(String.class, Server.class)).orElse(Map.of()));
        Map<String, DataSource> others = new LinkedHashMap<>();
        configured.forEach((name, server) -> others.put(name, pool(main, name, server)));
        if (!others.isEmpty()) {
            log.info("District databases: {} (main) and {}", DistrictDatabases.MAIN, others.keySet());
        }
        return new DistrictDatabases(main, others);
    }

    static HikariDataSource pool(DataSource main, String name, Server server) {
        String key = "cascade.databases." + name;
        check(NAME.matcher(name).matches(), key, "the name '" + name + "' must be lower-case letters and digits,"
                + " starting with a letter (it is part of the CASCADE_DATABASES_<NAME>_* variables)");
        check(!DistrictDatabases.MAIN.equals(name), key, "'main' is the main server (spring.datasource,"
                + " CASCADE_DB_URL); it cannot be configured here");
        check(server.url() != null && server.url().startsWith("jdbc:postgresql:"), key + ".url",
                "a PostgreSQL JDBC URL is required, e.g. jdbc:postgresql://db2:5432/cascade, was '" + server.url()
                        + "'");
        check(server.username() != null && !server.username().isBlank(), key + ".username", "is required");
        HikariConfig config = DedicatedPool.settingsOf(main);
        config.setJdbcUrl(server.url());
        config.setUsername(server.username());
        config.setPassword(server.password() == null ? "" : server.password());
        int size = server.poolSize() == null ? config.getMaximumPoolSize() : server.poolSize();
        check(size >= 1, key + ".pool-size", "must be at least 1, was " + size);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setPoolName("cascade-db-" + name);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private static void check(boolean ok, String property, String problem) {
        if (!ok) {
            throw new IllegalStateException(property + ": " + problem);
        }
    }
}
