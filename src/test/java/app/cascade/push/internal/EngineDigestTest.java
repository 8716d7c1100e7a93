package app.cascade.push.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine digest in every memo's fingerprint covers the code that decides a plan and nothing else: on a copy of the
 * push's compiled classes, editing a class that only queues, notifies, writes or reports a push keeps the digest (and
 * every memo), editing the engine, the loader, the gradebook reads or the planner step changes it.
 */
class EngineDigestTest {

    @TempDir
    Path copy;

    @Test
    void editing_a_class_that_does_not_plan_keeps_the_digest() throws Exception {
        copyPushClasses();
        String before = digest();

        for (String notPlanning : new String[] {"push/internal/PgNotifyEvents.class",
                "push/internal/PushExecutor.class", "push/internal/ChunkReportWriter.class",
                "push/internal/ChunkApplier.class", "push/internal/PushRequestStore.class"}) {
            edit(notPlanning);
            assertThat(digest()).as(notPlanning).isEqualTo(before);
        }
    }

    @Test
    void editing_the_engine_its_vocabulary_the_loader_or_the_planner_step_changes_the_digest() throws Exception {
        copyPushClasses();
        String digest = digest();

        for (String planning : new String[] {"push/engine/PushPlanner.class",
                "push/engine/KnownDependents.class", "grading/LockType.class", "push/internal/PushLoader.class",
                "push/internal/GradebookReads.class", "push/internal/ChunkPlanner.class",
                "push/internal/StampedCourseMemo.class"}) {
            edit(planning);
            String after = digest();
            assertThat(after).as(planning).isNotEqualTo(digest);
            digest = after;
        }
    }

    private void copyPushClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(EngineDigest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (String pkg : new String[] {"app/cascade/push", "app/cascade/grading"}) {
            try (Stream<Path> files = Files.walk(classes.resolve(pkg))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = copy.resolve(classes.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
    }

    private void edit(String classFile) throws IOException {
        Path file = copy.resolve("app/cascade").resolve(classFile);
        assertThat(file).exists();
        Files.write(file, new byte[] {0}, StandardOpenOption.APPEND);
    }

    /** The digest as a class loader that sees only the copy computes it. */
    private String digest() throws IOException {
        try (URLClassLoader onlyTheCopy = new URLClassLoader(new URL[] {copy.toUri().toURL()}, null)) {
            return EngineDigest.of(new PathMatchingResourcePatternResolver(onlyTheCopy));
        }
    }
}
