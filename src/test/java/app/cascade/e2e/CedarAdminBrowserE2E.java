package app.cascade.e2e;

import app.cascade.catalog.CourseMasterEditService;
import app.cascade.catalog.ItemEdit;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.ItemType;
import app.cascade.push.PushStatus;
import app.cascade.push.engine.ReasonCode;
import app.cascade.security.sso.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 15, the reports as Cedar Valley's district admin (cedar.admin, Rosa Jimenez) reads them at 1440×900: the
 * Course Audit, Course Master Awaiting Push and Residual Data grids show Course, Item and Discrepancy in full (no cell
 * cut off, no column pushed out of sight), and the PDFs they download are US Letter landscape, in the UI's words, with a header block and no word broken across
 * lines. The push report's PDF is fetched through the API as cedar.admin. Each PDF's first page is also rendered to PNG next to the screenshots ({@code pdftoppm}, poppler-utils).
 * Screenshots: {@code target/e2e/cedar-admin-*.png}.
 */
class CedarAdminBrowserE2E extends DemoBrowserJourney {

    static final String DISTRICT = "Cedar Valley Public Schools";
    static final String SCHEMA = "district_cedar_valley";
    static final String CATALOG = "High School Catalog";
    /** What a person never reads in a report: codes, desync condition numbers, database ids. */
    static final List<String> INTERNAL = internalTerms();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    CourseMasterEditService masters;

    Browser admin;
    String pushId;

    @BeforeAll
    void sign_in() {
        admin = signedIn("cedar-admin", "cedar.admin");
    }

    @Test
    @Order(1)
    void cedar_admin_signs_in_to_cedar_valley_and_opens_reports() {
        admin.until(SHORT, "the header naming Cedar Valley",
                d -> String.valueOf(admin.pageText()).contains(DISTRICT) ? true : null);
        admin.screenshot("signed-in");
        openFromMenu("reports", "#reports");
        admin.screenshot("reports");
        assertThat(admin.pageText()).contains("Residual Data Report", "Course Master Awaiting Push",
                "Course Audit Report");
        assertNoLakesideData(admin.pageText());
    }

    @Test
    @Order(2)
    void the_course_audit_grid_shows_course_item_and_discrepancy_in_full_and_its_pdf_reads_right() throws Exception {
        openFromMenu("reports/audit", "#audit-grid");
        WebElement grid = admin.await("#audit-grid", SHORT);
        List<String> rows = gridRows(admin, grid);
        admin.screenshot("audit-report");
        System.out.printf("Course Audit Report: %d rows%n", rows.size());
        assertReadable(grid, "Course", "Item", "Data type", "Discrepancy");

        Map.Entry<Path, String> pdf = download("#audit-report-pdf");
        assertThat(pdf.getValue()).contains("Course Audit Report", "School year", "Catalog", "School", "Data type",
                "Generated", "Rows", "Courses");
        assertWholeWords(pdf.getValue(), rows);
    }

    /** cedar.admin adds a task with a long name to ENG101 (as in the master editor): it awaits a push. */
    @Test
    @Order(3)
    void the_awaiting_push_grid_shows_master_and_item_in_full_and_its_pdf_reads_right() throws Exception {
        long master = jdbc.queryForObject("select id from " + SCHEMA + ".course_master where number = 'ENG101'",
                Long.class);
        try {
            TestUsers.signIn(context, "cedar.admin");
            masters.addItem(master, ItemType.TASK, ItemEdit.task("S9", "Semester 9 Independent Study Portfolio"));
        } finally {
            TestUsers.signOut();
        }
        openFromMenu("reports/awaiting-push", "#awaiting-grid");
        WebElement grid = admin.await("#awaiting-grid", SHORT);
        List<String> rows = gridRows(admin, grid);
        admin.screenshot("awaiting-push-report");
        System.out.printf("Course Master Awaiting Push: %d rows%n", rows.size());
        assertReadable(grid, "Master", "Item");

        Map.Entry<Path, String> pdf = download("#awaiting-push-report-pdf");
        assertThat(rows).anyMatch(r -> r.contains("ENG101 English 9") && r.contains("S9") && r.contains("Added"));
        assertThat(pdf.getValue()).contains("Course Master Awaiting Push", "Rows");
        // the row's Push to Courses button is an action of the screen, not a column of the report
        assertWholeWords(pdf.getValue(), rows.stream().map(r -> r.replace("Push to Courses", "")).toList());
    }

    /**
     * cedar.push overwrites the catalog's 26-27 courses and sections through the API (graded setup stays, as
     * residual), then cedar.admin reads the Residual Data Report.
     */
    @Test
    @Order(4)
    void after_an_overwrite_the_residual_grid_shows_course_and_item_in_full_and_its_pdf_reads_right()
            throws Exception {
        long catalog = jdbc.queryForObject("select id from " + SCHEMA + ".course_catalog where name = ?", Long.class,
                CATALOG);
        long year = jdbc.queryForObject("select id from " + SCHEMA + ".school_year where code = '26-27'", Long.class);
        HttpResponse<String> submitted = http(HttpRequest.newBuilder(URI.create(base() + "/api/v1/pushes"))
                .header("Authorization", basic("cedar.push"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"catalogId": %d, "schoolYearId": %d, "mode": "OVERWRITE", "toSections": true}
                        """.formatted(catalog, year))), HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(submitted.body());
        assertThat(id.find()).as(submitted.body()).isTrue();
        pushId = id.group(1);
        admin.until(PUSH, "the push to end", d -> {
            String status = jdbc.queryForObject("select status from " + SCHEMA + ".push_request where id = ?::uuid",
                    String.class, pushId);
            return PushStatus.valueOf(status).isFinal() ? status : null;
        });

        openFromMenu("reports", "#reports");
        admin.userClick(admin.await("#report-link-residual", SHORT));
        admin.await("#residual-grid", SHORT);
        admin.settled(SHORT);
        WebElement grid = admin.await("#residual-grid", SHORT);
        List<String> rows = gridRows(admin, grid);
        admin.screenshot("residual-report");
        System.out.printf("Residual Data Report: %d rows%n", rows.size());
        assertThat(rows).as("an Overwrite of the demo data keeps graded setup as residual").isNotEmpty();
        assertReadable(grid, "Course", "Item", "Data type", "Grades / assignments");

        Map.Entry<Path, String> pdf = download("#residual-report-pdf");
        assertThat(pdf.getValue()).contains("Residual Data Report", "School year", "Rows", "Origin",
                "Grades / assignments");
        // the grid's "Course level" section and its counts in words are the PDF's empty section and count columns
        assertWholeWords(pdf.getValue(), rows.stream()
                .map(r -> r.substring(0, r.lastIndexOf(" | ")).replace("Course level", "")).toList());
    }

    /**
     * The push report's PDF as cedar.admin gets it: a district admin has no push tool (and so no queue's "Get the
     * report"), so through the API, as cedar.admin; the API takes no browser session, so with HTTP Basic.
     */
    @Test
    @Order(5)
    void the_push_reports_pdf_reads_like_the_report_grid() throws Exception {
        assumeTrue(pushId != null, "step 4 pushed");
        HttpResponse<byte[]> report = http(HttpRequest.newBuilder(
                        URI.create(base() + "/api/v1/pushes/" + pushId + "/report"))
                .header("Accept", "application/pdf")
                .header("Authorization", basic("cedar.admin"))
                .GET(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(report.statusCode()).isEqualTo(200);
        Path file = Browser.OUT.resolve("downloads").resolve(admin.name).resolve("push-report.pdf");
        Files.write(file, report.body());

        String text = checkPdf(file, "push-report-pdf");
        assertThat(text).contains("Push report", CATALOG, "Request", "Push All Course Masters", "Status",
                "Push mode", "Overwrite existing course and section level data", "Pushed to sections", "Yes",
                "Submitted by", "Started", "Finished", "Reason", "What happened", "Grades / assignments");
        assertThat(text.replaceAll("\\s+", "")).contains("Coursemanaged(hasgradesorassignments):");
    }

    /** Clicks the side navigation's entry for {@code path} (with or without a leading "/") and awaits the view. */
    private void openFromMenu(String path, String viewSelector) {
        // a parent item's own link: the middle of an expanded parent (Reports) lies on one of its children
        WebElement item = admin.until(SHORT, "the side navigation's " + path, d -> (WebElement) admin.js("""
                const item = [...document.querySelectorAll('vaadin-side-nav-item')]
                    .find(i => i.path === arguments[0] || i.path === '/' + arguments[0]);
                if (!item) return null;
                return item.querySelector('vaadin-side-nav-item') ? item.shadowRoot.querySelector('a') : item;
                """, path));
        admin.userClick(item);
        admin.await(viewSelector, SHORT);
        admin.settled(SHORT);
    }

    /**
     * Every cell of the named columns shows its whole text (nothing clipped: its content is no wider than the cell)
     * and the grid needs no sideways scrolling, so no column sits out of sight.
     */
    private void assertReadable(WebElement grid, String... headers) {
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) admin.js("""
                const grid = arguments[0];
                const wanted = arguments[1];
                const table = grid.shadowRoot.querySelector('#table');
                const columns = [...grid.querySelectorAll('vaadin-grid-column')];
                const headerOf = col => (col._headerCell && col._headerCell._content
                    ? col._headerCell._content.textContent : '').trim();
                const clipped = [];
                let cells = 0;
                for (const col of columns) {
                  if (!wanted.includes(headerOf(col))) continue;
                  for (const cell of (col._cells || [])) {
                    const content = cell._content;
                    if (!content || cell.parentElement.hidden || !content.textContent.trim()) continue;
                    cells++;
                    const inner = content.firstElementChild || content;
                    if (content.scrollWidth > content.clientWidth + 1 || inner.scrollWidth > content.clientWidth + 1) {
                      clipped.push(headerOf(col) + ': ' + content.textContent.trim());
                    }
                  }
                }
                return {headers: columns.map(headerOf), cells: cells, clipped: clipped,
                        sideways: table.scrollWidth - table.clientWidth};
                """, grid, List.of(headers));
        System.out.printf("%s: columns %s, %s cells checked, clipped %s, sideways %s px%n", grid.getAttribute("id"),
                state.get("headers"), state.get("cells"), state.get("clipped"), state.get("sideways"));
        @SuppressWarnings("unchecked")
        List<String> columns = (List<String>) state.get("headers");
        assertThat(columns).as("the grid's columns").contains(headers);
        assertThat((List<?>) state.get("clipped")).as("cells cut off at 1440×900").isEmpty();
        assertThat(((Number) state.get("sideways")).intValue()).as("px of columns out of sight").isLessThanOrEqualTo(1);
    }

    /** Clicks a report's PDF link, waits for the file, and checks it (see {@link #checkPdf}). */
    private Map.Entry<Path, String> download(String link) throws Exception {
        admin.cleanDownloads();
        admin.userClick(admin.await(link, SHORT));
        Path file = admin.awaitDownload(".pdf", SHORT);
        String label = file.getFileName().toString().replaceAll("\\.pdf$", "");
        return Map.entry(file, checkPdf(file, label));
    }

    /**
     * US Letter landscape on every page, none of the internal terms, rendered to PNG for a person to look at. Returns
     * the text, line by line.
     */
    private String checkPdf(Path file, String label) throws Exception {
        byte[] pdf = Files.readAllBytes(file);
        StringBuilder text = new StringBuilder();
        try (PdfReader reader = new PdfReader(pdf)) {
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                assertThat(reader.getPageSizeWithRotation(page).getWidth()).as("page %d's width", page)
                        .isEqualTo(792f);
                assertThat(reader.getPageSizeWithRotation(page).getHeight()).as("page %d's height", page)
                        .isEqualTo(612f);
                text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
            }
        }
        String all = text.toString();
        assertThat(all).as(file.toString()).contains(DISTRICT).doesNotContain(INTERNAL.toArray(String[]::new));
        render(file, label);
        return all;
    }

    /** Every word of five letters or more of the grid's rows is whole on one line of the PDF. */
    private static void assertWholeWords(String pdfText, List<String> gridRows) {
        List<String> lines = pdfText.lines().toList();
        List<String> broken = new ArrayList<>();
        for (String row : gridRows) {
            for (String word : row.split("[\\s|]+")) {
                if (word.length() >= 5 && lines.stream().noneMatch(l -> l.contains(word)) && !broken.contains(word)) {
                    broken.add(word);
                }
            }
        }
        assertThat(broken).as("words of the grid broken across lines (or missing) in the PDF:%n%s", pdfText)
                .isEmpty();
    }

    /** The PDF's first page as PNG next to the screenshots, when poppler-utils' pdftoppm is installed. */
    private void render(Path pdf, String label) throws IOException, InterruptedException {
        Path prefix = Browser.OUT.resolve(admin.name + "-pdf-" + label);
        if (!Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            System.out.println("pdftoppm is not installed (apt-get install poppler-utils): " + pdf + " not rendered");
            return;
        }
        Process process = new ProcessBuilder("/usr/bin/pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1",
                "-singlefile", pdf.toString(), prefix.toString()).inheritIO().start();
        assertThat(process.waitFor()).as("pdftoppm's exit code").isZero();
        System.out.println("Rendered " + pdf + " to " + prefix + ".png");
    }

    private static <T> HttpResponse<T> http(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), body);
        }
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> internalTerms() {
        List<String> terms = new ArrayList<>(List.of("condition 1", "condition 2", "condition 3", "(id ", "true",
                "false", "PUSH_LOCKED", "OVERWRITE", "COURSE_INFO", "MASTER", "TEACHER"));
        for (ReasonCode code : ReasonCode.values()) {
            terms.add(code.name());
        }
        for (PushStatus status : PushStatus.values()) {
            terms.add(status.name());
        }
        return terms;
    }
}
