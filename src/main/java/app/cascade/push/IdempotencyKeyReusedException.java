package app.cascade.push;

/** An Idempotency-Key that the district already used, within the keys' 24 hours, for a different push. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("Idempotency-Key: this key was already used for a different push request; send a new key for a new"
                + " request, or the same body to get the first request back");
    }
}
