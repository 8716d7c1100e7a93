package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.DistrictFixture;
import app.cascade.catalog.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every district's push bookkeeping read in one go (issue 19): what each district's push_request holds, and a
 * snapshot that the gauges read for at most the TTL.
 */
@CascadeIntegrationTest
@TestPropertySource(properties = "cascade.push.activity-ttl=1h")
class PushActivityIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushActivity activity;

    DistrictFixture alpha;
    DistrictFixture beta;
    long[] alphaIds;

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    @Test
    void only_support_reads_every_district_s_activity() {
        TestUsers.signIn(context, "alpha.push");
        assertThatThrownBy(() -> activity.now()).isInstanceOf(AccessDeniedException.class);
    }

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "support");
        alpha = DistrictFixture.in("alpha", context).wipe();
        beta = DistrictFixture.in("beta", context).wipe();
        long year = alpha.year("26-27", LocalDate.of(2026, 8, 1), LocalDate.of(2027, 6, 30));
        alphaIds = new long[]{alpha.catalog("Activity Catalog", app.cascade.catalog.CatalogLock.values()), year};
    }

    /** A request of alpha's catalog: status, submitted and due {@code ago} before now (negative: later). */
    private void request(String status, String ago, String message) {
        RequestRows.insert(alpha, alphaIds[0], alphaIds[1], status, ago, message);
    }

    @Test
    void every_district_s_counts_waits_and_last_failure_come_from_its_own_schema() {
        request("COMPLETED", "1 hour", null);
        request("COMPLETED", "2 hours", null);
        request("COMPLETED", "3 days", null);
        request("FAILED", "5 hours", "The push failed: older");
        request("FAILED", "4 hours", "The push failed: latest");
        request("QUEUED", "20 minutes", null);
        request("SCHEDULED", "10 minutes", null);
        request("SCHEDULED", "-2 hours", null);

        List<DistrictPushActivity> all = activity.now();

        assertThat(all).extracting(DistrictPushActivity::districtId).containsExactly("alpha", "beta");
        DistrictPushActivity a = all.getFirst();
        assertThat(a.requestsLast24h()).isEqualTo(Map.of("COMPLETED", 2, "FAILED", 2, "QUEUED", 1,
                "SCHEDULED", 2));
        assertThat(a.requestsLast24h(PushStatus.COMPLETED)).isEqualTo(2);
        assertThat(a.requestsLast24h(PushStatus.RUNNING)).isZero();
        assertThat(a.due()).as("the queued one and the scheduled one now due").isEqualTo(2);
        assertThat(a.oldestDueAt()).isBetween(Instant.now().minus(Duration.ofMinutes(21)),
                Instant.now().minus(Duration.ofMinutes(19)));
        assertThat(a.lastFailureMessage()).isEqualTo("The push failed: latest");
        assertThat(a.lastFailureAt()).isBefore(Instant.now().minus(Duration.ofMinutes(239)));
        assertThat(all.get(1)).isEqualTo(DistrictPushActivity.none("beta"));
    }

    @Test
    void the_recent_snapshot_is_read_once_per_ttl_while_now_reads_afresh() {
        request("QUEUED", "1 minute", null);
        // the first snapshot loads in the background after start; a read before it is empty, never a wait
        Map<String, DistrictPushActivity> first = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(activity::recent, m -> !m.isEmpty());
        int due = activity.now().getFirst().due();
        request("QUEUED", "2 minutes", null);

        assertThat(activity.recent()).isSameAs(first);
        assertThat(activity.now().getFirst().due()).isEqualTo(due + 1);
    }
}
