package app.cascade.catalog;

/** An edit refused because the item is locked by its course master's catalog (push-rules §1 "Editing"). */
public class SetupLockedException extends RuntimeException {

    public SetupLockedException(String message) {
        super(message);
    }
}
