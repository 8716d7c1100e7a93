package app.cascade.tenancy;

import app.cascade.CascadeIntegrationTest;
import app.cascade.tenancy.internal.SchemaPerTenantConnectionProvider;
import jakarta.persistence.EntityManager;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@CascadeIntegrationTest
class TenancyIT {

    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManager entityManager;
    @Autowired
    DataSource dataSource;
    @Autowired
    SchemaPerTenantConnectionProvider connections;
    @Autowired
    Flyway flyway;

    private String schemaSeenBy(String tenant) {
        return TenantContext.call(tenant, () -> tx.execute(s -> jdbc.queryForObject("select current_schema()",
                String.class)));
    }

    @Test
    void each_district_is_migrated_into_its_own_schema_and_registered() {
        assertThat(schemaSeenBy("alpha")).isEqualTo("district_alpha");
        assertThat(schemaSeenBy("beta")).isEqualTo("district_beta");
        assertThat(jdbc.queryForList("select id from cascade.tenant where active order by id", String.class))
                .containsExactly("alpha", "beta");
    }

    @Test
    void every_district_migration_applies_to_a_fresh_schema_and_is_repeatable() {
        String schema = "district_fresh_" + UUID.randomUUID().toString().substring(0, 8);
        Flyway fresh = Flyway.configure().configuration(flyway.getConfiguration()).schemas(schema)
                .defaultSchema(schema).createSchemas(true).locations("classpath:db/district").load();
        try {
            var first = fresh.migrate();
            assertThat(first.success).isTrue();
            MigrationInfo[] applied = fresh.info().applied();
            assertThat(applied).isNotEmpty();
            assertThat(Arrays.stream(applied).map(MigrationInfo::getState)).allMatch(s -> s == MigrationState.SUCCESS);
            assertThat(fresh.migrate().migrationsExecuted).isZero();
            List<String> tables = jdbc.queryForList(
                    "select table_name from information_schema.tables where table_schema = ? order by 1",
                    String.class, schema);
            assertThat(tables).contains("school_year", "course_catalog", "catalog_lock", "school", "calendar", "term",
                    "course_master", "master_item", "course", "course_item", "section", "section_item", "assignment",
                    "score", "assignment_comment", "posted_grade");
        } finally {
            jdbc.execute("drop schema " + schema + " cascade");
        }
    }

    @Test
    void a_row_written_as_district_a_is_invisible_as_district_b() {
        String code = "9" + (System.nanoTime() % 9) + "-99";
        TenantContext.run("alpha", () -> tx.executeWithoutResult(s -> jdbc.update(
                "insert into school_year (code, start_date, end_date) values (?, date '2099-08-01', date '2100-06-01')",
                code)));
        try {
            String sql = "select count(*) from school_year where code = ?";
            long inAlpha = TenantContext.call("alpha", () -> tx.execute(s -> jdbc.queryForObject(sql, Long.class, code)));
            long inBeta = TenantContext.call("beta", () -> tx.execute(s -> jdbc.queryForObject(sql, Long.class, code)));
            // and through Hibernate itself, not only JDBC in its transaction
            Number viaHibernate = TenantContext.call("beta", () -> tx.execute(s -> (Number) entityManager
                    .createNativeQuery("select count(*) from school_year where code = :c")
                    .setParameter("c", code).getSingleResult()));
            assertThat(inAlpha).isEqualTo(1);
            assertThat(inBeta).isZero();
            assertThat(viaHibernate.longValue()).isZero();
        } finally {
            TenantContext.run("alpha", () -> tx.executeWithoutResult(s -> jdbc.update(
                    "delete from school_year where code = ?", code)));
        }
    }

    @Test
    void without_a_tenant_no_district_table_is_reachable() {
        assertThatThrownBy(() -> tx.execute(s -> entityManager
                .createNativeQuery("select count(*) from school_year").getSingleResult()))
                .hasMessageContaining("school_year");
    }

    @Test
    void an_unknown_tenant_gets_no_connection_at_all() {
        assertThatThrownBy(() -> TenantContext.run("gamma", () -> tx.executeWithoutResult(s -> entityManager
                .createNativeQuery("select 1").getSingleResult())))
                .hasRootCauseInstanceOf(UnknownTenantException.class);
    }

    @Test
    void the_connection_schema_is_reset_when_it_goes_back_to_the_pool() throws Exception {
        Connection lent = connections.getConnection("alpha");
        Connection physical = lent.unwrap(PGConnection.class) instanceof Connection c ? c : null;
        assertThat(physical).isNotNull();
        assertThat(physical.getSchema()).isEqualTo("district_alpha");

        connections.releaseConnection("alpha", lent);

        assertThat(lent.isClosed()).as("returned to the pool").isTrue();
        assertThat(physical.getSchema()).isEqualTo(SchemaPerTenantConnectionProvider.NEUTRAL_SCHEMA);
    }

    @Test
    void after_many_district_transactions_every_pooled_connection_is_neutral() throws Exception {
        for (int i = 0; i < 30; i++) {
            schemaSeenBy(i % 2 == 0 ? "alpha" : "beta");
        }
        for (int i = 0; i < 10; i++) {
            try (Connection c = dataSource.getConnection()) {
                assertThat(c.getSchema()).isEqualTo(SchemaPerTenantConnectionProvider.NEUTRAL_SCHEMA);
            }
        }
    }
}
