package app.cascade.push;

/** A push request that cannot be accepted: the message says which field and why. */
public class PushValidationException extends RuntimeException {

    private final String field;

    public PushValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
