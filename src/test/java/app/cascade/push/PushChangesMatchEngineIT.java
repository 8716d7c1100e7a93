package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.CourseChanges;
import app.cascade.push.engine.ItemChange;
import app.cascade.push.engine.PushMode;
import app.cascade.push.internal.PushChangeStore;
import app.cascade.push.internal.RecordingChunkPlanner;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a push kept as its changes (push_change, push_item_change, written by its own statements) is exactly what the
 * pure engine says the push's plans change: for every course the push planned, {@link CourseChanges#of} of the plan
 * and the course as the push loaded it to plan it (recorded by {@link RecordingChunkPlanner}, which stands in for the
 * push's ChunkPlanner), read back with {@link PushChangeStore#changes}; a course whose plan changes nothing keeps
 * none. In the four modes, on the district of PushChangesIT where an Overwrite with sections does every kind of change
 * and on random districts ({@link RandomDistricts}).
 */
@CascadeIntegrationTest
@Import(RecordingChunkPlanner.Config.class)
class PushChangesMatchEngineIT {

    private static final List<Mode> MODES = List.of(new Mode(PushMode.PUSH_LOCKED, false),
            new Mode(PushMode.PUSH_LOCKED, true), new Mode(PushMode.OVERWRITE, false),
            new Mode(PushMode.OVERWRITE, true));
    private static final int RANDOM_DISTRICTS = 6;

    private record Mode(PushMode mode, boolean toSections) {
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    RecordingChunkPlanner planner;
    @Autowired
    PushChangeStore store;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.push");
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    @Test
    void the_changes_a_push_kept_are_the_engines_changes_of_its_plans_on_a_district_with_every_kind_of_change() {
        for (Mode mode : MODES) {
            PushFixture f = new PushFixture(context).build();
            PushCommand everything = PushChangesIT.overwriteEverything(f);
            UUID push = PushRuns.of(context).run(PushCommand.catalog(everything.catalogId(),
                    everything.schoolYearId(), mode.mode(), mode.toSections(), EnumSet.allOf(LockType.class)));

            Map<Long, CourseChanges> expected = engineChanges(push);

            assertThat(kept(push)).as(mode.toString()).isEqualTo(expected);
            assertThat(expected).as(mode + ": the push changed courses").isNotEmpty();
        }
    }

    @Test
    void the_changes_a_push_kept_are_the_engines_changes_of_its_plans_on_random_districts() {
        RandomDistricts districts = new RandomDistricts(context, "alpha");
        int changedCourses = 0;
        for (int seed = 2_000; seed < 2_000 + RANDOM_DISTRICTS; seed++) {
            for (Mode mode : MODES) {
                RandomDistricts.Written d = districts.write(seed);
                UUID push = PushRuns.of(context).run(PushCommand.catalog(d.catalogId(), d.yearId(), mode.mode(),
                        mode.toSections(), d.types()));

                Map<Long, CourseChanges> expected = engineChanges(push);

                assertThat(kept(push)).as("district seed %d %s", seed, mode).isEqualTo(expected);
                changedCourses += expected.size();
            }
        }
        assertThat(changedCourses).as("courses the pushes changed").isGreaterThan(RANDOM_DISTRICTS * 4);
    }

    /** {@link CourseChanges#of} for every course the push planned whose plan changes something, by course id. */
    private Map<Long, CourseChanges> engineChanges(UUID push) {
        Map<Long, RecordingChunkPlanner.Planned> planned = planner.planned(push);
        assertThat(planned).as("the push's plans were recorded").isNotEmpty();
        Map<Long, CourseChanges> changes = new TreeMap<>();
        planned.forEach((course, p) -> {
            CourseChanges c = CourseChanges.of(p.course(), p.plan());
            if (!c.isEmpty()) {
                changes.put(course, canonical(c));
            }
        });
        return changes;
    }

    /** What the push kept for every course it planned. */
    private Map<Long, CourseChanges> kept(UUID push) {
        List<Long> courses = List.copyOf(planner.planned(push).keySet());
        Map<Long, CourseChanges> kept = new TreeMap<>();
        TenantContext.call("alpha", () -> new TransactionTemplate(transactions).execute(s -> store.changes(push,
                courses))).forEach((course, c) -> kept.put(course, canonical(c)));
        return kept;
    }

    /** The changes with their items in one order (the store's: course items first, then by section, then by id). */
    private static CourseChanges canonical(CourseChanges c) {
        return new CourseChanges(c.courseId(), c.infoBefore(), c.items().stream().sorted(Comparator
                .comparing(ItemChange::sectionId, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(ItemChange::itemId)).toList());
    }
}
