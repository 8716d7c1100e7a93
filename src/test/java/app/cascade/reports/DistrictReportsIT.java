package app.cascade.reports;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.CourseMasterEditService;
import app.cascade.catalog.ItemEdit;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.grading.Origin;
import app.cascade.push.DesyncQuery;
import app.cascade.push.DesyncedCourse;
import app.cascade.push.PushCommand;
import app.cascade.push.PushKind;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushRuns;
import app.cascade.push.PushService;
import app.cascade.push.engine.PushMode;
import app.cascade.push.engine.ReasonCode;
import app.cascade.tables.ReportWriterTest;
import app.cascade.tenancy.TenantContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static app.cascade.catalog.ItemSpec.category;
import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** The three district reports (push-rules §6) on the real services and PostgreSQL. */
@CascadeIntegrationTest
class DistrictReportsIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    AwaitingPushService awaiting;
    @Autowired
    CourseAuditService audit;
    @Autowired
    ResidualReportService residual;
    @Autowired
    CourseMasterEditService masters;
    @Autowired
    PushService pushes;
    @Autowired
    PushRequestService requests;
    @Autowired
    DesyncQuery desyncs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    ReportsFixture f;

    @BeforeEach
    void district() {
        f = new ReportsFixture(context);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void pushCatalog(PushMode mode) {
        TestUsers.signIn(context, "alpha.push");
        PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, mode, true, EnumSet.allOf(LockType.class)));
    }

    // ---- Course Master Awaiting Push ----

    @Test
    void awaiting_push_lists_a_grading_change_but_not_an_attribute_change_and_drops_it_once_the_master_is_pushed() {
        pushCatalog(PushMode.PUSH_LOCKED);
        TestUsers.signIn(context, "alpha.admin");
        ReportFilter filter = ReportFilter.all().catalog(f.catalog).year(f.current);
        assertThat(awaiting.count(filter)).isZero();

        masters.updateInfo(f.eng.id(), CatalogLock.STATE_CODE, "SC-ENG-2");
        assertThat(awaiting.count(filter)).isZero();
        assertThat(awaiting.page(filter, 0, 50)).isEmpty();

        masters.addItem(f.eng.id(), app.cascade.grading.ItemType.CATEGORY, ItemEdit.category("Labs", BigDecimal.TEN));
        TestUsers.signIn(context, "alpha.viewer");
        List<AwaitingPushRow> rows = awaiting.page(filter, 0, 50);
        assertThat(rows).extracting(AwaitingPushRow::catalog, AwaitingPushRow::masterNumber,
                        AwaitingPushRow::dataTypeLabel, AwaitingPushRow::item, AwaitingPushRow::changeLabel,
                        AwaitingPushRow::changedBy, AwaitingPushRow::linkedCourses)
                .containsExactly(tuple("High School Catalog", "ENG101", "Categories", "Labs", "Added", "Alpha Admin",
                        2));
        assertThat(awaiting.count(filter)).isEqualTo(1);

        TestUsers.signIn(context, "alpha.push");
        PushRuns.of(context).run(PushCommand.master(f.eng.id(), f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class)));
        TestUsers.signIn(context, "alpha.viewer");
        assertThat(awaiting.page(filter, 0, 50)).isEmpty();
        assertThat(awaiting.count(filter)).isZero();
        assertThat(awaiting.emptyText(filter)).isEqualTo("No course master awaits a push in High School Catalog for "
                + "26-27: every grading-setup change was pushed (attribute changes are not listed).");
    }

    @Test
    void awaiting_push_filters_by_catalog_data_type_and_year_and_pages_in_the_database() {
        pushCatalog(PushMode.PUSH_LOCKED);
        TestUsers.signIn(context, "alpha.admin");
        masters.addItem(f.eng.id(), app.cascade.grading.ItemType.CATEGORY, ItemEdit.category("Labs", BigDecimal.TEN));
        masters.addItem(f.eng.id(), app.cascade.grading.ItemType.TASK, ItemEdit.task("S2", "Semester 2"));
        masters.removeItem(f.mat.itemId(app.cascade.grading.ItemType.CATEGORY, "tests"));
        masters.addItem(f.sci.id(), app.cascade.grading.ItemType.TASK, ItemEdit.task("S2", "Semester 2"));

        ReportFilter all = ReportFilter.all();
        assertThat(awaiting.count(all)).isEqualTo(4);
        assertThat(awaiting.count(all.catalog(f.catalog))).isEqualTo(3);
        assertThat(awaiting.page(all.catalog(f.catalog).dataType(LockType.TASKS_STANDARDS), 0, 10))
                .extracting(AwaitingPushRow::masterNumber, AwaitingPushRow::item)
                .containsExactly(tuple("ENG101", "S2"));
        assertThat(awaiting.page(all.catalog(f.catalog).dataType(LockType.CATEGORIES), 0, 10))
                .extracting(AwaitingPushRow::masterNumber, AwaitingPushRow::changeLabel)
                .containsExactly(tuple("ENG101", "Added"), tuple("MAT101", "Removed"));
        // the catalog push was for 26-27: for 25-26 the Middle School master was never pushed either
        assertThat(awaiting.page(all.year(f.past), 0, 10)).hasSize(4)
                .allSatisfy(r -> assertThat(r.linkedCourses()).isZero());

        List<AwaitingPushRow> whole = awaiting.page(all, 0, 100);
        List<AwaitingPushRow> paged = new ArrayList<>(awaiting.page(all, 0, 3));
        paged.addAll(awaiting.page(all, 3, 3));
        assertThat(paged).isEqualTo(whole);
        assertThat(awaiting.page(all, 0, 3)).hasSize(3);
    }

    @Test
    void push_to_courses_from_the_report_is_refused_to_a_viewer_and_queued_for_a_push_admin() {
        PushCommand command = PushCommand.master(f.eng.id(), f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class));
        TestUsers.signIn(context, "alpha.viewer");
        assertThatThrownBy(() -> requests.submit(command, null)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn(context, "alpha.admin");
        assertThatThrownBy(() -> requests.submit(command, null)).isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn(context, "alpha.push");
        UUID id = requests.submit(command, null);

        assertThat(requests.summary(id).kind()).isEqualTo(PushKind.MASTER);
        assertThat(requests.summary(id).master()).contains("ENG101");
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> requests.summary(id).status().isFinal());
    }

    // ---- Course Audit Report ----

    @Test
    void the_audit_shows_a_course_desynced_by_a_district_script_and_a_locked_field_that_differs() {
        // a district's own script, run against the database: re-points ENG101-B's S1 at MAT101's S1
        UUID matS1 = f.mat.itemId(app.cascade.grading.ItemType.TASK, "S1");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        TenantContext.call("alpha", () -> tx.execute(s -> jdbc.update(
                "update course_item set master_item_id = ? where course_id = ? and item_type = 'TASK' and code = 'S1'",
                matS1, f.eng2.id())));
        TestUsers.signIn(context, "alpha.admin");
        masters.updateInfo(f.mat.id(), CatalogLock.STATE_CODE, "SC-MAT-2");

        TestUsers.signIn(context, "alpha.viewer");
        ReportFilter filter = ReportFilter.all().catalog(f.catalog).year(f.current);
        List<AuditRow> rows = audit.page(filter, 0, 50);

        assertThat(rows).extracting(AuditRow::school, AuditRow::courseNumber, AuditRow::master, AuditRow::status,
                AuditRow::dataType, AuditRow::item, AuditRow::masterValue, AuditRow::courseValue).containsExactly(
                tuple("Lakeside High", "ENG101-B", "ENG101", AuditStatus.DESYNCED, "Grading Tasks/Standards",
                        "S1 Semester 1", "S1 Semester 1, order 0", "S1 Semester 1, order 0"),
                tuple("Lakeside High", "MAT101", "MAT101", AuditStatus.LINKED, "Course Info", "State code",
                        "SC-MAT-2", "SC-MAT"));
        assertThat(rows.getFirst().discrepancy()).startsWith("Desynced: linked to an item of another course master")
                .endsWith("MAT101").doesNotContain("condition");
        assertThat(rows.get(1).discrepancy()).startsWith("Locked field differs from the master");
        assertThat(audit.count(filter)).isEqualTo(2);
        // the same desync the push engine's detector finds
        assertThat(desyncs.desyncedCourses(f.catalog, f.current)).extracting(DesyncedCourse::courseId)
                .containsExactlyElementsOf(rows.stream().filter(r -> r.status() == AuditStatus.DESYNCED)
                        .map(AuditRow::courseId).distinct().toList());

        assertThat(audit.page(filter.dataType(LockType.COURSE_INFO), 0, 50)).extracting(AuditRow::courseNumber)
                .containsExactly("MAT101");
        assertThat(audit.page(filter.school(f.maple), 0, 50)).isEmpty();
        assertThat(audit.emptyText(filter.catalog(f.middleCatalog).year(f.past))).isEqualTo("No desynced courses "
                + "in Middle School Catalog for 25-26: every linked course matches its master's locked data.");

        // Overwrite repairs ENG101-B (RELINKED) and pushes MAT101's state code: nothing is left to audit
        TestUsers.signIn(context, "alpha.push");
        PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, false,
                EnumSet.allOf(LockType.class)));
        TestUsers.signIn(context, "alpha.viewer");
        assertThat(audit.page(filter, 0, 50)).isEmpty();
        assertThat(audit.count(filter)).isZero();
    }

    @Test
    void the_audit_lists_changed_missing_and_removed_items_and_ignore_master_push_courses() {
        TestUsers.signIn(context, "alpha.admin");
        masters.updateItem(f.mat.itemId(app.cascade.grading.ItemType.CATEGORY, "tests"),
                ItemEdit.category("Tests", new BigDecimal("70")));
        masters.addItem(f.mat.id(), app.cascade.grading.ItemType.TASK, ItemEdit.task("S2", "Semester 2"));
        f.d.update("delete from master_item where master_id = ? and item_type = 'TASK' and code = 'S1'",
                f.mat.id());
        f.d.update("update course set ignore_master_push = true where id = ?", f.eng2.id());
        f.d.update("update course_item set weight = 99 where course_id = ? and item_type = 'CATEGORY'", f.eng2.id());

        TestUsers.signIn(context, "alpha.viewer");
        List<AuditRow> rows = audit.page(ReportFilter.all().catalog(f.catalog), 0, 50);

        assertThat(rows).extracting(AuditRow::courseNumber, AuditRow::status, AuditRow::item, AuditRow::masterValue,
                AuditRow::courseValue).containsExactly(
                tuple("ENG101-B", AuditStatus.IGNORE_MASTER_PUSH, "Homework", "Homework, weight 40, order 0",
                        "Homework, weight 99, order 0"),
                tuple("ENG101-B", AuditStatus.IGNORE_MASTER_PUSH, "Tests", "Tests, weight 60, order 0",
                        "Tests, weight 99, order 0"),
                tuple("MAT101", AuditStatus.LINKED, "S1 Semester 1", null, "S1 Semester 1, order 0"),
                tuple("MAT101", AuditStatus.LINKED, "S2 Semester 2", "S2 Semester 2, order 0", null),
                tuple("MAT101", AuditStatus.LINKED, "Tests", "Tests, weight 70, order 0",
                        "Tests, weight 50, order 0"));
        assertThat(rows).extracting(AuditRow::discrepancy).contains(
                "Removed from the master, not pushed yet", "Missing at the course: added to the master, not pushed yet");
    }

    // ---- Residual Data Report ----

    @Test
    void after_an_overwrite_the_residual_report_shows_exactly_the_residual_items_the_engine_reported() {
        UUID labs = UUID.randomUUID();
        f.d.update("insert into section_item (id, section_id, item_type, name, weight, origin) values"
                + " (?, ?, 'CATEGORY', 'Labs', 10, 'TEACHER')", labs, f.eng1Section1);
        f.d.assignment(f.eng1Section1, labs, null);
        f.d.assignment(f.eng1Section1, labs, null);
        UUID q3 = f.eng1.itemId(app.cascade.grading.ItemType.TASK, "Q3");
        f.d.postedGrade(f.eng1Section1, q3, "Q2", "1001");
        f.d.postedGrade(f.eng1Section2, q3, "Q2", "1002");
        f.eng2.unlinked(task("X9", "Extra credit"), Origin.COURSE);
        f.d.assignment(f.eng2Section1, null, f.eng2.itemId(app.cascade.grading.ItemType.TASK, "X9"));
        f.sci1.residual(category("Old labs", "5"));
        TestUsers.signIn(context, "alpha.admin");
        masters.removeItem(f.eng.itemId(app.cascade.grading.ItemType.CALC_OPTION, "Q3|Q1"));
        masters.removeItem(f.eng.itemId(app.cascade.grading.ItemType.TASK, "Q3"));

        TestUsers.signIn(context, "alpha.push");
        UUID request = PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class)));
        List<Tuple> reported = pushes.reportRows(request).stream()
                .filter(r -> r.reason() == ReasonCode.RESIDUAL_HAS_DEPENDENTS)
                .map(r -> tuple(r.school(), r.courseNumber(), r.section(), r.dataType(), r.item(), r.dependents()))
                .toList();

        TestUsers.signIn(context, "alpha.viewer");
        ReportFilter filter = ReportFilter.all().year(f.current).catalog(f.catalog);
        List<ResidualRow> rows = residual.page(filter, 0, 100);

        assertThat(reported).hasSize(3);
        assertThat(rows).extracting(r -> tuple(r.school(), r.courseNumber(), r.section(), r.dataType(), r.item(),
                r.dependents())).containsExactlyInAnyOrderElementsOf(reported);
        assertThat(rows).extracting(ResidualRow::courseNumber, ResidualRow::section, ResidualRow::teacher,
                ResidualRow::item, ResidualRow::origin).containsExactly(
                tuple("ENG101", null, null, "Q3 Quarter 3", "MASTER"),
                tuple("ENG101", "1", "Ms. Rivera", "Labs", "TEACHER"),
                tuple("ENG101-B", null, null, "X9 Extra credit", "COURSE"));
        assertThat(rows.get(1).dependents()).isEqualTo(new app.cascade.push.engine.Dependents(2, 2, 0, 2));
        assertThat(rows.getFirst().dependents().postedGrades()).isEqualTo(2);
        assertThat(residual.count(filter)).isEqualTo(3);

        // filters narrow; the Middle School course's residual item is in its own catalog
        assertThat(residual.count(ReportFilter.all())).isEqualTo(4);
        assertThat(residual.page(filter.dataType(LockType.CATEGORIES), 0, 10)).extracting(ResidualRow::item)
                .containsExactly("Labs");
        assertThat(residual.page(ReportFilter.all().school(f.maple), 0, 10)).extracting(ResidualRow::item)
                .containsExactly("Old labs");
        assertThat(residual.count(filter.year(f.past))).isZero();
        assertThat(residual.emptyText(filter.year(f.past))).isEqualTo("No residual (course managed) setup in High "
                + "School Catalog for 25-26: no push has kept an item only because of its grades or assignments.");

        // paging in the database: the pages put together are the whole
        List<ResidualRow> paged = new ArrayList<>(residual.page(ReportFilter.all(), 0, 2));
        paged.addAll(residual.page(ReportFilter.all(), 2, 2));
        assertThat(paged).isEqualTo(residual.page(ReportFilter.all(), 0, 100)).hasSize(4);
    }

    // ---- downloads and tenancy ----

    @Test
    void every_report_downloads_as_csv_with_the_section_6_header_and_as_pdf_with_its_rows() throws Exception {
        f.sci1.residual(category("Old labs", "5"));
        TestUsers.signIn(context, "alpha.admin");
        masters.updateInfo(f.mat.id(), CatalogLock.STATE_CODE, "SC-MAT-2");
        masters.addItem(f.sci.id(), app.cascade.grading.ItemType.TASK, ItemEdit.task("S2", "Semester 2"));
        TestUsers.signIn(context, "alpha.viewer");
        ReportFilter all = ReportFilter.all();

        assertThat(csv(residual.csv(all))).containsExactly(
                List.of("School", "Course number", "Course name", "Section", "Teacher", "Data type", "Item", "Origin",
                        "Assignments", "Scores", "Posted grades", "Comments"),
                List.of("Maple Middle", "SCI7", "Science 7", "", "", "Categories", "Old labs", "Master", "0", "0", "0",
                        "0"));
        List<List<String>> awaitingCsv = csv(awaiting.csv(all));
        assertThat(awaitingCsv.getFirst()).containsExactly("Catalog", "Master", "Data type", "Item", "Change",
                "Changed by", "Changed at", "Linked courses pending");
        assertThat(awaitingCsv.get(1)).startsWith("Middle School Catalog", "SCI7 Science 7", "Grading Tasks/Standards",
                "S2", "Added", "Alpha Admin");
        assertThat(awaitingCsv.get(1).getLast()).isEqualTo("1");
        assertThat(csv(audit.csv(all))).containsExactly(
                List.of("School", "Course", "Master", "Status", "Data type", "Item", "Master value", "Course value",
                        "Discrepancy"),
                List.of("Lakeside High", "MAT101 Algebra I", "MAT101", "Linked", "Course Info", "State code",
                        "SC-MAT-2", "SC-MAT", "Locked field differs from the master (not pushed yet)"),
                List.of("Maple Middle", "SCI7 Science 7", "SCI7", "Linked", "Grading Tasks/Standards",
                        "S2 Semester 2", "S2 Semester 2, order 0", "",
                        "Missing at the course: added to the master, not pushed yet"));

        assertThat(pdfText(residual.pdf(all))).contains("ResidualDataReport", "Oldlabs", "MapleMiddle");
        assertThat(pdfText(awaiting.pdf(all))).contains("CourseMasterAwaitingPush", "SCI7Science7", "Added");
        assertThat(pdfText(audit.pdf(all))).contains("CourseAuditReport", "MAT101", "SC-MAT-2");
        assertThat(pdfText(audit.pdf(all.catalog(f.middleCatalog).dataType(LockType.COURSE_INFO)))).contains("NodesyncedcoursesinMiddleSchoolCatalog");
        assertThat(residual.fileName(all.catalog(f.catalog), "csv")).isEqualTo("residual-data-in-high-school-catalog.csv");
    }

    /**
     * The audit's PDF as a person reads it: US Letter landscape, a header block naming the filters (or "All …") and
     * counting rows, courses, statuses and data types, the discrepancy without a desync condition number, and every
     * word of every cell whole on one line.
     */
    @Test
    void the_audit_pdf_is_letter_landscape_with_a_header_block_of_filters_and_counts_and_whole_words()
            throws Exception {
        UUID matS1 = f.mat.itemId(app.cascade.grading.ItemType.TASK, "S1");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        TenantContext.call("alpha", () -> tx.execute(s -> jdbc.update(
                "update course_item set master_item_id = ? where course_id = ? and item_type = 'TASK' and code = 'S1'",
                matS1, f.eng2.id())));
        TestUsers.signIn(context, "alpha.admin");
        masters.updateInfo(f.mat.id(), CatalogLock.STATE_CODE, "SC-MAT-2");
        TestUsers.signIn(context, "alpha.viewer");
        ReportFilter filter = ReportFilter.all().catalog(f.catalog).year(f.current);
        List<AuditRow> rows = audit.page(filter, 0, 50);
        assertThat(rows).hasSize(2);

        byte[] pdf = audit.pdf(filter);

        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(reader.getPageSizeWithRotation(1).getWidth()).isEqualTo(792f);
            assertThat(reader.getPageSizeWithRotation(1).getHeight()).isEqualTo(612f);
        }
        String text = pdfLines(pdf);
        assertThat(text).contains("Course Audit Report in High School Catalog", "School year",
                "Catalog", "High School Catalog", "School", "All schools", "Data type", "All data types", "Generated");
        // the extractor joins a label and its value with or without a space: compare without spaces
        assertThat(text.replaceAll("\\s+", "")).contains("Rows" + rows.size(), "Courses2", "Desynced:1",
                "Linked:1", "GradingTasks/Standards:1", "CourseInfo:1");
        assertThat(text).doesNotContain("condition", "DESYNCED", "COURSE_INFO", "TASK");
        List<String> words = rows.stream().flatMap(r -> AuditRow.TABLE.values(r).stream())
                .flatMap(cell -> List.of(cell.split(" ")).stream()).filter(w -> !w.isBlank()).toList();
        assertThat(words).contains("ENG101-B", "Tasks/Standards", "Desynced:");
        assertThat(ReportWriterTest.wordsBrokenAcrossLines(text, words)).as("in:%n%s", text).isEmpty();
    }

    @Test
    void another_districts_viewer_sees_none_of_these_rows() {
        app.cascade.catalog.DistrictFixture.in("beta", context).wipe();
        f.sci1.residual(category("Old labs", "5"));
        TestUsers.signIn(context, "alpha.admin");
        masters.updateInfo(f.mat.id(), CatalogLock.STATE_CODE, "SC-MAT-2");
        masters.addItem(f.sci.id(), app.cascade.grading.ItemType.TASK, ItemEdit.task("S2", "Semester 2"));

        TestUsers.signIn(context, "beta.viewer");
        assertThat(residual.count(ReportFilter.all())).isZero();
        assertThat(awaiting.count(ReportFilter.all())).isZero();
        assertThat(audit.count(ReportFilter.all())).isZero();
        TestUsers.signIn(context, "support");
        assertThatThrownBy(() -> residual.count(ReportFilter.all())).isInstanceOf(AccessDeniedException.class);
    }

    private static List<List<String>> csv(byte[] bytes) throws Exception {
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        try (CSVParser parser = CSVFormat.EXCEL.parse(new StringReader(text))) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }

    /** The PDF's text, line by line as the extractor reads it. */
    private static String pdfLines(byte[] pdf) throws Exception {
        try (PdfReader reader = new PdfReader(pdf)) {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
            }
            return text.toString();
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        try (PdfReader reader = new PdfReader(pdf)) {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(new PdfTextExtractor(reader).getTextFromPage(page));
            }
            return text.toString().replaceAll("\\s+", "");
        }
    }
}
