package app.cascade.push.ui;

import app.cascade.push.engine.ReasonCode;
import app.cascade.push.engine.ReportRow;
import app.cascade.push.engine.ReportText;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.util.List;
import java.util.Objects;

/**
 * Report rows (push-rules §6) in a grid that can be narrowed to one reason. Used by the preview and the report. The
 * words are {@link ReasonCode#label()} and {@link ReportText}'s, as in the PDF.
 */
class ReportRowsGrid extends VerticalLayout {

    static final String EMPTY = "Nothing to report: every selected, locked type was pushed without exceptions.";

    final ComboBox<ReasonCode> reason = new ComboBox<>("Reason");
    final Grid<ReportRow> grid = new Grid<>();

    ReportRowsGrid(String id, List<ReportRow> rows) {
        setPadding(false);
        reason.setId(id + "-reason");
        reason.setItems(rows.stream().map(ReportRow::reason).filter(Objects::nonNull).distinct().sorted().toList());
        reason.setItemLabelGenerator(ReasonCode::label);
        reason.setClearButtonVisible(true);
        reason.setPlaceholder("All reasons");
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ReportText::course).setKey("course").setHeader("Course").setFlexGrow(2);
        grid.addColumn(ReportRow::school).setKey("school").setHeader("School");
        grid.addColumn(r -> r.section() == null ? "" : r.section()).setKey("section").setHeader("Section")
                .setAutoWidth(true);
        grid.addColumn(ReportRow::dataType).setKey("type").setHeader("Data");
        grid.addColumn(ReportRow::item).setKey("item").setHeader("Item");
        grid.addColumn(r -> r.reason() == null ? "" : r.reason().label()).setKey("reason").setHeader("Reason");
        grid.addColumn(ReportRow::outcome).setKey("outcome").setHeader("What happened").setFlexGrow(2);
        grid.addColumn(r -> ReportText.dependents(r.dependents())).setKey("dependents")
                .setHeader("Grades / assignments");
        grid.addColumn(r -> ReportText.details(r.message())).setKey("message").setHeader("Details").setFlexGrow(2);
        grid.setEmptyStateText(EMPTY);
        GridListDataView<ReportRow> view = grid.setItems(rows);
        reason.addValueChangeListener(e -> view.setFilter(r -> e.getValue() == null || e.getValue() == r.reason()));
        add(reason, grid);
        setFlexGrow(1, grid);
    }
}
