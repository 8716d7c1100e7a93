package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code cascade.push.changes.enabled: false} a push keeps no changes and does what it does with them on: the
 * same report as its dry run (as PushChangesIT checks with them on) and the same writes, the row difference of the
 * same scenario.
 */
@CascadeIntegrationTest
@TestPropertySource(properties = "cascade.push.changes.enabled=false")
class PushChangesOffIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushService pushes;

    PushFixture f;

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.push");
        f = new PushFixture(context).build();
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    @Test
    void a_push_keeps_no_changes_and_its_result_is_the_same() {
        PushCommand command = PushChangesIT.overwriteEverything(f);
        var preview = pushes.preview(command).rows();
        PushChangesDiff.Snapshot before = PushChangesDiff.snapshot(f);

        UUID request = PushRuns.of(context).run(command);

        assertThat(PushChangesDiff.rows(f)).isZero();
        assertThat(pushes.reportRows(request)).isEqualTo(preview);
        Set<String> changed = PushChangesDiff.expected(before, PushChangesDiff.snapshot(f));
        assertThat(changed).anyMatch(l -> l.contains(" DELETED ")).anyMatch(l -> l.contains(" INSERTED "))
                .anyMatch(l -> l.startsWith("info "));
        long written = f.d.query("select sum(created + updated + deleted) from push_course_result"
                + " where request_id = ?", Long.class, request);
        assertThat(written).isPositive();
    }
}
