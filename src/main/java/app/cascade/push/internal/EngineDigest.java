package app.cascade.push.internal;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The build of the code that decides what a push plans, part of every memo's fingerprint: a build that may plan
 * differently plans afresh. It covers the engine, the reads that make its inputs (PushLoader, and GradebookReads for
 * the dependents), the planner step (ChunkPlanner), the grading vocabulary it plans with, and the memo's own rules
 * (StampedCourseMemo, MemoFingerprints), and nothing else: a change to how a push is queued, locked, notified or
 * reported keeps every memo.
 */
final class EngineDigest {

    /** The class files that can change a plan or what a memo says of it; inner classes included. */
    static final List<String> PLAN_CLASSES = List.of(
            "classpath*:app/cascade/push/engine/*.class",
            "classpath*:app/cascade/grading/*.class",
            "classpath*:app/cascade/push/internal/PushLoader*.class",
            "classpath*:app/cascade/push/internal/GradebookReads*.class",
            "classpath*:app/cascade/push/internal/ChunkPlanner*.class",
            "classpath*:app/cascade/push/internal/StampedCourseMemo*.class",
            "classpath*:app/cascade/push/internal/MemoFingerprints*.class");

    private EngineDigest() {
    }

    /** Hex SHA-256 over the names and bytes of the {@link #PLAN_CLASSES}, each pattern's files in name order. */
    static String of(ResourcePatternResolver classPath) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Resource resource : classes(classPath)) {
                sha.update(Objects.toString(resource.getFilename()).getBytes(StandardCharsets.UTF_8));
                try (InputStream in = resource.getInputStream()) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the engine's class files", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Resource> classes(ResourcePatternResolver classPath) throws IOException {
        List<Resource> classes = new ArrayList<>();
        for (String pattern : PLAN_CLASSES) {
            List<Resource> found = new ArrayList<>(Arrays.asList(classPath.getResources(pattern)));
            if (found.isEmpty()) {
                throw new IllegalStateException("No class files on the class path for " + pattern);
            }
            found.sort(Comparator.comparing(r -> Objects.toString(r.getFilename())));
            classes.addAll(found);
        }
        return classes;
    }
}
