package app.cascade.push;

/** An action the request's current status does not allow (e.g. cancelling a running push). */
public class PushStateException extends RuntimeException {

    public PushStateException(String message) {
        super(message);
    }
}
