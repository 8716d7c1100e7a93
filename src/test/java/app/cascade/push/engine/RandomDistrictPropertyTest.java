package app.cascade.push.engine;

import app.cascade.grading.CourseInfoField;
import app.cascade.grading.ItemType;
import app.cascade.grading.LockType;
import app.cascade.grading.Locks;
import app.cascade.grading.Origin;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style test: 300 randomly generated course/master situations (foreign links, duplicates, detached,
 * residual, dangling, teacher and course items, gradebook data) under random locks and options.
 */
class RandomDistrictPropertyTest {

    static final int SEEDS = 300;

    /** A random district with the locks and push options drawn for it: seed {@code n} gives the same every time. */
    record RandomPush(MiniDistrict district, Locks locks, PushOptions options) {
        static RandomPush of(int seed) {
            Random random = new Random(seed);
            MiniDistrict d = generate(random);
            Locks locks = randomLocks(random);
            return new RandomPush(d, locks, randomOptions(random));
        }
    }
    private static final List<String> TASKS = List.of("S1", "S2", "Q1", "Q2", "Q3", "Q4");
    private static final List<String> CATEGORIES = List.of("Tests", "Homework", "Labs", "Quizzes", "Projects");
    private static final List<String> TERMS = List.of("Q1", "Q2", "Q3", "Q4");

    @Test
    void no_push_loses_a_grade_and_the_second_identical_push_plans_nothing() {
        for (int seed = 0; seed < SEEDS; seed++) {
            RandomPush push = RandomPush.of(seed);
            MiniDistrict d = push.district();
            Locks locks = push.locks();
            PushOptions options = push.options();
            Set<UUID> withDependents = idsWithDependents(d);

            CoursePlan first = d.pushAndApply(locks, options);

            String context = "seed " + seed + " " + options + " " + locks;
            assertThat(d.gradebookIntact()).as(context).isTrue();
            assertThat(first.courseDeletes()).as(context).noneMatch(withDependents::contains);
            assertThat(first.sectionDeletes()).as(context).noneMatch(withDependents::contains);

            CoursePlan second = d.pushAndApply(locks, options);
            assertThat(second.changesNothing()).as(context + " second push: " + second.writes()).isTrue();
            assertThat(second.rows()).as(context).extracting(ReportRow::reason)
                    .doesNotContain(ReasonCode.RELINKED, ReasonCode.RENAMED_CATEGORY);
            if (options.mode() == PushMode.PUSH_LOCKED) {
                assertThat(second.rows()).as(context).extracting(ReportRow::reason)
                        .doesNotContain(ReasonCode.RESIDUAL_HAS_DEPENDENTS);
            }
        }
    }

    /**
     * The state after a push, computed in memory ({@link CoursePlan#applyTo}), planned again with the same facts:
     * nothing changes, and the report rows are exactly the state rows of push-rules §4 (in the first push's order),
     * as the first push reported them except for what that push itself changed: the course name when Course Info
     * was pushed, the name of a kept category it renamed, and the message of an Overwrite
     * {@code RESIDUAL_HAS_DEPENDENTS} row (which said why the item became residual). Facts recomputed from the new
     * state (what the next push would load) give the same plan. Every 25th course is Ignore Master Push.
     */
    @Test
    void planning_the_state_after_a_push_again_changes_nothing_and_reports_exactly_the_state_rows() {
        Set<ReasonCode> repeated = EnumSet.noneOf(ReasonCode.class);
        int renamedAndKept = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            RandomPush push = RandomPush.of(seed);
            MiniDistrict d = push.district();
            Locks locks = push.locks();
            PushOptions options = push.options();
            if (seed % 25 == 0) {
                CourseInput c = d.course;
                d.course = new CourseInput(c.id(), c.school(), c.number(), c.info(), c.masterId(), true,
                        c.termCodes(), c.items(), c.sections());
            }
            Facts facts = d.facts();
            CourseInput before = d.course;

            CoursePlan first = d.planner.planMasterPush(d.master, before, locks, options, facts);
            CourseInput after = first.applyTo(before);
            CoursePlan again = d.planner.planMasterPush(d.master, after, locks, options, facts);

            String context = "seed " + seed + " " + options + " " + locks;
            assertThat(again.changesNothing()).as(context + ": " + again.writes()).isTrue();
            assertThat(again.counts()).as(context).isEqualTo(PlanCounts.ZERO);
            assertThat(again.outcome()).as(context).isEqualTo(first.outcome());
            assertThat(again.rows()).as(context).extracting(ReportRow::reason).allMatch(r -> isStateRow(r, options));
            assertThat(comparable(again.rows())).as(context)
                    .isEqualTo(comparable(expectedStateRows(first, before, after, options)));

            d.course = after;
            CoursePlan withNewFacts = d.planner.planMasterPush(d.master, after, locks, options, d.facts());
            assertThat(withNewFacts.changesNothing()).as(context).isTrue();
            assertThat(withNewFacts.rows()).as(context).isEqualTo(again.rows());
            again.rows().forEach(r -> repeated.add(r.reason()));
            if (!comparable(first.rows()).containsAll(comparable(again.rows()))) {
                renamedAndKept++;
            }
        }
        assertThat(repeated).as("the random districts repeat every kind of state row").contains(
                ReasonCode.SKIPPED_IGNORE_MASTER_PUSH, ReasonCode.DESYNCED, ReasonCode.TERM_NOT_IN_CALENDAR,
                ReasonCode.RESIDUAL_HAS_DEPENDENTS);
        assertThat(renamedAndKept).as("pushes that renamed a kept category or changed the course name").isPositive();
    }

    private static boolean isStateRow(ReasonCode reason, PushOptions options) {
        return switch (reason) {
            case SKIPPED_IGNORE_MASTER_PUSH, DESYNCED, TERM_NOT_IN_CALENDAR, NOT_LOCKED -> true;
            case RESIDUAL_HAS_DEPENDENTS -> options.mode() == PushMode.OVERWRITE;
            default -> false;
        };
    }

    /** The first push's state rows as the course looks after it: new course name, renamed categories' names. */
    private static List<ReportRow> expectedStateRows(CoursePlan first, CourseInput before, CourseInput after,
                                                     PushOptions options) {
        Map<List<String>, String> renamed = new HashMap<>();
        Map<UUID, Item> old = new HashMap<>();
        before.items().forEach(i -> old.put(i.id(), i));
        before.sections().forEach(s -> s.items().forEach(i -> old.put(i.id(), i)));
        for (ItemWrite w : first.writes()) {
            Item was = old.get(w.item().id());
            if (!w.insert() && was.type() == ItemType.CATEGORY
                    && !was.values().name().equals(w.item().values().name())) {
                String section = w.sectionId() == null ? null : before.sections().stream()
                        .filter(s -> s.id() == w.sectionId()).findFirst().orElseThrow().number();
                renamed.put(Arrays.asList(section, was.values().label(ItemType.CATEGORY)),
                        w.item().values().label(ItemType.CATEGORY));
            }
        }
        return first.rows().stream().filter(r -> isStateRow(r.reason(), options))
                .map(r -> new ReportRow(r.courseId(), r.school(), r.courseNumber(), after.info().name(), r.section(),
                        r.dataType(), r.reason() == ReasonCode.RESIDUAL_HAS_DEPENDENTS
                        ? renamed.getOrDefault(Arrays.asList(r.section(), r.item()), r.item()) : r.item(),
                        r.outcome(), r.reason(), r.dependents(), r.message()))
                .toList();
    }

    /** Rows with the message of {@code RESIDUAL_HAS_DEPENDENTS} left out (it says why the item became residual). */
    private static List<ReportRow> comparable(List<ReportRow> rows) {
        return rows.stream().map(r -> r.reason() != ReasonCode.RESIDUAL_HAS_DEPENDENTS ? r
                : new ReportRow(r.courseId(), r.school(), r.courseNumber(), r.courseName(), r.section(),
                r.dataType(), r.item(), r.outcome(), r.reason(), r.dependents(), null)).toList();
    }

    /**
     * The database returns a course's items in no particular order: the planner must not depend on it. The same
     * course with its items shuffled (course and section level; sections come ordered by number) gives the same plan:
     * the same writes, deletes and report rows in the same order, with ids and clock made deterministic.
     */
    @Test
    void the_plan_does_not_depend_on_the_order_items_are_loaded_in() {
        for (int seed = 0; seed < SEEDS; seed++) {
            RandomPush push = RandomPush.of(seed);
            MiniDistrict d = push.district();
            Locks locks = push.locks();
            PushOptions options = push.options();
            Facts facts = d.facts();
            CoursePlan plan = deterministicPlanner().planMasterPush(d.master, d.course, locks, options, facts);
            for (int k = 0; k < 5; k++) {
                CourseInput shuffled = shuffled(d.course, new Random(seed * 31L + k));

                CoursePlan again = deterministicPlanner().planMasterPush(d.master, shuffled, locks, options, facts);

                assertThat(again).as("seed %d shuffle %d %s %s", seed, k, options, locks).isEqualTo(plan);
            }
        }
    }

    private static PushPlanner deterministicPlanner() {
        long[] next = {0};
        return new PushPlanner(() -> new UUID(0xC0FFEEL, ++next[0]), () -> Instant.parse("2027-01-01T00:00:00Z"));
    }

    private static CourseInput shuffled(CourseInput c, Random r) {
        List<Item> items = new ArrayList<>(c.items());
        Collections.shuffle(items, r);
        List<SectionInput> sections = c.sections().stream().map(s -> {
            List<Item> sectionItems = new ArrayList<>(s.items());
            Collections.shuffle(sectionItems, r);
            return new SectionInput(s.id(), s.number(), s.teacher(), sectionItems);
        }).toList();
        return new CourseInput(c.id(), c.school(), c.number(), c.info(), c.masterId(), c.ignoreMasterPush(),
                c.termCodes(), items, sections);
    }

    @Test
    void push_locked_never_deletes_unlinked_course_or_teacher_items_except_setup_of_a_vanished_task() {
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(10_000 + seed);
            MiniDistrict d = generate(random);
            PushOptions options = new PushOptions(PushMode.PUSH_LOCKED, random.nextBoolean(), randomTypes(random));
            CourseInput before = d.course;
            List<Item> all = new ArrayList<>(before.items());
            before.sections().forEach(s -> all.addAll(s.items()));

            CoursePlan plan = d.pushAndApply(randomLocks(random), options);

            Set<String> tasksAfter = new HashSet<>();
            d.course.items().stream().filter(i -> i.type().isTaskOrStandard()).forEach(i -> tasksAfter.add(i.key()));
            Set<UUID> deleted = new HashSet<>(plan.courseDeletes());
            deleted.addAll(plan.sectionDeletes());
            for (Item item : all) {
                if (deleted.contains(item.id()) && item.origin() != Origin.MASTER && item.link() == null) {
                    assertThat(item.type().refersToTask() && !tasksAfter.contains(item.values().taskCode()))
                            .as("seed %d deleted %s", seed, item).isTrue();
                }
            }
        }
    }

    private static Set<UUID> idsWithDependents(MiniDistrict d) {
        Set<UUID> ids = new HashSet<>();
        d.facts().dependents().forEach((id, deps) -> {
            if (deps.any()) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static Locks randomLocks(Random r) {
        Set<CourseInfoField> fields = EnumSet.noneOf(CourseInfoField.class);
        for (CourseInfoField f : CourseInfoField.values()) {
            if (r.nextInt(3) == 0) {
                fields.add(f);
            }
        }
        Set<LockType> types = EnumSet.noneOf(LockType.class);
        for (LockType t : LockType.grading()) {
            if (r.nextInt(4) != 0) {
                types.add(t);
            }
        }
        return new Locks(fields, types);
    }

    private static Set<LockType> randomTypes(Random r) {
        Set<LockType> types = EnumSet.noneOf(LockType.class);
        for (LockType t : LockType.values()) {
            if (r.nextInt(5) != 0) {
                types.add(t);
            }
        }
        return types;
    }

    private static PushOptions randomOptions(Random r) {
        return new PushOptions(r.nextBoolean() ? PushMode.PUSH_LOCKED : PushMode.OVERWRITE, r.nextBoolean(),
                randomTypes(r));
    }

    private static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    private static Instant at(Random r) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(r.nextInt(1_000_000));
    }

    private static ItemValues values(Random r, ItemType type, String key) {
        return switch (type) {
            case TASK, STANDARD, ASSESSMENT -> new ItemValues(key, key + " " + r.nextInt(3), null, null, null,
                    r.nextInt(3), null, null, null);
            case CATEGORY -> new ItemValues(null, r.nextBoolean() ? key : key.toUpperCase(), null, null,
                    BigDecimal.valueOf(r.nextInt(5) * 10), r.nextInt(3), null, null, null);
            case CALC_OPTION -> {
                String[] p = key.split("\\|");
                yield new ItemValues(null, "", p[0], p[1], null, 0, pick(r, List.of("POINTS", "WEIGHTED")), 2, null);
            }
            case COMPOSITE -> {
                String[] p = key.split("\\|");
                yield new ItemValues(null, "Composite", p[0], p[1], null, 0, null, null,
                        "[{\"w\":" + r.nextInt(3) + "}]");
            }
        };
    }

    private static String randomKey(Random r, ItemType type) {
        return switch (type) {
            case TASK -> pick(r, TASKS);
            case STANDARD -> "ST" + r.nextInt(3);
            case ASSESSMENT -> "A" + r.nextInt(3);
            case CATEGORY -> pick(r, CATEGORIES);
            case CALC_OPTION, COMPOSITE -> pick(r, TASKS) + "|" + pick(r, TERMS);
        };
    }

    /** One master (plus another for foreign links), one linked course with 1–3 sections, and gradebook data. */
    static MiniDistrict generate(Random r) {
        List<Item> masterItems = new ArrayList<>();
        List<Item> removed = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            ItemType type = pick(r, List.of(ItemType.values()));
            String key = randomKey(r, type);
            if (!used.add(type + key)) {
                continue;
            }
            Item m = Item.master(UUID.randomUUID(), type, values(r, type, key), at(r));
            if (r.nextInt(5) == 0) {
                removed.add(m);
            } else {
                masterItems.add(m);
            }
        }
        List<Item> otherItems = List.of(Item.master(UUID.randomUUID(), ItemType.TASK, values(r, ItemType.TASK, "S1"),
                at(r)));
        MasterInput master = new MasterInput(1, "M1", Items.info("Course", "SC" + r.nextInt(3)), masterItems);
        MasterInput other = new MasterInput(2, "M2", Items.info("Other", "X"), otherItems);

        List<Item> courseItems = new ArrayList<>();
        List<Item> sources = new ArrayList<>(masterItems);
        sources.addAll(removed);
        for (Item m : sources) {
            int shape = r.nextInt(10);
            ItemValues v = r.nextInt(3) == 0 ? values(r, m.type(), m.key()) : m.values();
            switch (shape) {
                case 0 -> { /* missing on the course */ }
                case 1 -> courseItems.add(new Item(UUID.randomUUID(), m.type(), v, null, Origin.MASTER, false, false,
                        at(r)));
                case 2 -> courseItems.add(new Item(UUID.randomUUID(), m.type(), v, null, Origin.MASTER, true, false,
                        at(r)));
                case 3 -> {
                    courseItems.add(new Item(UUID.randomUUID(), m.type(), v, m.id(), Origin.MASTER, false, false,
                            at(r)));
                    courseItems.add(new Item(UUID.randomUUID(), m.type(), v, m.id(), Origin.MASTER, false, false,
                            at(r)));
                }
                default -> courseItems.add(new Item(UUID.randomUUID(), m.type(), v, m.id(), Origin.MASTER, false,
                        false, at(r)));
            }
        }
        if (r.nextInt(4) == 0) {
            courseItems.add(new Item(UUID.randomUUID(), ItemType.TASK, values(r, ItemType.TASK, "S1"),
                    otherItems.getFirst().id(), Origin.MASTER, false, false, at(r)));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            ItemType type = pick(r, List.of(ItemType.CATEGORY, ItemType.CALC_OPTION, ItemType.TASK));
            courseItems.add(new Item(UUID.randomUUID(), type, values(r, type, randomKey(r, type)), null,
                    Origin.COURSE, false, false, at(r)));
        }
        List<SectionInput> sections = new ArrayList<>();
        for (int s = 1; s <= 1 + r.nextInt(3); s++) {
            List<Item> items = new ArrayList<>();
            for (Item ci : courseItems) {
                if (ci.type().sectionLevel() && r.nextInt(4) != 0) {
                    items.add(new Item(UUID.randomUUID(), ci.type(), ci.values(), r.nextInt(8) == 0 ? null : ci.id(),
                            ci.origin(), false, false, at(r)));
                }
            }
            for (int i = r.nextInt(3); i > 0; i--) {
                ItemType type = pick(r, List.of(ItemType.CATEGORY, ItemType.CALC_OPTION, ItemType.COMPOSITE));
                items.add(new Item(UUID.randomUUID(), type, values(r, type, randomKey(r, type)),
                        r.nextInt(6) == 0 ? UUID.randomUUID() : null, Origin.TEACHER, r.nextInt(6) == 0, false,
                        at(r)));
            }
            sections.add(new SectionInput(s, String.valueOf(s), "T" + s, items));
        }
        CourseInput course = new CourseInput(100, "School", "C1", Items.info("Course", "SC0"), 1L, false,
                r.nextBoolean() ? Set.of("Q1", "Q2", "Q3", "Q4") : Set.of("Q1", "Q2"), courseItems, sections);
        MiniDistrict d = new MiniDistrict().master(master).master(other).course(course);
        for (SectionInput s : sections) {
            for (Item si : s.items()) {
                if (si.type() == ItemType.CATEGORY && r.nextInt(3) == 0) {
                    d.assignments.add(new MiniDistrict.Assignment(UUID.randomUUID(), s.id(), si.id(), null));
                }
            }
            for (Item ci : courseItems) {
                if (ci.type().isTaskOrStandard() && r.nextInt(4) == 0) {
                    d.posted.add(new MiniDistrict.PostedGrade(s.id(), ci.id(), pick(r, TERMS)));
                }
                if (ci.type().isTaskOrStandard() && r.nextInt(6) == 0) {
                    d.assignments.add(new MiniDistrict.Assignment(UUID.randomUUID(), s.id(), null, ci.id()));
                }
            }
        }
        return d;
    }
}
