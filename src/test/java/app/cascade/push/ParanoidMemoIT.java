package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.engine.ReportRow;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.util.EnumSet;
import java.util.List;

import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paranoid mode ({@code cascade.push.memo.paranoid}) catches a stale memo: a change that did not move its course's
 * stamp (the stamp triggers bypassed) leaves a memo that says "nothing to do"; the push plans that course instead,
 * logs an error and counts it in {@code cascade.push.memo.stale}. Without paranoid mode the push would copy the memo,
 * and its report would not be the dry run's.
 */
@CascadeIntegrationTest
@TestPropertySource(properties = "cascade.push.memo.paranoid=true")
class ParanoidMemoIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushService pushes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    PushFixture f;

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.push");
        f = new PushFixture(context).build();
        f.eng.with(task("S2", "Semester 2"));
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    @Test
    void a_memo_left_stale_by_a_change_behind_the_stamp_triggers_is_caught_and_its_course_planned() {
        PushCommand command = PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class));
        PushRuns.of(context).run(command);
        int courses = f.inAlpha(() -> jdbc.queryForObject("select count(*) from push_course_memo", Integer.class));
        double staleBefore = staleMemos();
        // the stamp triggers bypassed, as a replica or a restore would: ENG101-B's memo still says "nothing to do"
        assertThat(f.inAlpha(() -> {
            jdbc.execute("set local session_replication_role = replica");
            return jdbc.update("update course_item set name = 'Renamed behind the stamp' where course_id = ?"
                    + " and item_type = 'TASK' and match_key = 'S2'", f.eng2.id());
        })).isEqualTo(1);

        List<ReportRow> fresh = pushes.preview(command).rows();
        PushMeasured pushed = PushRuns.of(context).measure(command);

        assertThat(pushes.reportRows(pushed.requestId())).isEqualTo(fresh);
        assertThat(pushed.memoHits()).as("the other courses' memos hold").isEqualTo(courses - 1).isPositive();
        assertThat(staleMemos() - staleBefore).isEqualTo(1);
        assertThat(f.courseItems(f.eng2.id())).anyMatch(r -> "S2".equals(r.get("match_key"))
                && "Semester 2".equals(r.get("name")));
    }

    private double staleMemos() {
        return meters.counter("cascade.push.memo.stale").count();
    }
}
