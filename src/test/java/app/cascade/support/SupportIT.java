package app.cascade.support;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.DistrictFixture;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.PushCommand;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushStatus;
import app.cascade.push.RequestRows;
import app.cascade.push.engine.PushMode;
import app.cascade.tenancy.DistrictReadiness;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Platform support's figures per district, and the district and request id on every job log line. */
@CascadeIntegrationTest
class SupportIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    SupportService support;
    @Autowired
    PushRequestService requests;
    @Autowired
    TenantRegistry registry;
    @Autowired
    DistrictReadiness readiness;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    private long[] district(DistrictFixture d) {
        long year = d.year("26-27", LocalDate.of(2026, 8, 1), LocalDate.of(2027, 6, 30));
        long catalog = d.catalog("Support Catalog", app.cascade.catalog.CatalogLock.values());
        long calendar = d.calendar(d.school("SS", "Support School", catalog), year, "Q1");
        d.course(calendar, d.master(catalog, "S1", "Support").with(app.cascade.catalog.ItemSpec.task("S1", "S1")));
        return new long[]{catalog, year};
    }

    @Test
    void support_sees_request_counts_the_oldest_waiting_request_and_the_last_failure_of_every_district() {
        DistrictFixture d = DistrictFixture.in("alpha", context).wipe();
        long[] ids = district(d);
        d.update("""
                insert into push_request (id, kind, catalog_id, school_year_id, mode, to_sections, data_types, status,
                    submitted_by, scheduled_at, finished_at, message)
                values (gen_random_uuid(), 'CATALOG', ?, ?, 'OVERWRITE', true, '{CATEGORIES}', 'FAILED', 'alpha.push',
                        now() - interval '2 hours', now() - interval '1 hour', 'The push failed: disk full'),
                       (gen_random_uuid(), 'CATALOG', ?, ?, 'PUSH_LOCKED', false, '{CATEGORIES}', 'QUEUED', 'alpha.push',
                        now() - interval '30 minutes', null, 'Waiting: Batch Reporting is off')
                """, ids[0], ids[1], ids[0], ids[1]);
        TestUsers.signIn(context, "support");

        DistrictStatus alpha = support.districts().stream().filter(s -> s.district().id().equals("alpha"))
                .findFirst().orElseThrow();

        assertThat(alpha.requestsLast24h()).containsEntry("FAILED", 1).containsEntry("QUEUED", 1);
        assertThat(alpha.lastFailureMessage()).isEqualTo("The push failed: disk full");
        assertThat(alpha.oldestQueuedAt()).isBefore(java.time.Instant.now().minus(Duration.ofMinutes(29)));
        assertThat(alpha.district().schemaVersion()).isNotEqualTo("not migrated");
        assertThat(support.districts()).extracting(s -> s.district().id()).containsExactly("alpha", "beta");
    }

    @Test
    void a_district_whose_schema_cannot_be_migrated_comes_first_as_unavailable_with_the_reason() {
        List<Tenant> before = List.copyOf(registry.all());
        jdbc.execute("create schema if not exists district_support_broken");
        jdbc.execute("create table if not exists district_support_broken.stray (x int)");
        try {
            List<Tenant> with = new java.util.ArrayList<>(before);
            with.add(new Tenant("broken", "Broken District", "district_support_broken", "broken",
                    java.time.ZoneId.of("UTC"), true, "noreply@broken.example", "broken.yml"));
            registry.update(with);
            assertThatThrownBy(() -> readiness.awaitReady("broken"))
                    .isInstanceOf(app.cascade.tenancy.DistrictUnavailableException.class);
            TestUsers.signIn(context, "support");

            List<DistrictStatus> all = support.districts();

            assertThat(all).extracting(s -> s.district().id()).hasSize(3).first().isEqualTo("broken");
            assertThat(all.getFirst().district().statusText())
                    .startsWith("Unavailable: its schema could not be migrated").contains("non-empty schema");
            assertThat(all.subList(1, 3)).allSatisfy(s -> assertThat(s.district().statusText()).isEqualTo("Ready"));
        } finally {
            registry.update(before);
            jdbc.execute("drop schema district_support_broken cascade");
        }
    }

    private static void request(DistrictFixture d, long[] ids, String status, String ago, String message) {
        RequestRows.insert(d, ids[0], ids[1], status, ago, message);
    }

    @Test
    void support_lists_districts_worst_first_and_finds_one_by_name_id_schema_or_organization() {
        DistrictFixture alpha = DistrictFixture.in("alpha", context).wipe();
        DistrictFixture beta = DistrictFixture.in("beta", context).wipe();
        long[] alphaIds = district(alpha);
        long[] betaIds = district(beta);
        TestUsers.signIn(context, "support");
        // nothing failed, nothing waits: by name
        assertThat(support.districts()).extracting(s -> s.district().id()).containsExactly("alpha", "beta");

        // beta waits: beta first
        request(beta, betaIds, "QUEUED", "10 minutes", null);
        assertThat(support.districts()).extracting(s -> s.district().id()).containsExactly("beta", "alpha");
        // alpha waits longer: alpha first
        request(alpha, alphaIds, "QUEUED", "40 minutes", null);
        assertThat(support.districts()).extracting(s -> s.district().id()).containsExactly("alpha", "beta");
        // a failure in beta outranks any wait
        request(beta, betaIds, "FAILED", "3 hours", "The push failed: disk full");
        assertThat(support.districts()).extracting(s -> s.district().id()).containsExactly("beta", "alpha");
        // a failure older than 24 hours counts for nothing in the order
        beta.update("update push_request set submitted_at = now() - interval '3 days',"
                + " finished_at = now() - interval '3 days' where status = 'FAILED'");
        assertThat(support.districts()).extracting(s -> s.district().id()).containsExactly("alpha", "beta");

        assertThat(support.districts("BET")).extracting(s -> s.district().id()).containsExactly("beta");
        assertThat(support.districts("district_alpha")).extracting(s -> s.district().id())
                .containsExactly("alpha");
        assertThat(support.districts(" ")).hasSize(2);
        assertThat(support.districts("no such district")).isEmpty();
    }

    @Test
    void district_users_cannot_read_the_support_figures() {
        for (String user : java.util.List.of("alpha.admin", "alpha.push", "alpha.viewer")) {
            TestUsers.signIn(context, user);
            assertThatThrownBy(() -> support.districts()).as(user).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void every_log_line_of_a_push_job_carries_the_district_and_the_request_id() {
        long[] ids = district(DistrictFixture.in("alpha", context).wipe());
        Logger logger = (Logger) LoggerFactory.getLogger("app.cascade.push");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            TestUsers.signIn(context, "alpha.push");
            UUID id = requests.submit(PushCommand.catalog(ids[0], ids[1], PushMode.PUSH_LOCKED, false,
                    EnumSet.allOf(LockType.class)), null);
            await().pollInSameThread().atMost(Duration.ofSeconds(60))
                    .until(() -> requests.summary(id).status() == PushStatus.COMPLETED);

            assertThat(appender.list).filteredOn(e -> e.getFormattedMessage().contains(id.toString()))
                    .isNotEmpty()
                    .allSatisfy(e -> {
                        assertThat(e.getMDCPropertyMap()).containsEntry("district", "alpha");
                        assertThat(e.getMDCPropertyMap()).containsEntry("request", id.toString());
                    });
        } finally {
            logger.detachAppender(appender);
        }
    }
}
