package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.internal.PushChangeStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course content stamp (V16, course_push_stamp.content_stamp) moves with anything in the course and not with what
 * is outside it, nor with the push's own writes; with the later push_change rows of a course it answers which of a
 * push's courses changed since the push (PushChangeStore.changedSince).
 */
@CascadeIntegrationTest
class PushChangeStampIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushChangeStore store;

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

    private Map<Long, Long> contentStamps() {
        return f.inAlpha(() -> f.jdbc.query("select course_id, content_stamp from course_push_stamp", rs -> {
            Map<Long, Long> stamps = new TreeMap<>();
            while (rs.next()) {
                stamps.put(rs.getLong(1), rs.getLong(2));
            }
            return stamps;
        }));
    }

    /** The courses whose content stamp {@code change} moved. */
    private List<Long> moved(Runnable change) {
        Map<Long, Long> before = contentStamps();
        change.run();
        Map<Long, Long> after = contentStamps();
        return after.keySet().stream().filter(c -> !after.get(c).equals(before.get(c))).toList();
    }

    private UUID pushAll(PushMode mode) {
        return PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, mode, true,
                EnumSet.allOf(LockType.class)));
    }

    @Test
    void the_content_stamp_moves_for_an_edit_an_assignment_a_score_and_ignore_master_push() {
        long eng1 = f.eng1.id();
        UUID task = f.courseItemId(eng1, "TASK", "S1");
        assertThat(moved(() -> f.d.update("update course_item set name = 'Semester One' where id = ?", task)))
                .containsExactly(eng1);
        UUID[] assignment = new UUID[1];
        assertThat(moved(() -> assignment[0] = f.assignment(f.eng1Section1, null, null))).containsExactly(eng1);
        assertThat(moved(() -> f.d.update("update score set points = 7 where assignment_id = ?", assignment[0])))
                .containsExactly(eng1);
        assertThat(moved(() -> f.d.update("update course set ignore_master_push = true where id = ?", f.eng2.id())))
                .containsExactly(f.eng2.id());
        assertThat(moved(() -> f.d.update("update section_item set weight = 1 where section_id = ?",
                f.eng2Section1))).containsExactly(f.eng2.id());
    }

    @Test
    void the_content_stamp_stays_for_a_master_item_a_term_a_school_rename_and_the_push_itself() {
        assertThat(moved(() -> f.d.update("update master_item set name = 'Semester I' where master_id = ?"
                + " and code = 'S1'", f.eng.id()))).isEmpty();
        assertThat(moved(() -> f.d.update("delete from master_item where master_id = ? and code = 'Q3'",
                f.eng.id()))).isEmpty();
        assertThat(moved(() -> f.d.update("insert into term (calendar_id, code, seq) values (?, 'Q5', 5)",
                f.calendarCurrent))).isEmpty();
        assertThat(moved(() -> f.d.update("update school set name = 'Lakeside Senior High' where id = ?",
                f.lakeside))).isEmpty();
        assertThat(moved(() -> pushAll(PushMode.OVERWRITE))).isEmpty();
        // the memo stamp of V9 still moves for the term (what the planner reads), as before
        Map<Long, Long> before = f.inAlpha(() -> f.jdbc.query("select course_id, stamp from course_push_stamp",
                rs -> {
                    Map<Long, Long> m = new TreeMap<>();
                    while (rs.next()) {
                        m.put(rs.getLong(1), rs.getLong(2));
                    }
                    return m;
                }));
        f.d.update("update term set seq = 6 where calendar_id = ? and code = 'Q5'", f.calendarCurrent);
        assertThat(f.d.query("select stamp from course_push_stamp where course_id = ?", Long.class, f.eng1.id()))
                .isEqualTo(before.get(f.eng1.id()) + 1);
    }

    @Test
    void changed_since_names_the_courses_edited_or_pushed_again_after_the_push() {
        f.eng.with(task("S2", "Semester 2"));
        f.mat.with(task("S2", "Semester 2"));
        UUID first = pushAll(PushMode.PUSH_LOCKED);
        List<Long> courses = List.of(f.eng1.id(), f.eng2.id(), f.mat1.id());
        assertThat(f.inAlpha(() -> store.changedSince(first, courses))).isEmpty();

        // an edit of eng1, a master edit (outside every course), then a later push that changes mat1 only
        f.d.update("update course_item set name = 'Semester One' where course_id = ? and code = 'S1'", f.eng1.id());
        f.d.update("update master_item set name = 'Semester II' where master_id = ? and code = 'S2'", f.eng.id());
        f.d.update("update master_item set name = 'Semester II' where master_id = ? and code = 'S2'", f.mat.id());
        f.d.update("update course set ignore_master_push = true where id = ?", f.eng2.id());
        f.d.update("update course set ignore_master_push = false where id = ?", f.eng2.id());
        assertThat(f.inAlpha(() -> store.changedSince(first, courses)))
                .containsExactlyInAnyOrder(f.eng1.id(), f.eng2.id());

        UUID later = PushRuns.of(context).run(PushCommand.master(f.mat.id(), f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class)));

        assertThat(f.inAlpha(() -> store.changedSince(first, courses)))
                .containsExactlyInAnyOrder(f.eng1.id(), f.eng2.id(), f.mat1.id());
        assertThat(f.inAlpha(() -> store.changedSince(later, courses))).isEmpty();
        assertThat(f.inAlpha(() -> store.changes(later, courses))).containsOnlyKeys(f.mat1.id());
    }

    @Test
    void a_later_push_that_kept_no_changes_is_seen_by_its_results_and_one_that_wrote_nothing_is_not() {
        f.eng.with(task("S2", "Semester 2"));
        UUID first = pushAll(PushMode.PUSH_LOCKED);
        List<Long> courses = List.of(f.eng1.id(), f.eng2.id());
        // a later request that committed results for both courses but kept no changes (as with
        // cascade.push.changes.enabled=false): it wrote an item of eng1 and nothing of eng2
        UUID later = PushRuns.of(context).run(PushCommand.master(f.mat.id(), f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class)));
        f.d.update("insert into push_course_result (request_id, course_id, outcome, updated) values (?, ?, 'PUSHED', 1)",
                later, f.eng1.id());
        f.d.update("insert into push_course_result (request_id, course_id, outcome) values (?, ?, 'PUSHED')",
                later, f.eng2.id());

        assertThat(f.inAlpha(() -> store.changedSince(first, courses))).containsExactly(f.eng1.id());
    }
}
