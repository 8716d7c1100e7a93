package app.cascade.push.engine;

import app.cascade.grading.Locks;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executor plans a written course again (to keep what the next push reports) with the dependents it read before
 * the writes, except those {@link KnownDependents#after} forgets. On the random districts of
 * {@link RandomDistrictPropertyTest}, with dependents counted as push-rules §1 says ({@link MiniDistrict#facts}),
 * every count it keeps is the count of the state after the push.
 */
class KnownDependentsAfterPushTest {

    @Test
    void every_dependents_count_kept_after_a_push_is_the_count_of_the_new_state() {
        int kept = 0;
        int forgotten = 0;
        for (int seed = 0; seed < RandomDistrictPropertyTest.SEEDS; seed++) {
            RandomDistrictPropertyTest.RandomPush push = RandomDistrictPropertyTest.RandomPush.of(seed);
            MiniDistrict d = push.district();
            Locks locks = push.locks();
            PushOptions options = push.options();
            CourseInput before = d.course;
            Facts factsBefore = d.facts();
            KnownDependents known = KnownDependents.of(factsBefore.dependents(), itemIds(before));

            CoursePlan plan = d.planner.planMasterPush(d.master, before, locks, options, factsBefore);
            CourseInput after = plan.applyTo(before);
            d.course = after;
            Facts factsAfter = d.facts();
            KnownDependents stillKnown = known.after(List.of(plan), Map.of(before.id(), before));

            for (UUID id : itemIds(after)) {
                Dependents d1 = stillKnown.known(id);
                if (d1 == null) {
                    forgotten++;
                } else {
                    kept++;
                    assertThat(d1).as("seed %d, item %s, %s %s", seed, id, options, locks)
                            .isEqualTo(factsAfter.dependentsOf(id));
                }
            }
        }
        // both happen on the random districts: the check is not empty either way
        assertThat(kept).as("counts kept").isPositive();
        assertThat(forgotten).as("counts forgotten").isPositive();
    }

    private static Set<UUID> itemIds(CourseInput course) {
        Set<UUID> ids = new HashSet<>();
        course.items().forEach(i -> ids.add(i.id()));
        course.sections().forEach(s -> s.items().forEach(i -> ids.add(i.id())));
        return ids;
    }
}
