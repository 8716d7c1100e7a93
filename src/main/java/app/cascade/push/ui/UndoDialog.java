package app.cascade.push.ui;

import app.cascade.catalog.Plural;
import app.cascade.push.PushBusyException;
import app.cascade.push.PushNotFoundException;
import app.cascade.push.PushStateException;
import app.cascade.push.UndoPreview;
import app.cascade.push.engine.PlanCounts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.List;

/**
 * Asks before an undo (issue 18) with its dry run: the courses it will put back, with what it re-creates, restores
 * or deletes in each, and apart the courses it will leave as they are, each with its reason. Cancel is focused first,
 * as in the other confirmations; "Undo push" disables itself on click. A refusal shows in the dialog, and "Undo push"
 * stays disabled then: a push refused once (undone already, changes purged) stays refused.
 */
class UndoDialog extends Dialog {

    static final String NONE = "None.";

    final Button confirm = new Button("Undo push");
    final Button cancel = new Button("Cancel", e -> close());
    final Paragraph error = new Paragraph();

    /**
     * @param what   the push as the queue names it, e.g. "High School Catalog (26-27)"
     * @param undo   stores the undo
     * @param undone called once it is stored, after the dialog closed
     */
    UndoDialog(String what, UndoPreview preview, Runnable undo, Runnable undone) {
        setId("undo-dialog");
        setHeaderTitle("Undo the push of " + what + "?");
        setWidth("min(95vw, 50em)");
        setMaxHeight("90vh");
        Paragraph summary = new Paragraph(summary(preview));
        summary.setId("undo-summary");
        error.setId("undo-error");
        error.getElement().setAttribute("role", "alert");
        error.addClassName("cascade-status-message");
        error.setVisible(false);
        // a long preview scrolls the dialog: the region takes the keyboard's focus, so arrow keys scroll it too
        Div region = new Div(summary, error,
                new H4("Courses it will put back"), restores(preview.restores()),
                new H4("Courses it will leave as they are"), untouched(preview.untouched()));
        region.setId("undo-preview");
        region.getElement().setAttribute("role", "region");
        region.getElement().setAttribute("aria-label", "The undo's preview");
        region.getElement().setAttribute("tabindex", "0");
        add(region);

        cancel.setId("undo-cancel");
        cancel.setAutofocus(true);
        confirm.setId("undo-confirm");
        confirm.setAriaLabel("Undo the push of " + what);
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> confirmed(undo, undone));
        getFooter().add(cancel, confirm);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                cancel.focus();
            }
        });
    }

    private void confirmed(Runnable undo, Runnable undone) {
        try {
            undo.run();
        } catch (PushBusyException e) { // the catalog is being pushed: a later click may pass
            refused(e.getMessage());
            confirm.setEnabled(true);
            return;
        } catch (PushStateException | PushNotFoundException e) {
            refused(e.getMessage());
            return;
        }
        close();
        undone.run();
    }

    private void refused(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    /** "Nothing has been changed yet. The undo will put back 2 courses: …; it will leave 1 course as it is." */
    static String summary(UndoPreview preview) {
        PlanCounts t = preview.restores().stream().map(UndoPreview.Restore::counts)
                .reduce(PlanCounts.ZERO, PlanCounts::plus);
        int left = preview.untouched().size();
        return "Nothing has been changed yet. The undo will put back " + courses(preview.restores().size())
                + (preview.restores().isEmpty() ? "" : " (" + what(t, "re-create", "restore", "delete") + ")")
                + (left == 0 ? "" : "; it will leave " + courses(left) + (left == 1 ? " as it is" : " as they are"))
                + ". Grades, scores and assignments are never changed.";
    }

    /** The counts that are not zero, in words: "re-creates 2 items, restores 1 item"; "nothing" when all are. */
    static String what(PlanCounts c, String create, String update, String delete) {
        List<String> parts = new java.util.ArrayList<>();
        if (c.created() > 0) {
            parts.add(create + " " + Plural.of(c.created(), "item"));
        }
        if (c.updated() > 0) {
            parts.add(update + " " + Plural.of(c.updated(), "item"));
        }
        if (c.deleted() > 0) {
            parts.add(delete + " " + Plural.of(c.deleted(), "item"));
        }
        if (c.courseInfoFields() > 0) {
            parts.add(update + " " + Plural.of(c.courseInfoFields(), "Course Info field"));
        }
        return parts.isEmpty() ? "nothing to change" : String.join(", ", parts);
    }

    private static String courses(int n) {
        return n + (n == 1 ? " course" : " courses");
    }

    private static Component restores(List<UndoPreview.Restore> restores) {
        UnorderedList list = list("undo-restores");
        for (UndoPreview.Restore r : restores) {
            PlanCounts c = r.counts();
            UnorderedList changes = new UnorderedList();
            r.changes().forEach(ch -> changes.add(wrapping(new ListItem(ch.action() + ": " + ch.dataType() + " "
                    + ch.item() + (ch.section() == null || ch.section().isBlank() ? "" : " (" + ch.section() + ")")))));
            list.add(wrapping(new ListItem(new Span(course(r.school(), r.courseNumber(), r.courseName())
                    + ": " + what(c, "re-creates", "restores", "deletes")), changes)));
        }
        return restores.isEmpty() ? none("undo-restores") : list;
    }

    private static Component untouched(List<UndoPreview.Untouched> untouched) {
        UnorderedList list = list("undo-untouched");
        untouched.forEach(u -> list.add(wrapping(new ListItem(course(u.school(), u.courseNumber(), u.courseName())
                + ": " + u.reason().label()))));
        return untouched.isEmpty() ? none("undo-untouched") : list;
    }

    private static String course(String school, String number, String name) {
        return number + " " + name + " (" + school + ")";
    }

    private static UnorderedList list(String id) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        return list;
    }

    private static Paragraph none(String id) {
        Paragraph none = new Paragraph(NONE);
        none.setId(id);
        return none;
    }

    /** Long names wrap anywhere, so a 390 px phone never scrolls sideways. */
    private static ListItem wrapping(ListItem item) {
        item.getStyle().set("overflow-wrap", "anywhere");
        return item;
    }
}
