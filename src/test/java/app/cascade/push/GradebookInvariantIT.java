package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.engine.ReasonCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executor's own gradebook check (push-rules §4: every grade, score, comment, posted grade and assignment is
 * unchanged by every push; checked before each commit), proven against a write the database itself would allow: a
 * trigger deletes the scores of a course when its items are updated. That course is rolled back and reported as
 * ERROR; the others of the same chunk commit.
 */
@CascadeIntegrationTest
@TestPropertySource(properties = "cascade.push.chunk-size=2")
class GradebookInvariantIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushService pushes;

    PushFixture f;

    @BeforeEach
    void setUp() {
        f = new PushFixture(context).build();
        TestUsers.signIn(context, "alpha.push");
    }

    @AfterEach
    void tearDown() {
        f.d.update("drop trigger if exists lose_scores on course_item");
        f.d.update("drop function if exists lose_scores()");
        TestUsers.signOut();
    }

    @Test
    void a_push_that_would_lose_a_score_rolls_that_course_back_and_reports_it() {
        f.assignment(f.eng1Section1, f.sectionItemId(f.eng1Section1, "CATEGORY", "tests"), null);
        f.d.update("update master_item set name = 'Semester One' where id = ?",
                f.eng.itemId(app.cascade.grading.ItemType.TASK, "S1"));
        f.d.update("""
                create function lose_scores() returns trigger language plpgsql as $$
                begin
                  delete from score where assignment_id in (select a.id from assignment a
                      join section s on s.id = a.section_id where s.course_id = new.course_id);
                  return new;
                end $$""");
        f.d.update("create trigger lose_scores after update on course_item for each row when (new.course_id = "
                + f.eng1.id() + ") execute function lose_scores()");
        List<Long> gradebook = f.gradebook();
        List<Map<String, Object>> eng1Before = f.courseItems(f.eng1.id());

        UUID request = PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, true,
                EnumSet.allOf(LockType.class)));

        assertThat(f.gradebook()).isEqualTo(gradebook);
        assertThat(f.courseItems(f.eng1.id())).isEqualTo(eng1Before);
        assertThat(f.courseItems(f.eng2.id())).anyMatch(r -> "Semester One".equals(r.get("name")));
        assertThat(pushes.reportRows(request)).filteredOn(r -> r.reason() == ReasonCode.ERROR).singleElement()
                .satisfies(r -> {
                    assertThat(r.courseNumber()).isEqualTo("ENG101");
                    assertThat(r.message()).contains("Gradebook counts of course " + f.eng1.id() + " changed");
                });
        assertThat(pushes.request(request).status()).isEqualTo(PushStatus.COMPLETED_WITH_WARNINGS);
    }
}
