package app.cascade.push.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * The push tool's confirmations. Each names the risky action on its red button and opens with the safe button
 * (Cancel) focused, so Enter or a hasty click never overwrites or cancels anything by accident.
 */
final class Confirmations {

    static final String OVERWRITE_TITLE = "Overwrite existing course and section level data?";

    private Confirmations() {
    }

    /** Asks before an Overwrite (a new one, or a restarted one); {@code cancelled} runs when the user backs out. */
    static ConfirmDialog overwrite(String text, Runnable confirmed, Runnable cancelled) {
        return open("overwrite-confirm", OVERWRITE_TITLE, text, "Overwrite", "Cancel", confirmed, cancelled);
    }

    /**
     * A confirmation whose red button {@code confirmText} runs {@code confirmed}; the focused button
     * {@code cancelText}, Escape and closing run {@code cancelled}.
     */
    static ConfirmDialog open(String id, String header, String text, String confirmText, String cancelText,
                              Runnable confirmed, Runnable cancelled) {
        ConfirmDialog confirm = new ConfirmDialog(header, text, confirmText, e -> confirmed.run());
        confirm.setId(id);
        confirm.setCancelable(true);
        confirm.setCancelText(cancelText);
        confirm.addCancelListener(e -> cancelled.run());
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
        focusSafeButton(confirm);
        return confirm;
    }

    /**
     * The web component focuses its confirm button once its overlay has opened; this moves the focus on to the
     * cancel button when that happens (or at once, if it has already happened). The move waits for the focus event
     * to finish, so that the confirm button also sees its blur and drops its focus ring.
     */
    private static void focusSafeButton(ConfirmDialog confirm) {
        confirm.getElement().executeJs("""
                const dialog = this;
                const toCancel = () => setTimeout(() => dialog._cancelButton && dialog._cancelButton.focus());
                const confirmButton = dialog._confirmButton;
                if (!confirmButton) {
                  return;
                }
                if (confirmButton.matches(':focus')) {
                  toCancel();
                  return;
                }
                confirmButton.addEventListener('focus', function once() {
                  confirmButton.removeEventListener('focus', once);
                  toCancel();
                });
                """);
    }
}
