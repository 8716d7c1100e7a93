package app.cascade.push;

import app.cascade.catalog.CourseMasterCopyService;
import app.cascade.catalog.CourseMasterEditService;
import app.cascade.catalog.CourseService;
import app.cascade.catalog.CourseSetupService;
import app.cascade.catalog.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The set-up shared by the editing ITs ({@link EditingScenariosIT}, {@link CourseEditingIT}, {@link MasterAdminIT}):
 * before each test the {@link PushFixture} district is built afresh in {@code alpha} (everything in sync, every lock
 * on) and {@code alpha.admin} is signed in; after each test whoever is signed in is signed out. The subclasses carry
 * {@code @CascadeIntegrationTest} themselves (it is not inherited).
 */
abstract class EditingAsAlphaAdmin {

    @Autowired
    ApplicationContext context;
    @Autowired
    CourseSetupService setup;
    @Autowired
    CourseMasterEditService masters;
    @Autowired
    CourseMasterCopyService copies;
    @Autowired
    CourseService courses;
    @Autowired
    PushService pushes;

    PushFixture f;

    @BeforeEach
    void buildFixtureAndSignInAsAlphaAdmin() {
        f = new PushFixture(context).build();
        TestUsers.signIn(context, "alpha.admin");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }
}
