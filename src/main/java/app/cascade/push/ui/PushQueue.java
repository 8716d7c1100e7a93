package app.cascade.push.ui;

import app.cascade.push.PushRequestService;
import app.cascade.push.PushRequestSummary;
import app.cascade.push.PushStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Batch Queue List: the district's push requests scheduled in a date window (district time zone), newest first,
 * with live status, the settings used, who submitted it, the report, and Cancel / Restart / Undo. The window starts from a
 * week before to a week after today, so requests scheduled for the coming days show too. The service filters and
 * limits.
 */
class PushQueue extends VerticalLayout {

    static final int TOP = 50;
    static final int ALL = 500;
    /** The default window: this many days before and after today. */
    static final int WINDOW_DAYS = 7;
    static final String EMPTY = "No push request is scheduled between these dates. Run Now or Submit to Batch "
            + "above, or widen the dates.";
    static final String COURSES = "Push All Courses (course → sections)";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);

    private final PushRequestService requests;
    private final ZoneId zone;
    final DatePicker from = new DatePicker("Scheduled between");
    final DatePicker to = new DatePicker("and");
    final Checkbox top = new Checkbox("Show top " + TOP, true);
    final Grid<PushRequestSummary> grid = new Grid<>();
    /** Tells a screen reader each status change of the list (issue 15, WCAG 4.1.3). */
    private final LiveStatus live = new LiveStatus("push-live");

    /** Which rows of the page may be undone now; empty for everyone but push admins. */
    private transient Set<UUID> undoable = Set.of();
    private final transient Function<List<UUID>, Set<UUID>> undoableOf;

    /**
     * What the row buttons do. Cancel, Restart and Undo disable themselves on click; their action gets the way to
     * enable the button again (after backing out or a refusal).
     *
     * @param undoable which of a page's requests may be undone (one query per page), or null when the user may not
     *                 undo: no Undo button then
     */
    record Actions(Consumer<PushRequestSummary> report, BiConsumer<PushRequestSummary, Runnable> cancel,
                   BiConsumer<PushRequestSummary, Runnable> restart, BiConsumer<PushRequestSummary, Runnable> undo,
                   Function<List<UUID>, Set<UUID>> undoable) {
    }

    PushQueue(PushRequestService requests, ZoneId zone, Actions actions) {
        this.requests = requests;
        this.zone = zone;
        this.undoableOf = actions.undoable();
        setPadding(false);
        LocalDate today = LocalDate.now(zone);
        from.setId("queue-from");
        from.setValue(today.minusDays(WINDOW_DAYS));
        to.setId("queue-to");
        to.setValue(today.plusDays(WINDOW_DAYS));
        top.setId("queue-top");
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("queue-refresh");
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        top.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(refresh, top, from, to);
        filters.setId("queue-filters");
        filters.addClassName("cascade-queue-filters");
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("queue-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> TIME.format(r.scheduledAt().atZone(zone))).setKey("scheduled")
                .setHeader("Scheduled Time (" + zone.getId() + ")").setAutoWidth(true);
        grid.addColumn(PushQueue::pushed).setKey("catalog").setHeader("Catalog").setFlexGrow(2);
        grid.addColumn(PushRequestSummary::schoolYear).setKey("year").setHeader("School Year").setAutoWidth(true);
        grid.addComponentColumn(this::status).setKey("status").setHeader("Status").setFlexGrow(2);
        grid.addColumn(r -> r.mode().label()).setKey("mode").setHeader("Push Mode").setFlexGrow(2);
        grid.addColumn(r -> r.toSections() ? "True" : "False").setKey("sections").setHeader("Pushed To Sections")
                .setAutoWidth(true);
        grid.addColumn(PushRequestSummary::pushedData).setKey("data").setHeader("Pushed Data").setFlexGrow(2);
        grid.addColumn(PushRequestSummary::submitter).setKey("submitter").setHeader("Submitted By")
                .setAutoWidth(true);
        grid.addComponentColumn(r -> actions(r, actions)).setKey("download").setHeader("Download")
                .setAutoWidth(true);
        grid.setEmptyStateText(EMPTY);
        grid.setWidthFull();
        add(filters, grid, live);
        setFlexGrow(1, grid);
    }

    /** Reloads the rows from the database; safe to call from {@code ui.access}. */
    void refresh() {
        if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            to.setInvalid(true);
            to.setErrorMessage("Choose an end date on or after the start date");
            return;
        }
        to.setInvalid(false);
        Instant start = from.getValue().atStartOfDay(zone).toInstant();
        Instant end = to.getValue().plusDays(1).atStartOfDay(zone).toInstant();
        List<PushRequestSummary> rows = requests.queue(start, end, top.getValue() ? TOP : ALL);
        undoable = undoableOf == null ? Set.of()
                : undoableOf.apply(rows.stream().map(PushRequestSummary::id).toList());
        grid.setItems(rows);
        live.statuses(rows);
    }

    /** Widens the window so that {@code at} is shown (a request submitted for a later day). */
    void include(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        if (to.getValue() != null && day.isAfter(to.getValue())) {
            to.setValue(day);
        }
    }

    List<PushRequestSummary> rows() {
        return grid.getGenericDataView().getItems().toList();
    }

    /** Whether the row may be undone, as last refreshed (the report dialog offers Undo on it too). */
    boolean undoable(PushRequestSummary r) {
        return undoable.contains(r.id());
    }

    /** What was pushed: the catalog, the catalog and master (Push to Courses), or the Push All Courses tool. */
    static String pushed(PushRequestSummary r) {
        return switch (r.kind()) {
            case CATALOG -> r.catalog();
            case MASTER -> r.master() == null ? r.catalog() : r.catalog() + " / " + r.master();
            case COURSES -> COURSES;
            case UNDO -> "Undo of " + (r.catalog() == null ? COURSES : r.catalog());
        };
    }

    private Component status(PushRequestSummary r) {
        Div cell = new Div();
        cell.addClassName("cascade-status-cell");
        if (r.status() == PushStatus.RUNNING) {
            ProgressBar bar = new ProgressBar();
            if (r.coursesTotal() == null || r.coursesTotal() == 0) {
                bar.setIndeterminate(true);
            } else {
                bar.setMax(r.coursesTotal());
                bar.setValue(Math.min(r.coursesDone(), r.coursesTotal()));
            }
            String progress = "Running: " + r.coursesDone()
                    + (r.coursesTotal() == null ? "" : " of " + r.coursesTotal()) + " courses";
            // a progress bar must have an accessible name (WCAG 4.1.2): the words shown beside it
            bar.getElement().setAttribute("aria-label", progress);
            cell.add(bar, new Span(progress));
        } else {
            Span badge = new Span(r.status().label());
            badge.addClassNames("cascade-status", "cascade-status-" + r.status().name().toLowerCase());
            cell.add(badge);
        }
        // a request support cancelled carries support's words as its message too (in UTC): the line below says it
        boolean supportsWords = r.lastAction() != null && r.lastAction().describe().equals(r.message());
        if (r.message() != null && !r.message().isBlank() && !r.message().equalsIgnoreCase(r.status().label())
                && !supportsWords) {
            Span message = new Span(r.message());
            message.addClassName("cascade-status-message");
            cell.add(message);
        }
        if (r.lastAction() != null) {
            Span action = new Span(r.lastAction().describe(zone));
            action.addClassNames("cascade-status-message", "cascade-status-support-action");
            cell.add(action);
        }
        return cell;
    }

    private Component actions(PushRequestSummary r, Actions actions) {
        HorizontalLayout cell = new HorizontalLayout();
        cell.setSpacing(false);
        if (r.status() == PushStatus.COMPLETED || r.status() == PushStatus.COMPLETED_WITH_WARNINGS
                || r.status() == PushStatus.FAILED) {
            cell.add(small(new Button("Get the report", e -> actions.report().accept(r))));
        }
        if (r.status() == PushStatus.SCHEDULED || r.status() == PushStatus.QUEUED) {
            Button cancel = small(new Button("Cancel"));
            cancel.addClickListener(e -> actions.cancel().accept(r, () -> cancel.setEnabled(true)));
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            cell.add(cancel);
        }
        // an undo restarts as itself (decision 0024), a push as a new request
        if (r.status() == PushStatus.CANCELLED || r.status() == PushStatus.FAILED) {
            Button restart = small(new Button("Restart"));
            restart.addClickListener(e -> actions.restart().accept(r, () -> restart.setEnabled(true)));
            cell.add(restart);
        }
        if (undoable(r)) {
            Button undo = small(new Button("Undo", VaadinIcon.ARROW_BACKWARD.create()));
            // the visible word is shared by every row: the accessible name says which push it undoes
            undo.setAriaLabel("Undo the push of " + pushed(r) + " (" + r.schoolYear() + ")");
            undo.addClickListener(e -> actions.undo().accept(r, () -> undo.setEnabled(true)));
            cell.add(undo);
        }
        return cell;
    }

    private static Button small(Button button) {
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.setDisableOnClick(true);
        return button;
    }
}
