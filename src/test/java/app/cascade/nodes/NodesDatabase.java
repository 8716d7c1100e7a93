package app.cascade.nodes;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * A throw-away PostgreSQL (the same zonky binaries the app embeds) that the test owns and the {@link AppProcess}
 * nodes share. The test reads and writes it directly, e.g. to watch a push's progress or to set a district up.
 */
public final class NodesDatabase implements AutoCloseable {

    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final JdbcTemplate jdbc;

    private NodesDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    public static NodesDatabase start() {
        try {
            return new NodesDatabase(EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    /** Plain access with the default search path: qualify district tables with their schema. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Runs {@code work} in one transaction on a connection whose search path is {@code schema}. */
    public <T> T inSchema(String schema, Function<JdbcTemplate, T> work) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
            JdbcTemplate schemaJdbc = new JdbcTemplate(single);
            schemaJdbc.execute("set search_path to " + schema);
            return new TransactionTemplate(new DataSourceTransactionManager(single))
                    .execute(s -> work.apply(schemaJdbc));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes the push lock of each (schema, catalog) pair on one connection and holds it until the returned gate is
     * closed: pushes of those catalogs wait at their lock meanwhile (PushExecutor's session advisory lock).
     */
    public AutoCloseable holdPushLocks(List<Map.Entry<String, Long>> catalogs) {
        try {
            Connection connection = postgres.getPostgresDatabase().getConnection();
            JdbcTemplate gate = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            // the same key as PushExecutor's lock: (hashtext('cascade.push:' || schema), catalog id as int)
            catalogs.forEach(c -> gate.queryForList("select pg_advisory_lock(hashtext(?), ?)",
                    "cascade.push:" + c.getKey(), Math.toIntExact(c.getValue())));
            return connection::close; // closing the session frees its advisory locks
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
