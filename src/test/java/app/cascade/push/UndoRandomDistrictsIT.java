package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.DistrictFixture;
import app.cascade.catalog.TestUsers;
import app.cascade.push.engine.PushMode;
import app.cascade.push.engine.ReasonCode;
import app.cascade.push.engine.ReportRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Push, then undo, on random districts in the database (issue 18), each district in one of the four modes (Push
 * Locked Data and Overwrite, with and without sections, in turn), on the district freshly written: the undo gives back the district's export
 * from before the push, except exactly the courses it had to leave (each with its reason in the undo's report), and
 * no assignment, score, comment or posted grade changes ({@link UndoProof}). In a third of the runs, one course the
 * push changed is edited after it (its description), which the undo must leave ({@code CHANGED_SINCE_PUSH}).
 *
 * <p>{@value #DISTRICTS} districts of {@value RandomDistricts#COURSES} courses ({@link RandomDistricts}: the engine's
 * random districts written through SQL), {@value #DISTRICTS} pushes and undos, 75 in each mode, about a minute here.
 * The engine's own proof, the same 300 random districts in memory in all four modes each, is UndoPropertyTest. Seeds
 * are fixed
 * ({@value #FIRST_SEED} on); every assertion names its district seed and mode, and
 * {@code -Dcascade.undo.seed=<seed>} runs that district alone.
 */
@CascadeIntegrationTest
class UndoRandomDistrictsIT {

    static final int DISTRICTS = 300;
    static final int FIRST_SEED = 1_000;

    private static final List<Mode> MODES = List.of(new Mode(PushMode.PUSH_LOCKED, false),
            new Mode(PushMode.PUSH_LOCKED, true), new Mode(PushMode.OVERWRITE, false),
            new Mode(PushMode.OVERWRITE, true));

    private record Mode(PushMode mode, boolean toSections) {
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    PushService pushes;

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.push");
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    @Test
    void an_undo_gives_back_every_random_district_but_exactly_the_courses_it_must_leave() {
        Integer only = Integer.getInteger("cascade.undo.seed");
        List<Integer> seeds = new ArrayList<>();
        for (int seed = FIRST_SEED; seed < FIRST_SEED + DISTRICTS; seed++) {
            if (only == null || only == seed) {
                seeds.add(seed);
            }
        }
        RandomDistricts districts = new RandomDistricts(context, "alpha");
        UndoProof proof = new UndoProof(context, "alpha");
        Map<ReasonCode, Integer> pushRows = new EnumMap<>(ReasonCode.class);
        Map<ReasonCode, Integer> undoRows = new EnumMap<>(ReasonCode.class);
        int refused = 0;
        for (int seed : seeds) {
            Random random = new Random(seed);
            for (Mode shape : List.of(MODES.get((seed - FIRST_SEED) % MODES.size()))) {
                String as = "district seed " + seed + " " + shape.mode() + (shape.toSections() ? " with" : " without")
                        + " sections (rerun it alone: -Dcascade.undo.seed=" + seed + ")";
                RandomDistricts.Written d = districts.write(seed);
                UndoProof.State before = proof.take();

                UUID push = PushRuns.of(context).run(PushCommand.catalog(d.catalogId(), d.yearId(), shape.mode(),
                        shape.toSections(), d.types()));
                pushes.reportRows(push).forEach(r -> pushRows.merge(r.reason(), 1, Integer::sum));
                Set<Long> edited = Set.of();
                List<Long> changed = new ArrayList<>(proof.changedCourses(push));
                if (!changed.isEmpty() && random.nextInt(3) == 0) {
                    long course = changed.get(random.nextInt(changed.size()));
                    DistrictFixture.in("alpha", context).update(
                            "update course set description = 'Edited after the push' where id = ?", course);
                    edited = Set.of(course);
                }

                UUID undo = proof.undoAndProve(push, before, edited, as);

                if (undo == null) {
                    refused++;
                } else {
                    pushes.reportRows(undo).stream().map(ReportRow::reason)
                            .forEach(r -> undoRows.merge(r, 1, Integer::sum));
                }
            }
        }
        if (only == null) {
            // the districts hold what the proof is about: every rule acted, every way of undoing happened
            assertThat(pushRows).as("rows of the pushes").containsKeys(ReasonCode.RESIDUAL_HAS_DEPENDENTS,
                    ReasonCode.DESYNCED, ReasonCode.SKIPPED_IGNORE_MASTER_PUSH, ReasonCode.RELINKED,
                    ReasonCode.RENAMED_CATEGORY, ReasonCode.TERM_NOT_IN_CALENDAR).doesNotContainKey(ReasonCode.ERROR);
            assertThat(undoRows).as("rows of the undos").containsKeys(ReasonCode.RESTORED,
                    ReasonCode.CHANGED_SINCE_PUSH, ReasonCode.UNDO_KEEPS_GRADES);
            assertThat(refused).as("pushes that kept no changes, whose undo is refused").isPositive();
        }
    }
}
