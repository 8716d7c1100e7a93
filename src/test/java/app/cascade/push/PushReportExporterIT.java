package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.engine.ReasonCode;
import app.cascade.push.engine.ReportRow;
import app.cascade.tables.ReportWriterTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@CascadeIntegrationTest
class PushReportExporterIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushService pushes;
    @Autowired
    PushReportExporter exporter;

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    /** A push whose report has rows for several courses: an ignored course, a desynced one, a residual item. */
    private UUID pushWithRows() {
        var d = app.cascade.catalog.DistrictFixture.in("alpha", context).wipe();
        long year = d.year("26-27", LocalDate.of(2026, 8, 1), LocalDate.of(2027, 6, 30));
        long catalog = d.catalog("High School Catalog", app.cascade.catalog.CatalogLock.values());
        long calendar = d.calendar(d.school("LHS", "Lakeside High, \"North\" campus", catalog), year, "Q1", "Q2");
        var eng = d.master(catalog, "ENG101", "English 9").with(task("S1", "Semester 1"), category("Tests", "60"));
        var other = d.master(catalog, "MAT101", "Algebra I").with(task("S1", "Semester 1"));
        d.course(calendar, eng).copyAllFromMaster().section("1", "Ms. Rivera").copyAllFromCourse();
        d.course(calendar, "ENG101-B", "English 9, Period B").linkTo(eng).ignoreMasterPush();
        d.course(calendar, "ENG101-C", "English 9 C").linkTo(eng)
                .copyFromMaster(other.itemId(app.cascade.grading.ItemType.TASK, "S1"));
        TestUsers.signIn(context, "alpha.push");
        return PushRuns.of(context).run(PushCommand.catalog(catalog, year, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class)));
    }

    @Test
    void the_csv_has_a_bom_and_parses_back_to_exactly_the_report_rows() throws Exception {
        UUID id = pushWithRows();
        List<ReportRow> rows = pushes.reportRows(id);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2);

        byte[] csv = exporter.csv(id);

        assertThat(csv[0] & 0xFF).isEqualTo(0xEF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            assertThat(parser.getHeaderNames()).isEqualTo(PushReportExporter.COLUMNS);
            List<List<String>> parsed = parser.getRecords().stream().map(CSVRecord::toList).toList();
            assertThat(parsed).isEqualTo(rows.stream().map(PushReportExporter::values).toList());
            assertThat(parsed).extracting(r -> r.get(7)).as("the Reason column keeps the codes scripts read")
                    .contains("SKIPPED_IGNORE_MASTER_PUSH", "DESYNCED");
            assertThat(parsed).extracting(r -> r.get(12)).as("the details are in words")
                    .noneMatch(d -> d.contains("condition") || d.contains("(id "))
                    .anyMatch(d -> d.contains("links to an item of another course master"));
        }
        assertThat(exporter.fileName(id, "csv")).startsWith("push-report-high-school-catalog-26-27-").endsWith(".csv");
    }

    @Test
    void a_previews_rows_export_like_a_reports_and_its_pdf_opens() throws Exception {
        UUID id = pushWithRows();
        List<ReportRow> rows = pushes.reportRows(id);

        assertThat(exporter.csvOf(rows)).isEqualTo(exporter.csv(id));
        try (PdfReader reader = new PdfReader(exporter.pdfOf("Preview", "nothing changed", rows))) {
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", ""))
                    .contains("Preview", "ENG101-B");
        }
    }

    @Test
    void the_pdf_opens_and_lists_the_courses_of_the_report() throws Exception {
        UUID id = pushWithRows();

        String text = pdfText(exporter.pdf(id)).replaceAll("\\s+", "");

        assertThat(text).contains("ENG101-B", "ENG101-C", "IgnoreMasterPush", "Desyncedfromitsmaster",
                "HighSchoolCatalog");
    }

    /**
     * What a person reads: US Letter landscape; a header block with the request's settings in the queue's words and
     * the counts per reason and per outcome; the reasons, the status and "pushed to sections" in words, never a code,
     * a desync condition number or a database id; and no word broken across two lines.
     */
    @Test
    void the_pdf_is_letter_landscape_in_the_uis_words_with_a_header_block_and_whole_words() throws Exception {
        UUID id = pushWithRows();
        List<ReportRow> rows = pushes.reportRows(id);
        assertThat(rows).extracting(ReportRow::reason).contains(ReasonCode.SKIPPED_IGNORE_MASTER_PUSH,
                ReasonCode.DESYNCED);
        assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains("condition 1", "(id "));

        byte[] pdf = exporter.pdf(id);

        try (PdfReader reader = new PdfReader(pdf)) {
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                assertThat(reader.getPageSizeWithRotation(page).getWidth()).isEqualTo(792f);
                assertThat(reader.getPageSizeWithRotation(page).getHeight()).isEqualTo(612f);
            }
        }
        String text = pdfText(pdf);
        for (ReasonCode code : ReasonCode.values()) {
            assertThat(text).doesNotContain(code.name());
        }
        for (PushStatus status : PushStatus.values()) {
            assertThat(text).doesNotContain(status.name());
        }
        assertThat(text).doesNotContain("condition", "(id ", "true", "false", "PUSH_LOCKED");
        assertThat(text).contains("Request", "Push All Course Masters", "Catalog", "High School Catalog",
                "School year", "26-27", "Status", "Completed with warnings", "Push mode", "Push locked data",
                "Pushed to sections", "No", "Submitted by", "Alpha Pusher", "Submitted at", "Started", "Finished",
                "Courses", "3 of 3");
        // the extractor joins a label and its value with or without a space: compare without spaces
        assertThat(text.replaceAll("\\s+", "")).contains("Rows" + rows.size(), "IgnoreMasterPush:1",
                "Desyncedfromitsmaster:1", "Skipped:1", "Notpushed:courseisdesynced:1", "PushedtosectionsNo");
        List<String> words = rows.stream().flatMap(r -> PushReportExporter.PDF_TABLE.values(r).stream())
                .flatMap(cell -> List.of(cell.split(" ")).stream()).filter(w -> !w.isBlank()).toList();
        assertThat(words).contains("ENG101-B", "Ignore", "\"S1", "Semester");
        assertThat(ReportWriterTest.wordsBrokenAcrossLines(text, words)).as("in:%n%s", text).isEmpty();
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PdfReader reader = new PdfReader(pdf)) {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
            }
            return text.toString();
        }
    }

    @Test
    void another_districts_report_is_not_found() {
        UUID id = pushWithRows();
        TestUsers.signIn(context, "beta.viewer");

        assertThatThrownBy(() -> exporter.csv(id)).isInstanceOf(PushNotFoundException.class);
        assertThatThrownBy(() -> exporter.pdf(id)).isInstanceOf(PushNotFoundException.class);
    }
}
