package app.cascade.push;

import app.cascade.catalog.KaribuSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The set-up shared by the push Karibu ITs ({@link PushViewKaribuIT}, {@link CourseEditingKaribuIT}): before each test
 * the {@link PushFixture} district is built afresh in {@code alpha} with no push request or notification left from
 * earlier tests; after each test the Karibu session is closed. The subclasses carry {@code @CascadeIntegrationTest}
 * themselves (it is not inherited); the lifecycle methods have names no subclass uses.
 */
abstract class KaribuWithPushFixture {

    @Autowired
    ApplicationContext context;

    PushFixture f;

    @BeforeEach
    void buildFixtureWithNoRequests() {
        f = new PushFixture(context).build();
        f.clearRequests();
    }

    @AfterEach
    void closeKaribuSession() {
        KaribuSession.close();
    }
}
