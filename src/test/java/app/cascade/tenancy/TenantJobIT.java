package app.cascade.tenancy;

import app.cascade.CascadeIntegrationTest;
import org.jobrunr.jobs.JobId;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.jobs.states.StateName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A background job carries only ids; it binds its tenant itself and writes into that district only. */
@CascadeIntegrationTest
@Import(TenantJobIT.JobConfig.class)
class TenantJobIT {

    /** A job in the house style: ids in, tenant bound in try/finally (TenantContext), work in a transaction. */
    public static class WriteYearJob {

        private final TransactionTemplate tx;
        private final JdbcTemplate jdbc;

        public WriteYearJob(TransactionTemplate tx, JdbcTemplate jdbc) {
            this.tx = tx;
            this.jdbc = jdbc;
        }

        public void run(String tenantId, String yearCode) {
            TenantContext.run(tenantId, () -> tx.executeWithoutResult(s -> jdbc.update("""
                    insert into school_year (code, start_date, end_date)
                    values (?, date '2098-08-01', date '2099-06-01') on conflict (code) do nothing
                    """, yearCode)));
        }
    }

    @TestConfiguration
    static class JobConfig {
        @Bean
        WriteYearJob writeYearJob(TransactionTemplate tx, JdbcTemplate jdbc) {
            return new WriteYearJob(tx, jdbc);
        }
    }

    @Autowired
    JobScheduler scheduler;
    @Autowired
    StorageProvider storage;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    private long count(String tenant, String code) {
        return TenantContext.call(tenant, () -> tx.execute(s -> jdbc.queryForObject(
                "select count(*) from school_year where code = ?", Long.class, code)));
    }

    @Test
    void a_job_enqueued_for_a_tenant_writes_into_that_tenants_schema_only() {
        String code = "98-99";
        String tenant = "beta";

        JobId id = scheduler.<WriteYearJob>enqueue(job -> job.run(tenant, code));

        await().atMost(Duration.ofSeconds(60)).until(() -> storage.getJobById(id).getState() == StateName.SUCCEEDED);
        try {
            assertThat(count("beta", code)).isEqualTo(1);
            assertThat(count("alpha", code)).isZero();
            assertThat(TenantContext.explicitTenant()).isEmpty();
        } finally {
            TenantContext.run("beta", () -> tx.executeWithoutResult(s -> jdbc.update(
                    "delete from school_year where code = ?", code)));
        }
    }
}
