package app.cascade.push.engine;

import app.cascade.grading.ItemType;
import app.cascade.grading.LockType;
import app.cascade.grading.Origin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Course level: the three steps for each master item, then the leftovers (push-rules §4). */
final class MasterStep {
    private final CourseRun run;
    private final MasterInput master;
    private final Set<LockType> active;
    final Set<UUID> masterIds = new HashSet<>();

    MasterStep(CourseRun run, MasterInput master, Set<LockType> active) {
        this.run = run;
        this.master = master;
        this.active = active;
        master.items().forEach(m -> masterIds.add(m.id()));
    }

    void apply() {
        if (run.mode == PushMode.OVERWRITE) {
            for (WorkItem w : run.courseItems) {
                if (isActive(w.type) && w.link != null && isForeign(w.link)) {
                    w.link = null;
                    w.wasForeign = true;
                }
            }
        }
        for (ItemType type : ItemType.values()) {
            if (!isActive(type)) {
                continue;
            }
            master.items().stream().filter(m -> m.type() == type)
                    .sorted(Comparator.comparingInt((Item m) -> m.values().seq()).thenComparing(Item::key))
                    .forEach(this::pushMasterItem);
            leftovers(type);
        }
        if (isActive(ItemType.CATEGORY)) {
            Set<String> pushed = new HashSet<>();
            run.courseItems.stream().filter(w -> w.alive() && w.type == ItemType.CATEGORY && w.link != null
                    && masterIds.contains(w.link)).forEach(w -> pushed.add(w.key()));
            run.renameColliding(run.courseItems, pushed, w -> w.link != null && masterIds.contains(w.link));
        }
    }

    private boolean isActive(ItemType type) {
        return active.contains(type.lockType());
    }

    private boolean isForeign(UUID link) {
        return run.facts.ownerOf(link).filter(owner -> owner != master.id()).isPresent();
    }

    private boolean isDangling(UUID link) {
        return link != null && !masterIds.contains(link) && run.facts.ownerOf(link).isEmpty();
    }

    private void pushMasterItem(Item m) {
        if (m.type().refersToTask() && !run.course.termCodes().contains(m.values().termCode())) {
            run.row(null, m.type(), m.values().label(m.type()), "Not pushed", ReasonCode.TERM_NOT_IN_CALENDAR,
                    Dependents.NONE, "Term " + m.values().termCode() + " is not in the course's calendar");
            return;
        }
        List<WorkItem> linked = run.courseItems.stream()
                .filter(w -> w.alive() && w.type == m.type() && m.id().equals(w.link)).toList();
        if (linked.size() == 1) {
            run.sync(linked.getFirst(), m.values(), Origin.MASTER);
            return;
        }
        boolean overwrite = run.mode == PushMode.OVERWRITE;
        List<WorkItem> candidates = new ArrayList<>(run.courseItems.stream()
                .filter(w -> w.alive() && w.type == m.type() && w.key().equals(m.key()) && !linked.contains(w))
                .filter(w -> w.residual || isDangling(w.link) || (overwrite && (w.wasForeign
                        || (w.link == null && (w.type != ItemType.CATEGORY || w.origin == Origin.MASTER)))))
                .toList());
        if (overwrite) {
            candidates.addAll(linked);
        }
        if (candidates.isEmpty()) {
            run.create(null, m.type(), m.values(), m.id(), Origin.MASTER);
            return;
        }
        candidates.forEach(c -> c.weight = run.facts.dependentsOf(c.id).weight());
        WorkItem pick = candidates.stream().min(CourseRun.BEST_CANDIDATE).orElseThrow();
        String why = pick.residual ? "was residual (course managed)"
                : pick.wasForeign ? "was linked to another course master"
                : linked.size() > 1 && linked.contains(pick) ? "was one of " + linked.size()
                        + " items linked to the same master item"
                : pick.link == null ? "was detached from the master" : null;
        pick.link = m.id();
        pick.residual = false;
        run.sync(pick, m.values(), Origin.MASTER);
        if (why != null) {
            run.relinked(null, pick, why);
        }
        for (WorkItem other : candidates) {
            if (other != pick) {
                if (isDangling(other.link)) {
                    run.danglingRule(other);
                } else {
                    other.link = null;
                }
            }
        }
    }

    private void leftovers(ItemType type) {
        for (WorkItem w : run.courseItems) {
            if (!w.alive() || w.type != type || w.isNew()) {
                continue;
            }
            if (w.link != null) {
                if (isDangling(w.link)) {
                    run.danglingRule(w);
                }
            } else if (run.mode == PushMode.OVERWRITE) {
                run.overwriteRule(w);
            }
        }
    }
}
