package app.cascade.push.engine;

import app.cascade.grading.ItemType;
import app.cascade.grading.Origin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Section level: a course's items pushed to one of its sections, or its unlinked setup wiped (push-rules §4, §7). */
final class SectionStep {
    private final CourseRun run;

    SectionStep(CourseRun run) {
        this.run = run;
    }

    /** Section level with "Push locked data to sections" (or Push All Courses). */
    void pushToSection(long sectionId, Set<ItemType> types) {
        List<WorkItem> pool = run.sectionItems.get(sectionId);
        boolean overwrite = run.mode == PushMode.OVERWRITE;
        for (ItemType type : ItemType.values()) {
            if (!types.contains(type)) {
                continue;
            }
            List<WorkItem> sources = run.courseItems.stream()
                    .filter(w -> w.alive() && w.type == type && !w.residual)
                    .sorted(Comparator.comparingInt((WorkItem w) -> w.values.seq()).thenComparing(WorkItem::key))
                    .toList();
            Set<UUID> sourceIds = new HashSet<>();
            for (WorkItem source : sources) {
                sourceIds.add(source.id);
                List<WorkItem> linked = pool.stream()
                        .filter(w -> w.alive() && w.type == type && source.id.equals(w.link)).toList();
                if (linked.size() == 1) {
                    run.sync(linked.getFirst(), source.values, source.origin);
                    continue;
                }
                List<WorkItem> candidates = new ArrayList<>(pool.stream()
                        .filter(w -> w.alive() && w.type == type && w.key().equals(source.key())
                                && !linked.contains(w))
                        .filter(w -> w.residual || (w.link != null && run.courseItem(w.link) == null)
                                || (w.link == null && (type.refersToTask()
                                || (overwrite && (type != ItemType.CATEGORY || w.origin == Origin.MASTER)))))
                        .toList());
                candidates.addAll(linked);
                if (candidates.isEmpty()) {
                    run.create(sectionId, type, source.values, source.id, source.origin);
                    continue;
                }
                candidates.forEach(c -> c.weight = run.facts.dependentsOf(c.id).weight());
                WorkItem pick = candidates.stream().min(CourseRun.BEST_CANDIDATE).orElseThrow();
                String why = pick.residual ? "was residual (course managed)"
                        : linked.size() > 1 && linked.contains(pick) ? "was one of " + linked.size()
                                + " items linked to the same course item"
                        : pick.link == null ? "was not linked to the course's item" : null;
                pick.link = source.id;
                run.sync(pick, source.values, source.origin);
                if (why != null) {
                    run.relinked(sectionId, pick, why);
                }
                for (WorkItem other : candidates) {
                    if (other != pick) {
                        if (other.link != null && run.courseItem(other.link) == null) {
                            run.danglingRule(other);
                        } else {
                            other.link = null;
                        }
                    }
                }
            }
            for (WorkItem w : pool) {
                if (!w.alive() || w.type != type || w.isNew()) {
                    continue;
                }
                if (w.link != null) {
                    if (run.courseItem(w.link) == null) {
                        run.danglingRule(w);
                    }
                } else if (overwrite) {
                    run.overwriteRule(w);
                }
            }
            if (type == ItemType.CATEGORY) {
                Set<String> pushed = new HashSet<>();
                pool.stream().filter(w -> w.alive() && w.type == type && w.link != null
                        && sourceIds.contains(w.link)).forEach(w -> pushed.add(w.key()));
                run.renameColliding(pool, pushed, w -> w.link != null && sourceIds.contains(w.link));
            }
        }
    }

    /** Overwrite without the sections option: wipes unlinked section setup, writes nothing new. */
    void wipeSection(long sectionId, Set<ItemType> types) {
        for (WorkItem w : run.sectionItems.get(sectionId)) {
            if (w.alive() && types.contains(w.type) && w.link == null) {
                run.overwriteRule(w);
            }
        }
    }
}
