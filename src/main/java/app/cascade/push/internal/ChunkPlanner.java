package app.cascade.push.internal;

import app.cascade.push.PushRequestView;
import app.cascade.push.engine.CourseInput;
import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.Dependents;
import app.cascade.push.engine.Facts;
import app.cascade.push.engine.KnownDependents;
import app.cascade.grading.Locks;
import app.cascade.push.engine.MasterInput;
import app.cascade.push.engine.PushOptions;
import app.cascade.push.engine.PushPlanner;
import app.cascade.push.engine.ReportRow;
import org.springframework.stereotype.Component;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The planner step of a chunk: loads its courses (PushLoader, which only reads) and plans them with exact dependents
 * (GradebookReads) for every item the planner consults, reading only those. Planning asks {@link Facts#dependentsOf}
 * for the items whose fate depends on their gradebook data (candidates, leftovers, report rows), usually a small part
 * of the chunk. The planner runs once with what is known, the items it asked about and that are not read yet are
 * counted in one query, and it runs again, until it asks about nothing new. The last run therefore saw the true counts
 * of every item it looked at, so its result is the one a planner given every item's counts would return (the planner
 * is deterministic in what it consults). The push, its dry run and the memo's checks all plan here.
 */
@Component
public class ChunkPlanner {

    private final PushLoader loader;
    private final GradebookReads gradebook;
    private final PushPlanner planner = PushPlanner.standard();

    public ChunkPlanner(PushLoader loader, GradebookReads gradebook) {
        this.loader = loader;
        this.gradebook = gradebook;
    }

    /** A chunk with its plans, in the loader's course order. */
    public record PlannedChunk(PushLoader.Chunk chunk, List<CoursePlan> plans) {

        static PlannedChunk empty() {
            return new PlannedChunk(new PushLoader.Chunk(Map.of(), List.of(), Facts.none()), List.of());
        }

        /** The chunk's course of that id. */
        public CourseInput course(long courseId) {
            return chunk.courses().stream().filter(c -> c.id() == courseId).findFirst().orElseThrow();
        }
    }

    /** The rows of a push from masters that no course owns: the data types the catalog's locks leave out. */
    public List<ReportRow> requestRows(Locks locks, PushOptions options) {
        return planner.requestRows(locks, options);
    }

    /** Plans one chunk of a dry run: the masters as they are now, no row locked, nothing written. */
    public PlannedChunk preview(PushRequestView draft, Locks locks, List<Long> courseIds) {
        return plan(new PushRun(draft, locks, null, new PushPhases()), courseIds, false, new KnownDependents());
    }

    /**
     * Loads the courses (their rows locked when {@code lockRows}) and plans them, adding the dependents it reads to
     * {@code known}.
     */
    PlannedChunk plan(PushRun run, List<Long> courseIds, boolean lockRows, KnownDependents known) {
        long t = System.nanoTime();
        PushLoader.Chunk chunk = loader.load(courseIds, lockRows, run.snapshotOf());
        t = run.phases().add("load" + (lockRows ? " (course rows locked)" : ""), t);
        List<CoursePlan> plans = plan(run, chunk, known);
        run.phases().add("dependents + plan", t);
        return new PlannedChunk(chunk, plans);
    }

    /** Plans a loaded chunk (or courses as they will be, see CourseMemo), reading the dependents it lacks. */
    List<CoursePlan> plan(PushRun run, PushLoader.Chunk chunk, KnownDependents known) {
        while (true) {
            AskedDependents asked = new AskedDependents(known.counts());
            List<CoursePlan> plans = planAll(run, chunk, new Facts(asked, chunk.facts().masterItemOwners()));
            Set<UUID> missing = known.unread(asked.asked);
            if (missing.isEmpty()) {
                return plans;
            }
            known.add(missing, gradebook.dependents(chunk, missing));
        }
    }

    private List<CoursePlan> planAll(PushRun run, PushLoader.Chunk chunk, Facts facts) {
        List<CoursePlan> plans = new ArrayList<>();
        for (CourseInput course : chunk.courses()) {
            if (run.fromCourses()) {
                plans.add(planner.planCoursePush(course, run.options(), facts));
            } else {
                MasterInput master = chunk.masters().get(course.masterId());
                plans.add(planner.planMasterPush(master, course, run.locks(), run.options(), facts));
            }
        }
        return plans;
    }

    /** A read-only map of the dependents known so far that records every item asked about. */
    private static final class AskedDependents extends AbstractMap<UUID, Dependents> implements Facts.Lookup {
        private final Map<UUID, Dependents> known;
        private final Set<UUID> asked = new HashSet<>();

        AskedDependents(Map<UUID, Dependents> known) {
            this.known = known;
        }

        @Override
        public Dependents get(Object key) {
            if (key instanceof UUID id) {
                asked.add(id);
            }
            return known.get(key);
        }

        @Override
        public Dependents getOrDefault(Object key, Dependents fallback) {
            Dependents d = get(key);
            return d == null ? fallback : d;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public Set<Entry<UUID, Dependents>> entrySet() {
            return known.entrySet();
        }
    }
}
