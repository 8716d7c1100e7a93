package app.cascade.push.engine;

import app.cascade.grading.Locks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Push, then undo, on the 300 random districts of {@link RandomDistrictPropertyTest}, in both modes with and without
 * sections (the district's own locks and data types): the push is planned and applied in memory
 * ({@link CoursePlan#applyTo}), its changes taken with {@link CourseChanges#of}, and the undo planned on the pushed
 * course with the dependents counted on it ({@link MiniDistrict#facts}, push-rules §1).
 */
class UndoPropertyTest {

    private static final List<PushOptions> MODES = List.of(
            PushOptions.all(PushMode.PUSH_LOCKED, false), PushOptions.all(PushMode.PUSH_LOCKED, true),
            PushOptions.all(PushMode.OVERWRITE, false), PushOptions.all(PushMode.OVERWRITE, true));

    /** Computed once for the class: 1,200 pushes planned and applied. */
    private static final List<Case> CASES = cases();

    /** One push and its undo on one random district. */
    private record Case(String context, CourseInput before, CoursePlan push, CourseInput after, Facts factsAfter,
                        CourseChanges changes) {
    }

    @Test
    void the_changes_of_a_push_are_exactly_the_items_its_writes_insert_update_and_delete() {
        for (Case c : CASES) {
            Map<UUID, Item> before = items(c.before());
            Map<UUID, Item> after = items(c.after());
            // an update that leaves the row as it was is no change (the database compares old.* with new.*; an
            // update never sets created_at)
            Set<UUID> updates = new HashSet<>();
            before.forEach((id, item) -> {
                Item now = after.get(id);
                if (now != null && !now.equals(new Item(item.id(), item.type(), item.values(), item.link(),
                        item.origin(), item.residual(), item.forcedNoCalc(), now.createdAt()))) {
                    updates.add(id);
                }
            });

            Map<ItemChange.Kind, Set<UUID>> byKind = new HashMap<>();
            for (ItemChange change : c.changes().items()) {
                byKind.computeIfAbsent(change.kind(), k -> new HashSet<>()).add(change.itemId());
                if (change.before() != null) {
                    assertThat(change.before()).as(c.context()).isEqualTo(before.get(change.itemId()));
                    assertThat(change.sectionId()).as(c.context()).isEqualTo(sectionOf(c.before(), change.itemId()));
                } else {
                    assertThat(change.sectionId()).as(c.context()).isEqualTo(sectionOf(c.after(), change.itemId()));
                }
            }
            assertThat(c.changes().items()).as(c.context()).extracting(ItemChange::itemId).doesNotHaveDuplicates();
            assertThat(byKind.getOrDefault(ItemChange.Kind.DELETED, Set.of())).as(c.context())
                    .isEqualTo(minus(before.keySet(), after.keySet()));
            assertThat(byKind.getOrDefault(ItemChange.Kind.INSERTED, Set.of())).as(c.context())
                    .isEqualTo(minus(after.keySet(), before.keySet()));
            assertThat(byKind.getOrDefault(ItemChange.Kind.UPDATED, Set.of())).as(c.context()).isEqualTo(updates);
            assertThat(c.changes().infoBefore()).as(c.context())
                    .isEqualTo(c.after().info().equals(c.before().info()) ? null : c.before().info());
        }
    }

    /**
     * The undo gives back the course exactly as before the push (ids, values, links, origins, residual, forced No
     * Calculation, created at, Course Info), or leaves it as it is with one {@code UNDO_KEEPS_GRADES} row exactly when
     * the writes that put it back would remove an item that has dependents after the push: an item the push created,
     * or a section item linked to a course item the push created (the writer deletes those by link). Either way every
     * item with dependents after the push is still there, and every grade's item exists.
     */
    @Test
    void an_undo_gives_back_the_course_as_before_the_push_or_leaves_it_when_it_would_delete_a_graded_item() {
        int restored = 0;
        int refused = 0;
        Map<String, Integer> outcomes = new HashMap<>();
        int takenAlongAndPutBack = 0;
        for (Case c : CASES) {
            CoursePlan undo = UndoPlanner.plan(c.after(), c.changes(), false, c.factsAfter().dependents());
            CourseInput undone = undo.applyTo(c.after());

            Set<UUID> graded = new HashSet<>();
            c.factsAfter().dependents().forEach((id, d) -> {
                if (d.any() && items(c.after()).containsKey(id)) {
                    graded.add(id);
                }
            });
            assertThat(items(undone).keySet()).as(c.context()).containsAll(graded);
            if (removedByPuttingBack(c).stream().anyMatch(graded::contains)) {
                refused++;
                assertThat(undo.outcome()).as(c.context()).isEqualTo(CourseOutcome.SKIPPED);
                assertThat(undo.changesNothing()).as(c.context()).isTrue();
                assertThat(undo.rows()).as(c.context()).singleElement().satisfies(r -> {
                    assertThat(r.reason()).isEqualTo(ReasonCode.UNDO_KEEPS_GRADES);
                    assertThat(r.item()).isNotBlank();
                    assertThat(r.dependents().any()).isTrue();
                });
                continue;
            }
            restored++;
            undo.rows().forEach(r -> outcomes.merge(r.dataType().equals("Course Info") ? "Course Info" : r.outcome(),
                    1, Integer::sum));
            takenAlongAndPutBack += (int) undo.writes().stream()
                    .filter(w -> w.insert() && undo.sectionDeletes().contains(w.item().id())).count();
            assertThat(canonical(undone)).as(c.context() + "\n" + undo).isEqualTo(canonical(c.before()));
            assertThat(undo.outcome()).as(c.context()).isEqualTo(CourseOutcome.PUSHED);
            assertThat(undo.rows()).as(c.context()).extracting(ReportRow::reason)
                    .allMatch(r -> r == ReasonCode.RESTORED);
            assertThat(undo.rows()).as(c.context())
                    .hasSize(c.changes().items().size() + (c.changes().infoBefore() == null ? 0 : 1));
            assertThat(undo.counts()).as(c.context()).isEqualTo(new PlanCounts(
                    count(undo, "Re-created"), count(undo, "Restored", c.changes().infoBefore() != null),
                    0, count(undo, "Deleted"), 0, 0, undo.counts().courseInfoFields()));
        }
        // every kind of restore happens on the random districts, and so does the refusal
        assertThat(restored).as("courses put back").isGreaterThan(refused);
        assertThat(refused).as("courses left because an item to delete has dependents").isPositive();
        assertThat(outcomes).as("rows of the courses put back").containsOnlyKeys("Re-created", "Restored",
                "Deleted", "Course Info").allSatisfy((outcome, n) -> assertThat(n).as(outcome).isGreaterThan(10));
        assertThat(takenAlongAndPutBack).as("section items deleted with their link and inserted again").isPositive();
    }

    @Test
    void a_course_changed_since_the_push_is_left_as_it_is_with_one_changed_since_push_row() {
        for (Case c : CASES) {
            CoursePlan undo = UndoPlanner.plan(c.after(), c.changes(), true, c.factsAfter().dependents());

            assertThat(undo.changesNothing()).as(c.context()).isTrue();
            assertThat(undo.outcome()).as(c.context()).isEqualTo(CourseOutcome.SKIPPED);
            assertThat(undo.counts()).as(c.context()).isEqualTo(PlanCounts.ZERO);
            assertThat(undo.rows()).as(c.context()).extracting(ReportRow::reason)
                    .containsExactly(ReasonCode.CHANGED_SINCE_PUSH);
        }
    }

    /** What a resumed undo needs: planning it again on the course it put back writes nothing and reports nothing. */
    @Test
    void planning_the_undo_of_a_course_already_put_back_changes_nothing_and_reports_nothing() {
        int planned = 0;
        for (Case c : CASES) {
            CoursePlan undo = UndoPlanner.plan(c.after(), c.changes(), false, c.factsAfter().dependents());
            if (undo.outcome() != CourseOutcome.PUSHED) {
                continue;
            }
            CourseInput undone = undo.applyTo(c.after());

            CoursePlan again = UndoPlanner.plan(undone, c.changes(), false, c.factsAfter().dependents());

            assertThat(again.changesNothing()).as(c.context()).isTrue();
            assertThat(again.rows()).as(c.context()).isEmpty();
            assertThat(again.counts()).as(c.context()).isEqualTo(PlanCounts.ZERO);
            planned++;
        }
        assertThat(planned).isPositive();
    }

    /** Every district in the four modes; every 25th course is Ignore Master Push (the push changes nothing). */
    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (int seed = 0; seed < RandomDistrictPropertyTest.SEEDS; seed++) {
            RandomDistrictPropertyTest.RandomPush push = RandomDistrictPropertyTest.RandomPush.of(seed);
            MiniDistrict d = push.district();
            Locks locks = push.locks();
            CourseInput before = d.course;
            if (seed % 25 == 0) {
                before = new CourseInput(before.id(), before.school(), before.number(), before.info(),
                        before.masterId(), true, before.termCodes(), before.items(), before.sections());
            }
            for (PushOptions mode : MODES) {
                PushOptions options = new PushOptions(mode.mode(), mode.toSections(), push.options().types());
                d.course = before;
                CoursePlan plan = d.planner.planMasterPush(d.master, before, locks, options, d.facts());
                CourseInput after = plan.applyTo(before);
                d.course = after;
                cases.add(new Case("seed " + seed + " " + options + " " + locks, before, plan, after, d.facts(),
                        CourseChanges.of(before, plan)));
            }
        }
        return cases;
    }

    /**
     * What the writer removes, at least for a while, when it puts the course back: every item the push created, and
     * every section item linked to a course item the push created (the writer deletes a course item's section copies
     * by link, before it updates anything).
     */
    private static Set<UUID> removedByPuttingBack(Case c) {
        Set<UUID> created = minus(items(c.after()).keySet(), items(c.before()).keySet());
        Set<UUID> removed = new HashSet<>(created);
        c.after().sections().forEach(s -> s.items().stream()
                .filter(i -> i.link() != null && created.contains(i.link())).forEach(i -> removed.add(i.id())));
        return removed;
    }

    private static int count(CoursePlan plan, String outcome) {
        return count(plan, outcome, false);
    }

    /** Rows with this outcome, less the Course Info row when {@code lessInfo}. */
    private static int count(CoursePlan plan, String outcome, boolean lessInfo) {
        return (int) plan.rows().stream().filter(r -> r.outcome().equals(outcome)).count() - (lessInfo ? 1 : 0);
    }

    private static Map<UUID, Item> items(CourseInput course) {
        Map<UUID, Item> items = new HashMap<>();
        course.items().forEach(i -> items.put(i.id(), i));
        course.sections().forEach(s -> s.items().forEach(i -> items.put(i.id(), i)));
        return items;
    }

    private static Long sectionOf(CourseInput course, UUID itemId) {
        for (SectionInput s : course.sections()) {
            if (s.items().stream().anyMatch(i -> i.id().equals(itemId))) {
                return s.id();
            }
        }
        return null;
    }

    private static Set<UUID> minus(Set<UUID> a, Set<UUID> b) {
        Set<UUID> result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }

    /** The course with its items in id order: the database keeps no item order, and neither does the comparison. */
    static CourseInput canonical(CourseInput c) {
        Comparator<Item> byId = Comparator.comparing(Item::id);
        return new CourseInput(c.id(), c.school(), c.number(), c.info(), c.masterId(), c.ignoreMasterPush(),
                c.termCodes(), c.items().stream().sorted(byId).toList(), c.sections().stream()
                .map(s -> new SectionInput(s.id(), s.number(), s.teacher(), s.items().stream().sorted(byId).toList()))
                .toList());
    }
}
