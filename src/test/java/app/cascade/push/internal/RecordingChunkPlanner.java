package app.cascade.push.internal;

import app.cascade.push.engine.CourseInput;
import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.KnownDependents;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The push's planner step ({@link ChunkPlanner}) that also remembers, per push request, each course as the push
 * loaded it (course rows locked, the step whose plans the applier writes) and the plan it made from it; a chunk
 * planned again (a retried chunk) replaces what it remembered. Nothing else differs. {@link Config} puts it in the
 * place of the application's ChunkPlanner (PushChangesMatchEngineIT).
 */
public class RecordingChunkPlanner extends ChunkPlanner {

    /** A course as the push loaded it, and the plan the push made from it. */
    public record Planned(CourseInput course, CoursePlan plan) {
    }

    private final Map<UUID, Map<Long, Planned>> planned = new ConcurrentHashMap<>();

    RecordingChunkPlanner(PushLoader loader, GradebookReads gradebook) {
        super(loader, gradebook);
    }

    @Override
    PlannedChunk plan(PushRun run, List<Long> courseIds, boolean lockRows, KnownDependents known) {
        PlannedChunk chunk = super.plan(run, courseIds, lockRows, known);
        if (lockRows) {
            Map<Long, Planned> courses = planned.computeIfAbsent(run.request().id(), k -> new ConcurrentHashMap<>());
            chunk.plans().forEach(p -> courses.put(p.courseId(), new Planned(chunk.course(p.courseId()), p)));
        }
        return chunk;
    }

    /** What the push of request {@code requestId} planned, by course id. */
    public Map<Long, Planned> planned(UUID requestId) {
        return Map.copyOf(planned.getOrDefault(requestId, Map.of()));
    }

    /** Registers the recording planner as the ChunkPlanner every step and service gets. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        RecordingChunkPlanner recordingChunkPlanner(PushLoader loader, GradebookReads gradebook) {
            return new RecordingChunkPlanner(loader, gradebook);
        }
    }
}
