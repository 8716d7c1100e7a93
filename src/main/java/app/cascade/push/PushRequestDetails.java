package app.cascade.push;

/**
 * A push request as the API reads it: its row of the batch queue list, its results, and whether its report has rows.
 *
 * @param hasReportRows whether the report has a row yet (a finished request's report may have none)
 * @param undoable      whether the request may be undone now (PushUndoService#undo)
 */
public record PushRequestDetails(PushRequestSummary request, PushResults results, boolean hasReportRows,
                                 boolean undoable) {
}
