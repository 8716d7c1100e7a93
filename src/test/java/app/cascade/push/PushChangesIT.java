package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.CourseChanges;
import app.cascade.push.engine.ItemChange;
import app.cascade.push.engine.PushMode;
import app.cascade.push.engine.ReasonCode;
import app.cascade.push.internal.PushChangeStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static app.cascade.catalog.ItemSpec.category;
import static app.cascade.catalog.ItemSpec.task;
import static app.cascade.grading.ItemType.TASK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a push changed is kept by the push's own statements (V16__push_changes.sql, decision 0023): exactly the
 * difference between the district before and after the push (every updated or deleted row's before image, every
 * inserted id, each changed Course Info as it was, nothing else), none for a course that failed, and read back as the
 * engine's CourseChanges.
 */
@CascadeIntegrationTest
class PushChangesIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushService pushes;
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

    /**
     * A district where an Overwrite with sections does every kind of change: inserts (a new task, a new category and
     * its section copies), updates (a category's weight in courses and sections), renames (a teacher category
     * colliding with a pushed one), relinks (eng2's S1 linked to the math master), deletes with section copies
     * (Homework removed from the master), keeps a residual category with scores, keeps Q3 residual and forces its
     * section calc options to No Calculation, and changes Course Info (name, state code).
     */
    static PushCommand overwriteEverything(PushFixture f) {
        f.eng.with(task("S2", "Semester 2"), category("Labs", "15"));
        f.d.update("update master_item set weight = 70 where master_id = ? and item_type = 'CATEGORY'"
                + " and name = 'Tests'", f.eng.id());
        f.d.update("delete from master_item where master_id = ? and item_type = 'CATEGORY' and name = 'Homework'",
                f.eng.id());
        f.d.update("update course_master set name = 'English 9 (new)', state_code = 'SC-ENG-2' where id = ?",
                f.eng.id());
        f.d.update("update course_item set master_item_id = ? where course_id = ? and item_type = 'TASK'"
                + " and code = 'S1'", f.mat.itemId(TASK, "S1"), f.eng2.id());
        // a teacher category with the pushed Labs' name and an assignment: renamed
        UUID teacherLabs = UUID.randomUUID();
        f.d.update("insert into section_item (id, section_id, item_type, name, weight, origin)"
                + " values (?, ?, 'CATEGORY', 'Labs', 25, 'TEACHER')", teacherLabs, f.eng1Section2);
        f.assignment(f.eng1Section2, teacherLabs, null);
        // a teacher category with scores: residual
        UUID projects = UUID.randomUUID();
        f.d.update("insert into section_item (id, section_id, item_type, name, weight, origin)"
                + " values (?, ?, 'CATEGORY', 'Projects', 10, 'TEACHER')", projects, f.eng1Section1);
        f.assignment(f.eng1Section1, projects, null);
        // Q3 removed from the master after grades were posted: residual, No Calculation forced in the sections
        UUID q3 = f.courseItemId(f.eng1.id(), "TASK", "Q3");
        f.postedGrade(f.eng1Section1, q3, "Q1");
        f.d.update("delete from master_item where master_id = ? and (code = 'Q3' or task_code = 'Q3')", f.eng.id());
        return PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true, EnumSet.allOf(LockType.class));
    }

    @Test
    void an_overwrite_with_sections_keeps_exactly_what_it_changed() {
        PushCommand command = overwriteEverything(f);
        List<app.cascade.push.engine.ReportRow> preview = pushes.preview(command).rows();
        PushChangesDiff.Snapshot before = PushChangesDiff.snapshot(f);

        UUID request = PushRuns.of(context).run(command);

        Set<String> expected = PushChangesDiff.expected(before, PushChangesDiff.snapshot(f));
        assertThat(PushChangesDiff.kept(f, request)).isEqualTo(expected);
        // every kind of change is there: not a vacuous match
        assertThat(expected).anyMatch(l -> l.contains(" INSERTED ") && !l.endsWith("section null"))
                .anyMatch(l -> l.contains(" INSERTED ") && l.endsWith("section null"))
                .anyMatch(l -> l.contains(" UPDATED ")).anyMatch(l -> l.contains(" DELETED "))
                .anyMatch(l -> l.startsWith("info " + f.eng1.id() + " "))
                .anyMatch(l -> l.contains(" UPDATED ") && l.contains("(CALC_OPTION,,\"Q3 Q1\",Q3,Q1,,0,WEIGHTED"));
        // the section calc options of residual Q3 were forced to No Calculation: their before is WEIGHTED
        assertThat(f.sectionItems(f.eng1Section1)).filteredOn(r -> "Q3|Q1".equals(r.get("match_key")))
                .singleElement().satisfies(r -> assertThat(r.get("forced_no_calc")).isEqualTo(true));
        assertThat(pushes.reportRows(request)).extracting(app.cascade.push.engine.ReportRow::reason)
                .contains(ReasonCode.RELINKED, ReasonCode.RENAMED_CATEGORY, ReasonCode.RESIDUAL_HAS_DEPENDENTS);
        // keeping the changes does not change what the push does
        assertThat(pushes.reportRows(request)).isEqualTo(preview);
    }

    @Test
    void push_locked_data_keeps_the_course_info_it_changed_and_nothing_for_courses_it_left_alone() {
        f.d.update("update course_master set state_code = 'SC-ENG-9', description = 'Changed' where id = ?",
                f.eng.id());
        String eng1Info = f.d.query("select row(name, state_code, department, credits, gpa_weight, description)::text"
                + " from course where id = ?", String.class, f.eng1.id());
        PushChangesDiff.Snapshot before = PushChangesDiff.snapshot(f);

        UUID request = PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED,
                false, EnumSet.allOf(LockType.class)));

        Set<String> kept = PushChangesDiff.kept(f, request);
        assertThat(kept).isEqualTo(PushChangesDiff.expected(before, PushChangesDiff.snapshot(f)))
                .contains("info " + f.eng1.id() + " " + eng1Info, "course " + f.eng2.id())
                .doesNotContain("course " + f.mat1.id(), "course " + f.engPast.id(), "course " + f.art.id());
        Map<Long, CourseChanges> changes = f.inAlpha(() -> store.changes(request, List.of(f.eng1.id(), f.mat1.id())));
        assertThat(changes).containsOnlyKeys(f.eng1.id());
        assertThat(changes.get(f.eng1.id()).items()).isEmpty();
        assertThat(changes.get(f.eng1.id()).infoBefore().stateCode()).isEqualTo("SC-ENG");
        assertThat(changes.get(f.eng1.id()).infoBefore().description()).isEqualTo("Ninth grade English");
    }

    @Test
    void the_changes_read_back_as_course_changes_with_the_items_before() {
        PushCommand command = overwriteEverything(f);
        PushChangesDiff.Snapshot before = PushChangesDiff.snapshot(f);

        UUID request = PushRuns.of(context).run(command);

        PushChangesDiff.Snapshot after = PushChangesDiff.snapshot(f);
        List<Long> courses = List.of(f.eng1.id(), f.eng2.id(), f.mat1.id(), f.art.id());
        Map<Long, CourseChanges> changes = f.inAlpha(() -> store.changes(request, courses));
        Map<String, String> kinds = changes.values().stream().flatMap(c -> c.items().stream())
                .collect(Collectors.toMap(i -> i.itemId().toString(), i -> i.kind().name()));
        Map<String, String> expectedKinds = PushChangesDiff.expected(before, after).stream()
                .filter(l -> !l.startsWith("course ") && !l.startsWith("info "))
                .collect(Collectors.toMap(l -> l.split(" ")[0], l -> l.split(" ")[1]));
        assertThat(kinds).isEqualTo(expectedKinds);
        ItemChange deleted = changes.get(f.eng1.id()).items().stream()
                .filter(i -> i.kind() == ItemChange.Kind.DELETED && i.sectionId() == null).findFirst().orElseThrow();
        assertThat(deleted.before().values().name()).isEqualTo("Homework");
        assertThat(deleted.before().link()).isNotNull();
        assertThat(deleted.before().origin()).isEqualTo(app.cascade.grading.Origin.MASTER);
        assertThat(changes.get(f.eng1.id()).items()).anyMatch(i -> i.kind() == ItemChange.Kind.DELETED
                && i.sectionId() != null && i.before().values().name().equals("Homework"));
        assertThat(changes.get(f.eng1.id()).infoBefore().name()).isEqualTo("English 9");
        assertThat(changes).doesNotContainKey(f.art.id());
    }

    @Test
    void a_course_that_fails_keeps_no_changes_and_the_others_keep_theirs() {
        f.eng.with(task("S2", "Semester 2"));
        f.d.update("""
                create function fail_for_eng2() returns trigger language plpgsql as $$
                begin
                  if new.course_id = %d then raise exception 'simulated failure of course %d'; end if;
                  return new;
                end $$""".formatted(f.eng2.id(), f.eng2.id()));
        f.d.update("create trigger fail_for_eng2 before insert on course_item for each row"
                + " execute function fail_for_eng2()");
        try {
            PushChangesDiff.Snapshot before = PushChangesDiff.snapshot(f);

            UUID request = PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED,
                    true, EnumSet.allOf(LockType.class)));

            assertThat(pushes.reportRows(request)).filteredOn(r -> r.reason() == ReasonCode.ERROR).singleElement()
                    .satisfies(r -> assertThat(r.courseNumber()).isEqualTo("ENG101-B"));
            Set<String> kept = PushChangesDiff.kept(f, request);
            assertThat(kept).isEqualTo(PushChangesDiff.expected(before, PushChangesDiff.snapshot(f)))
                    .contains("course " + f.eng1.id()).noneMatch(l -> l.contains("course " + f.eng2.id()));
        } finally {
            f.d.update("drop trigger fail_for_eng2 on course_item");
            f.d.update("drop function fail_for_eng2()");
        }
    }
}
