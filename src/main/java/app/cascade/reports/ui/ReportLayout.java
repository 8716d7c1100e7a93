package app.cascade.reports.ui;

import app.cascade.reports.ReportFilter;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The frame every district report shares: title, what it answers, filters, CSV and PDF downloads (made when clicked,
 * for the filters of that moment) and a grid paged in the database whose empty state says what "nothing here" means.
 */
abstract class ReportLayout<T> extends VerticalLayout {

    /** What a report view gives the frame: its service calls, as functions of the filter. */
    record Source<T>(Paging<T> page, ToIntFunction<ReportFilter> count, Function<ReportFilter, String> emptyText,
                     Function<ReportFilter, byte[]> csv, Function<ReportFilter, byte[]> pdf,
                     BiFunction<ReportFilter, String, String> fileName) {
    }

    @FunctionalInterface
    interface Paging<T> {
        List<T> page(ReportFilter filter, int offset, int limit);
    }

    final Grid<T> grid = new Grid<>();
    final ReportFilters filters;
    private final transient Source<T> source;

    ReportLayout(String id, String title, String intro, ReportFilters filters, Source<T> source) {
        this.filters = filters;
        this.source = source;
        setId(id);
        addClassName("cascade-view");
        setSizeFull();
        Paragraph text = new Paragraph(intro);
        text.addClassName("cascade-intro");
        HorizontalLayout downloads = new HorizontalLayout(
                download(id + "-csv", "Download CSV", "csv", "text/csv", source.csv()),
                download(id + "-pdf", "Download PDF", "pdf", "application/pdf", source.pdf()));
        downloads.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        // long courses, items and discrepancies wrap inside their cells instead of being cut off
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.setItems(query -> source.page().page(filters.value(), query.getOffset(), query.getLimit()).stream(),
                query -> source.count().applyAsInt(filters.value()));
        filters.onChange(this::refresh);
        add(new H2(title), text, filters, downloads, grid);
        setFlexGrow(1, grid);
        grid.setEmptyStateText(source.emptyText().apply(filters.value()));
    }

    void refresh() {
        grid.setEmptyStateText(source.emptyText().apply(filters.value()));
        grid.getDataProvider().refreshAll();
    }

    private Anchor download(String id, String text, String extension, String contentType,
                            Function<ReportFilter, byte[]> content) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            ReportFilter filter = filters.value();
            byte[] bytes = content.apply(filter);
            return new DownloadResponse(new ByteArrayInputStream(bytes), source.fileName().apply(filter, extension),
                    contentType, bytes.length);
        }), AttachmentType.DOWNLOAD, "");
        link.add(VaadinIcon.DOWNLOAD.create(), new Span(text));
        link.setId(id);
        link.addClassName("cascade-download");
        return link;
    }

    /**
     * A text column that wraps: at least {@code minWidth} wide (e.g. "10rem") and taking {@code flexGrow} shares of
     * the spare width, so a long course name, item or discrepancy shows in full on several lines. Widths are in rem,
     * never em: a header cell's font is smaller than a row's, so an em width differs between the header and the rows
     * and the headers drift away from their columns.
     */
    static <T> Grid.Column<T> wrapping(Grid.Column<T> column, String minWidth, int flexGrow) {
        return column.setWidth(minWidth).setFlexGrow(flexGrow);
    }

    /** A link into another view, followed by the router without reloading the page. */
    static Anchor link(String href, String text) {
        Anchor anchor = new Anchor(href, text);
        anchor.getElement().setAttribute("router-link", true);
        return anchor;
    }
}
