package app.cascade.api;

import app.cascade.CascadeIntegrationTest;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's worked example, run exactly as {@code docs/api.md} shows it: {@code docs/api/nightly-push.sh} with bash,
 * curl and jq against the running app, as a district's IT team runs it: import, push with an Idempotency-Key, wait,
 * fetch the JSON report page by page and the CSV, and exit 0, or 2 on warnings.
 */
@CascadeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyPushScriptIT {

    static final Path SCRIPT = Path.of("docs/api/nightly-push.sh");
    /** Two catalogs locking tasks: one pushes cleanly, one has a course desynced (push-rules §3, condition 3). */
    static final String DOCUMENT = """
            {"format": "cascade.district/v1",
             "schoolYears": [{"code": "26-27", "startDate": "2026-08-17", "endDate": "2027-06-04"}],
             "catalogs": [
               {"name": "Nightly Clean Catalog", "locks": ["TASKS_STANDARDS"], "masters": [
                 {"number": "NC100", "name": "Nightly Clean", "items": [
                   {"id": "00000000-0000-4000-8000-00000017c001", "type": "TASK", "code": "T1", "name": "Unit 1"},
                   {"id": "00000000-0000-4000-8000-00000017c002", "type": "TASK", "code": "T2", "name": "Unit 2"}]}]},
               {"name": "Nightly Warning Catalog", "locks": ["TASKS_STANDARDS"], "masters": [
                 {"number": "NW100", "name": "Nightly Warning", "items": [
                   {"id": "00000000-0000-4000-8000-00000017c101", "type": "TASK", "code": "T1", "name": "Unit 1"}]}]}],
             "schools": [{"code": "NITS", "name": "Nightly Test School", "calendars": [{"year": "26-27",
               "name": "NITS 26-27", "terms": [{"code": "Q1", "seq": 1}], "courses": [
                 {"number": "NC100", "name": "Nightly Clean",
                  "master": {"catalog": "Nightly Clean Catalog", "number": "NC100"}},
                 {"number": "NW100", "name": "Nightly Warning",
                  "master": {"catalog": "Nightly Warning Catalog", "number": "NW100"},
                  "items": [{"id": "00000000-0000-4000-8000-00000017c201", "type": "TASK", "code": "T1",
                             "name": "Unit 1 (made by the school)", "origin": "COURSE"}]}]}]}]}
            """;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Path document;

    @BeforeAll
    void document() throws IOException {
        document = Files.createTempFile("nightly-district", ".json");
        Files.writeString(document, DOCUMENT);
    }

    @Test
    @Order(1)
    void a_clean_push_imports_pushes_waits_saves_both_reports_and_exits_zero() throws Exception {
        Run run = script("alpha.automation", "run-1", "--import", document.toString(), "--catalog",
                "Nightly Clean Catalog", "--year", "26-27");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("imported ").contains(" submitted").contains(" COMPLETED in ");
        String id = pushes("Nightly Clean Catalog").getFirst();
        assertThat(pushes("Nightly Clean Catalog")).hasSize(1);
        assertThat(Files.readString(dir.resolve("push-" + id + ".json"))).contains("\"status\":\"COMPLETED\"");
        assertThat(Files.exists(dir.resolve("report-" + id + ".json"))).isTrue();
        assertThat(Files.readString(dir.resolve("report-" + id + ".csv"), StandardCharsets.UTF_8))
                .startsWith("\uFEFFSchool,Course number");
        // the push really happened: the course now holds the master's two tasks, linked
        assertThat(alpha("select count(*) from course_item ci join course c on c.id = ci.course_id "
                + "where c.number = 'NC100' and ci.master_item_id is not null")).isEqualTo(2);
    }

    @Test
    @Order(2)
    void running_the_script_again_the_same_night_finds_the_push_already_made() throws Exception {
        Run run = script("alpha.automation", "run-1", "--catalog", "Nightly Clean Catalog", "--year", "26-27");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("was already made with key run-1-catalog-");
        assertThat(pushes("Nightly Clean Catalog")).hasSize(1);
    }

    @Test
    @Order(3)
    void a_push_with_a_desynced_course_exits_two_and_prints_the_warning_rows() throws Exception {
        Run run = script("alpha.automation", "run-1", "--catalog", "Nightly Warning Catalog", "--year", "26-27");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out()).contains(" COMPLETED_WITH_WARNINGS in ");
        assertThat(run.err()).contains("warnings:").contains("Nightly Test School NW100").contains("DESYNCED");
    }

    @Test
    @Order(4)
    void a_refused_call_exits_one_with_the_problem_and_pushes_nothing() throws Exception {
        Run viewer = script("alpha.viewer", "run-2", "--catalog", "Nightly Clean Catalog", "--year", "26-27");

        assertThat(viewer.exit()).isEqualTo(1);
        assertThat(viewer.err()).contains("POST /api/v1/pushes answered 403").contains("Forbidden");
        assertThat(pushes("Nightly Clean Catalog")).hasSize(1);

        Run unknown = script("alpha.automation", "run-2", "--catalog", "No Such Catalog", "--year", "26-27");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no catalog named 'No Such Catalog'");
    }

    private Run script(String user, String runId, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(concat(List.of("bash", SCRIPT.toString()), args));
        Map<String, String> env = builder.environment();
        env.put("CASCADE_URL", "http://localhost:" + port);
        env.put("CASCADE_USER", user);
        env.put("CASCADE_PASSWORD", "demo");
        env.put("CASCADE_OUT", dir.toString());
        env.put("CASCADE_RUN_ID", runId);
        env.put("CASCADE_POLL_SECONDS", "1");
        env.put("CASCADE_WAIT_MINUTES", "5");
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(6, TimeUnit.MINUTES)).as("the script ends").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> concat(List<String> head, String... tail) {
        return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(tail)).toList();
    }

    private List<String> pushes(String catalog) {
        return TenantContext.call("alpha", () -> new TransactionTemplate(transactions).execute(s -> jdbc.queryForList(
                "select r.id::text from push_request r join course_catalog c on c.id = r.catalog_id where c.name = ?"
                        + " order by r.submitted_at", String.class, catalog)));
    }

    private long alpha(String sql) {
        return TenantContext.call("alpha", () -> new TransactionTemplate(transactions)
                .execute(s -> jdbc.queryForObject(sql, Long.class)));
    }
}
