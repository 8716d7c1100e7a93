package app.cascade.reports.ui;

import app.cascade.security.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

/** The Reports area: what each district report answers, with a link to it. */
@Route("reports")
@PageTitle("Reports | Cascade")
@Menu(title = "Reports", order = 50, icon = "CHART")
@RolesAllowed(Roles.VIEWER)
class ReportsView extends VerticalLayout {

    ReportsView() {
        setId("reports");
        addClassName("cascade-view");
        add(new H2("Reports"),
                card("report-link-residual", "Residual Data Report", ResidualReportView.class,
                        ResidualReportView.INTRO),
                card("report-link-awaiting", "Course Master Awaiting Push", AwaitingPushView.class,
                        AwaitingPushView.INTRO),
                card("report-link-audit", "Course Audit Report", CourseAuditView.class, CourseAuditView.INTRO));
    }

    private static Div card(String id, String title, Class<? extends Component> view, String text) {
        RouterLink link = new RouterLink(view);
        link.setId(id);
        link.add(new H3(title));
        Div card = new Div(link, new Paragraph(text));
        card.addClassName("cascade-report-card");
        return card;
    }
}
