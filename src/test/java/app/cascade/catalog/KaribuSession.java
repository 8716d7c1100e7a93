package app.cascade.catalog;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A Karibu (server-side, browserless) Vaadin session on the real Spring context, signed in as one of the dev users
 * or anonymous. The user is both the servlet request's principal (what Vaadin's access checks and the side nav read)
 * and the Spring Security authentication (what the services and the tenant resolution read).
 */
public final class KaribuSession {

    private static final Routes ROUTES = routes();

    private KaribuSession() {
    }

    /** Opens a UI as {@code username}; {@code null} for an anonymous visitor. */
    public static void open(ApplicationContext context, String username) {
        Authentication auth = username == null ? null : TestUsers.signIn(context, username);
        if (auth == null) {
            TestUsers.signOut();
        }
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            if (auth != null) {
                request.setUserPrincipalInt(auth);
                request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            }
            return request;
        });
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    /**
     * Karibu's auto-discovery skips non-public classes, and views are package-private here: add every {@code @Route}
     * class of the application, whatever its visibility.
     */
    @SuppressWarnings("unchecked")
    private static Routes routes() {
        Routes discovered = new Routes().autoDiscoverViews("app.cascade");
        Set<Class<? extends Component>> all = new LinkedHashSet<>(discovered.getRoutes());
        try (ScanResult scan = new ClassGraph().enableClassInfo().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages("app.cascade").scan()) {
            scan.getClassesWithAnnotation(Route.class).forEach(c -> all.add((Class<? extends Component>) c.loadClass()));
        }
        return new Routes(all, discovered.getErrorRoutes(), discovered.getSkipPwaInit());
    }

    /** Every route class of the application. */
    public static Set<Class<? extends Component>> routeClasses() {
        return ROUTES.getRoutes();
    }

    public static void close() {
        MockVaadin.tearDown();
        MockVaadin.setMockRequestFactory(FakeRequest::new);
        SecurityContextHolder.clearContext();
    }
}
