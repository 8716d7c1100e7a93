package app.cascade.push;

/**
 * A Spring application event: a push request reached a final status (completed, with warnings, failed, or cancelled).
 * Published by the push job and the job reconciler after the request's final status committed, so that other
 * features (the submitter's notification) react to a push without the push calling them and without reading push's
 * tables.
 *
 * @param request        the request as it ended
 * @param submitterEmail where the submitter gets mail about it; null when the submitter has no address
 */
public record PushEnded(String tenantId, PushRequestSummary request, String submitterEmail) {
}
