package app.cascade.push;

import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.tenancy.TenantContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: README "Moving a district", done: district {@code alpha} moves from the main server to {@code east}. Its
 * schema is copied there while Cascade is stopped, its tenant file names {@code database: east}, and after the restart
 * its data is served from {@code east} and a push runs there.
 * <p>
 * The README copies the schema with {@code pg_dump --schema} and {@code pg_restore}: so does the first test, with the
 * PostgreSQL 18 client that {@code CASCADE_PG_CLIENT} names (a folder holding both; {@code .ci/run} sets it up with
 * {@code .ci/pg-client-18}, as a client older than the server refuses to dump it and the embedded binaries have none).
 * The second copies the same things with SQL, and runs everywhere: the schema as its migrations make it (which is what
 * the dump's DDL is), then every table's rows with {@code COPY} and every sequence's value.
 */
class MovingADistrictIT {

    @TempDir
    Path tenants;
    @TempDir
    Path dumps;

    TwoServers servers;
    ConfigurableApplicationContext context;

    @AfterEach
    void tearDown() throws Exception {
        TestUsers.signOut();
        try (TwoServers ignored = servers) {
            if (context != null) {
                context.close();
            }
        }
    }

    /** How the schema gets from one server to the other, while Cascade is stopped. */
    @FunctionalInterface
    interface Copy {
        void schema(EmbeddedPostgres from, EmbeddedPostgres to, String schema) throws Exception;
    }

    @Test
    void a_district_moved_with_pg_dump_and_pg_restore_keeps_its_data_and_pushes_there_after_the_restart()
            throws Exception {
        String client = System.getenv("CASCADE_PG_CLIENT");
        Assumptions.assumeTrue(client != null && !client.isBlank(), "CASCADE_PG_CLIENT names no folder with pg_dump"
                + " and pg_restore of PostgreSQL 18 (.ci/pg-client-18 DIR sets one up)");
        Path bin = Path.of(client);
        Path dump = dumps.resolve("alpha.dump");
        moveAlpha((from, to, schema) -> {
            // README step 2 and 3, the same commands against the embedded servers
            run(bin.resolve("pg_dump").toString(), "-h", "localhost", "-p", String.valueOf(from.getPort()), "-U",
                    "postgres", "-d", "postgres", "--schema=" + schema, "-Fc", "-f", dump.toString());
            run(bin.resolve("pg_restore").toString(), "-h", "localhost", "-p", String.valueOf(to.getPort()), "-U",
                    "postgres", "-d", "postgres", dump.toString());
        });
    }

    @Test
    void a_district_copied_with_sql_keeps_its_data_and_pushes_there_after_the_restart() throws Exception {
        moveAlpha(MovingADistrictIT::copySchema);
    }

    private void moveAlpha(Copy copy) throws Exception {
        servers = new TwoServers(tenants);
        context = servers.start();
        PushFixture before = new PushFixture(context, "alpha").build();
        before.eng.with(app.cascade.catalog.ItemSpec.task("S2", "Semester 2"));
        UUID first = push(before);
        List<String> data = rows(servers.main, "district_alpha");
        assertThat(data).anyMatch(row -> row.startsWith("course_item:") && row.contains("Semester 2"))
                .anyMatch(row -> row.startsWith("push_request:") && row.contains(first.toString()));
        context.close();
        context = null;

        // README, Moving a district: stop the nodes, copy the schema, drop the old one, edit the file, start
        copy.schema(servers.main, servers.east, "district_alpha");
        TwoServers.sql(servers.main).execute("drop schema district_alpha cascade");
        Path file = tenants.resolve("alpha.yml");
        Files.writeString(file, Files.readString(file) + "database: east\n");
        context = servers.start();

        assertThat(rows(servers.east, "district_alpha")).isEqualTo(data);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        String served = TenantContext.call("alpha", () -> tx.execute(status -> jdbc.queryForObject(
                "select inet_server_port() || ' ' || count(*) from course_item", String.class)));
        assertThat(served).as("alpha's district transactions are on east and see its courses' items")
                .isEqualTo(servers.east.getPort() + " " + data.stream().filter(r -> r.startsWith("course_item:"))
                        .count());
        UUID second = push(before);
        assertThat(TwoServers.sql(servers.east).queryForList("select id || ' ' || status from"
                + " district_alpha.push_request order by submitted_at", String.class))
                .containsExactly(first + " COMPLETED", second + " COMPLETED");
        assertThat(TwoServers.hasSchema(servers.main, "district_alpha")).as("nothing of alpha came back to main")
                .isFalse();
        assertThat(TwoServers.sql(servers.main).queryForObject(
                "select count(*) from cascade.tenant where id = 'alpha'", Integer.class)).isOne();
    }

    private UUID push(PushFixture f) {
        TestUsers.signIn(context, "alpha.push");
        try {
            return PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true,
                    EnumSet.allOf(LockType.class)));
        } finally {
            TestUsers.signOut();
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + " printed: " + output).isZero();
    }

    /** Every row of every table of {@code schema} on {@code server} (not Flyway's history), as text, sorted. */
    private static List<String> rows(EmbeddedPostgres server, String schema) {
        JdbcTemplate sql = TwoServers.sql(server);
        List<String> rows = new ArrayList<>();
        for (String table : sql.queryForList("select table_name from information_schema.tables where table_schema"
                + " = ? and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'", String.class,
                schema)) {
            rows.addAll(sql.queryForList("select ? || ':' || t::text from " + schema + "." + table + " t",
                    String.class, table));
        }
        Collections.sort(rows);
        return rows;
    }

    /** What {@code pg_dump --schema} + {@code pg_restore} do, with SQL (see the class comment). */
    private static void copySchema(EmbeddedPostgres from, EmbeddedPostgres to, String schema) throws Exception {
        Flyway.configure().dataSource(to.getPostgresDatabase()).schemas(schema).defaultSchema(schema)
                .createSchemas(true).locations("classpath:db/district").load().migrate();
        List<String> tables = TwoServers.sql(from).queryForList("""
                select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE'
                and table_name <> 'flyway_schema_history' order by 1""", String.class, schema);
        List<Map<String, Object>> sequences = TwoServers.sql(from).queryForList(
                "select sequencename as name, last_value, last_value is not null as called from pg_sequences"
                        + " where schemaname = ?", schema);
        try (Connection source = from.getPostgresDatabase().getConnection();
             Connection target = to.getPostgresDatabase().getConnection()) {
            target.setAutoCommit(false);
            try (Statement st = target.createStatement()) {
                st.execute("set local session_replication_role = replica"); // no trigger, no foreign key check
            }
            for (String table : tables) {
                ByteArrayOutputStream rows = new ByteArrayOutputStream();
                source.unwrap(PGConnection.class).getCopyAPI().copyOut(
                        "copy " + schema + "." + table + " to stdout (format binary)", rows);
                target.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy " + schema + "." + table + " from stdin (format binary)",
                        new ByteArrayInputStream(rows.toByteArray()));
            }
            for (Map<String, Object> sequence : sequences) {
                if ((Boolean) sequence.get("called")) {
                    try (Statement st = target.createStatement()) {
                        st.execute("select setval('" + schema + "." + sequence.get("name") + "', "
                                + sequence.get("last_value") + ")");
                    }
                }
            }
            target.commit();
        }
    }
}
