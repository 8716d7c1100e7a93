package app.cascade.reports;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.CourseMasterEditService;
import app.cascade.catalog.DistrictFixture;
import app.cascade.catalog.ItemEdit;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.ItemType;
import app.cascade.grading.LockType;
import app.cascade.reports.api.AwaitingPushResource;
import app.cascade.reports.api.CourseAuditResource;
import app.cascade.reports.api.ResidualResource;
import app.cascade.tables.ReportHeader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.cascade.catalog.ItemSpec.category;
import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The three district reports over the REST API ({@code /api/v1/reports/...}), over HTTP with the dev users' Basic
 * credentials, against the report services the screens use, on {@link ReportsFixture} plus: residual items at
 * ENG101, ENG101-B and SCI7 (26-27) and at an ENG101 course of 25-26; grading changes to ENG101, MAT101 and SCI7
 * since their last push; and MAT101's state code changed on the master only.
 */
@CascadeIntegrationTest
class ReportsApiIT {

    static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    static final ZoneId ALPHA_ZONE = ZoneId.of("America/New_York");

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ResidualReportService residual;
    @Autowired
    AwaitingPushService awaiting;
    @Autowired
    CourseAuditService audit;
    @Autowired
    CourseMasterEditService masters;

    final JsonMapper mapper = JsonMapper.builder().build();
    ReportsFixture f;
    ReportFilter current;

    /** One report as the tests drive it: its path and JSON row, and the calls its screen makes. */
    record Report<R>(String path, Class<R> type, Function<ReportFilter, List<R>> rows,
                     Function<ReportFilter, byte[]> csv, BiFunction<ReportFilter, String, String> fileName,
                     Function<R, List<String>> cells, List<String> headers, String title) {
    }

    Report<ResidualResource> residualReport;
    Report<AwaitingPushResource> awaitingReport;
    Report<CourseAuditResource> auditReport;

    @BeforeEach
    void district() {
        f = new ReportsFixture(context);
        f.sci1.residual(category("Old labs", "5"));
        f.eng1.residual(category("Old tests", "5"));
        f.eng2.residual(task("X9", "Extra credit"));
        f.d.course(f.calendarPast, f.eng).residual(category("Last year's labs", "5"));
        TestUsers.signIn(context, "alpha.admin");
        masters.addItem(f.eng.id(), ItemType.CATEGORY, ItemEdit.category("Labs", BigDecimal.TEN));
        masters.addItem(f.eng.id(), ItemType.TASK, ItemEdit.task("S2", "Semester 2"));
        masters.removeItem(f.mat.itemId(ItemType.CATEGORY, "tests"));
        masters.addItem(f.sci.id(), ItemType.TASK, ItemEdit.task("S2", "Semester 2"));
        masters.updateInfo(f.mat.id(), CatalogLock.STATE_CODE, "SC-MAT-2");
        TestUsers.signIn(context, "alpha.viewer");
        current = ReportFilter.all().year(f.current);

        DateTimeFormatter time = ReportHeader.TIME.withZone(ALPHA_ZONE);
        residualReport = new Report<>("/api/v1/reports/residual", ResidualResource.class,
                filter -> residual.page(filter, 0, 500).stream().map(ResidualResource::of).toList(), residual::csv,
                residual::fileName, r -> cells(r.school(), r.courseNumber(), r.courseName(), r.section(), r.teacher(),
                r.dataType(), r.item(), r.origin(), r.assignments(), r.scores(), r.postedGrades(), r.comments()),
                ResidualRow.TABLE.headers(), "Residual Data Report");
        awaitingReport = new Report<>("/api/v1/reports/awaiting-push", AwaitingPushResource.class,
                filter -> awaiting.page(filter, 0, 500).stream().map(AwaitingPushResource::of).toList(),
                awaiting::csv, awaiting::fileName, r -> cells(r.catalog(), r.master(), r.dataType(), r.item(),
                r.change(), r.changedBy(), time.format(r.changedAt()), r.linkedCoursesPending()),
                AwaitingPushRow.table(ALPHA_ZONE).headers(), "Course Master Awaiting Push");
        auditReport = new Report<>("/api/v1/reports/course-audit", CourseAuditResource.class,
                filter -> audit.page(filter, 0, 500).stream().map(CourseAuditResource::of).toList(), audit::csv,
                audit::fileName, r -> cells(r.school(), r.course(), r.master(), r.status(), r.dataType(), r.item(),
                r.masterValue(), r.courseValue(), r.discrepancy()), AuditRow.TABLE.headers(),
                "Course Audit Report");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    // ---- rows ----

    @Test
    void each_reports_json_rows_equal_the_services_rows_and_the_csv_data_rows_byte_for_byte_the_screens_csv()
            throws Exception {
        for (Report<?> report : List.of(residualReport, awaitingReport, auditReport)) {
            assertRowsMatch(report, "", current);
        }
        List<ResidualResource> rows = rows(residualReport, "");
        assertThat(rows).extracting(ResidualResource::courseNumber, ResidualResource::item).containsExactly(
                tuple("ENG101", "Old tests"), tuple("ENG101-B", "X9 Extra credit"), tuple("SCI7", "Old labs"));
        assertThat(rows.getFirst().courseId()).isEqualTo(f.eng1.id());
        assertThat(rows(awaitingReport, "")).extracting(AwaitingPushResource::masterId)
                .containsExactly(f.eng.id(), f.eng.id(), f.mat.id(), f.sci.id());
        JsonNode first = mapper.readTree(get("alpha.viewer", auditReport.path(), "application/json").getBody())
                .get(0);
        assertThat(first.get("courseId").asLong()).isEqualTo(f.eng1.id());
        assertThat(first.get("masterId").asLong()).isEqualTo(f.eng.id());
        assertThat(first.get("status").asString()).isEqualTo("Linked");
    }

    @Test
    void the_school_year_defaults_to_the_current_one_as_on_the_screen_and_all_lifts_it() throws Exception {
        assertThat(rows(residualReport, "")).extracting(ResidualResource::item).doesNotContain("Last year's labs");
        assertThat(rows(residualReport, "schoolYearId=all")).extracting(ResidualResource::item)
                .contains("Last year's labs").hasSize(4);
        assertRowsMatch(residualReport, "schoolYearId=all", ReportFilter.all());
        assertRowsMatch(auditReport, "schoolYearId=ALL", ReportFilter.all());
        assertRowsMatch(awaitingReport, "schoolYearId=all", ReportFilter.all());
        assertThat(rows(auditReport, "schoolYearId=all")).hasSizeGreaterThan(rows(auditReport, "").size());
    }

    @Test
    void each_filter_narrows_the_rows_as_the_screens_filter_does() throws Exception {
        assertNarrows(residualReport, "schoolYearId=" + f.past, ReportFilter.all().year(f.past));
        assertNarrows(residualReport, "catalogId=" + f.middleCatalog, current.catalog(f.middleCatalog));
        assertNarrows(residualReport, "schoolId=" + f.maple, current.school(f.maple));
        assertNarrows(residualReport, "dataType=TASK", current.dataTypes(Set.of(ItemType.TASK), false));
        assertNarrows(residualReport, "schoolYearId=all&dataType=CATEGORY&catalogId=" + f.catalog,
                ReportFilter.all().catalog(f.catalog).dataTypes(Set.of(ItemType.CATEGORY), false));

        assertNarrows(awaitingReport, "catalogId=" + f.catalog, current.catalog(f.catalog));
        assertNarrows(awaitingReport, "dataType=TASK", current.dataTypes(Set.of(ItemType.TASK), false));
        assertNarrows(awaitingReport, "dataType=CATEGORY&catalogId=" + f.catalog,
                current.catalog(f.catalog).dataType(LockType.CATEGORIES));
        // a year changes which pushes count and which courses are pending, as on the screen
        assertRowsMatch(awaitingReport, "schoolYearId=" + f.past, ReportFilter.all().year(f.past));
        assertThat(rows(awaitingReport, "schoolYearId=" + f.past)).extracting(AwaitingPushResource::linkedCoursesPending)
                .isNotEqualTo(rows(awaitingReport, "").stream().map(AwaitingPushResource::linkedCoursesPending)
                        .toList());

        assertNarrows(auditReport, "schoolId=" + f.maple, current.school(f.maple));
        assertNarrows(auditReport, "catalogId=" + f.catalog, current.catalog(f.catalog));
        assertNarrows(auditReport, "dataType=COURSE_INFO", current.dataType(LockType.COURSE_INFO));
        assertNarrows(auditReport, "dataType=CATEGORY&dataType=COURSE_INFO",
                current.dataTypes(Set.of(ItemType.CATEGORY), true));
        assertThat(rows(auditReport, "dataType=COURSE_INFO")).extracting(CourseAuditResource::item)
                .containsExactly("State code");
    }

    /** A screen's data type (Grading Tasks/Standards) is its item types: the same rows, CSV bytes and file name. */
    @Test
    void a_screens_data_type_is_its_item_types_with_the_same_csv_bytes_and_file_name() throws Exception {
        ReportFilter screen = ReportFilter.all().catalog(f.catalog).year(f.current)
                .dataType(LockType.TASKS_STANDARDS);
        String query = "catalogId=" + f.catalog + "&dataType=TASK&dataType=STANDARD";
        for (Report<?> report : List.of(residualReport, awaitingReport, auditReport)) {
            assertRowsMatch(report, query, screen);
            ResponseEntity<byte[]> csv = bytes("alpha.viewer", report.path() + "?" + query, "text/csv");
            assertThat(csv.getBody()).isEqualTo(report.csv().apply(screen));
            assertThat(csv.getHeaders().getContentDisposition().getFilename())
                    .isEqualTo(report.fileName().apply(screen, "csv"))
                    .endsWith("-in-high-school-catalog-for-26-27-grading-tasks-standards.csv");
        }
        // separated by commas, too
        assertRowsMatch(auditReport, "catalogId=" + f.catalog + "&dataType=TASK,STANDARD", screen);
    }

    // ---- paging ----

    @Test
    void json_pages_follow_the_link_header_to_the_whole_report_without_duplicates() throws Exception {
        assertPagesMakeTheWhole(residualReport, "schoolYearId=all");
        assertPagesMakeTheWhole(awaitingReport, "schoolYearId=all");
        // the next link keeps every filter, a repeated one included
        assertPagesMakeTheWhole(auditReport, "schoolYearId=all&dataType=TASK&dataType=CATEGORY");
    }

    private <R> void assertPagesMakeTheWhole(Report<R> report, String query) throws Exception {
        List<R> whole = rows(report, query);
        List<R> paged = new ArrayList<>();
        int pages = 0;
        String next = report.path() + "?" + query + "&limit=2";
        while (next != null) {
            ResponseEntity<String> page = get("alpha.viewer", next, "application/json");
            assertThat(page.getStatusCode().value()).as(page.getBody()).isEqualTo(200);
            List<R> rows = parse(page.getBody(), report.type());
            assertThat(rows).hasSizeBetween(1, 2);
            paged.addAll(rows);
            pages++;
            String link = page.getHeaders().getFirst(HttpHeaders.LINK);
            if (link == null) {
                next = null;
            } else {
                Matcher matcher = NEXT.matcher(link);
                assertThat(matcher.matches()).as(link).isTrue();
                next = matcher.group(1);
                assertThat(next).contains("cursor=", "limit=2");
            }
        }
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(paged).isEqualTo(whole).doesNotHaveDuplicates();
    }

    // ---- formats ----

    @Test
    void csv_and_pdf_are_whole_attachments_that_start_right_and_a_wildcard_accept_gets_csv() throws Exception {
        for (Report<?> report : List.of(residualReport, awaitingReport, auditReport)) {
            ResponseEntity<byte[]> csv = bytes("alpha.viewer", report.path() + "?limit=1", "text/csv");
            assertThat(csv.getStatusCode().value()).isEqualTo(200);
            assertThat(csv.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8"));
            assertAttachment(csv, report.fileName().apply(current, "csv"));
            assertThat(csv.getBody()).startsWith(0xEF, 0xBB, 0xBF);
            assertThat(new String(csv.getBody(), StandardCharsets.UTF_8))
                    .startsWith("\uFEFF" + String.join(",", report.headers()) + "\r\n");
            // limit and cursor are for JSON: the file is the whole report
            assertThat(csv(csv.getBody())).hasSize(rows(report, "").size() + 1);

            ResponseEntity<byte[]> pdf = bytes("alpha.viewer", report.path(), "application/pdf");
            assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
            assertAttachment(pdf, report.fileName().apply(current, "pdf"));
            assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(pdfText(pdf.getBody())).contains(report.title().replace(" ", ""));

            assertThat(bytes("alpha.viewer", report.path(), "*/*").getHeaders().getContentType())
                    .isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8"));
            assertThat(bytes("alpha.viewer", report.path(), "text/csv;q=0.5, application/json").getHeaders()
                    .getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        }
    }

    @Test
    void an_accept_of_xml_answers_406() {
        for (Report<?> report : List.of(residualReport, awaitingReport, auditReport)) {
            assertThat(get("alpha.viewer", report.path(), "application/xml").getStatusCode().value())
                    .isEqualTo(406);
        }
    }

    // ---- errors and access ----

    @Test
    void a_filter_that_names_nothing_of_the_district_answers_400_naming_the_parameter() throws Exception {
        long noCatalog = f.d.query("select coalesce(max(id), 0) + 1000 from course_catalog", Long.class);
        long noSchool = f.d.query("select coalesce(max(id), 0) + 1000 from school", Long.class);
        long noYear = f.d.query("select coalesce(max(id), 0) + 1000 from school_year", Long.class);
        for (Report<?> report : List.of(residualReport, awaitingReport, auditReport)) {
            assertBadField(report.path() + "?catalogId=" + noCatalog, "catalogId", "is no catalog of your district");
            assertBadField(report.path() + "?schoolYearId=" + noYear, "schoolYearId", "is no school year");
            assertBadField(report.path() + "?schoolYearId=last", "schoolYearId", "neither a school year's id nor all");
            assertBadField(report.path() + "?dataType=TASK&dataType=GRADES", "dataType", "'GRADES'");
            assertBadField(report.path() + "?catalogId=abc", "catalogId", "abc");
            assertBadField(report.path() + "?limit=0", "limit", "between 1 and 500");
            assertBadField(report.path() + "?cursor=bm9wZQ", "cursor", "not a cursor");
        }
        assertBadField(residualReport.path() + "?schoolId=" + noSchool, "schoolId", "is no school of your district");
        assertBadField(auditReport.path() + "?schoolId=" + noSchool, "schoolId", "is no school of your district");
        // only the audit has Course Info rows
        assertBadField(residualReport.path() + "?dataType=COURSE_INFO", "dataType", "COURSE_INFO");
        assertBadField(awaitingReport.path() + "?dataType=COURSE_INFO", "dataType", "COURSE_INFO");
        assertThat(get("alpha.viewer", auditReport.path() + "?dataType=COURSE_INFO", "application/json")
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void support_is_refused_with_403_problem_json_and_no_credentials_with_401() {
        for (Report<?> report : List.of(residualReport, awaitingReport, auditReport)) {
            for (String accept : List.of("application/json", "text/csv", "application/pdf")) {
                ResponseEntity<String> refused = get("support", report.path(), accept);
                assertThat(refused.getStatusCode().value()).as(report.path() + " " + accept).isEqualTo(403);
                assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(refused.getBody()).doesNotContain("Lakeside", "ENG101");
            }
            assertThat(get("support", report.path() + "?schoolYearId=" + f.current, "application/json")
                    .getStatusCode().value()).isEqualTo(403);
            assertThat(get(null, report.path(), "application/json").getStatusCode().value()).isEqualTo(401);
        }
    }

    @Test
    void another_districts_rows_never_appear_and_its_ids_name_nothing() throws Exception {
        DistrictFixture beta = DistrictFixture.in("beta", context).wipe();
        long year = beta.year("26-27", LocalDate.of(2026, 8, 1), LocalDate.of(2027, 6, 30));
        long catalog = beta.catalog("Beta Catalog", CatalogLock.values());
        long school = beta.school("BA", "Beta Academy", catalog);
        DistrictFixture.MasterFixture master = beta.master(catalog, "BETA1", "Beta Basics")
                .with(task("S1", "Semester 1"));
        beta.course(beta.calendar(school, year, "Q1", "Q2"), master).residual(category("Beta kept", "5"));
        beta.update("insert into master_change (master_id, item_type, item_label, change, changed_by)"
                + " values (?, 'TASK', 'S1', 'ADDED', 'beta.admin')", master.id());

        for (Report<?> report : List.of(residualReport, awaitingReport, auditReport)) {
            for (String accept : List.of("application/json", "text/csv")) {
                ResponseEntity<String> alpha = get("alpha.viewer", report.path() + "?schoolYearId=all", accept);
                assertThat(alpha.getStatusCode().value()).isEqualTo(200);
                assertThat(alpha.getBody()).contains("ENG101").doesNotContain("Beta", "BETA1");
                ResponseEntity<String> theirs = get("beta.viewer", report.path() + "?schoolYearId=all", accept);
                assertThat(theirs.getStatusCode().value()).isEqualTo(200);
                assertThat(theirs.getBody()).contains("BETA1").doesNotContain("ENG101", "Lakeside", "Maple");
            }
            // beta's ids are not alpha's: refused, or (where alpha happens to have the same id) alpha's own rows
            for (String query : List.of("catalogId=" + catalog, "schoolYearId=" + year)) {
                ResponseEntity<String> foreign = get("alpha.viewer", report.path() + "?" + query, "application/json");
                assertThat(foreign.getStatusCode().value()).isIn(200, 400);
                assertThat(foreign.getBody()).doesNotContain("Beta");
            }
        }
        assertThat(rows(residualReport, "").size()).isEqualTo(3);
    }

    @Test
    void openapi_documents_each_report_under_one_tag_with_its_filters_formats_and_responses() throws Exception {
        JsonNode paths = mapper.readTree(get(null, "/v3/api-docs", "application/json").getBody()).get("paths");
        for (String path : List.of(residualReport.path(), awaitingReport.path(), auditReport.path())) {
            JsonNode operation = paths.get(path).get("get");
            assertThat(operation.get("tags").get(0).asString()).isEqualTo("Reports");
            assertThat(operation.get("summary").asString()).isNotBlank();
            assertThat(operation.get("description").asString()).contains("`schoolYearId`", "`dataType`",
                    "400 problem JSON", "rel=\"next\"", "406", "Requires VIEWER");
            JsonNode responses = operation.get("responses");
            assertThat(responses.propertyNames()).contains("200", "400", "401", "403", "406", "500", "503");
            assertThat(responses.get("200").get("content").propertyNames())
                    .containsExactlyInAnyOrder("application/json", "text/csv", "application/pdf");
            List<String> parameters = new ArrayList<>();
            operation.get("parameters").forEach(p -> parameters.add(p.get("name").asString()));
            assertThat(parameters).contains("schoolYearId", "catalogId", "dataType", "limit", "cursor");
            assertThat(parameters.contains("schoolId")).isEqualTo(!path.equals(awaitingReport.path()));
        }
    }

    // ---- helpers ----

    /** JSON rows of {@code query} equal the service's rows for {@code filter}, and the CSV's data rows equal both. */
    private <R> void assertRowsMatch(Report<R> report, String query, ReportFilter filter) throws Exception {
        List<R> json = rows(report, query);
        assertThat(json).as(report.path() + "?" + query).isEqualTo(report.rows().apply(filter));
        ResponseEntity<byte[]> csv = bytes("alpha.viewer", report.path() + "?" + query, "text/csv");
        assertThat(csv.getBody()).as("CSV of " + query).isEqualTo(report.csv().apply(filter));
        List<List<String>> records = csv(csv.getBody());
        assertThat(records.subList(1, records.size())).isEqualTo(json.stream().map(report.cells()).toList());
    }

    /** As {@link #assertRowsMatch}, and the filter keeps some of the report's rows of every year, not all. */
    private <R> void assertNarrows(Report<R> report, String query, ReportFilter filter) throws Exception {
        assertRowsMatch(report, query, filter);
        List<R> all = rows(report, "schoolYearId=all");
        assertThat(rows(report, query)).as(query).isNotEmpty().hasSizeLessThan(all.size());
    }

    private void assertBadField(String uri, String field, String detail) throws Exception {
        ResponseEntity<String> response = get("alpha.viewer", uri, "application/json");
        assertThat(response.getStatusCode().value()).as(uri + ": " + response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = mapper.readTree(response.getBody());
        assertThat(problem.get("field").asString()).as(uri).isEqualTo(field);
        assertThat(problem.get("detail").asString()).as(uri).startsWith(field).contains(detail);
    }

    private static void assertAttachment(ResponseEntity<byte[]> response, String fileName) {
        ContentDisposition disposition = response.getHeaders().getContentDisposition();
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).isEqualTo(fileName);
    }

    private <R> List<R> rows(Report<R> report, String query) {
        ResponseEntity<String> response = get("alpha.viewer", report.path() + "?" + query + "&limit=500",
                "application/json");
        assertThat(response.getStatusCode().value()).as(query + ": " + response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders().getFirst(HttpHeaders.LINK)).isNull();
        return parse(response.getBody(), report.type());
    }

    private <R> List<R> parse(String json, Class<R> type) {
        return mapper.readValue(json, mapper.getTypeFactory().constructCollectionType(List.class, type));
    }

    private RestClient client(String user) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {
                });
        if (user != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return builder.build();
    }

    private ResponseEntity<String> get(String user, String uri, String accept) {
        return client(user).get().uri(uri).header(HttpHeaders.ACCEPT, accept).retrieve().toEntity(String.class);
    }

    private ResponseEntity<byte[]> bytes(String user, String uri, String accept) {
        return client(user).get().uri(uri).header(HttpHeaders.ACCEPT, accept).retrieve().toEntity(byte[].class);
    }

    /** The CSV cells of a JSON row: null as "", numbers as they are. */
    private static List<String> cells(Object... values) {
        return Arrays.stream(values).map(v -> Objects.toString(v, "")).toList();
    }

    private static List<List<String>> csv(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVFormat.EXCEL.parse(new StringReader(text.substring(1)))) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PdfReader reader = new PdfReader(pdf)) {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(new PdfTextExtractor(reader).getTextFromPage(page));
            }
            return text.toString().replaceAll("\\s+", "");
        }
    }
}
