package app.cascade.push.internal;

import app.cascade.push.engine.CourseChanges;
import app.cascade.push.engine.CourseInput;
import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.Dependents;
import app.cascade.push.engine.Item;
import app.cascade.push.engine.ItemChange;
import app.cascade.push.engine.SectionInput;
import app.cascade.push.engine.UndoPlanner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The planner step of an undo's chunk (issue 18), beside {@link ChunkPlanner}: for the chunk's courses it reads what
 * the undone push changed ({@link PushChangeStore}), which of them changed since, the courses as they are now
 * ({@link PushLoader}) and the dependents of the items the undo could delete ({@link GradebookReads}), and plans each
 * course with {@link UndoPlanner}. The undo and its dry run both plan here.
 */
@Component
public class UndoChunkPlanner {

    private final JdbcTemplate jdbc;
    private final PushLoader loader;
    private final GradebookReads gradebook;
    private final PushChangeStore changes;

    UndoChunkPlanner(JdbcTemplate jdbc, PushLoader loader, GradebookReads gradebook, PushChangeStore changes) {
        this.jdbc = jdbc;
        this.loader = loader;
        this.gradebook = gradebook;
        this.changes = changes;
    }

    /** Plans one chunk of the undo's dry run: no row locked, nothing written. */
    public ChunkPlanner.PlannedChunk preview(UUID pushId, List<Long> courseIds) {
        return plan(pushId, courseIds, false, new PushPhases());
    }

    /**
     * Plans putting the courses back as they were before push {@code pushId}, in the loader's course order. With
     * {@code lockRows} (the undo itself) the courses' stamp rows and course rows are locked first, so a change that
     * commits meanwhile is either seen as a change since the push or waits for the undo's commit. A course with no
     * stamp row is covered by its course row: an edit's stamp trigger must insert the row, and that insert's foreign
     * key check waits for the course row (UndoChunkLocksIT).
     */
    ChunkPlanner.PlannedChunk plan(UUID pushId, List<Long> courseIds, boolean lockRows, PushPhases phases) {
        long t = System.nanoTime();
        if (lockRows) {
            jdbc.queryForList("select course_id from course_push_stamp where course_id = any (?) order by course_id"
                    + " for update", Long.class, SqlArrays.of(jdbc, "bigint", courseIds));
        }
        PushLoader.Chunk chunk = loader.load(courseIds, lockRows);
        Map<Long, CourseChanges> changed = changes.changes(pushId, courseIds);
        Set<Long> changedSince = changes.changedSince(pushId, courseIds);
        t = phases.add("undo: load" + (lockRows ? " (course rows locked)" : ""), t);
        Set<UUID> deletable = new HashSet<>();
        for (CourseInput course : chunk.courses()) {
            CourseChanges c = changed.get(course.id());
            if (c != null && !changedSince.contains(course.id())) {
                deletable.addAll(deletable(course, c));
            }
        }
        Map<UUID, Dependents> dependents = deletable.isEmpty() ? Map.of() : gradebook.dependents(chunk, deletable);
        List<CoursePlan> plans = new ArrayList<>();
        for (CourseInput course : chunk.courses()) {
            CourseChanges c = changed.get(course.id());
            if (c != null) {
                plans.add(UndoPlanner.plan(course, c, changedSince.contains(course.id()), dependents));
            }
        }
        phases.add("undo: dependents + plan", t);
        return new ChunkPlanner.PlannedChunk(chunk, plans);
    }

    /**
     * The items the undo of a course could delete, whose dependents it must know: the items the push inserted, and
     * the section items now linked to a course item it inserted (they go with it).
     */
    private static Set<UUID> deletable(CourseInput course, CourseChanges changes) {
        Set<UUID> inserted = new HashSet<>();
        changes.items().stream().filter(i -> i.kind() == ItemChange.Kind.INSERTED)
                .forEach(i -> inserted.add(i.itemId()));
        Set<UUID> out = new HashSet<>(inserted);
        for (SectionInput s : course.sections()) {
            for (Item i : s.items()) {
                if (i.link() != null && inserted.contains(i.link())) {
                    out.add(i.id());
                }
            }
        }
        return out;
    }
}
