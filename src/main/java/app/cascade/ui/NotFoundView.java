package app.cascade.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** An address that is no page of Cascade, inside the app layout, with a way back (instead of Vaadin's bare text). */
@ParentLayout(MainLayout.class)
@PageTitle("Page not found | Cascade")
@PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    private final Paragraph what = new Paragraph();

    public NotFoundView() {
        addClassName("cascade-view");
        setId("not-found");
        RouterLink home = new RouterLink("Back to the home page", HomeView.class);
        home.setId("not-found-home");
        add(new H2("Page not found"), what, home);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        what.setText("There is no page at /" + event.getLocation().getPath() + ". Check the address, or use the side"
                + " menu.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
