package app.cascade.support.ui;

import app.cascade.push.PushNotFoundException;
import app.cascade.push.PushRequestAction;
import app.cascade.push.PushStateException;
import app.cascade.push.PushValidationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

import java.util.function.Function;

/**
 * Asks support why it acts on a push request (the district reads the reason on the request), then acts. The action
 * returns what to tell support on success; a refusal (state, validation, not found) stays in the dialog.
 */
class ReasonDialog extends Dialog {

    final TextArea reason = new TextArea("Reason (the district reads it on the request)");
    final Button confirm;
    final Span error = new Span();

    ReasonDialog(String title, String explanation, String confirmLabel, Function<String, String> action,
                 Runnable afterwards) {
        setId("support-reason-dialog");
        setHeaderTitle(title);
        setWidth("36em");
        reason.setId("support-reason");
        reason.setWidthFull();
        reason.setRequired(true);
        reason.setMaxLength(PushRequestAction.MAX_REASON);
        reason.setHelperText("Plain text, up to " + PushRequestAction.MAX_REASON + " characters");
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        error.setId("support-error");
        error.addClassName("cascade-status-message");
        confirm = new Button(confirmLabel, e -> act(action, afterwards));
        confirm.setId("support-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        reason.addValueChangeListener(e -> confirm.setEnabled(!e.getValue().isBlank()));
        Button close = new Button("Close", e -> close());
        close.setId("support-dismiss");
        add(new Paragraph(explanation), reason, error);
        getFooter().add(close, confirm);
    }

    private void act(Function<String, String> action, Runnable afterwards) {
        try {
            String done = action.apply(reason.getValue());
            close();
            Notification.show(done, 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (PushValidationException e) {
            if ("reason".equals(e.field())) {
                reason.setInvalid(true);
                reason.setErrorMessage(e.getMessage());
            } else {
                error.setText(e.getMessage());
            }
        } catch (PushStateException | PushNotFoundException e) {
            error.setText(e.getMessage());
        } finally {
            afterwards.run();
        }
    }
}
