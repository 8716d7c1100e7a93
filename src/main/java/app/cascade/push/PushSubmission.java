package app.cascade.push;

import java.util.UUID;

/**
 * The request a submission stored, or, for a retry with an Idempotency-Key already used for the same push, the
 * request the first submission stored.
 *
 * @param replayed true when nothing was stored now: {@code id} is the first submission's request
 */
public record PushSubmission(UUID id, boolean replayed) {
}
