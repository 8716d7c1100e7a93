package app.cascade.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

import java.io.StringReader;
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
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        try (CSVParser parser = CSVFormat.EXCEL.parse(new StringReader(text))) {
            assertThat(parser.getRecords()).map(CSVRecord::toList).containsExactly(List.of("Name", "Count"),
                    List.of("Lakeside High, \"North\"", "3"), List.of("", ""));
        }
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
}
