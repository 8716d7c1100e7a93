package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code cascade.push.memo.enabled: false}, the memo always misses: every course is planned, and the memos of the
 * courses a push plans are dropped (its writes do not move their stamps, so a memo kept would lie once the memo is on
 * again).
 */
@CascadeIntegrationTest
@TestPropertySource(properties = "cascade.push.memo.enabled=false")
class PushMemoOffIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushService pushes;
    @Autowired
    JdbcTemplate jdbc;

    PushFixture f;

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.push");
        f = new PushFixture(context).build();
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    @Test
    void every_course_is_planned_again_and_the_memos_of_the_planned_courses_are_dropped() {
        PushCommand command = PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class));
        PushRuns.of(context).run(command);
        // a memo left by a push with the memo on, which would say ENG101 needs nothing
        f.d.update("""
                insert into push_course_memo (course_id, stamp, fingerprint, outcome, created, updated, deleted,
                    relinked, residual, renamed, info_fields, rows)
                values (?, 0, 'left by an earlier push', 'PUSHED', 0, 0, 0, 0, 0, 0, 0, '[]')""", f.eng1.id());

        PushMeasured again = PushRuns.of(context).measure(command);

        assertThat(again.memoHits()).isZero();
        assertThat(pushes.reportRows(again.requestId())).isEqualTo(pushes.preview(command).rows());
        assertThat(f.inAlpha(() -> jdbc.queryForObject("select count(*) from push_course_memo", Long.class)))
                .isZero();
    }
}
