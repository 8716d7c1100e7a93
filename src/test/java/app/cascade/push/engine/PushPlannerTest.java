package app.cascade.push.engine;

import app.cascade.grading.CourseInfoField;
import app.cascade.grading.LockType;
import app.cascade.grading.Locks;
import app.cascade.grading.Origin;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static app.cascade.grading.ItemType.ASSESSMENT;
import static app.cascade.grading.ItemType.CALC_OPTION;
import static app.cascade.grading.ItemType.CATEGORY;
import static app.cascade.grading.ItemType.TASK;
import static app.cascade.push.engine.Items.assessment;
import static app.cascade.push.engine.Items.calc;
import static app.cascade.push.engine.Items.category;
import static app.cascade.push.engine.Items.course;
import static app.cascade.push.engine.Items.id;
import static app.cascade.push.engine.Items.info;
import static app.cascade.push.engine.Items.master;
import static app.cascade.push.engine.Items.task;
import static app.cascade.push.engine.PushMode.OVERWRITE;
import static app.cascade.push.engine.PushMode.PUSH_LOCKED;
import static org.assertj.core.api.Assertions.assertThat;

class PushPlannerTest {

    static final long S1 = 11;
    static final long S2 = 12;

    private static MasterInput master1(List<Item> extra, String stateCode) {
        List<Item> items = new java.util.ArrayList<>(List.of(
                master("m.S1", TASK, task("S1", "Semester 1")),
                master("m.Q3", TASK, task("Q3", "Quarter 3")),
                master("m.Tests", CATEGORY, category("Tests", 60)),
                master("m.Homework", CATEGORY, category("Homework", 40)),
                master("m.A1", ASSESSMENT, assessment("A1", "Final exam")),
                master("m.calc.S1", CALC_OPTION, calc("S1", "Q1", "POINTS")),
                master("m.calc.Q3", CALC_OPTION, calc("Q3", "Q1", "WEIGHTED"))));
        items.addAll(extra);
        return new MasterInput(1, "ENG101", info("English 9", stateCode), items);
    }

    /** A course fully in sync with master1, with two sections holding copies of the section-level setup. */
    private static MiniDistrict synced() {
        MasterInput m = master1(List.of(), "SC-01");
        List<Item> courseItems = List.of(
                course("c.S1", TASK, task("S1", "Semester 1"), "m.S1", Origin.MASTER),
                course("c.Q3", TASK, task("Q3", "Quarter 3"), "m.Q3", Origin.MASTER),
                course("c.Tests", CATEGORY, category("Tests", 60), "m.Tests", Origin.MASTER),
                course("c.Homework", CATEGORY, category("Homework", 40), "m.Homework", Origin.MASTER),
                course("c.A1", ASSESSMENT, assessment("A1", "Final exam"), "m.A1", Origin.MASTER),
                course("c.calc.S1", CALC_OPTION, calc("S1", "Q1", "POINTS"), "m.calc.S1", Origin.MASTER),
                course("c.calc.Q3", CALC_OPTION, calc("Q3", "Q1", "WEIGHTED"), "m.calc.Q3", Origin.MASTER));
        List<SectionInput> sections = List.of(section(S1), section(S2));
        CourseInput c = new CourseInput(100, "Lakeside High", "ENG101", info("English 9", "SC-01"), 1L, false,
                Set.of("Q1", "Q2"), courseItems, sections);
        return new MiniDistrict().master(m).master(new MasterInput(2, "MAT101", info("Algebra", "SC-02"),
                List.of(master("m2.S1", TASK, task("S1", "Semester 1"))))).course(c);
    }

    private static SectionInput section(long id) {
        return new SectionInput(id, String.valueOf(id), "Teacher " + id, List.of(
                course("s" + id + ".Tests", CATEGORY, category("Tests", 60), "c.Tests", Origin.MASTER),
                course("s" + id + ".Homework", CATEGORY, category("Homework", 40), "c.Homework", Origin.MASTER),
                course("s" + id + ".calc.S1", CALC_OPTION, calc("S1", "Q1", "POINTS"), "c.calc.S1", Origin.MASTER),
                course("s" + id + ".calc.Q3", CALC_OPTION, calc("Q3", "Q1", "WEIGHTED"), "c.calc.Q3",
                        Origin.MASTER)));
    }

    private static MiniDistrict withMaster(MiniDistrict d, MasterInput m) {
        d.masters.set(0, m);
        d.master = m;
        return d;
    }

    private static MasterInput without(MasterInput m, String... names) {
        Set<java.util.UUID> gone = new java.util.HashSet<>();
        for (String n : names) {
            gone.add(id(n));
        }
        return new MasterInput(m.id(), m.number(), m.info(),
                m.items().stream().filter(i -> !gone.contains(i.id())).toList());
    }

    private static MiniDistrict withCourseItems(MiniDistrict d, List<Item> items) {
        CourseInput c = d.course;
        d.course = new CourseInput(c.id(), c.school(), c.number(), c.info(), c.masterId(), c.ignoreMasterPush(),
                c.termCodes(), items, c.sections());
        return d;
    }

    private static MiniDistrict addSectionItem(MiniDistrict d, long sectionId, Item item) {
        CourseInput c = d.course;
        List<SectionInput> sections = c.sections().stream().map(s -> s.id() != sectionId ? s
                : new SectionInput(s.id(), s.number(), s.teacher(),
                java.util.stream.Stream.concat(s.items().stream(), java.util.stream.Stream.of(item)).toList()))
                .toList();
        d.course = new CourseInput(c.id(), c.school(), c.number(), c.info(), c.masterId(), c.ignoreMasterPush(),
                c.termCodes(), c.items(), sections);
        return d;
    }

    private static List<ReasonCode> reasons(CoursePlan plan) {
        return plan.rows().stream().map(ReportRow::reason).toList();
    }

    private static final Locks ALL = Locks.everything();

    @Test
    void a_course_in_sync_plans_no_change_in_either_mode() {
        for (PushMode mode : PushMode.values()) {
            CoursePlan plan = synced().push(ALL, PushOptions.all(mode, true));
            assertThat(plan.changesNothing()).as(mode.name()).isTrue();
            assertThat(plan.rows()).isEmpty();
        }
    }

    @Test
    void a_locked_changed_state_code_reaches_the_course_and_nothing_else_changes() {
        MiniDistrict d = withMaster(synced(), master1(List.of(), "SC-99"));
        Locks locks = new Locks(EnumSet.of(CourseInfoField.stateCode), LockType.grading());

        CoursePlan plan = d.push(locks, new PushOptions(PUSH_LOCKED, false, EnumSet.of(LockType.COURSE_INFO)));

        assertThat(plan.newInfo().stateCode()).isEqualTo("SC-99");
        assertThat(plan.newInfo().department()).isEqualTo("English");
        assertThat(plan.writes()).isEmpty();
        assertThat(plan.courseDeletes()).isEmpty();
    }

    @Test
    void an_unlocked_course_info_field_is_not_copied() {
        MasterInput changed = new MasterInput(1, "ENG101", new CourseInfo("English 9", "SC-01", "Humanities",
                java.math.BigDecimal.ONE, java.math.BigDecimal.ONE, "desc"), master1(List.of(), "SC-01").items());
        MiniDistrict d = withMaster(synced(), changed);

        CoursePlan plan = d.push(new Locks(EnumSet.of(CourseInfoField.stateCode), Set.of()),
                new PushOptions(PUSH_LOCKED, false, EnumSet.of(LockType.COURSE_INFO)));

        assertThat(plan.newInfo()).isNull();
    }

    @Test
    void a_selected_but_unlocked_type_is_reported_not_locked_once_and_left_alone() {
        MiniDistrict d = withMaster(synced(), without(master1(List.of(), "SC-01"), "m.Homework"));
        Locks locks = new Locks(Set.of(), EnumSet.of(LockType.TASKS_STANDARDS));
        PushOptions options = PushOptions.all(OVERWRITE, true);

        List<ReportRow> requestRows = d.planner.requestRows(locks, options);
        CoursePlan plan = d.push(locks, options);

        assertThat(requestRows).extracting(ReportRow::reason).containsOnly(ReasonCode.NOT_LOCKED);
        assertThat(requestRows).extracting(ReportRow::dataType).containsExactly("Course Info", "Grade Calc Options",
                "Composite Grades", "Categories", "Assessments");
        assertThat(plan.changesNothing()).isTrue();
    }

    @Test
    void a_new_master_task_is_created_linked_on_the_course() {
        MiniDistrict d = withMaster(synced(), master1(List.of(master("m.S2", TASK, task("S2", "Semester 2"))), "SC-01"));

        CoursePlan plan = d.pushAndApply(ALL, PushOptions.all(PUSH_LOCKED, false));

        assertThat(plan.counts().created()).isEqualTo(1);
        Item s2 = d.courseItems(TASK).stream().filter(i -> i.key().equals("S2")).findFirst().orElseThrow();
        assertThat(s2.link()).isEqualTo(id("m.S2"));
        assertThat(s2.origin()).isEqualTo(Origin.MASTER);
    }

    @Test
    void teacher_category_is_kept_by_push_locked_and_wiped_or_kept_residual_by_overwrite() {
        Item labs = course("s11.Labs", CATEGORY, category("Labs", 10), null, Origin.TEACHER);

        MiniDistrict locked = addSectionItem(synced(), S1, labs);
        locked.pushAndApply(ALL, PushOptions.all(PUSH_LOCKED, true));
        assertThat(locked.sectionItems(S1, CATEGORY)).extracting(Item::id).contains(labs.id());

        MiniDistrict wiped = addSectionItem(synced(), S1, labs);
        CoursePlan wipe = wiped.pushAndApply(ALL, PushOptions.all(OVERWRITE, false));
        assertThat(wipe.sectionDeletes()).containsExactly(labs.id());

        MiniDistrict kept = addSectionItem(synced(), S1, labs).assignment(S1, "s11.Labs", null);
        CoursePlan keep = kept.pushAndApply(ALL, PushOptions.all(OVERWRITE, true));
        Item after = kept.sectionItems(S1, CATEGORY).stream().filter(i -> i.id().equals(labs.id())).findFirst()
                .orElseThrow();
        assertThat(after.residual()).isTrue();
        assertThat(reasons(keep)).containsExactly(ReasonCode.RESIDUAL_HAS_DEPENDENTS);
        assertThat(keep.rows().getFirst().dependents().assignments()).isEqualTo(1);
        assertThat(kept.gradebookIntact()).isTrue();
    }

    @Test
    void overwrite_with_categories_unselected_keeps_every_teacher_category() {
        Item labs = course("s11.Labs", CATEGORY, category("Labs", 10), null, Origin.TEACHER);
        MiniDistrict d = addSectionItem(synced(), S1, labs);

        CoursePlan plan = d.push(ALL, new PushOptions(OVERWRITE, true, EnumSet.complementOf(EnumSet.of(LockType.CATEGORIES))));

        assertThat(plan.sectionDeletes()).doesNotContain(labs.id());
        assertThat(plan.changesNothing()).isTrue();
    }

    @Test
    void ignore_master_push_skips_the_whole_course() {
        MiniDistrict d = withMaster(synced(), master1(List.of(master("m.S2", TASK, task("S2", "S2"))), "SC-77"));
        CourseInput c = d.course;
        d.course = new CourseInput(c.id(), c.school(), c.number(), c.info(), c.masterId(), true, c.termCodes(),
                c.items(), c.sections());

        CoursePlan plan = d.push(ALL, PushOptions.all(OVERWRITE, true));

        assertThat(plan.outcome()).isEqualTo(CourseOutcome.SKIPPED);
        assertThat(plan.changesNothing()).isTrue();
        assertThat(reasons(plan)).containsExactly(ReasonCode.SKIPPED_IGNORE_MASTER_PUSH);
    }

    @Test
    void push_all_courses_does_not_skip_ignore_master_push_courses() {
        MiniDistrict d = synced();
        CourseInput c = d.course;
        Item newCategory = course("c.Labs", CATEGORY, category("Labs", 5), null, Origin.COURSE);
        d.course = new CourseInput(c.id(), c.school(), c.number(), c.info(), c.masterId(), true, c.termCodes(),
                java.util.stream.Stream.concat(c.items().stream(), java.util.stream.Stream.of(newCategory)).toList(),
                c.sections());

        CoursePlan plan = d.planner.planCoursePush(d.course, PushOptions.all(PUSH_LOCKED, true), d.facts());

        assertThat(plan.counts().created()).isEqualTo(2);
        assertThat(plan.writes()).allMatch(w -> w.item().link().equals(newCategory.id())
                && w.item().origin() == Origin.COURSE);
    }

    @Test
    void a_foreign_link_desyncs_push_locked_and_is_relinked_by_overwrite() {
        MiniDistrict d = withCourseItems(synced(), synced().course.items().stream()
                .map(i -> i.id().equals(id("c.S1")) ? new Item(i.id(), i.type(), i.values(), id("m2.S1"), i.origin(),
                        false, false, i.createdAt()) : i).toList());

        CoursePlan locked = d.push(ALL, PushOptions.all(PUSH_LOCKED, true));
        assertThat(locked.outcome()).isEqualTo(CourseOutcome.DESYNCED);
        assertThat(locked.changesNothing()).isTrue();
        assertThat(locked.rows()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(ReasonCode.DESYNCED);
            assertThat(r.dataType()).isEqualTo("Grading Tasks/Standards");
            assertThat(r.message()).contains("condition 1");
        });

        CoursePlan overwrite = d.pushAndApply(ALL, PushOptions.all(OVERWRITE, true));
        assertThat(reasons(overwrite)).containsExactly(ReasonCode.RELINKED);
        assertThat(d.courseItem("c.S1").link()).isEqualTo(id("m.S1"));
        assertThat(d.push(ALL, PushOptions.all(OVERWRITE, true)).changesNothing()).isTrue();
    }

    @Test
    void a_detached_calc_option_desyncs_push_locked_and_overwrite_resets_and_relinks_it() {
        MiniDistrict d = withCourseItems(synced(), synced().course.items().stream()
                .map(i -> i.id().equals(id("c.calc.S1")) ? new Item(i.id(), i.type(),
                        calc("S1", "Q1", "TEACHER_EDITED"), null, Origin.MASTER, false, false, i.createdAt()) : i)
                .toList());

        CoursePlan locked = d.push(ALL, PushOptions.all(PUSH_LOCKED, false));
        assertThat(locked.outcome()).isEqualTo(CourseOutcome.DESYNCED);
        assertThat(locked.rows().getFirst().message()).contains("condition 3");

        CoursePlan overwrite = d.pushAndApply(ALL, PushOptions.all(OVERWRITE, false));
        assertThat(reasons(overwrite)).containsExactly(ReasonCode.RELINKED);
        Item option = d.courseItem("c.calc.S1");
        assertThat(option.link()).isEqualTo(id("m.calc.S1"));
        assertThat(option.values().calcMethod()).isEqualTo("POINTS");
    }

    @Test
    void a_removed_task_without_dependents_is_deleted_with_its_calc_options_and_their_section_copies() {
        MiniDistrict d = withMaster(synced(), without(master1(List.of(), "SC-01"), "m.Q3", "m.calc.Q3"));

        CoursePlan plan = d.pushAndApply(ALL, new PushOptions(PUSH_LOCKED, false, EnumSet.of(LockType.TASKS_STANDARDS)));

        assertThat(plan.courseDeletes()).containsExactlyInAnyOrder(id("c.Q3"), id("c.calc.Q3"));
        assertThat(plan.sectionDeletes()).containsExactlyInAnyOrder(id("s11.calc.Q3"), id("s12.calc.Q3"));
        assertThat(plan.rows()).isEmpty();
    }

    @Test
    void residual_task_forces_section_calc_options_until_a_course_option_reaches_them_or_the_task_is_relinked() {
        // 13: Q3 removed from the master but it has posted grades → residual, section options NO_CALCULATION
        MiniDistrict d = withMaster(synced(), without(master1(List.of(), "SC-01"), "m.Q3", "m.calc.Q3"))
                .posted(S1, "c.Q3", "Q1");
        CoursePlan overwrite = d.pushAndApply(ALL, PushOptions.all(OVERWRITE, false));

        assertThat(d.courseItem("c.Q3").residual()).isTrue();
        assertThat(d.courseItem("c.calc.Q3").residual()).isTrue();
        assertThat(reasons(overwrite)).containsOnly(ReasonCode.RESIDUAL_HAS_DEPENDENTS);
        for (long s : List.of(S1, S2)) {
            Item option = d.sectionItems(s, CALC_OPTION).stream().filter(i -> i.key().equals("Q3|Q1")).findFirst()
                    .orElseThrow();
            assertThat(option.forcedNoCalc()).isTrue();
            assertThat(option.values().calcMethod()).isEqualTo(ItemValues.NO_CALCULATION);
        }
        assertThat(d.gradebookIntact()).isTrue();
        assertThat(d.push(ALL, PushOptions.all(OVERWRITE, false)).changesNothing()).isTrue();

        // 14: the admin edits the course option (course managed now), then pushes locked data to sections
        MiniDistrict edited = copy(d);
        withCourseItems(edited, edited.course.items().stream().map(i -> i.id().equals(id("c.calc.Q3"))
                ? new Item(i.id(), i.type(), calc("Q3", "Q1", "AVERAGE"), null, Origin.COURSE, false, false,
                i.createdAt()) : i).toList());
        edited.pushAndApply(ALL, PushOptions.all(PUSH_LOCKED, true));
        for (long s : List.of(S1, S2)) {
            Item option = edited.sectionItems(s, CALC_OPTION).stream().filter(i -> i.key().equals("Q3|Q1"))
                    .findFirst().orElseThrow();
            assertThat(option.forcedNoCalc()).isFalse();
            assertThat(option.values().calcMethod()).isEqualTo("AVERAGE");
            assertThat(option.link()).isEqualTo(id("c.calc.Q3"));
            assertThat(option.origin()).isEqualTo(Origin.COURSE);
        }

        // 15: Q3 comes back to the master → relinked, not duplicated, forcing lifted
        MiniDistrict back = copy(d);
        withMaster(back, master1(List.of(), "SC-01"));
        CoursePlan relink = back.pushAndApply(ALL, PushOptions.all(PUSH_LOCKED, true));
        assertThat(back.courseItems(TASK)).filteredOn(i -> i.key().equals("Q3")).singleElement()
                .satisfies(q3 -> {
                    assertThat(q3.id()).isEqualTo(id("c.Q3"));
                    assertThat(q3.residual()).isFalse();
                    assertThat(q3.link()).isEqualTo(id("m.Q3"));
                });
        assertThat(reasons(relink)).contains(ReasonCode.RELINKED);
        assertThat(back.sectionItems(S1, CALC_OPTION)).filteredOn(i -> i.key().equals("Q3|Q1")).singleElement()
                .satisfies(o -> {
                    assertThat(o.forcedNoCalc()).isFalse();
                    assertThat(o.values().calcMethod()).isEqualTo("WEIGHTED");
                });
        assertThat(back.gradebookIntact()).isTrue();
    }

    private static MiniDistrict copy(MiniDistrict d) {
        MiniDistrict c = new MiniDistrict();
        d.masters.forEach(c::master);
        c.course = d.course;
        c.assignments.addAll(d.assignments);
        c.posted.addAll(d.posted);
        return c;
    }

    @Test
    void a_teacher_category_colliding_with_a_pushed_one_is_renamed_with_the_first_free_number() {
        MiniDistrict d = withMaster(synced(), master1(List.of(master("m.Labs", CATEGORY, category("Labs", 10))),
                "SC-01"));
        addSectionItem(d, S1, course("s11.Labs", CATEGORY, category("labs", 5), null, Origin.TEACHER));
        addSectionItem(d, S1, course("s11.Labs1", CATEGORY, category("Labs (1)", 5), null, Origin.TEACHER));
        d.assignment(S1, "s11.Labs", null);

        CoursePlan plan = d.pushAndApply(ALL, PushOptions.all(PUSH_LOCKED, true));

        assertThat(reasons(plan)).containsExactly(ReasonCode.RENAMED_CATEGORY);
        assertThat(d.sectionItems(S1, CATEGORY)).extracting(i -> i.values().name())
                .contains("Labs", "labs (2)", "Labs (1)");
        Item pushed = d.sectionItems(S1, CATEGORY).stream().filter(i -> i.values().name().equals("Labs"))
                .findFirst().orElseThrow();
        assertThat(pushed.link()).isNotNull();
        assertThat(d.push(ALL, PushOptions.all(PUSH_LOCKED, true)).rows()).isEmpty();
    }

    @Test
    void colliding_categories_are_numbered_oldest_first_whatever_order_they_are_loaded_in() {
        Item older = course("s11.labs", CATEGORY, category("labs", 5), null, Origin.TEACHER);
        Item newer = course("s11.LABS", CATEGORY, category("LABS", 5), null, Origin.TEACHER);
        for (List<Item> loaded : List.of(List.of(older, newer), List.of(newer, older))) {
            MiniDistrict d = withMaster(synced(), master1(List.of(master("m.Labs", CATEGORY, category("Labs", 10))),
                    "SC-01"));
            loaded.forEach(i -> addSectionItem(d, S1, i));

            d.pushAndApply(ALL, PushOptions.all(PUSH_LOCKED, true));

            assertThat(d.sectionItems(S1, CATEGORY)).filteredOn(i -> i.link() == null)
                    .extracting(i -> i.id().equals(older.id()) ? "older " + i.values().name()
                            : "newer " + i.values().name())
                    .as("loaded as %s", loaded.stream().map(i -> i.values().name()).toList())
                    .containsExactlyInAnyOrder("older labs (1)", "newer LABS (2)");
        }
    }

    @Test
    void a_course_created_category_with_a_master_name_is_renamed_not_a_desync() {
        MiniDistrict d = withCourseItems(synced(), java.util.stream.Stream.concat(synced().course.items().stream()
                .filter(i -> !i.id().equals(id("c.Homework"))), java.util.stream.Stream.of(
                course("c.myHomework", CATEGORY, category(" HOMEWORK", 30), null, Origin.COURSE))).toList());
        d.course = new CourseInput(d.course.id(), d.course.school(), d.course.number(), d.course.info(), 1L, false,
                d.course.termCodes(), d.course.items(), List.of());

        CoursePlan plan = d.pushAndApply(ALL, PushOptions.all(PUSH_LOCKED, false));

        assertThat(plan.outcome()).isEqualTo(CourseOutcome.PUSHED);
        assertThat(reasons(plan)).containsExactly(ReasonCode.RENAMED_CATEGORY);
        assertThat(d.courseItems(CATEGORY)).extracting(i -> i.values().name())
                .containsExactlyInAnyOrder("Tests", "Homework", "HOMEWORK (1)");
    }

    @Test
    void category_match_keys_ignore_case_and_surrounding_spaces() {
        MiniDistrict d = withCourseItems(synced(), synced().course.items().stream()
                .map(i -> i.id().equals(id("c.Tests")) ? new Item(i.id(), i.type(), category("  tESTS ", 60), null,
                        Origin.MASTER, false, false, i.createdAt()) : i).toList());

        assertThat(d.push(ALL, PushOptions.all(PUSH_LOCKED, false)).outcome()).isEqualTo(CourseOutcome.DESYNCED);
        d.pushAndApply(ALL, PushOptions.all(OVERWRITE, false));
        assertThat(d.courseItem("c.Tests").values().name()).isEqualTo("Tests");
        assertThat(d.courseItem("c.Tests").link()).isEqualTo(id("m.Tests"));
    }

    @Test
    void a_master_calc_option_for_a_term_missing_from_the_calendar_is_skipped_and_reported() {
        MiniDistrict d = withMaster(synced(), master1(List.of(master("m.calc.S1.Q4", CALC_OPTION,
                calc("S1", "Q4", "POINTS"))), "SC-01"));

        CoursePlan plan = d.push(ALL, PushOptions.all(PUSH_LOCKED, true));

        assertThat(reasons(plan)).containsExactly(ReasonCode.TERM_NOT_IN_CALENDAR);
        assertThat(plan.changesNothing()).isTrue();
        assertThat(ReasonCode.TERM_NOT_IN_CALENDAR.isWarning()).isTrue();
    }

    @Test
    void unselected_types_are_left_alone() {
        MasterInput changed = new MasterInput(1, "ENG101", info("English 9", "SC-01"),
                master1(List.of(), "SC-01").items().stream().map(i -> i.type() == CATEGORY
                        ? Item.master(i.id(), i.type(), i.values().withName(i.values().name() + " new"),
                        i.createdAt()) : i).toList());
        MiniDistrict d = withMaster(synced(), changed);

        CoursePlan plan = d.push(ALL, new PushOptions(OVERWRITE, true, EnumSet.of(LockType.ASSESSMENTS)));

        assertThat(plan.changesNothing()).isTrue();
    }

    @Test
    void among_candidates_the_one_with_most_dependents_wins_then_the_oldest() {
        MiniDistrict d = withCourseItems(synced(), java.util.stream.Stream.concat(synced().course.items().stream()
                        .filter(i -> !i.id().equals(id("c.S1"))), java.util.stream.Stream.of(
                        Items.residual("old", TASK, task("S1", "old"), Origin.MASTER),
                        Items.residual("busy", TASK, task("S1", "busy"), Origin.MASTER)))
                .toList()).posted(S1, "busy", "Q1");

        d.pushAndApply(ALL, PushOptions.all(PUSH_LOCKED, false));

        assertThat(d.courseItem("busy").link()).isEqualTo(id("m.S1"));
        assertThat(d.courseItem("old").residual()).isTrue();
        assertThat(d.courseItem("old").link()).isNull();
    }

    @Test
    void the_same_push_twice_changes_nothing_and_repeats_only_state_rows() {
        MiniDistrict d = withMaster(synced(), without(master1(List.of(master("m.Labs", CATEGORY,
                category("Labs", 10))), "SC-02"), "m.Q3", "m.calc.Q3")).posted(S1, "c.Q3", "Q1");
        addSectionItem(d, S1, course("s11.Labs", CATEGORY, category("Labs", 5), null, Origin.TEACHER));
        d.assignment(S1, "s11.Labs", null);

        CoursePlan first = d.pushAndApply(ALL, PushOptions.all(OVERWRITE, true));
        CoursePlan second = d.pushAndApply(ALL, PushOptions.all(OVERWRITE, true));

        assertThat(first.changesNothing()).isFalse();
        assertThat(second.changesNothing()).isTrue();
        assertThat(reasons(second)).doesNotContain(ReasonCode.RELINKED, ReasonCode.RENAMED_CATEGORY)
                .contains(ReasonCode.RESIDUAL_HAS_DEPENDENTS);
        assertThat(d.gradebookIntact()).isTrue();
    }
}
