package app.cascade.push.internal;

import java.util.List;

/**
 * What a request's chunks do between the executor's lifecycle steps, chosen once per request by its kind: a push
 * plans from masters or courses through its memos ({@link PushChunkSteps}), an undo puts courses back
 * ({@link UndoChunkSteps}). Either way a chunk ends in {@link ChunkApplier} and its report in
 * {@link ChunkReportWriter}, written by the executor.
 */
interface ChunkSteps {

    /** Once, in the transaction that marks the request running: what the request needs before its chunks. */
    void start(PushRun run);

    /** One chunk, in its transaction: its courses planned, applied and remembered; what it reports. */
    ChunkReport run(PushRun run, List<Long> courseIds);
}
