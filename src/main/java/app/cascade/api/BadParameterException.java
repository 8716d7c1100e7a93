package app.cascade.api;

/**
 * A query or path parameter, or a header, with a value the endpoint cannot use: answered 400 problem JSON whose
 * {@code field} names it (the catch-all advice of package {@code api}). The message starts with the parameter's name.
 */
public class BadParameterException extends RuntimeException {

    private final String field;

    public BadParameterException(String field, String message) {
        super(message.startsWith(field) ? message : field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
