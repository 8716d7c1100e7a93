package app.cascade.push.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style test: 300 randomly generated course/master situations (foreign links, duplicates, detached,
 * residual, dangling, teacher and course items, gradebook data) under random locks and options.
 */
class RandomDistrictPropertyTest {

    private static final int SEEDS = 300;
    private static final List<String> TASKS = List.of("S1", "S2", "Q1", "Q2", "Q3", "Q4");
    private static final List<String> CATEGORIES = List.of("Tests", "Homework", "Labs", "Quizzes", "Projects");
    private static final List<String> TERMS = List.of("Q1", "Q2", "Q3", "Q4");

    @Test
    void no_push_loses_a_grade_and_the_second_identical_push_plans_nothing() {
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            MiniDistrict d = generate(random);
            Locks locks = randomLocks(random);
            PushOptions options = randomOptions(random);
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
        Set<DataType> types = EnumSet.noneOf(DataType.class);
        for (DataType t : DataType.grading()) {
            if (r.nextInt(4) != 0) {
                types.add(t);
            }
        }
        return new Locks(fields, types);
    }

    private static Set<DataType> randomTypes(Random r) {
        Set<DataType> types = EnumSet.noneOf(DataType.class);
        for (DataType t : DataType.values()) {
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
