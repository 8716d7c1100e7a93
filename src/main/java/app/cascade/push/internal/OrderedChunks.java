package app.cascade.push.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs a push's chunks a few at a time while keeping the outcome of running them one after the other. Each chunk's
 * work runs on a worker thread and calls {@code awaitPrevious} before it makes anything visible (inserts its report
 * rows and commits): that call returns once every earlier chunk has finished and reported its progress, and throws
 * if one of them failed. So the chunks' reads and planning overlap, their commits and progress come in order, and a
 * failure (or a progress callback that throws) leaves exactly the chunks before it done; the ones after it see the
 * failure before they commit, or never start. Plain Java: the caller binds the tenant and opens the transactions.
 */
final class OrderedChunks {

    /** One chunk's work: its transaction, which must call {@code awaitPrevious} before it commits anything. */
    @FunctionalInterface
    interface Work<C> {
        void run(C chunk, Runnable awaitPrevious);
    }

    private final int workers;
    private final String threadPrefix;
    private final UnaryOperator<Supplier<Integer>> inWorker;

    /**
     * @param workers      chunks run at once (1: one after the other, on the caller's thread)
     * @param threadPrefix names the worker threads ({@code prefix1}, {@code prefix2}…)
     * @param inWorker     wraps each chunk's run on a worker thread (binds the tenant, the log context)
     */
    OrderedChunks(int workers, String threadPrefix, UnaryOperator<Supplier<Integer>> inWorker) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        this.workers = workers;
        this.threadPrefix = threadPrefix;
        this.inWorker = inWorker;
    }

    /**
     * Runs every chunk; returns {@code done} plus the sizes of all chunks. Calls {@code progress} with the running
     * total after each chunk, in chunk order. Rethrows the first failure (in chunk order of detection) once every
     * worker has stopped.
     */
    <C extends List<?>> int run(List<C> chunks, int done, Work<C> work, IntConsumer progress) {
        if (workers == 1 || chunks.size() < 2) {
            for (C chunk : chunks) {
                work.run(chunk, () -> {
                });
                done += chunk.size();
                progress.accept(done);
            }
            return done;
        }
        AtomicBoolean failed = new AtomicBoolean();
        CompletableFuture<Integer> previous = CompletableFuture.completedFuture(done);
        // closing the pool waits for every worker: no chunk transaction outlives this call
        try (ExecutorService threads = Executors.newFixedThreadPool(Math.min(workers, chunks.size()),
                Thread.ofPlatform().name(threadPrefix, 1).factory())) {
            for (C chunk : chunks) {
                CompletableFuture<Integer> before = previous;
                previous = CompletableFuture.supplyAsync(inWorker.apply(() -> {
                    if (failed.get()) {
                        return before.join(); // a chunk failed: this one starts nothing and passes the failure on
                    }
                    try {
                        work.run(chunk, before::join);
                        int now = before.join() + chunk.size();
                        progress.accept(now);
                        return now;
                    } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                }), threads);
            }
            return previous.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
