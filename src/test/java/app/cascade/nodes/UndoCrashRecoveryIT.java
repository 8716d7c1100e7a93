package app.cascade.nodes;

import app.cascade.bench.DistrictGenerator;
import app.cascade.nodes.PushRequests.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import static app.cascade.nodes.PushRequests.export;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An undo survives SIGKILL (issue 18): the packaged app pushes an Overwrite + sections to a size-S district, then
 * undoes it through the API; the app is killed once the undo has committed some of its chunks but not all, and
 * started again on the same database. JobRunr retries the orphaned job, the undo resumes with the courses not yet put
 * back and completes: the district's export equals the one from before the push, every course the push changed has
 * exactly one result of the undo, its report is what the undo's preview listed, row for row, and no gradebook row
 * was added or removed along the way.
 */
class UndoCrashRecoveryIT {

    static final String TENANT = "undone";
    static final String SCHEMA = "district_undone";
    static final String USER = "undone.push";
    static final int CHUNK = 50;
    static final Duration START = Duration.ofMinutes(5);

    static NodesDatabase db;
    static Path tenants;
    static final List<AppProcess> nodes = new ArrayList<>();

    @BeforeAll
    static void setUp() throws IOException {
        db = NodesDatabase.start();
        tenants = Files.createDirectories(AppProcess.NODES_DIR.resolve("undo-crash-tenants"));
        Files.writeString(tenants.resolve(TENANT + ".yml"), """
                id: %1$s
                displayName: District %1$s
                schema: %2$s
                organization: %1$s
                timeZone: UTC
                batchReporting: true
                notificationSender: noreply@%1$s.example
                """.formatted(TENANT, SCHEMA));
    }

    @AfterAll
    static void tearDown() throws IOException {
        nodes.forEach(AppProcess::close);
        if (db != null) {
            db.close();
        }
    }

    static AppProcess startNode(String name) {
        AppProcess node = AppProcess.named(name).database(db).tenantsDir(tenants)
                .config("""
                        cascade:
                          security:
                            dev-users:
                              - { username: %s, name: Undo Pusher, roles: [PUSH_ADMIN], districts: [%s] }
                        """.formatted(USER, TENANT))
                .property("cascade.push.chunk-size", CHUNK)
                .property("jobrunr.background-job-server.worker-count", 2)
                // a retry after an orphaned job starts a second later (the dead server is noticed after 4 polls)
                .property("jobrunr.jobs.retry-back-off-time-seed", 1)
                .start();
        nodes.add(node);
        return node.awaitReady(START);
    }

    static Progress await(UUID id, String what, Predicate<Progress> condition, Duration atMost) {
        return PushRequests.await(db, SCHEMA, id, what, condition, atMost);
    }

    static long count(String sql, Object... args) {
        return db.jdbc().queryForObject(sql.replace("{s}", SCHEMA), Long.class, args);
    }

    /** Per course, its rows as "section|type|item|action|message", sorted: from the preview... */
    static Map<Long, List<String>> previewRows(JsonNode preview) {
        Map<Long, List<String>> rows = new TreeMap<>();
        for (JsonNode restore : preview.path("restores")) {
            List<String> course = rows.computeIfAbsent(restore.path("courseId").asLong(), k -> new ArrayList<>());
            for (JsonNode c : restore.path("changes")) {
                course.add(String.join("|", text(c, "section"), text(c, "dataType"), text(c, "item"),
                        text(c, "action"), text(c, "message")));
            }
        }
        rows.values().forEach(list -> list.sort(null));
        return rows;
    }

    /** ...and from the undo's report. */
    static Map<Long, List<String>> reportRows(UUID undo) {
        Map<Long, List<String>> rows = new TreeMap<>();
        db.jdbc().query("select course_id, coalesce(section, ''), coalesce(data_type, ''), coalesce(item, ''), outcome,"
                + " coalesce(message, '') from " + SCHEMA + ".push_report_row where request_id = ?", rs -> {
            rows.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(String.join("|", rs.getString(2),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
        }, undo);
        rows.values().forEach(list -> list.sort(null));
        return rows;
    }

    /** Per course, "created/updated/relinked/deleted/residual/renamed/info fields": from the preview... */
    static Map<Long, String> previewCounts(JsonNode preview) {
        Map<Long, String> counts = new TreeMap<>();
        for (JsonNode restore : preview.path("restores")) {
            JsonNode c = restore.path("counts");
            counts.put(restore.path("courseId").asLong(), String.join("/", text(c, "created"), text(c, "updated"),
                    text(c, "relinked"), text(c, "deleted"), text(c, "residual"), text(c, "renamed"),
                    text(c, "courseInfoFields")));
        }
        return counts;
    }

    /** ...and from the undo's course results. */
    static Map<Long, String> resultCounts(UUID undo) {
        Map<Long, String> counts = new TreeMap<>();
        db.jdbc().query("select course_id, concat_ws('/', created, updated, relinked, deleted, residual, renamed,"
                + " info_fields) from " + SCHEMA + ".push_course_result where request_id = ?",
                rs -> {
                    counts.put(rs.getLong(1), rs.getString(2));
                }, undo);
        return counts;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : "";
    }

    @Test
    void an_undo_killed_mid_way_resumes_after_a_restart_and_gives_back_the_district_as_before_the_push() {
        AppProcess first = startNode("undo-crash-1");
        DistrictGenerator.District district = db.inSchema(SCHEMA,
                jdbc -> new DistrictGenerator(jdbc).generate(DistrictGenerator.Size.S));
        Map<String, Long> gradebook = PushRequests.gradebook(db, SCHEMA);
        JsonNode before = export(first, USER);
        Set<String> known = Exports.uuids(before);

        UUID push = PushRequests.submit(first, USER, district.catalogId(), district.schoolYearId());
        Progress pushed = await(push, "the push ends", Progress::isFinal, Duration.ofMinutes(4));
        assertThat(pushed.status()).isIn("COMPLETED", "COMPLETED_WITH_WARNINGS");
        assertThat(PushRequests.gradebook(db, SCHEMA)).isEqualTo(gradebook);
        JsonNode afterPush = export(first, USER);
        List<Long> changed = db.jdbc().queryForList("select distinct course_id from " + SCHEMA + ".push_change"
                + " where request_id = ? order by 1", Long.class, push);
        assertThat(changed).as("courses the push changed").hasSizeGreaterThan(10 * CHUNK);
        assertThat(Exports.canonical(afterPush, known, Map.of())).isNotEqualTo(Exports.canonical(before, known,
                Map.of()));

        // the preview, taken before the undo: every changed course put back, none left alone
        JsonNode preview = PushRequests.undoPreview(first, USER, push);
        assertThat(preview.path("untouched").size()).isZero();
        Map<Long, List<String>> previewed = previewRows(preview);
        assertThat(previewed.keySet()).containsExactlyElementsOf(changed);

        // the undo, killed when some of its chunks committed and not all
        UUID undo = PushRequests.undo(first, USER, push);
        Progress atKill = await(undo, "a third of the undo done", p -> p.isFinal()
                || (p.total() != null && p.done() >= p.total() / 3), Duration.ofMinutes(3));
        first.kill();
        assertThat(atKill.isFinal()).as("still running when killed").isFalse();
        assertThat(atKill.total()).isEqualTo(changed.size());
        long committed = count("select count(*) from {s}.push_course_result where request_id = ?", undo);
        assertThat(committed).as("courses put back before the kill").isGreaterThanOrEqualTo(CHUNK)
                .isLessThan(changed.size());
        System.out.printf("Undo killed with %d of %d courses put back%n", committed, changed.size());

        AppProcess second = startNode("undo-crash-2");
        Progress end = await(undo, "the undo ends", Progress::isFinal, Duration.ofMinutes(4));
        assertThat(end.status()).as("as an undo that was not interrupted").isEqualTo("COMPLETED");
        assertThat(end.attempts()).as("the killed attempt, then the one that finished").isEqualTo(2);
        assertThat(end.done()).isEqualTo(changed.size());
        assertThat(PushRequests.awaitJobEnd(db, SCHEMA, undo, Duration.ofSeconds(30))).isEqualTo("SUCCEEDED");

        // the district as before the push, and no grade lost
        JsonNode afterUndo = export(second, USER);
        Map<String, String> coursesBefore = Exports.courses(before, known);
        Map<String, String> coursesAfter = Exports.courses(afterUndo, known);
        assertThat(coursesAfter.keySet()).isEqualTo(coursesBefore.keySet());
        assertThat(coursesAfter.keySet().stream().filter(k -> !coursesAfter.get(k).equals(coursesBefore.get(k))))
                .as("courses that differ from before the push").isEmpty();
        assertThat(Exports.canonical(afterUndo, known, Map.of())).isEqualTo(Exports.canonical(before, known,
                Map.of()));
        assertThat(PushRequests.gradebook(db, SCHEMA)).isEqualTo(gradebook);

        // one result per changed course, none twice, none missing; the report is the preview's, row for row
        assertThat(db.jdbc().queryForList("select course_id from " + SCHEMA + ".push_course_result"
                + " where request_id = ? order by 1", Long.class, undo)).isEqualTo(changed);
        assertThat(count("select count(*) from {s}.push_course_result where request_id = ? and outcome <> 'PUSHED'",
                undo)).isZero();
        assertThat(count("select count(*) from {s}.push_report_row where request_id = ? and reason <> 'RESTORED'",
                undo)).isZero();
        assertThat(count("""
                select count(*) from (select 1 from {s}.push_report_row where request_id = ?
                    group by course_id, section, data_type, item, outcome, reason, message having count(*) > 1) d
                """, undo)).as("report rows written twice").isZero();
        assertThat(reportRows(undo)).isEqualTo(previewed);
        assertThat(resultCounts(undo)).isEqualTo(previewCounts(preview));
    }
}
