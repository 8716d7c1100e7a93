package app.cascade.push.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * How a push is cut: {@code cascade.push.chunk-size} courses per chunk transaction, {@code cascade.push.workers}
 * chunks of one push at once (docs/decisions/0009-push-performance.md). The push and its dry run cut alike.
 */
@Component
public class ChunkSettings {

    private final int chunkSize;
    private final int workers;

    public ChunkSettings(@Value("${cascade.push.chunk-size:200}") int chunkSize,
                         @Value("${cascade.push.workers:2}") int workers) {
        if (chunkSize < 1 || workers < 1) {
            throw new IllegalArgumentException("cascade.push.chunk-size and cascade.push.workers must be at least 1");
        }
        this.chunkSize = chunkSize;
        this.workers = workers;
    }

    int workers() {
        return workers;
    }

    /** The courses in chunks of the configured size, in their order. */
    public List<List<Long>> cut(List<Long> courses) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < courses.size(); from += chunkSize) {
            chunks.add(courses.subList(from, Math.min(courses.size(), from + chunkSize)));
        }
        return chunks;
    }
}
