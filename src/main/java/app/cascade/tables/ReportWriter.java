package app.cascade.tables;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.HeaderFooter;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.SplitCharacter;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one CSV and PDF writer of every report (the push report and the three district reports): CSV is UTF-8 with a
 * BOM (so Excel reads it right) in Excel's dialect; PDF is a US Letter landscape table whose header row repeats on
 * every page, under a title and a header block (what the report is about, and its counts), with page numbers; its
 * columns are as wide as their words need, and lines wrap at spaces only. Column-driven: it knows nothing of any
 * report.
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

    /** The table's font sizes, tried in order until every word fits its column. */
    static final float[] SIZES = {8f, 7.5f, 7f, 6.5f, 6f, 5.5f, 5f};
    /** Left and right page margins (points). */
    private static final float MARGIN = 30;
    /** A cell's padding (2 points each side) and its border, with a point to spare against rounding. */
    private static final float CELL_SPARE = 6;
    private static final BaseFont REGULAR = font(BaseFont.HELVETICA);
    private static final BaseFont BOLD = font(BaseFont.HELVETICA_BOLD);
    /** Lines break at spaces only: OpenPDF's default also breaks after "-" and, when a word is too long, inside it. */
    private static final SplitCharacter SPACES_ONLY = (start, current, end, chars, chunks) ->
            (chunks == null ? chars[current]
                    : (char) chunks[Math.min(current, chunks.length - 1)].getUnicodeEquivalent(chars[current])) == ' ';

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

    /**
     * The table under a title and a one-sentence header (e.g. "Generated 12/05/2026 09:00 AM · Rows: 3"), with the
     * counts of the table's counted columns.
     *
     * @param emptyText the sentence the table shows when there is no row: what "nothing here" means
     */
    public static <T> byte[] pdf(String title, String subtitle, ReportTable<T> table, List<T> rows, String emptyText) {
        return pdf(title, ReportHeader.sentence(subtitle), table, rows, emptyText);
    }

    /**
     * The table under a title and a header block: the header's fields, then the row count and the counts of the
     * table's counted columns.
     *
     * @param emptyText the sentence the table shows when there is no row: what "nothing here" means
     */
    public static <T> byte[] pdf(String title, ReportHeader header, ReportTable<T> table, List<T> rows,
                                 String emptyText) {
        List<List<String>> cells = rows.stream().map(table::values).toList();
        return pdf(title, header, counts(table, cells), table.headers(), cells, emptyText);
    }

    /** "Rows: 12", then per counted column its values with their counts, most frequent first. */
    static <T> List<ReportHeader.Field> counts(ReportTable<T> table, List<List<String>> cells) {
        List<ReportHeader.Field> counts = new ArrayList<>();
        counts.add(ReportHeader.field("Rows", String.valueOf(cells.size())));
        for (int i = 0; i < table.columns().size(); i++) {
            if (!table.columns().get(i).counted() || cells.isEmpty()) {
                continue;
            }
            Map<String, Integer> byValue = new LinkedHashMap<>();
            for (List<String> row : cells) {
                byValue.merge(row.get(i).isBlank() ? "(none)" : row.get(i), 1, Integer::sum);
            }
            counts.add(ReportHeader.field(table.columns().get(i).header(), byValue.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(" · "))));
        }
        return counts;
    }

    /**
     * A US Letter landscape PDF: the title, the header block, and the table, whose header row repeats on every page.
     * Column widths are measured from the text so that every header and every word fits its column; lines wrap at
     * spaces only (never inside a word such as "Assignments" or a course number "ENG101-B"). When the words of all
     * columns do not fit the page at the normal size, the table's font gets smaller, down to {@link #SIZES}' last.
     */
    static byte[] pdf(String title, ReportHeader header, List<ReportHeader.Field> counts, List<String> headers,
                      List<List<String>> rows, String emptyText) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Rectangle page = PageSize.LETTER.rotate();
        Document document = new Document(page, MARGIN, MARGIN, 30, 30);
        PdfWriter.getInstance(document, out);
        HeaderFooter running = new HeaderFooter(new Phrase(words(title, new Font(REGULAR, 7))), false);
        running.setAlignment(Element.ALIGN_LEFT);
        running.setBorder(Rectangle.BOTTOM);
        document.setHeader(running);
        HeaderFooter footer = new HeaderFooter(new Phrase("Page ", new Font(REGULAR, 7)), true);
        footer.setAlignment(Element.ALIGN_RIGHT);
        footer.setBorder(Rectangle.NO_BORDER);
        document.setFooter(footer);
        document.open();
        float available = page.getWidth() - 2 * MARGIN;
        Paragraph heading = new Paragraph(words(title, new Font(BOLD, 13)));
        heading.setSpacingAfter(6);
        document.add(heading);
        document.add(headerBlock(header, counts, available));
        document.add(table(headers, rows, emptyText, available));
        document.close();
        return out.toByteArray();
    }

    /**
     * What the report is about, two fields a line (a long value or a sentence takes a whole line), then under a rule
     * its counts, one a line.
     */
    private static PdfPTable headerBlock(ReportHeader header, List<ReportHeader.Field> counts, float available) {
        Font label = new Font(BOLD, 8);
        Font value = new Font(REGULAR, 8);
        PdfPTable block = new PdfPTable(new float[]{1.4f, 3.1f, 1.4f, 3.1f});
        block.setTotalWidth(available);
        block.setLockedWidth(true);
        block.setSpacingAfter(10);
        int inRow = 0;
        for (ReportHeader.Field field : header.fields()) {
            boolean wide = field.label() == null || field.value().length() > 60;
            if (wide && inRow == 1) {
                block.addCell(headerCell(new Phrase(""), 2, false));
                inRow = 0;
            }
            if (field.label() == null) {
                block.addCell(headerCell(words(field.value(), value), 4, false));
                continue;
            }
            block.addCell(headerCell(words(field.label(), label), 1, false));
            block.addCell(headerCell(words(field.value(), value), wide ? 3 : 1, false));
            inRow = wide ? 0 : (inRow + 1) % 2;
        }
        if (inRow == 1) {
            block.addCell(headerCell(new Phrase(""), 2, false));
        }
        boolean first = true;
        for (ReportHeader.Field count : counts) {
            block.addCell(headerCell(words(count.label(), label), 1, first));
            block.addCell(headerCell(words(count.value(), value), 3, first));
            first = false;
        }
        return block;
    }

    /** @param ruleAbove whether a thin rule separates this line from the one above (the counts from the fields) */
    private static PdfPCell headerCell(Phrase phrase, int colspan, boolean ruleAbove) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setColspan(colspan);
        cell.setBorder(ruleAbove ? Rectangle.TOP : Rectangle.NO_BORDER);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(ruleAbove ? 4 : 2);
        cell.setPaddingBottom(3);
        return cell;
    }

    private static PdfPTable table(List<String> headers, List<List<String>> rows, String emptyText, float available) {
        float size = SIZES[SIZES.length - 1];
        float[] widths = null;
        for (float candidate : SIZES) {
            widths = fit(headers, rows, candidate, available);
            if (widths != null) {
                size = candidate;
                break;
            }
        }
        if (widths == null) {
            widths = squeezed(headers, rows, size, available);
        }
        Font regular = new Font(REGULAR, size);
        Font bold = new Font(BOLD, size);
        PdfPTable table = new PdfPTable(widths);
        table.setTotalWidth(widths);
        table.setLockedWidth(true);
        table.setHeaderRows(1);
        for (String column : headers) {
            PdfPCell cell = new PdfPCell(words(column, bold));
            cell.setGrayFill(0.9f);
            table.addCell(cell);
        }
        for (List<String> row : rows) {
            for (String value : row) {
                table.addCell(new PdfPCell(words(value, regular)));
            }
        }
        if (rows.isEmpty()) {
            PdfPCell none = new PdfPCell(words(emptyText, regular));
            none.setColspan(headers.size());
            table.addCell(none);
        }
        return table;
    }

    /**
     * Widths (points) in which every header and cell word fits at {@code size}, or null when the words do not fit
     * {@code available}. Each column gets at least its longest word; the rest of the page goes to the columns whose
     * text would wrap, in proportion to how much more they would take on one line.
     */
    static float[] fit(List<String> headers, List<List<String>> rows, float size, float available) {
        int n = headers.size();
        float[] least = new float[n];
        float[] wanted = new float[n];
        for (int i = 0; i < n; i++) {
            least[i] = longestWord(BOLD, headers.get(i), size);
            wanted[i] = Math.max(least[i], longestLine(BOLD, headers.get(i), size));
        }
        for (List<String> row : rows) {
            for (int i = 0; i < n; i++) {
                least[i] = Math.max(least[i], longestWord(REGULAR, row.get(i), size));
                wanted[i] = Math.max(wanted[i], longestLine(REGULAR, row.get(i), size));
            }
        }
        float leastSum = 0;
        float wantedSum = 0;
        for (int i = 0; i < n; i++) {
            least[i] += CELL_SPARE;
            wanted[i] = Math.max(least[i], Math.min(wanted[i] + CELL_SPARE, available * 0.45f));
            leastSum += least[i];
            wantedSum += wanted[i];
        }
        if (leastSum > available) {
            return null;
        }
        float[] widths = new float[n];
        for (int i = 0; i < n; i++) {
            widths[i] = wantedSum <= available ? wanted[i] * available / wantedSum
                    : least[i] + (available - leastSum) * (wanted[i] - least[i]) / (wantedSum - leastSum);
        }
        return widths;
    }

    /** The last resort, when even the smallest size cannot fit every word: the longest words' widths, scaled down. */
    private static float[] squeezed(List<String> headers, List<List<String>> rows, float size, float available) {
        float[] widths = fit(headers, rows, size, Float.MAX_VALUE / 4);
        float sum = 0;
        for (float w : widths) {
            sum += w;
        }
        for (int i = 0; i < widths.length; i++) {
            widths[i] = widths[i] * available / sum;
        }
        return widths;
    }

    private static float longestWord(BaseFont font, String text, float size) {
        float longest = 0;
        for (String word : text.split("[ \n]")) {
            longest = Math.max(longest, font.getWidthPoint(word, size));
        }
        return longest;
    }

    private static float longestLine(BaseFont font, String text, float size) {
        float longest = 0;
        for (String line : text.split("\n")) {
            longest = Math.max(longest, font.getWidthPoint(line, size));
        }
        return longest;
    }

    /** Text that wraps only at spaces. */
    private static Phrase words(String text, Font font) {
        Chunk chunk = new Chunk(text == null ? "" : text, font);
        chunk.setSplitCharacter(SPACES_ONLY);
        return new Phrase(chunk);
    }

    private static BaseFont font(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file name made of words: "Residual data 26-27" → "residual-data-26-27.csv". */
    public static String fileName(String words, String extension) {
        String slug = words.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return slug + "." + extension;
    }
}
