package app.cascade.push;

/**
 * A Spring application event: a push request reached a final status (completed, with warnings, or failed). Published
 * by the push job and the job reconciler after the request's final status committed, so that other features (the
 * submitter's notification) react without the push calling up into them.
 *
 * @param request the request as it ended
 */
public record PushRequestEnded(String tenantId, PushRequestSummary request) {
}
