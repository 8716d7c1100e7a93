package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.KaribuSession;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a saturated node (here: no submission admitted at all) refuses Run Now in the push form with a message
 * that says so and to try again, stores nothing, and the form stays usable.
 */
@CascadeIntegrationTest
@TestPropertySource(properties = {"cascade.push.submit.concurrency=0", "cascade.push.submit.max-wait=0s"})
class PushBusyKaribuIT extends KaribuWithPushFixture {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void run_now_on_a_saturated_node_says_to_try_again_and_stores_nothing() {
        KaribuSession.open(context, "alpha.push");
        UI.getCurrent().navigate("push-all-course-masters");

        Button runNow = _get(Button.class, spec -> spec.withId("push-run-now"));
        runNow.click();

        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .anySatisfy(text -> assertThat(text).contains("stored nothing").contains("again"));
        assertThat(f.inAlpha(() -> jdbc.queryForObject("select count(*) from push_request", Integer.class)))
                .isZero();
        assertThat(runNow.isEnabled()).isTrue();
    }
}
