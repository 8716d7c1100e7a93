package app.cascade.push.internal;

import app.cascade.push.engine.CourseInput;
import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.KnownDependents;
import app.cascade.push.engine.MasterInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The memo as decision 0014 keeps it: a course is taken from its memo while two things hold. Its stamp
 * ({@code course_push_stamp}, bumped by every change the planner reads except the push's own writes) is the one the
 * memo was made at, and the push's fingerprint (MemoFingerprints) is the memo's. A course this push planned keeps the
 * plan the next push would make: planning it again in memory changes nothing. With
 * {@code cascade.push.memo.paranoid}, a sample of the hits is planned again and checked (MemoRecheck).
 */
@Component
@ConditionalOnProperty(name = "cascade.push.memo.enabled", havingValue = "true", matchIfMissing = true)
class StampedCourseMemo implements CourseMemo {

    private static final Logger log = LoggerFactory.getLogger(StampedCourseMemo.class);

    private final PushMemo memos;
    private final MemoFingerprints fingerprints;
    private final PushLoader loader;
    private final ChunkPlanner planner;
    private final MemoRecheck recheck;

    StampedCourseMemo(PushMemo memos, MemoFingerprints fingerprints, PushLoader loader, ChunkPlanner planner,
                      MemoRecheck recheck) {
        this.memos = memos;
        this.fingerprints = fingerprints;
        this.loader = loader;
        this.planner = planner;
        this.recheck = recheck;
    }

    @Override
    public Split split(PushRun run, List<Long> courseIds) {
        long t = System.nanoTime();
        // the course rows locked, their stamps and memos read before anything else of them
        List<PushMemo.Entry> entries = memos.lookup(courseIds);
        List<PushMemo.Entry> candidates = entries.stream().filter(PushMemo.Entry::madeAtItsStamp).toList();
        Map<Long, MasterInput> masters = run.fromCourses() || candidates.isEmpty() ? Map.of()
                : loader.masters(candidates.stream().map(PushMemo.Entry::masterId).filter(Objects::nonNull)
                .collect(Collectors.toSet()), run.snapshotOf());
        CourseFingerprints fingerprintOf = new CourseFingerprints(run, masters);
        List<Long> order = new ArrayList<>();
        Set<Long> hits = new LinkedHashSet<>();
        Map<Long, Long> stamps = new HashMap<>();
        for (PushMemo.Entry entry : entries) {
            order.add(entry.courseId());
            if (entry.stamp() != null) {
                stamps.put(entry.courseId(), entry.stamp());
            }
            if (entry.madeAtItsStamp() && entry.matches(fingerprintOf.course(entry.masterId()))) {
                hits.add(entry.courseId());
            }
        }
        t = run.phases().add("memo: lock courses, read stamps", t);
        if (recheck.enabled() && !hits.isEmpty()) {
            hits.removeAll(recheck.stale(run, hits));
            run.phases().add("memo: paranoid re-plan of hits", t);
        }
        run.phases().memoHits(hits.size());
        return new Split(order, hits, order.stream().filter(id -> !hits.contains(id)).toList(), stamps);
    }

    /**
     * Replaces the memos of the courses this chunk planned. A course the push left as it was keeps its plan (planning
     * it again gives the same); a written course keeps the plan of its new state, computed in memory
     * ({@link CoursePlan#applyTo}) and planned with the dependents read before the writes where the writes cannot
     * have changed them and read again after them elsewhere ({@link KnownDependents#after}), as the next push would
     * read them. That plan must change nothing; a course whose does, or that failed, or has no stamp, keeps no memo.
     */
    @Override
    public void remember(PushRun run, Split split, ChunkPlanner.PlannedChunk planned, KnownDependents known,
                         List<CoursePlan> written) {
        if (split.toPlan().isEmpty()) {
            return;
        }
        long t = System.nanoTime();
        Map<Long, CourseInput> inputs = new HashMap<>();
        planned.chunk().courses().forEach(c -> inputs.put(c.id(), c));
        CourseFingerprints fingerprintOf = new CourseFingerprints(run, planned.chunk().masters());
        List<PushMemo.Memo> kept = new ArrayList<>();
        List<CourseInput> after = new ArrayList<>();
        List<CoursePlan> applied = new ArrayList<>();
        for (CoursePlan plan : written) {
            Long stamp = split.stamps().get(plan.courseId());
            if (stamp == null) {
                continue;
            }
            if (plan.changesNothing()) {
                kept.add(PushMemo.of(plan, stamp, fingerprintOf.course(inputs.get(plan.courseId()).masterId())));
            } else {
                try {
                    after.add(plan.applyTo(inputs.get(plan.courseId())));
                    applied.add(plan);
                } catch (IllegalArgumentException e) {
                    log.warn("Course {}: its plan does not fit the course it was planned from ({}); no memo kept",
                            plan.courseId(), e.getMessage());
                }
            }
        }
        t = run.phases().add("memo: apply the plans in memory", t);
        if (!after.isEmpty()) {
            PushLoader.Chunk state = new PushLoader.Chunk(planned.chunk().masters(), after, planned.chunk().facts());
            List<CoursePlan> next = planner.plan(run, state, known.after(applied, inputs));
            for (int i = 0; i < next.size(); i++) {
                CoursePlan plan = next.get(i);
                if (plan.changesNothing()) {
                    kept.add(PushMemo.of(plan, split.stamps().get(plan.courseId()),
                            fingerprintOf.course(after.get(i).masterId())));
                } else {
                    log.warn("Course {}: planning its state after the push changes it again ({}); no memo kept",
                            plan.courseId(), plan.counts());
                }
            }
        }
        t = run.phases().add("memo: plan the written courses again", t);
        Set<Long> forget = new HashSet<>(split.toPlan());
        kept.forEach(m -> forget.remove(m.courseId()));
        memos.store(kept);
        memos.forget(forget);
        run.phases().add("memo: store", t);
    }

    @Override
    public void forget(Collection<Long> courseIds) {
        memos.forget(courseIds);
    }

    /** The fingerprints of a chunk's courses, computed once per master. */
    private final class CourseFingerprints {
        private final String ofRun;
        private final Map<Long, MasterInput> masters;
        private final Map<Long, String> byMaster = new HashMap<>();

        CourseFingerprints(PushRun run, Map<Long, MasterInput> masters) {
            this.ofRun = fingerprints.ofRun(run);
            this.masters = run.fromCourses() ? Map.of() : masters;
        }

        /** The fingerprint of a course of that master (null: none, or gone). */
        String course(Long masterId) {
            MasterInput master = masterId == null ? null : masters.get(masterId);
            return master == null ? fingerprints.ofCourse(ofRun, null)
                    : byMaster.computeIfAbsent(master.id(), id -> fingerprints.ofCourse(ofRun, master));
        }
    }
}
