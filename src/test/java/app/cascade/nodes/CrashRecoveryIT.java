package app.cascade.nodes;

import app.cascade.bench.DistrictGenerator;
import app.cascade.nodes.PushRequests.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static app.cascade.nodes.PushRequests.export;
import static app.cascade.nodes.PushRequests.submit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A push survives SIGKILL: the packaged app runs an Overwrite + sections push of a size-S district and is killed three
 * times at different points (a quarter done; right as JobRunr's retry starts; more than two thirds done), restarted
 * each time, and JobRunr retries the orphaned job until the request completes. The result is compared course by
 * course with the same push run without crashes on an identical copy of the district (a second district, filled
 * with the same rows): every course ends exactly as in the clean run (fully pushed, or untouched where the clean run
 * left it untouched), no grade is lost, and there are no duplicate items, results or report rows.
 */
class CrashRecoveryIT {

    static final String CRASHED = "district_crashed";
    static final String CLEAN = "district_clean";
    static final int CHUNK = 50;
    static final Duration START = Duration.ofMinutes(5);

    static NodesDatabase db;
    static Path tenants;
    static final List<AppProcess> nodes = new ArrayList<>();

    @BeforeAll
    static void setUp() throws IOException {
        db = NodesDatabase.start();
        tenants = Files.createDirectories(AppProcess.NODES_DIR.resolve("crash-tenants"));
        for (String id : List.of("crashed", "clean")) {
            Files.writeString(tenants.resolve(id + ".yml"), """
                    id: %s
                    displayName: District %s
                    schema: district_%s
                    organization: %s
                    timeZone: UTC
                    batchReporting: true
                    notificationSender: noreply@%s.example
                    """.formatted(id, id, id, id, id));
        }
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
                              - { username: crashed.push, name: Crash Pusher, roles: [PUSH_ADMIN], districts: [crashed] }
                              - { username: clean.push, name: Clean Pusher, roles: [PUSH_ADMIN], districts: [clean] }
                        """)
                .property("cascade.push.chunk-size", CHUNK)
                .property("jobrunr.background-job-server.worker-count", 2)
                // a retry after an orphaned job starts a second later (the dead server is noticed after 4 polls)
                .property("jobrunr.jobs.retry-back-off-time-seed", 1)
                .start();
        nodes.add(node);
        return node.awaitReady(START);
    }

    static Progress await(String schema, UUID id, String what, Predicate<Progress> condition, Duration atMost) {
        return PushRequests.await(db, schema, id, what, condition, atMost);
    }

    /** Copies every row of the generated district into the clean district's schema (same ids, same UUIDs). */
    static void copyDistrict(JdbcTemplate jdbc) {
        jdbc.execute("set local session_replication_role = replica");
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = ? and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                order by table_name
                """, String.class, CRASHED);
        for (String table : tables) {
            List<String> identity = jdbc.queryForList("select column_name from information_schema.columns"
                    + " where table_schema = ? and table_name = ? and is_identity = 'YES'", String.class, CRASHED, table);
            String columns = String.join(", ", jdbc.queryForList("select column_name from information_schema.columns"
                    + " where table_schema = ? and table_name = ? and is_generated = 'NEVER' order by ordinal_position",
                    String.class, CRASHED, table));
            jdbc.execute("insert into " + CLEAN + "." + table + " (" + columns + ")"
                    + (identity.isEmpty() ? "" : " overriding system value")
                    + " select " + columns + " from " + CRASHED + "." + table);
            for (String column : identity) {
                jdbc.execute("select setval(pg_get_serial_sequence('%s.%s', '%s'), coalesce(max(%s), 0) + 1, false)"
                        .formatted(CLEAN, table, column, column) + " from " + CLEAN + "." + table);
            }
        }
        jdbc.execute("analyze");
    }

    @Test
    void a_push_killed_three_times_ends_completed_with_every_course_as_in_a_clean_run_and_no_grade_lost() {
        AppProcess first = startNode("crash-1");
        DistrictGenerator.District district = db.inSchema(CRASHED,
                jdbc -> new DistrictGenerator(jdbc).generate(DistrictGenerator.Size.S));
        db.inSchema(CLEAN, jdbc -> {
            copyDistrict(jdbc);
            return null;
        });
        Map<String, Long> gradebookBefore = PushRequests.gradebook(db, CRASHED);
        assertThat(PushRequests.gradebook(db, CLEAN)).isEqualTo(gradebookBefore);
        JsonNode before = export(first, "crashed.push");
        Set<String> known = Exports.uuids(before);
        Map<String, String> coursesBefore = Exports.courses(before, known);
        assertThat(coursesBefore).hasSize(DistrictGenerator.Size.S.courses);

        // the clean run: same push, same rows, no crash
        UUID clean = submit(first, "clean.push", district.catalogId(), district.schoolYearId());
        Progress cleanEnd = await(CLEAN, clean, "the clean run", Progress::isFinal, Duration.ofMinutes(4));
        assertThat(cleanEnd.status()).startsWith("COMPLETED");
        assertThat(cleanEnd.attempts()).isEqualTo(1);

        // the crashed run
        UUID crashed = submit(first, "crashed.push", district.catalogId(), district.schoolYearId());
        Progress kill1 = await(CRASHED, crashed, "a quarter done", p -> p.isFinal()
                || (p.total() != null && p.done() >= p.total() / 4), Duration.ofMinutes(3));
        first.kill();
        assertThat(kill1.isFinal()).as("still running when killed").isFalse();
        int total = kill1.total();
        assertThat(total).isGreaterThan(20 * CHUNK);

        AppProcess second = startNode("crash-2");
        Progress kill2 = await(CRASHED, crashed, "the first retry starts", p -> p.isFinal() || p.attempts() >= 2,
                Duration.ofMinutes(3));
        second.kill();
        assertThat(kill2.isFinal()).isFalse();

        AppProcess third = startNode("crash-3");
        Progress kill3 = await(CRASHED, crashed, "two thirds done", p -> p.isFinal()
                || (p.attempts() >= 3 && p.done() >= total * 2 / 3), Duration.ofMinutes(3));
        third.kill();
        assertThat(kill3.isFinal()).isFalse();
        assertThat(kill3.attempts()).isEqualTo(3);
        // three different points: mid-way through attempt 1, as attempt 2 starts, two thirds through attempt 3;
        // what was committed before a kill stays committed
        assertThat(kill2.attempts()).isEqualTo(2);
        assertThat(kill2.done()).isGreaterThanOrEqualTo(kill1.done()).isLessThan(kill3.done());
        System.out.printf("Killed at %s, %s and %s of %d courses%n", kill1, kill2, kill3, total);

        AppProcess fourth = startNode("crash-4");
        Progress end = await(CRASHED, crashed, "the request ends", Progress::isFinal, Duration.ofMinutes(4));
        assertThat(end.status()).isIn("COMPLETED", "COMPLETED_WITH_WARNINGS").isEqualTo(cleanEnd.status());
        assertThat(end.attempts()).as("one attempt per kill, then the one that finished").isEqualTo(4);
        assertThat(end.done()).isEqualTo(total).isEqualTo(cleanEnd.done());

        // no grade lost
        assertThat(PushRequests.gradebook(db, CRASHED)).isEqualTo(gradebookBefore);

        // every course exactly as the clean run left it; where the clean run changed nothing, nothing changed
        JsonNode crashedAfter = export(fourth, "crashed.push");
        JsonNode cleanAfter = export(fourth, "clean.push");
        Map<String, String> crashedCourses = Exports.courses(crashedAfter, known);
        Map<String, String> cleanCourses = Exports.courses(cleanAfter, known);
        assertThat(crashedCourses.keySet()).isEqualTo(cleanCourses.keySet()).isEqualTo(coursesBefore.keySet());
        List<String> different = crashedCourses.keySet().stream()
                .filter(k -> !crashedCourses.get(k).equals(cleanCourses.get(k))).toList();
        assertThat(different).as("courses that differ from the clean run").isEmpty();
        long pushed = cleanCourses.keySet().stream().filter(k -> !cleanCourses.get(k).equals(coursesBefore.get(k)))
                .count();
        assertThat(pushed).as("courses the push changed").isGreaterThan(total / 2);
        assertThat(Exports.withoutSchools(crashedAfter, known)).as("years, catalogs, masters")
                .isEqualTo(Exports.withoutSchools(cleanAfter, known))
                .isEqualTo(Exports.withoutSchools(before, known));

        // one result per course and the same report rows as the clean run, none twice
        String results = "select course_id, outcome, created, updated, deleted, relinked, residual, renamed,"
                + " info_fields from %s.push_course_result where request_id = ? order by course_id";
        List<Map<String, Object>> crashedResults = db.jdbc().queryForList(results.formatted(CRASHED), crashed);
        assertThat(crashedResults).hasSize(total)
                .isEqualTo(db.jdbc().queryForList(results.formatted(CLEAN), clean));
        String rows = "select coalesce(course_id, 0) as course, coalesce(section, '') as sec, data_type, item, outcome,"
                + " reason, assignments, scores, posted_grades, comments, message from %s.push_report_row"
                + " where request_id = ? order by 1, 2, 3 nulls first, 4 nulls first, 5, 6, 11 nulls first";
        List<Map<String, Object>> crashedRows = db.jdbc().queryForList(rows.formatted(CRASHED), crashed);
        assertThat(crashedRows).isNotEmpty().isEqualTo(db.jdbc().queryForList(rows.formatted(CLEAN), clean));
        assertThat(db.jdbc().queryForObject("""
                select count(*) from (select course_id, master_item_id from %s.course_item
                    where master_item_id is not null group by 1, 2 having count(*) > 1) d
                """.formatted(CRASHED), Long.class)).as("course items linked twice to one master item").isZero();
        assertThat(db.jdbc().queryForObject("""
                select count(*) from (select section_id, course_item_id from %s.section_item
                    where course_item_id is not null group by 1, 2 having count(*) > 1) d
                """.formatted(CRASHED), Long.class)).as("section items linked twice to one course item").isZero();

        // JobRunr: the job's last attempt succeeded
        assertThat(PushRequests.awaitJobEnd(db, CRASHED, crashed, Duration.ofSeconds(30))).isEqualTo("SUCCEEDED");
    }
}
