package app.cascade.push;

import app.cascade.CascadeApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two throw-away embedded PostgreSQL servers for the issue 19 tests of districts on several servers: {@link #main}
 * (the shared schema, the registry, JobRunr, and district {@code alpha}) and {@link #east} (configured as {@code
 * cascade.databases.east}, with district {@code beta}), and a tenant folder saying so. Cascade contexts are started on
 * them with {@link #start}, so a test can stop one and start another on the same data (a restart).
 */
final class TwoServers implements AutoCloseable {

    final EmbeddedPostgres main;
    final EmbeddedPostgres east;
    final Path tenants;

    TwoServers(Path tenants) {
        this.tenants = tenants;
        try {
            this.main = server();
            this.east = server();
            Files.copy(Path.of("src/test/resources/it-tenants/alpha.yml"), tenants.resolve("alpha.yml"));
            Files.writeString(tenants.resolve("beta.yml"),
                    Files.readString(Path.of("src/test/resources/it-tenants/beta.yml")) + "database: east\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres server() throws IOException {
        return EmbeddedPostgres.builder().setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC").start();
    }

    /** A Cascade context on the two servers ({@code it} profile, catalog pushes in chunks of two courses). */
    ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CascadeApplication.class).profiles("it").run(
                "--spring.datasource.url=" + main.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--cascade.databases.east.url=" + east.getJdbcUrl("postgres", "postgres"),
                "--cascade.databases.east.username=postgres", "--cascade.databases.east.password=postgres",
                "--cascade.databases.east.pool-size=10",
                "--cascade.tenants.dir=" + tenants, "--cascade.push.chunk-size=2");
    }

    /** SQL straight on a server, outside Cascade: what is really stored there. */
    static JdbcTemplate sql(EmbeddedPostgres server) {
        return new JdbcTemplate(server.getPostgresDatabase());
    }

    static boolean hasSchema(EmbeddedPostgres server, String schema) {
        return Boolean.TRUE.equals(sql(server).queryForObject(
                "select exists (select 1 from pg_namespace where nspname = ?)", Boolean.class, schema));
    }

    @Override
    public void close() throws IOException {
        try (main; east) {
            // both stopped
        }
    }
}
