package app.cascade.tables;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The header block of a report's PDF, above its table: what the report is about (request, catalog, year, filters,
 * when it was made), as label and value pairs in the UI's words. The writer adds the counts of the table's counted
 * columns.
 */
public record ReportHeader(List<Field> fields) {

    /** How every report's header and rows write a time, in the district's time zone. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm a");

    public ReportHeader {
        fields = List.copyOf(fields);
    }

    /** One line of the block; a field without a label is a sentence across the block. */
    public record Field(String label, String value) {
    }

    public static ReportHeader of(Field... fields) {
        return new ReportHeader(List.of(fields));
    }

    /** A header that is one sentence, e.g. a preview's "Nothing has been changed. Would create…". */
    public static ReportHeader sentence(String text) {
        return text == null || text.isBlank() ? new ReportHeader(List.of()) : of(new Field(null, text));
    }

    public static Field field(String label, String value) {
        return new Field(label, value == null || value.isBlank() ? "—" : value);
    }

    /** This header with more fields after its own. */
    public ReportHeader and(List<Field> more) {
        List<Field> all = new ArrayList<>(fields);
        all.addAll(more);
        return new ReportHeader(all);
    }
}
