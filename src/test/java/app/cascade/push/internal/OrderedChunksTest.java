package app.cascade.push.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Chunks run side by side, yet commit and report progress in order, and stop at the first failure. */
class OrderedChunksTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    private static List<List<Integer>> chunks(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> List.of(i, i)).toList();
    }

    private OrderedChunks workers(int n) {
        return new OrderedChunks(n, "test-worker-", work -> work);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("the other chunk got there").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_later_chunk_runs_while_an_earlier_one_works_but_commits_after_it() {
        CountDownLatch secondReady = new CountDownLatch(1);

        int done = workers(2).run(chunks(2), 0, (chunk, awaitPrevious) -> {
            if (chunk.getFirst() == 0) {
                await(secondReady); // chunk 0 cannot finish before chunk 1 has done its own work
            } else {
                events.add("1 planned on " + Thread.currentThread().getName().replaceAll("\\d+$", ""));
                secondReady.countDown();
            }
            awaitPrevious.run();
            events.add(chunk.getFirst() + " committed");
        }, total -> events.add("progress " + total));

        assertThat(done).isEqualTo(4);
        assertThat(events).containsExactly("1 planned on test-worker-", "0 committed", "progress 2", "1 committed",
                "progress 4");
    }

    @Test
    void a_failing_chunk_leaves_the_chunks_before_it_done_and_none_after_it() {
        assertThatThrownBy(() -> workers(2).run(chunks(5), 10, (chunk, awaitPrevious) -> {
            if (chunk.getFirst() == 2) {
                throw new IllegalStateException("chunk 2 broke");
            }
            awaitPrevious.run();
            events.add(chunk.getFirst() + " committed");
        }, total -> events.add("progress " + total))).isInstanceOf(IllegalStateException.class)
                .hasMessage("chunk 2 broke");

        assertThat(events).containsExactly("0 committed", "progress 12", "1 committed", "progress 14");
    }

    @Test
    void a_progress_callback_that_throws_stops_every_later_chunk_before_it_commits() {
        assertThatThrownBy(() -> workers(3).run(chunks(4), 0, (chunk, awaitPrevious) -> {
            awaitPrevious.run();
            events.add(chunk.getFirst() + " committed");
        }, total -> {
            events.add("progress " + total);
            if (total == 2) {
                throw new IllegalStateException("simulated crash after the first chunk");
            }
        })).hasMessage("simulated crash after the first chunk");

        assertThat(events).containsExactly("0 committed", "progress 2");
    }

    @Test
    void an_interrupted_caller_lets_the_chunks_under_way_commit_and_starts_no_other() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean interruptKept = new java.util.concurrent.atomic.AtomicBoolean();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                workers(2).run(chunks(4), 0, (chunk, awaitPrevious) -> {
                    started.countDown();
                    if (chunk.getFirst() == 0) {
                        await(release);
                    }
                    awaitPrevious.run();
                    events.add(chunk.getFirst() + " committed");
                }, total -> events.add("progress " + total));
            } catch (RuntimeException e) {
                thrown.set(e);
                interruptKept.set(Thread.currentThread().isInterrupted());
            }
        });
        await(started);

        caller.interrupt();
        // the caller has taken the interrupt (its flag is clear again) and waits, with a timeout, for the chunks under
        // way (ExecutorService.close); before the interrupt it waited without one, for the last chunk
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !caller.isInterrupted() && caller.getState() == Thread.State.TIMED_WAITING);
        release.countDown();
        caller.join(10_000);

        assertThat(thrown.get()).isInstanceOf(OrderedChunks.Interrupted.class);
        assertThat(interruptKept).isTrue();
        assertThat(events).containsExactly("0 committed", "progress 2", "1 committed", "progress 4");
    }

    @Test
    void one_worker_runs_the_chunks_one_after_the_other_on_the_callers_thread() {
        String caller = Thread.currentThread().getName();

        int done = workers(1).run(chunks(3), 0, (chunk, awaitPrevious) -> {
            awaitPrevious.run();
            events.add(chunk.getFirst() + " on " + (Thread.currentThread().getName().equals(caller) ? "caller" : "?"));
        }, total -> events.add("progress " + total));

        assertThat(done).isEqualTo(6);
        assertThat(events).containsExactly("0 on caller", "progress 2", "1 on caller", "progress 4", "2 on caller",
                "progress 6");
    }
}
