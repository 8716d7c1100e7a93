package app.cascade.catalog.ui;

import app.cascade.catalog.SetupEditException;
import app.cascade.catalog.SetupLockedException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The scaffolding of the catalog editing dialogs: a body that ends with a hidden error line, and a footer with Cancel
 * and a primary button that runs the save. A service refusal ({@link SetupEditException} or {@link
 * SetupLockedException}) shows on the error line and keeps the dialog open, with the values as typed; success closes
 * it.
 */
abstract class EditDialog extends Dialog {

    /** The save of the primary button; throws a refusal to keep the dialog open with a message. */
    interface Action {
        void run();
    }

    final Button cancelButton = new Button("Cancel", e -> close());
    private final Span error = new Span();

    /** @param errorId the id of the error line */
    EditDialog(String id, String headerTitle, String width, String errorId) {
        setId(id);
        setHeaderTitle(headerTitle);
        setWidth(width);
        error.setId(errorId);
        error.addClassName("cascade-error");
        error.setVisible(false);
    }

    /** Adds the body: these components, then the error line. */
    void addBody(Component... components) {
        VerticalLayout body = new VerticalLayout(components);
        body.add(error);
        body.setPadding(false);
        add(body);
    }

    /**
     * Adds the footer: Cancel, then the primary button, which runs {@code save} and closes the dialog, or shows the
     * refusal and leaves it open.
     */
    Button addFooter(String saveText, String saveId, Action save) {
        Button ok = new Button(saveText, e -> {
            try {
                save.run();
                close();
            } catch (SetupEditException | SetupLockedException refused) {
                showRefusal(refused);
            }
        });
        ok.setId(saveId);
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancelButton, ok);
        return ok;
    }

    /** Shows a service refusal on the error line; a dialog may also mark the field it is about. */
    void showRefusal(RuntimeException refused) {
        error.setText(refused.getMessage());
        error.setVisible(true);
    }
}
