package app.cascade.push.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
     * total after each chunk, in chunk order. Once every worker has stopped, rethrows the failure of the earliest
     * failing chunk, or {@link Interrupted} when the caller was interrupted (its interrupt flag kept): the chunks
     * under way then finish and commit in order, and no other starts.
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
        // the index of the first chunk seen failing: the chunks after it start nothing (the ones before it go on)
        AtomicInteger failedAt = new AtomicInteger(Integer.MAX_VALUE);
        AtomicBoolean stopping = new AtomicBoolean();
        CompletableFuture<Integer> previous = CompletableFuture.completedFuture(done);
        Integer total = null;
        RuntimeException failure = null;
        // closing the pool waits for every worker: no chunk transaction outlives this call
        try (ExecutorService threads = Executors.newFixedThreadPool(Math.min(workers, chunks.size()),
                Thread.ofPlatform().name(threadPrefix, 1).factory())) {
            for (int i = 0; i < chunks.size(); i++) {
                int index = i;
                C chunk = chunks.get(i);
                CompletableFuture<Integer> before = previous;
                previous = CompletableFuture.supplyAsync(inWorker.apply(() -> {
                    if (index > failedAt.get()) {
                        return before.join(); // an earlier chunk failed: rethrows its failure, starts nothing
                    }
                    try {
                        if (stopping.get()) {
                            throw new Interrupted();
                        }
                        work.run(chunk, before::join);
                        int now = before.join() + chunk.size();
                        progress.accept(now);
                        return now;
                    } catch (RuntimeException e) {
                        failedAt.accumulateAndGet(index, Math::min);
                        throw e;
                    }
                }), threads);
            }
            try {
                total = previous.get();
            } catch (InterruptedException e) {
                // the caller is stopping (e.g. the job server shuts down): the chunks under way finish and commit in
                // order, the others do not start; the pool's close waits for them, then the interrupt is restored
                stopping.set(true);
                failure = new Interrupted();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
                failure = cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            }
        }
        if (failure instanceof Interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return total;
    }

    /** The caller was interrupted: the chunks not started are left for the next attempt. */
    static final class Interrupted extends IllegalStateException {
        Interrupted() {
            super("The push was interrupted; the courses not yet committed resume with its next attempt");
        }
    }
}
