package app.cascade.push.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The node's chunk budget: all places while nobody is served, a few while people are, in the order asked. */
class ChunkBudgetTest {

    private final AtomicBoolean serving = new AtomicBoolean(true);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopWaiters() {
        threads.shutdownNow();
    }

    private ChunkBudget budget(int whileServing) {
        return new ChunkBudget(serving::get, whileServing, 0, Duration.ofMinutes(1));
    }

    private CompletableFuture<ChunkBudget.Place> asks(ChunkBudget budget) {
        return CompletableFuture.supplyAsync(budget::take, threads);
    }

    /** Waits until {@code count} chunks wait, then checks none of {@code places} got one meanwhile. */
    private static void waitingFor(ChunkBudget budget, int count, CompletableFuture<?>... places) {
        await().atMost(Duration.ofSeconds(10)).until(() -> budget.waiting() == count);
        for (CompletableFuture<?> place : places) {
            assertThat(place).as("still waiting").isNotDone();
        }
    }

    @Test
    void while_nobody_is_served_every_chunk_takes_a_place_at_once() {
        serving.set(false);
        ChunkBudget budget = budget(1);

        budget.take();
        budget.take();
        budget.take();

        assertThat(budget.running()).isEqualTo(3);
    }

    @Test
    void while_people_are_served_a_second_chunk_waits_until_the_first_gives_its_place_back() {
        ChunkBudget budget = budget(1);
        ChunkBudget.Place first = budget.take();
        CompletableFuture<ChunkBudget.Place> second = asks(budget);
        waitingFor(budget, 1, second);

        first.close();

        await().atMost(Duration.ofSeconds(10)).until(second::isDone);
        assertThat(budget.running()).isEqualTo(1);
        assertThat(budget.waiting()).isZero();
    }

    @Test
    void places_go_in_the_order_they_were_asked_for() {
        ChunkBudget budget = budget(1);
        ChunkBudget.Place first = budget.take();
        CompletableFuture<ChunkBudget.Place> second = asks(budget);
        waitingFor(budget, 1, second);
        CompletableFuture<ChunkBudget.Place> third = asks(budget);
        waitingFor(budget, 2, second, third);

        first.close();

        await().atMost(Duration.ofSeconds(10)).until(second::isDone);
        waitingFor(budget, 1, third);
        second.join().close();
        await().atMost(Duration.ofSeconds(10)).until(third::isDone);
    }

    @Test
    void a_waiting_chunk_runs_once_nobody_is_served_any_more() {
        ChunkBudget budget = budget(1);
        budget.take();
        CompletableFuture<ChunkBudget.Place> second = asks(budget);
        waitingFor(budget, 1, second);

        serving.set(false);

        await().atMost(Duration.ofSeconds(10)).until(second::isDone);
        assertThat(budget.running()).isEqualTo(2);
    }

    @Test
    void two_places_while_serving_let_two_chunks_run() {
        ChunkBudget budget = budget(2);
        budget.take();
        budget.take();
        CompletableFuture<ChunkBudget.Place> third = asks(budget);

        waitingFor(budget, 1, third);
    }

    @Test
    void a_chunk_that_waited_the_longest_wait_runs_anyway() {
        ChunkBudget budget = new ChunkBudget(serving::get, 1, 0, Duration.ofMillis(200));
        budget.take();
        long t0 = System.nanoTime();

        budget.take();

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(budget.running()).isEqualTo(2);
    }

    @Test
    void a_place_given_back_while_people_are_served_rests_as_long_as_it_was_held_times_the_rest() throws Exception {
        ChunkBudget budget = new ChunkBudget(serving::get, 1, 1.0, Duration.ofMinutes(1));
        ChunkBudget.Place first = budget.take();
        Thread.sleep(300);
        first.close();
        long t0 = System.nanoTime();

        budget.take();

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("rested at least as long as it was held")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void a_place_given_back_while_nobody_is_served_does_not_rest() throws Exception {
        ChunkBudget budget = new ChunkBudget(serving::get, 1, 10.0, Duration.ofMinutes(1));
        ChunkBudget.Place first = budget.take();
        Thread.sleep(300);
        serving.set(false);
        first.close();
        serving.set(true);

        CompletableFuture<ChunkBudget.Place> second = asks(budget);

        // had it rested, it would rest 3 s
        await().atMost(Duration.ofSeconds(1)).until(second::isDone);
    }

    @Test
    void giving_a_place_back_twice_gives_it_back_once() {
        serving.set(false);
        ChunkBudget budget = budget(1);
        ChunkBudget.Place first = budget.take();
        budget.take();
        budget.take();

        first.close();
        first.close();

        assertThat(budget.running()).isEqualTo(2);
    }

    @Test
    void an_interrupted_wait_starts_no_chunk_and_leaves_the_line() throws Exception {
        ChunkBudget budget = budget(1);
        ChunkBudget.Place first = budget.take();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                budget.take();
            } catch (OrderedChunks.Interrupted e) {
                thrown.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        waitingFor(budget, 1);

        waiter.interrupt();
        waiter.join(10_000);

        assertThat(thrown.get()).isInstanceOf(OrderedChunks.Interrupted.class);
        assertThat(flagKept).isTrue();
        assertThat(budget.waiting()).isZero();
        first.close();
        assertThat(budget.running()).isZero();
        budget.take();
        assertThat(budget.running()).isOne();
    }

    @Test
    void a_rest_out_of_range_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ChunkBudget(serving::get, 1, -0.1,
                        Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("while-serving.rest");
    }

    @Test
    void the_node_shows_its_chunks_running_and_waiting_and_whether_it_serves_people() {
        ChunkBudget budget = budget(1);
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        budget.bindTo(registry);
        budget.take();
        CompletableFuture<ChunkBudget.Place> second = asks(budget);
        waitingFor(budget, 1, second);

        assertThat(registry.get("cascade.push.chunks.running").gauge().value()).isEqualTo(1);
        assertThat(registry.get("cascade.push.chunks.waiting").gauge().value()).isEqualTo(1);
        assertThat(registry.get("cascade.push.serving").gauge().value()).isEqualTo(1);
        serving.set(false);
        assertThat(registry.get("cascade.push.serving").gauge().value()).isZero();
    }

    @Test
    void zero_places_while_serving_means_one_fewer_than_the_cores() {
        assertThat(budget(0).whileServing())
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        assertThat(budget(3).whileServing()).isEqualTo(3);
    }
}
