package app.cascade.catalog.ui;

import app.cascade.catalog.DataType;
import app.cascade.catalog.GradingItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import java.util.List;

/** A master's items of one data type. */
class MasterItemsGrid extends Grid<GradingItem> {

    MasterItemsGrid(DataType type, List<GradingItem> items) {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addColumn(ItemText::key).setKey("key").setHeader(type == DataType.CATEGORY ? "Category" : "Key");
        if (type != DataType.CATEGORY) {
            addColumn(GradingItem::name).setKey("name").setHeader("Name");
        }
        addColumn(ItemText::details).setKey("details").setHeader("Values");
        setEmptyStateText("This master has no " + type.plural().toLowerCase() + ". A push of this type would "
                + "remove them from linked courses, or keep them as course managed where they have grades.");
        setItems(items);
        setAllRowsVisible(true);
        setWidthFull();
    }
}
