package app.cascade.push.internal;

import app.cascade.grading.Locks;
import app.cascade.push.PushKind;
import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.Item;
import app.cascade.push.engine.MasterInput;
import app.cascade.push.engine.PlanCounts;
import app.cascade.push.engine.PushOptions;
import app.cascade.push.engine.ReportRow;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the next push of a course would report, kept per course so that a re-push skips the courses that did not
 * change (docs/decisions/0014-course-push-memo.md). A memo is valid while two things hold: the course's stamp
 * ({@code course_push_stamp}, bumped by every change the planner reads except the push's own writes) is the one the
 * memo was made at, and the push's fingerprint (settings, catalog locks, engine build, the course's master as the
 * push reads it) is the memo's. The push writing a course replaces its memo in the same transaction.
 */
@Component
public class PushMemo {

    /** The engine and the code that loads its inputs and writes its plans: a new build plans afresh. */
    private static final List<String> ENGINE_CLASSES = List.of("classpath*:app/cascade/push/engine/*.class",
            "classpath*:app/cascade/push/internal/*.class");

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile String engineDigest;

    public PushMemo(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A course of a chunk as the lookup finds it: its stamp now and its memo's stamp and fingerprint, if any. */
    public record Entry(long courseId, Long masterId, Long stamp, Long memoStamp, String memoFingerprint) {

        /** Whether the memo was made at the course's current stamp with the given fingerprint. */
        public boolean matches(String fingerprint) {
            return stamp != null && stamp.equals(memoStamp) && fingerprint.equals(memoFingerprint);
        }
    }

    /** What to keep for one course: the rows, outcome and counts the next push would report. */
    public record Memo(long courseId, long stamp, String fingerprint, String outcome, PlanCounts counts,
                       List<ReportRow> rows) {
    }

    /**
     * The fingerprint of a push's settings: the kind of push (from masters or from courses), mode, sections, data
     * types, the catalog's locks and the engine build. Hex SHA-256.
     */
    public String requestFingerprint(PushKind kind, PushOptions options, Locks locks) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("from", kind == PushKind.COURSES ? "course" : "master");
        settings.put("options", options);
        settings.put("locks", locks);
        settings.put("engine", engineDigest());
        return sha256(json.writeValueAsBytes(settings));
    }

    /**
     * A course's fingerprint: the request's, and the course's master as the push reads it (null for a push from
     * courses, or a course whose master is gone). Master items are taken in id order: the loader reads them unordered.
     */
    public String courseFingerprint(String requestFingerprint, MasterInput master) {
        if (master == null) {
            return sha256((requestFingerprint + ":-").getBytes(StandardCharsets.UTF_8));
        }
        List<Item> items = master.items().stream().sorted(Comparator.comparing(Item::id)).toList();
        MasterInput canonical = new MasterInput(master.id(), master.number(), master.info(), items);
        byte[] masterJson = json.writeValueAsBytes(canonical);
        byte[] prefix = (requestFingerprint + ":").getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(prefix, prefix.length + masterJson.length);
        System.arraycopy(masterJson, 0, all, prefix.length, masterJson.length);
        return sha256(all);
    }

    /**
     * Locks the courses' rows (in the loader's order, so two pushes lock in the same order) and reads their stamps and
     * memos. Call it before reading anything else of the courses: a memo stores the stamp read here, and a change
     * committed after this read bumps the stamp past it.
     */
    public List<Entry> lookup(List<Long> courseIds) {
        return jdbc.query("""
                select c.id, c.master_id, s.stamp, m.stamp as memo_stamp, m.fingerprint
                from course c
                left join course_push_stamp s on s.course_id = c.id
                left join push_course_memo m on m.course_id = c.id
                where c.id = any (?) order by c.master_id nulls last, c.id for update of c
                """, (rs, n) -> new Entry(rs.getLong("id"), rs.getObject("master_id", Long.class),
                rs.getObject("stamp", Long.class), rs.getObject("memo_stamp", Long.class),
                rs.getString("fingerprint")), longs(courseIds));
    }

    /** Stores (or replaces) the courses' memos. */
    public void store(List<Memo> memos) {
        if (memos.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into push_course_memo as m (course_id, stamp, fingerprint, outcome, created, updated, deleted,
                                                   relinked, residual, renamed, info_fields, rows)
                select v.course_id, v.stamp, v.fingerprint, v.outcome, v.created, v.updated, v.deleted, v.relinked,
                       v.residual, v.renamed, v.info_fields, v.rows::jsonb
                from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[],
                            ?::int[], ?::int[], ?::int[], ?::text[])
                    as v(course_id, stamp, fingerprint, outcome, created, updated, deleted, relinked, residual,
                         renamed, info_fields, rows)
                on conflict (course_id) do update set stamp = excluded.stamp, fingerprint = excluded.fingerprint,
                    outcome = excluded.outcome, created = excluded.created, updated = excluded.updated,
                    deleted = excluded.deleted, relinked = excluded.relinked, residual = excluded.residual,
                    renamed = excluded.renamed, info_fields = excluded.info_fields, rows = excluded.rows
                """,
                column("bigint", memos, Memo::courseId),
                column("bigint", memos, Memo::stamp),
                column("text", memos, Memo::fingerprint),
                column("text", memos, Memo::outcome),
                column("int4", memos, m -> m.counts().created()),
                column("int4", memos, m -> m.counts().updated()),
                column("int4", memos, m -> m.counts().deleted()),
                column("int4", memos, m -> m.counts().relinked()),
                column("int4", memos, m -> m.counts().residual()),
                column("int4", memos, m -> m.counts().renamed()),
                column("int4", memos, m -> m.counts().courseInfoFields()),
                column("text", memos, m -> json.writeValueAsString(m.rows())));
    }

    /** Drops the courses' memos: what they describe is no longer what the courses hold, or is not known. */
    public void forget(Collection<Long> courseIds) {
        if (!courseIds.isEmpty()) {
            jdbc.update("delete from push_course_memo where course_id = any (?)", longs(courseIds));
        }
    }

    /** A memo made from a plan whose course the push leaves as it is: that plan is what the next push reports. */
    public static Memo of(CoursePlan plan, long stamp, String fingerprint) {
        return new Memo(plan.courseId(), stamp, fingerprint, plan.outcome().name(), plan.counts(), plan.rows());
    }

    /** Adds the courses' memo rows to the request's report, courses in the given order, each course's rows in order. */
    public void copyRows(UUID requestId, List<Long> courseIds) {
        if (courseIds.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into push_report_row (request_id, course_id, school, course_number, course_name, section,
                    data_type, item, outcome, reason, assignments, scores, posted_grades, comments, message)
                select ?, (r.v ->> 'courseId')::bigint, r.v ->> 'school', r.v ->> 'courseNumber', r.v ->> 'courseName',
                       r.v ->> 'section', r.v ->> 'dataType', r.v ->> 'item', r.v ->> 'outcome', r.v ->> 'reason',
                       (r.v -> 'dependents' ->> 'assignments')::int, (r.v -> 'dependents' ->> 'scores')::int,
                       (r.v -> 'dependents' ->> 'postedGrades')::int, (r.v -> 'dependents' ->> 'comments')::int,
                       r.v ->> 'message'
                from unnest(?::bigint[]) with ordinality as c(id, n)
                join push_course_memo m on m.course_id = c.id
                cross join lateral jsonb_array_elements(m.rows) with ordinality as r(v, n)
                order by c.n, r.n
                """, requestId, longs(courseIds));
    }

    /** Adds the courses' memo outcomes and counts as the request's results (marks them done). */
    public void copyResults(UUID requestId, List<Long> courseIds) {
        if (courseIds.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into push_course_result (request_id, course_id, outcome, created, updated, deleted, relinked,
                    residual, renamed, info_fields)
                select ?, m.course_id, m.outcome, m.created, m.updated, m.deleted, m.relinked, m.residual, m.renamed,
                       m.info_fields
                from push_course_memo m where m.course_id = any (?)
                """, requestId, longs(courseIds));
    }

    /** SHA-256 over the class files of the engine and of this package, each package in name order; computed once. */
    String engineDigest() {
        String digest = engineDigest;
        if (digest == null) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
                List<Resource> classes = new ArrayList<>();
                for (String pattern : ENGINE_CLASSES) {
                    List<Resource> found = new ArrayList<>(Arrays.asList(resolver.getResources(pattern)));
                    if (found.isEmpty()) {
                        throw new IllegalStateException("No class files on the class path for " + pattern);
                    }
                    found.sort(Comparator.comparing(r -> Objects.toString(r.getFilename())));
                    classes.addAll(found);
                }
                for (Resource resource : classes) {
                    sha.update(Objects.toString(resource.getFilename()).getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = resource.getInputStream()) {
                        sha.update(in.readAllBytes());
                    }
                }
                digest = HexFormat.of().formatHex(sha.digest());
                engineDigest = digest;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the engine's class files", e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
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

    private Array longs(Collection<Long> ids) {
        return SqlArrays.of(jdbc, "bigint", ids);
    }

    private <T> Array column(String type, Collection<T> rows, Function<T, ?> value) {
        return SqlArrays.column(jdbc, type, rows, value);
    }
}
