package app.cascade.push.engine;

import app.cascade.grading.LockType;
import app.cascade.grading.Locks;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The random districts of {@link RandomDistrictPropertyTest} (one master, a master for foreign links, one course with
 * its sections and gradebook data, the catalog's locks and the data types to push), handed to tests outside the
 * engine's package that write them to a database (UndoRandomDistrictsIT). Seed {@code n} gives the same shapes every
 * time; item ids are random.
 */
public final class RandomDistrictData {

    private RandomDistrictData() {
    }

    /** An assignment in a section (engine section id), aligned to a section category and/or a course task. */
    public record Assignment(long sectionId, UUID categoryItem, UUID taskItem) {
    }

    /** A grade posted in a section (engine section id) on a course task in a term. */
    public record PostedGrade(long sectionId, UUID taskItem, String term) {
    }

    /**
     * One random district: {@code course} follows {@code master}; some of its items link to {@code other}'s (foreign
     * links) or to master items that are in neither (removed from the master).
     */
    public record District(MasterInput master, MasterInput other, CourseInput course, Locks locks,
                           Set<LockType> types, List<Assignment> assignments, List<PostedGrade> posted) {
    }

    public static District of(int seed) {
        RandomDistrictPropertyTest.RandomPush push = RandomDistrictPropertyTest.RandomPush.of(seed);
        MiniDistrict d = push.district();
        return new District(d.masters.get(0), d.masters.get(1), d.course, push.locks(), push.options().types(),
                d.assignments.stream().map(a -> new Assignment(a.sectionId(), a.categoryItem(), a.taskItem()))
                        .toList(),
                d.posted.stream().map(p -> new PostedGrade(p.sectionId(), p.taskItem(), p.term())).toList());
    }
}
