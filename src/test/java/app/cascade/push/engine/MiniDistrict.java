package app.cascade.push.engine;

import app.cascade.grading.ItemType;
import app.cascade.grading.Locks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An in-memory district for planner tests: masters, one course with sections, and gradebook data. Dependents are
 * derived from the gradebook exactly as push-rules §1 defines them, and plans are applied in memory.
 */
final class MiniDistrict {

    record Assignment(UUID id, long sectionId, UUID categoryItem, UUID taskItem) {
    }

    record PostedGrade(long sectionId, UUID taskItem, String term) {
    }

    final List<MasterInput> masters = new ArrayList<>();
    MasterInput master;
    CourseInput course;
    final List<Assignment> assignments = new ArrayList<>();
    final List<PostedGrade> posted = new ArrayList<>();
    final PushPlanner planner = PushPlanner.standard();

    MiniDistrict master(MasterInput m) {
        masters.add(m);
        if (master == null) {
            master = m;
        }
        return this;
    }

    MiniDistrict course(CourseInput c) {
        course = c;
        return this;
    }

    MiniDistrict assignment(long sectionId, String categoryItem, String taskItem) {
        assignments.add(new Assignment(UUID.randomUUID(), sectionId,
                categoryItem == null ? null : Items.id(categoryItem), taskItem == null ? null : Items.id(taskItem)));
        return this;
    }

    MiniDistrict posted(long sectionId, String taskItem, String term) {
        posted.add(new PostedGrade(sectionId, Items.id(taskItem), term));
        return this;
    }

    Facts facts() {
        Map<UUID, Long> owners = new HashMap<>();
        masters.forEach(m -> m.items().forEach(i -> owners.put(i.id(), m.id())));
        Map<UUID, int[]> counts = new HashMap<>();
        Map<UUID, Item> courseItems = new HashMap<>();
        course.items().forEach(i -> courseItems.put(i.id(), i));
        for (Assignment a : assignments) {
            if (a.taskItem() != null) {
                counts.computeIfAbsent(a.taskItem(), k -> new int[2])[0]++;
            }
            if (a.categoryItem() != null) {
                counts.computeIfAbsent(a.categoryItem(), k -> new int[2])[0]++;
                for (SectionInput s : course.sections()) {
                    for (Item si : s.items()) {
                        if (si.id().equals(a.categoryItem()) && si.link() != null) {
                            counts.computeIfAbsent(si.link(), k -> new int[2])[0]++;
                        }
                    }
                }
            }
        }
        for (PostedGrade p : posted) {
            counts.computeIfAbsent(p.taskItem(), k -> new int[2])[1]++;
            Item task = courseItems.get(p.taskItem());
            if (task == null) {
                continue;
            }
            String key = task.values().code() + "|" + p.term();
            for (Item ci : course.items()) {
                if (ci.type().refersToTask() && ci.key().equals(key)) {
                    counts.computeIfAbsent(ci.id(), k -> new int[2])[1]++;
                }
            }
            for (SectionInput s : course.sections()) {
                if (s.id() != p.sectionId()) {
                    continue;
                }
                for (Item si : s.items()) {
                    if (si.type().refersToTask() && si.key().equals(key)) {
                        counts.computeIfAbsent(si.id(), k -> new int[2])[1]++;
                    }
                }
            }
        }
        Map<UUID, Dependents> dependents = new HashMap<>();
        counts.forEach((id, c) -> dependents.put(id, new Dependents(c[0], 0, c[1], 0)));
        return new Facts(dependents, owners);
    }

    CoursePlan push(Locks locks, PushOptions options) {
        return planner.planMasterPush(master, course, locks, options, facts());
    }

    CoursePlan pushAndApply(Locks locks, PushOptions options) {
        CoursePlan plan = push(locks, options);
        apply(plan);
        return plan;
    }

    void apply(CoursePlan plan) {
        course = plan.applyTo(course);
    }

    /** Every item that gradebook data refers to still exists: the push lost no grade. */
    boolean gradebookIntact() {
        Set<UUID> alive = new HashSet<>();
        course.items().forEach(i -> alive.add(i.id()));
        course.sections().forEach(s -> s.items().forEach(i -> alive.add(i.id())));
        return assignments.stream().allMatch(a -> (a.categoryItem() == null || alive.contains(a.categoryItem()))
                && (a.taskItem() == null || alive.contains(a.taskItem())))
                && posted.stream().allMatch(p -> alive.contains(p.taskItem()));
    }

    Item courseItem(String name) {
        return course.items().stream().filter(i -> i.id().equals(Items.id(name))).findFirst().orElse(null);
    }

    List<Item> courseItems(ItemType type) {
        return course.items().stream().filter(i -> i.type() == type).toList();
    }

    List<Item> sectionItems(long sectionId, ItemType type) {
        return course.sections().stream().filter(s -> s.id() == sectionId).findFirst().orElseThrow().items()
                .stream().filter(i -> i.type() == type).toList();
    }
}
