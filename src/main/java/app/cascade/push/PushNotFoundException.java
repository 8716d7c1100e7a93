package app.cascade.push;

import java.util.UUID;

/** A push request that does not exist in the current district — including another district's. */
public class PushNotFoundException extends RuntimeException {

    public PushNotFoundException(UUID id) {
        super("No push request " + id);
    }
}
