package app.cascade.push;

import app.cascade.catalog.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInfo;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public push scenario of {@link PushScenariosIT} again (its tests, asserting what they assert there), and after
 * each scenario its last push undone (issue 18): the district gives back its export from before that push, except the
 * courses the undo must leave, and no gradebook row changes ({@link UndoProof}). A scenario whose last push kept no
 * changes (it changed nothing: {@link #KEPT_NO_CHANGES}) sees its undo refused, saying so.
 * No scenario runs a dry run as its last push. Runs before PushScenariosIT's own re-push from memos (a subclass's
 * {@code @AfterEach} comes first), which then re-pushes the undone district.
 */
class UndoScenariosIT extends PushScenariosIT {

    /**
     * The scenarios whose last push changed nothing, so kept no changes: an unlocked type selected (3), the master
     * push after the same catalog push (9), the same push twice (29).
     */
    private static final Set<String> KEPT_NO_CHANGES = Set.of("scenario_03", "scenario_09", "scenario_29");

    /** The district just before the last push, and that push. */
    private UndoProof.State beforeLast;
    private UUID lastPush;

    @Override
    protected UUID run(PushCommand command) {
        UndoProof.State before = new UndoProof(context, f.district).take();
        UUID request = super.run(command);
        beforeLast = before;
        lastPush = request;
        return request;
    }

    @AfterEach
    void the_undo_of_the_last_push_gives_back_the_district_from_before_it(TestInfo test) {
        if (lastPush == null) {
            throw new IllegalStateException(test.getDisplayName() + " ran no push");
        }
        TestUsers.signIn(context, "alpha.push");
        String scenario = test.getTestMethod().orElseThrow().getName();

        UUID undo = new UndoProof(context, f.district).undoAndProve(lastPush, beforeLast, Set.of(), scenario);

        assertThat(undo == null).as(scenario + ": the undo is refused exactly when the last push kept no changes")
                .isEqualTo(KEPT_NO_CHANGES.contains(scenario.substring(0, "scenario_00".length())));
    }
}
