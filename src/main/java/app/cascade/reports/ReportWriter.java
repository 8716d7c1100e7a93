package app.cascade.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.HeaderFooter;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one CSV and PDF writer of every report (the push report and the three district reports): CSV is UTF-8 with a
 * BOM (so Excel reads it right) in Excel's dialect; PDF is a landscape A4 table whose header row repeats on every
 * page, under a title and a subtitle line, with page numbers. Column-driven: it knows nothing of any report.
 *
 * <p>CSV cells are neutralised against formula injection (OWASP "CSV Injection", ASVS 1.2.10): a spreadsheet runs a
 * cell that starts with {@code =}, {@code +}, {@code -} or {@code @} as a formula, some also when a tab, a carriage
 * return or a NUL comes first. Every such text cell is written with a single quote in front, which
 * spreadsheets show as text and never evaluate, and commons-csv then quotes the cell as CSV needs (embedded commas,
 * quotes, line breaks). A school, course or category named {@code =HYPERLINK(...)} therefore reaches the
 * spreadsheet as the text {@code '=HYPERLINK(...)}. Numbers are not text: a {@link ReportTable} column whose value
 * is a {@link Number} is written as it is, so a count (or a negative number, should a report ever have one) stays a
 * number in the spreadsheet ("-5" is the number -5, not a formula). Text that only looks like a number, such as a
 * course number "-5", is text and gets the quote like any other text. The list-of-strings variant of {@link #csv}
 * has no types, so it treats every cell as text (the push report's counts never start with a trigger).
 */
public final class ReportWriter {

    /** What a spreadsheet may start a formula with (OWASP: = + - @ tab CR; ASVS 1.2.10 adds NUL). */
    private static final String FORMULA_TRIGGERS = "=+-@\t\r\0";

    private ReportWriter() {
    }

    /** The table's rows as CSV: text cells neutralised, {@link Number} cells as they are. */
    public static <T> byte[] csv(ReportTable<T> table, List<T> rows) {
        return write(table.headers(), rows.stream().map(row -> table.columns().stream()
                .map(column -> cell(column.value().apply(row))).toList()).toList());
    }

    /** Rows of text as CSV: every cell is text, so every cell that starts with a formula trigger is neutralised. */
    public static byte[] csv(List<String> headers, List<List<String>> rows) {
        return write(headers, rows.stream().map(row -> row.stream().map(ReportWriter::text).toList()).toList());
    }

    /**
     * A cell's text: "" for null, a number as it is (never a formula, and it must stay a number), anything else
     * through {@link #text}.
     */
    static String cell(Object value) {
        return switch (value) {
            case null -> "";
            case Number number -> number.toString();
            default -> text(value.toString());
        };
    }

    /** Text a spreadsheet shows as text: a single quote in front when it starts with a formula trigger. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && FORMULA_TRIGGERS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static byte[] write(List<String> headers, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder()
                    .setHeader(headers.stream().map(ReportWriter::text).toArray(String[]::new)).get());
            for (List<String> row : rows) {
                csv.printRecord(row);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @param emptyText the sentence the table shows when there is no row: what "nothing here" means */
    public static <T> byte[] pdf(String title, String subtitle, ReportTable<T> table, List<T> rows, String emptyText) {
        return pdf(title, subtitle, table.headers(), table.widths(), rows.stream().map(table::values).toList(),
                emptyText);
    }

    public static byte[] pdf(String title, String subtitle, List<String> headers, float[] widths,
                             List<List<String>> rows, String emptyText) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 24, 24, 36, 36);
        PdfWriter.getInstance(document, out);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 7);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7);
        HeaderFooter header = new HeaderFooter(new Phrase(title, FontFactory.getFont(FontFactory.HELVETICA, 8)),
                false);
        header.setAlignment(Element.ALIGN_LEFT);
        document.setHeader(header);
        HeaderFooter footer = new HeaderFooter(new Phrase("Page ", small), true);
        footer.setAlignment(Element.ALIGN_RIGHT);
        document.setFooter(footer);
        document.open();
        document.add(new Paragraph(title, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11)));
        document.add(new Paragraph(subtitle, small));
        document.add(new Paragraph(" ", small));
        PdfPTable pdfTable = new PdfPTable(widths);
        pdfTable.setWidthPercentage(100);
        pdfTable.setHeaderRows(1);
        for (String column : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(column, bold));
            cell.setGrayFill(0.9f);
            pdfTable.addCell(cell);
        }
        for (List<String> row : rows) {
            for (String value : row) {
                pdfTable.addCell(new Phrase(value, small));
            }
        }
        if (rows.isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase(emptyText, small));
            none.setColspan(headers.size());
            pdfTable.addCell(none);
        }
        document.add(pdfTable);
        document.close();
        return out.toByteArray();
    }

    /** A file name made of words: "Residual data 26-27" → "residual-data-26-27.csv". */
    public static String fileName(String words, String extension) {
        String slug = words.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return slug + "." + extension;
    }
}
