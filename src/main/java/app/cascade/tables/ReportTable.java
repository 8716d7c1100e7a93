package app.cascade.tables;

import java.util.List;
import java.util.function.Function;

/**
 * The columns of a tabular report, each with its header and how to read its value from a row: what the CSV and PDF
 * writers of {@link ReportWriter} need, whatever the report. The PDF measures the columns' widths from their text;
 * a {@link #counted counted} column's values are counted in the PDF's header block ("Change: Added 2,
 * Modified 1").
 */
public record ReportTable<T>(List<Column<T>> columns) {

    public ReportTable {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A report has at least one column");
        }
    }

    /** One column; {@code counted}: the PDF's header block counts the rows per value of this column. */
    public record Column<T>(String header, Function<T, ?> value, boolean counted) {
    }

    @SafeVarargs
    public static <T> ReportTable<T> of(Column<T>... columns) {
        return new ReportTable<>(List.of(columns));
    }

    public static <T> Column<T> column(String header, Function<T, ?> value) {
        return new Column<>(header, value, false);
    }

    /** A column whose values the PDF's header block counts, e.g. "Change: Added 2 · Modified 1". */
    public static <T> Column<T> counted(String header, Function<T, ?> value) {
        return new Column<>(header, value, true);
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** The row's cells as text; null becomes "". */
    public List<String> values(T row) {
        return columns.stream().map(c -> {
            Object value = c.value().apply(row);
            return value == null ? "" : value.toString();
        }).toList();
    }
}
