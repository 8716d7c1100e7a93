package app.cascade.push.internal;

import app.cascade.push.engine.Item;
import app.cascade.push.engine.MasterInput;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A memo's fingerprint: everything a push's plan of a course depends on that the course's stamp does not cover. The
 * push's settings (from masters or from courses, mode, sections, data types), the catalog's locks, the engine build
 * ({@link EngineDigest}), and the course's master as the push reads it. Hex SHA-256.
 */
@Component
class MemoFingerprints {

    private final JsonMapper json = JsonMapper.builder().build();
    private volatile String engineDigest;

    /** The fingerprint of a push's settings. */
    String ofRun(PushRun run) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("from", run.fromCourses() ? "course" : "master");
        settings.put("options", run.options());
        settings.put("locks", run.locks());
        settings.put("engine", engineDigest());
        return sha256(json.writeValueAsBytes(settings));
    }

    /**
     * A course's fingerprint: the push's, and the course's master as the push reads it (null for a push from
     * courses, or a course whose master is gone). Master items are taken in id order: the loader reads them unordered.
     */
    String ofCourse(String runFingerprint, MasterInput master) {
        if (master == null) {
            return sha256((runFingerprint + ":-").getBytes(StandardCharsets.UTF_8));
        }
        List<Item> items = master.items().stream().sorted(Comparator.comparing(Item::id)).toList();
        MasterInput canonical = new MasterInput(master.id(), master.number(), master.info(), items);
        byte[] masterJson = json.writeValueAsBytes(canonical);
        byte[] prefix = (runFingerprint + ":").getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(prefix, prefix.length + masterJson.length);
        System.arraycopy(masterJson, 0, all, prefix.length, masterJson.length);
        return sha256(all);
    }

    /** Computed once per process. */
    String engineDigest() {
        String digest = engineDigest;
        if (digest == null) {
            digest = EngineDigest.of(new PathMatchingResourcePatternResolver());
            engineDigest = digest;
        }
        return digest;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
