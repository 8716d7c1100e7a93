package app.cascade.catalog;

/** An edit that cannot be applied for another reason than a lock: a bad value, a key clash, dependents. */
public class SetupEditException extends RuntimeException {

    public SetupEditException(String message) {
        super(message);
    }
}
