package app.cascade.reports;

import java.util.List;
import java.util.function.Function;

/**
 * The columns of a tabular report, each with its header, its relative PDF width and how to read its text from a row:
 * what the CSV and PDF writers of {@link ReportWriter} need, whatever the report.
 */
public record ReportTable<T>(List<Column<T>> columns) {

    public ReportTable {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A report has at least one column");
        }
    }

    /** One column: {@code width} is relative to the others (PDF only). */
    public record Column<T>(String header, float width, Function<T, ?> value) {
    }

    @SafeVarargs
    public static <T> ReportTable<T> of(Column<T>... columns) {
        return new ReportTable<>(List.of(columns));
    }

    public static <T> Column<T> column(String header, float width, Function<T, ?> value) {
        return new Column<>(header, width, value);
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    public float[] widths() {
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).width();
        }
        return widths;
    }

    /** The row's cells as text; null becomes "". */
    public List<String> values(T row) {
        return columns.stream().map(c -> {
            Object value = c.value().apply(row);
            return value == null ? "" : value.toString();
        }).toList();
    }
}
