package app.cascade.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A signed-in user opened a view their role does not include (navigation access control reroutes to
 * {@link AccessDeniedException}, e.g. a viewer typing {@code /push-all-course-masters}): said plainly, inside the app
 * layout, with a way back. Visitors who are not signed in never get here: they are sent to the sign-in page.
 */
@ParentLayout(MainLayout.class)
@PageTitle("No access | Cascade")
@PermitAll
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        addClassName("cascade-view");
        setId("access-denied");
        H2 title = new H2("You have no access to this page");
        Paragraph why = new Paragraph("Your role does not include this page. The side menu lists everything you may"
                + " open; ask your district admin if you need more.");
        RouterLink home = new RouterLink("Back to the home page", HomeView.class);
        home.setId("access-denied-home");
        add(title, why, home);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
