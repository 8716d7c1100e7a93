package app.cascade.push.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * How many push chunk transactions run at once on this node, every push of every district together (decision 0028).
 * While the node serves people ({@link ServedRequests}: a request of the UI or the API within
 * {@code cascade.push.while-serving.window}), at most {@code cascade.push.while-serving.chunks} run at once (0, the
 * default: one fewer than the cores, at least one), so pushes leave a core to the districts they share the node with;
 * while nobody is served, each push runs its {@code cascade.push.workers} chunks at once. A place given back while
 * people are served rests for {@code cascade.push.while-serving.rest} times as long as it was held before it is taken
 * again (0.5: a place works at most two thirds of the time), so the cores the people use are not taken back at once.
 * <p>
 * A chunk takes a place before it opens its transaction and gives it back before it waits for the chunk before it
 * (so a push's own chunks never wait on each other here) or when it ends. Places go in the order they were asked
 * for. The budget is a preference, never a wait without end: a chunk that waited {@link #maxWait} runs anyway (logged),
 * so two pushes that also wait for each other in PostgreSQL cannot stall.
 */
@Component
class ChunkBudget implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(ChunkBudget.class);
    /** How often a waiting chunk looks again whether the node still serves people. */
    private static final long RECHECK_MILLIS = 100;

    private final BooleanSupplier serving;
    private final int whileServing;
    private final Duration maxWait;
    private final double rest;
    private final Deque<Object> waiting = new ArrayDeque<>();
    /** When each resting place may be taken again ({@link System#nanoTime()}), earliest first. */
    private final PriorityQueue<Long> resting = new PriorityQueue<>();
    private int running;

    @Autowired
    ChunkBudget(ServedRequests served, @Value("${cascade.push.while-serving.chunks:0}") int chunks,
                @Value("${cascade.push.while-serving.window:10s}") Duration window,
                @Value("${cascade.push.while-serving.rest:0.5}") double rest) {
        this(() -> served.within(window), chunks, rest, Duration.ofSeconds(30));
    }

    /**
     * @param serving      whether the node serves people now
     * @param whileServing chunks at once while it does (0: one fewer than the cores, at least one)
     * @param rest         how long a place given back while people are served rests, as a share of the time it was
     *                     held (0: not at all)
     * @param maxWait      the longest a chunk waits for a place before it runs anyway
     */
    ChunkBudget(BooleanSupplier serving, int whileServing, double rest, Duration maxWait) {
        if (whileServing < 0) {
            throw new IllegalArgumentException("cascade.push.while-serving.chunks must be 0 (one fewer than the cores)"
                    + " or more, was " + whileServing);
        }
        if (!(rest >= 0 && rest <= 10)) {
            throw new IllegalArgumentException("cascade.push.while-serving.rest must be between 0 and 10, was " + rest);
        }
        this.serving = serving;
        this.whileServing = whileServing > 0 ? whileServing
                : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        this.rest = rest;
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
                while (waiting.peekFirst() != ticket || !placeFree()) {
                    long now = System.nanoTime();
                    long left = deadline - now;
                    if (left <= 0) {
                        log.warn("A push chunk waited {} for a place among the {} running; it runs anyway", maxWait,
                                running);
                        break;
                    }
                    Long rested = resting.peek();
                    long sleep = Math.min(left, rested == null ? Long.MAX_VALUE : rested - now);
                    wait(Math.max(1, Math.min(RECHECK_MILLIS, TimeUnit.NANOSECONDS.toMillis(sleep))));
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
        return new Place(System.nanoTime());
    }

    synchronized int running() {
        return running;
    }

    /**
     * {@code cascade.push.chunks.running} and {@code cascade.push.chunks.waiting} on this node, and
     * {@code cascade.push.serving}: 1 while the node counts itself as serving people (so its pushes yield), else 0.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("cascade.push.chunks.running", this, ChunkBudget::running)
                .description("Push chunk transactions running on this node, all pushes together").register(registry);
        Gauge.builder("cascade.push.chunks.waiting", this, ChunkBudget::waiting)
                .description("Push chunks waiting for a place in this node's chunk budget").register(registry);
        Gauge.builder("cascade.push.serving", serving, s -> s.getAsBoolean() ? 1 : 0)
                .description("1 while this node serves people (a UI or API request within the window), so pushes"
                        + " yield to them; 0 otherwise").register(registry);
    }

    synchronized int waiting() {
        return waiting.size();
    }

    /** Whether a place is free now: while people are served, the resting places count as taken. */
    private boolean placeFree() {
        if (!serving.getAsBoolean()) {
            return true;
        }
        long now = System.nanoTime();
        while (!resting.isEmpty() && resting.peek() - now <= 0) {
            resting.poll();
        }
        return running + resting.size() < whileServing;
    }

    private synchronized void giveBack(long takenAt) {
        running--;
        long now = System.nanoTime();
        if (rest > 0 && serving.getAsBoolean()) {
            resting.add(now + (long) ((now - takenAt) * rest));
        }
        notifyAll();
    }

    /** A chunk's place; giving it back twice is giving it back once. */
    final class Place implements AutoCloseable {
        private final long takenAt;
        private final AtomicBoolean given = new AtomicBoolean();

        private Place(long takenAt) {
            this.takenAt = takenAt;
        }

        @Override
        public void close() {
            if (given.compareAndSet(false, true)) {
                giveBack(takenAt);
            }
        }
    }
}
