package app.cascade.tenancy;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.DistrictFixture;
import app.cascade.catalog.LakesideHighFixture;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.PushCommand;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushStatus;
import app.cascade.push.engine.PushMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15, broken 5: district admins turn Batch Reporting on and off through {@link DistrictSettings}; the change
 * is recorded (who, when, old → new), a request held while it was off runs once it is on, and nobody else may turn it.
 */
@CascadeIntegrationTest
class BatchReportingSwitchIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    DistrictSettings settings;
    @Autowired
    PushRequestService requests;
    @Autowired
    JdbcTemplate jdbc;

    static final class District extends LakesideHighFixture {
        District(ApplicationContext context) {
            super(DistrictFixture.in("alpha", context).wipe());
            buildLakesideHigh(CatalogLock.values());
        }
    }

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.admin");
        settings.setBatchReporting(true);
    }

    @AfterEach
    void tearDown() {
        TestUsers.signIn(context, "alpha.admin");
        settings.setBatchReporting(true);
        TestUsers.signOut();
    }

    private long changes() {
        return jdbc.queryForObject("select count(*) from cascade.batch_reporting_change where tenant_id = 'alpha'",
                Long.class);
    }

    @Test
    void a_request_held_while_batch_reporting_is_off_runs_once_a_district_admin_turns_it_on() {
        District district = new District(context);
        settings.setBatchReporting(false);
        TestUsers.signIn(context, "alpha.push");
        UUID id = requests.submit(PushCommand.catalog(district.catalog, district.current, PushMode.PUSH_LOCKED, true,
                EnumSet.allOf(LockType.class)), null);
        await().pollInSameThread().atMost(Duration.ofSeconds(60))
                .until(() -> requests.summary(id).message() != null);
        assertThat(requests.summary(id).status()).isEqualTo(PushStatus.QUEUED);
        assertThat(requests.summary(id).message()).contains("Batch Reporting is off");

        TestUsers.signIn(context, "alpha.admin");
        settings.setBatchReporting(true);

        TestUsers.signIn(context, "alpha.push");
        await().pollInSameThread().atMost(Duration.ofSeconds(60))
                .until(() -> requests.summary(id).status() == PushStatus.COMPLETED);
    }

    @Test
    void each_change_is_recorded_with_who_and_old_and_new_value_and_shown_as_the_last_change() {
        long before = changes();

        settings.setBatchReporting(false);

        assertThat(changes()).isEqualTo(before + 1);
        BatchReportingState off = settings.batchReportingState();
        assertThat(off.on()).isFalse();
        assertThat(settings.batchReporting("alpha")).isFalse();
        BatchReportingState.Change change = off.lastChange().orElseThrow();
        assertThat(change.from()).isTrue();
        assertThat(change.to()).isFalse();
        assertThat(change.byUsername()).isEqualTo("alpha.admin");
        assertThat(change.byName()).isEqualTo("Alpha Admin");
        assertThat(change.at()).isNotNull();

        settings.setBatchReporting(true);

        BatchReportingState on = settings.batchReportingState();
        assertThat(on.on()).isTrue();
        assertThat(on.lastChange().orElseThrow().from()).isFalse();
        assertThat(on.lastChange().orElseThrow().to()).isTrue();
        assertThat(changes()).isEqualTo(before + 2);
    }

    @Test
    void setting_the_value_the_switch_already_has_records_nothing() {
        long before = changes();

        settings.setBatchReporting(true);

        assertThat(changes()).isEqualTo(before);
    }

    @Test
    void a_district_admin_switches_only_their_own_district() {
        settings.setBatchReporting(false);

        assertThat(settings.batchReporting("alpha")).isFalse();
        assertThat(settings.batchReporting("beta")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpha.viewer", "alpha.push", "support"})
    void anyone_but_a_district_admin_is_refused_and_nothing_changes(String user) {
        long before = changes();
        TestUsers.signIn(context, user);

        assertThatThrownBy(() -> settings.setBatchReporting(false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> settings.batchReportingState()).isInstanceOf(AccessDeniedException.class);

        assertThat(settings.batchReporting("alpha")).isTrue();
        assertThat(changes()).isEqualTo(before);
    }
}
