package app.cascade.support.ui;

import app.cascade.push.PushSupportService;
import app.cascade.push.RequestNeedingAttention;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The push requests of every district that need support: failed ones (Retry) and stuck ones (Cancel), each action
 * asking for the reason the district will read. Bookkeeping only, never grading data.
 */
class RequestsNeedingAttention extends VerticalLayout {

    static final String EMPTY = "No push request failed in the last 7 days or is stuck, in any district.";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final PushSupportService requests;
    final Grid<RequestNeedingAttention> grid = new Grid<>();

    RequestsNeedingAttention(PushSupportService requests) {
        this.requests = requests;
        setPadding(false);
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("attention-refresh");
        HorizontalLayout title = new HorizontalLayout(new H2("Push requests needing attention"), refresh);
        title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        grid.setId("attention-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(RequestNeedingAttention::district).setKey("district").setHeader("District").setAutoWidth(true);
        grid.addColumn(RequestsNeedingAttention::what).setKey("request").setHeader("Request").setFlexGrow(2);
        grid.addColumn(RequestsNeedingAttention::problem).setKey("problem").setHeader("Problem").setFlexGrow(2);
        grid.addColumn(r -> TIME.format(r.since())).setKey("since").setHeader("Failed / due").setAutoWidth(true);
        grid.addColumn(RequestNeedingAttention::submittedBy).setKey("submitter").setHeader("Submitted by");
        grid.addColumn(r -> r.message() == null ? "" : r.message()).setKey("message").setHeader("Message")
                .setFlexGrow(3);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader("Action").setAutoWidth(true);
        grid.setEmptyStateText(EMPTY);
        grid.setAllRowsVisible(true);
        add(title, new Paragraph("Retry runs a failed request again, as a new request with the same settings. Cancel"
                + " ends a request that nothing will run (its job is gone or ended). The district sees who did it,"
                + " when and why, on the request."), grid);
        refresh();
    }

    void refresh() {
        grid.setItems(requests.needingAttention());
    }

    static String what(RequestNeedingAttention r) {
        String tool = switch (r.kind()) {
            case CATALOG -> "Push All Course Masters";
            case MASTER -> "Push to Courses";
            case COURSES -> "Push All Courses";
            case UNDO -> "Undo";
        };
        return tool + (r.catalog() == null ? "" : " · " + r.catalog()) + " · " + r.schoolYear() + " · "
                + r.mode().label();
    }

    static String problem(RequestNeedingAttention r) {
        return switch (r.problem()) {
            case FAILED -> "Failed after " + r.attempts() + " attempt" + (r.attempts() == 1 ? "" : "s");
            case STUCK -> "Stuck " + r.status().name().toLowerCase() + ": " + switch (r.jobState()) {
                case "NONE" -> "it has no job";
                case "MISSING" -> "its job is gone";
                default -> "its job is " + r.jobState().toLowerCase();
            };
        };
    }

    private Component actions(RequestNeedingAttention r) {
        Button button = switch (r.problem()) {
            case FAILED -> new Button("Retry", e -> new ReasonDialog("Retry a failed push request",
                    what(r) + ": a new request with the same settings runs now in " + r.district()
                            + "; the failed one stays as it is.", "Retry",
                    reason -> "Retried as request " + requests.retryFailed(r.districtId(), r.id(), reason),
                    this::refresh).open());
            case STUCK -> new Button("Cancel", e -> new ReasonDialog("Cancel a stuck push request",
                    what(r) + ": the request ends as Cancelled in " + r.district() + "; nothing more of it is"
                            + " pushed.", "Cancel the request",
                    reason -> {
                        requests.cancelStuck(r.districtId(), r.id(), reason);
                        return "Cancelled the request";
                    }, this::refresh).open());
        };
        button.addThemeVariants(ButtonVariant.LUMO_SMALL,
                r.problem() == RequestNeedingAttention.Problem.STUCK ? ButtonVariant.LUMO_ERROR
                        : ButtonVariant.LUMO_PRIMARY);
        return button;
    }
}
