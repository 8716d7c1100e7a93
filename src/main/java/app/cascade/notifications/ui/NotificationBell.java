package app.cascade.notifications.ui;

import app.cascade.notifications.NotificationService;
import app.cascade.notifications.NotificationView;
import app.cascade.push.PushEvent;
import app.cascade.push.PushEvents;
import app.cascade.push.ui.LivePushEvents;
import app.cascade.security.CurrentUser;
import app.cascade.security.CurrentUserService;
import app.cascade.security.Roles;
import app.cascade.tenancy.CurrentTenant;
import app.cascade.tenancy.Tenant;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.springframework.context.annotation.Scope;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The header's bell: the signed-in user's unread notifications as a count, the list in a dialog (opening it marks
 * them read; a push admin's titles link to the request's report), and a toast at once when a push or undo of theirs
 * ends, on whatever node it ran.
 */
@SpringComponent
@Scope("prototype")
public class NotificationBell extends Composite<Div> {

    static final String PUSH_ROUTE = "push-all-course-masters";
    static final String EMPTY = "No notifications yet. You are notified here when a push you started ends.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm a", Locale.US);

    private final transient NotificationService notifications;
    private final transient PushEvents events;
    private final CurrentUser user;
    private final ZoneId zone;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span count = new Span();
    private final LivePushEvents live = new LivePushEvents();

    NotificationBell(NotificationService notifications, PushEvents events, CurrentUserService users,
                     CurrentTenant tenant) {
        this.zone = tenant.tenant().map(Tenant::timeZone).orElse(ZoneOffset.UTC);
        this.notifications = notifications;
        this.events = events;
        this.user = users.current().orElseThrow();
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.setAriaLabel("Notifications");
        bell.addClickListener(e -> open());
        count.setId("notification-count");
        count.addClassName("cascade-bell-count");
        getContent().addClassName("cascade-bell");
        getContent().add(bell, count);
        refreshCount();
    }

    /** The unread count shown on the bell (an empty badge is hidden by CSS). */
    public int unread() {
        return count.getText().isEmpty() ? 0 : Integer.parseInt(count.getText());
    }

    private void refreshCount() {
        int n = notifications.unreadCount();
        count.setText(n == 0 ? "" : Integer.toString(n));
        bell.setTooltipText(n == 0 ? "No unread notifications" : n + " unread notification" + (n == 1 ? "" : "s"));
    }

    private void open() {
        List<NotificationView> mine = notifications.mine(20);
        Dialog dialog = new Dialog();
        dialog.setId("notification-dialog");
        dialog.setHeaderTitle("Notifications");
        dialog.setWidth("min(90vw, 32em)");
        Div list = new Div();
        list.addClassName("cascade-notification-list");
        if (mine.isEmpty()) {
            Paragraph empty = new Paragraph(EMPTY);
            empty.addClassName("cascade-empty");
            list.add(empty);
        }
        boolean pushAdmin = user.hasRole(Roles.PUSH_ADMIN);
        for (NotificationView n : mine) {
            Div item = new Div(title(n, pushAdmin, dialog), new Paragraph(n.body()),
                    new Span(TIME.format(n.createdAt().atZone(zone))));
            item.addClassName("cascade-notification");
            item.getStyle().set("overflow-wrap", "anywhere"); // a long title wraps on a 390 px phone
            if (!n.read()) {
                item.addClassName("cascade-notification-unread");
            }
            list.add(item);
        }
        dialog.add(list);
        if (pushAdmin) {
            Button toPush = new Button("Open Push All Course Masters", e -> {
                dialog.close();
                UI.getCurrent().navigate(PUSH_ROUTE);
            });
            toPush.setId("notification-open-push");
            dialog.getFooter().add(toPush);
        }
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
        notifications.markAllRead();
        refreshCount();
    }

    /**
     * The notification's title; for a push admin, a link to its request's report (the Batch Queue List opens it), which
     * closes the dialog. A viewer cannot open the push tools, so reads it as text.
     */
    private static Span title(NotificationView n, boolean pushAdmin, Dialog dialog) {
        if (!pushAdmin || n.requestId() == null) {
            return new Span(n.title());
        }
        Anchor report = new Anchor(n.reportPath(), n.title());
        report.getElement().setAttribute("router-link", true);
        report.getElement().addEventListener("click", e -> dialog.close());
        report.addClassName("cascade-notification-report");
        return new Span(report);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        String district = user.activeDistrict().orElse(null);
        live.start(events, attachEvent.getUI(),
                event -> PushEvent.NOTIFICATION.equals(event.kind()) && event.tenantId().equals(district)
                        && user.username().equals(event.username()),
                this::arrived);
    }

    private void arrived() {
        refreshCount();
        NotificationView latest = notifications.mine(1).stream().findFirst().orElse(null);
        String title = latest == null ? "A push has ended" : latest.title();
        // at the bottom: at the top it covered the header's bell, name and Sign out (seen in the journeys' screenshots)
        Notification toast = Notification.show(title, 6000, Notification.Position.BOTTOM_END);
        boolean warn = latest != null && ("FAILED".equals(latest.status())
                || "COMPLETED_WITH_WARNINGS".equals(latest.status()));
        toast.addThemeVariants(warn ? NotificationVariant.LUMO_WARNING : NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        live.stop();
        super.onDetach(detachEvent);
    }
}
