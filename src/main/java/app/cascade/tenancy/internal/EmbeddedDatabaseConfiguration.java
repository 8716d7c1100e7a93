package app.cascade.tenancy.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * With no {@code CASCADE_DB_URL}, Cascade runs its own PostgreSQL (real binaries, zonky) whose data lives in
 * {@code cascade.embedded-db.dir} and survives restarts. An empty dir setting means a throw-away database (tests).
 * It is durable: fsync and synchronous commit on (zonky turns both off), for the tests' databases too.
 * {@link EmbeddedPostgresGuard} makes sure that the server on the port is the one started here, on this data dir.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${cascade.embedded-db.dir:}") String dir,
                                      @Value("${cascade.embedded-db.port:0}") int port) throws IOException {
        requireBinaries();
        boolean throwAway = dir.isBlank();
        Path data = throwAway ? Files.createTempDirectory("cascade-pg")
                : Files.createDirectories(Path.of(dir).toAbsolutePath());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(throwAway)
                // stopped by this bean's destroy method, after everything that uses it (the pool, JobRunr): its own
                // JVM shutdown hook stopped it while the context was still closing, and JobRunr's workers then waited
                // out the pool's 30 s connection timeout (seen as Failsafe killing its fork at the end of the ITs)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on") // after zonky's -F (fsync off) on the command line: wins
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = new EmbeddedPostgresGuard(data, port).start(builder);
        log.info("Embedded PostgreSQL listening on port {}{}", postgres.getPort(),
                throwAway ? " (throw-away data)" : ", data in " + data);
        return postgres;
    }

    /**
     * The server image's jar ({@code -Pserver-image}) has no PostgreSQL binaries: without {@code CASCADE_DB_URL} it
     * stops here, saying what to set, instead of failing inside zonky.
     */
    static void requireBinaries() throws IOException {
        if (new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:postgres-*.txz").length == 0) {
            throw new IllegalStateException("This build of Cascade carries no embedded PostgreSQL (the server image,"
                    + " built with -Pserver-image): set CASCADE_DB_URL, CASCADE_DB_USER and CASCADE_DB_PASSWORD to"
                    + " the PostgreSQL server it should use");
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${cascade.embedded-db.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("cascade-embedded");
        return new HikariDataSource(config);
    }
}
