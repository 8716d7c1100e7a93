package app.cascade.push.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * How many push chunk transactions run at once on this node, every push of every district together (decision 0028).
 * While the node serves people ({@link ServedRequests}: a request of the UI or the API within
 * {@code cascade.push.while-serving.window}), at most {@code cascade.push.while-serving.chunks} run at once (0, the
 * default: one fewer than the cores, at least one), so pushes leave a core to the districts they share the node with;
 * while nobody is served, each push runs its {@code cascade.push.workers} chunks at once.
 * <p>
 * A chunk takes a place before it opens its transaction and gives it back before it waits for the chunk before it
 * (so a push's own chunks never wait on each other here) or when it ends. Places go in the order they were asked
 * for. The budget is a preference, never a wait without end: a chunk that waited {@link #maxWait} runs anyway (logged),
 * so two pushes that also wait for each other in PostgreSQL cannot stall.
 */
@Component
class ChunkBudget {

    private static final Logger log = LoggerFactory.getLogger(ChunkBudget.class);
    /** How often a waiting chunk looks again whether the node still serves people. */
    private static final long RECHECK_MILLIS = 100;

    private final BooleanSupplier serving;
    private final int whileServing;
    private final Duration maxWait;
    private final Deque<Object> waiting = new ArrayDeque<>();
    private int running;

    @Autowired
    ChunkBudget(ServedRequests served, @Value("${cascade.push.while-serving.chunks:0}") int chunks,
                @Value("${cascade.push.while-serving.window:10s}") Duration window) {
        this(() -> served.within(window), chunks, Duration.ofSeconds(30));
    }

    /**
     * @param serving      whether the node serves people now
     * @param whileServing chunks at once while it does (0: one fewer than the cores, at least one)
     * @param maxWait      the longest a chunk waits for a place before it runs anyway
     */
    ChunkBudget(BooleanSupplier serving, int whileServing, Duration maxWait) {
        if (whileServing < 0) {
            throw new IllegalArgumentException("cascade.push.while-serving.chunks must be 0 (one fewer than the cores)"
                    + " or more, was " + whileServing);
        }
        this.serving = serving;
        this.whileServing = whileServing > 0 ? whileServing
                : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        this.maxWait = maxWait;
    }

    int whileServing() {
        return whileServing;
    }

    /**
     * Waits for a place (in the order asked) and takes it.
     *
     * @throws OrderedChunks.Interrupted when the thread is interrupted while it waits (its flag kept): the chunk does
     *                                   not start
     */
    Place take() {
        Object ticket = new Object();
        long deadline = System.nanoTime() + maxWait.toNanos();
        synchronized (this) {
            waiting.addLast(ticket);
            try {
                while (waiting.peekFirst() != ticket || running >= limit()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        log.warn("A push chunk waited {} for a place among the {} running; it runs anyway", maxWait,
                                running);
                        break;
                    }
                    wait(Math.max(1, Math.min(RECHECK_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OrderedChunks.Interrupted();
            } finally {
                waiting.remove(ticket);
                notifyAll();
            }
            running++;
        }
        return new Place();
    }

    synchronized int running() {
        return running;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    private int limit() {
        return serving.getAsBoolean() ? whileServing : Integer.MAX_VALUE;
    }

    private synchronized void giveBack() {
        running--;
        notifyAll();
    }

    /** A chunk's place; giving it back twice is giving it back once. */
    final class Place implements AutoCloseable {
        private final AtomicBoolean given = new AtomicBoolean();

        @Override
        public void close() {
            if (given.compareAndSet(false, true)) {
                giveBack();
            }
        }
    }
}
