package app.cascade.catalog.ui;

import app.cascade.catalog.GradingItem;
import app.cascade.grading.ItemType;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A master's items of one data type, with Edit and Remove on each row for district admins. */
class MasterItemsGrid extends Grid<GradingItem> {

    /** What the row buttons do. */
    record Actions(Consumer<GradingItem> edit, Consumer<GradingItem> remove) {
    }

    MasterItemsGrid(ItemType type, List<GradingItem> items, Optional<Actions> actions) {
        setId("master-items-" + type.name().toLowerCase().replace('_', '-'));
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addColumn(ItemText::key).setKey("key").setHeader(type == ItemType.CATEGORY ? "Category" : "Key");
        if (type != ItemType.CATEGORY) {
            addColumn(GradingItem::name).setKey("name").setHeader("Name");
        }
        addColumn(ItemText::details).setKey("details").setHeader("Values").setFlexGrow(2);
        actions.ifPresent(a -> addComponentColumn(item -> RowButtons.editAndRemove(() -> a.edit().accept(item),
                () -> a.remove().accept(item), "Remove")).setKey("actions").setHeader("").setAutoWidth(true)
                .setFlexGrow(0));
        setEmptyStateText("This master has no " + type.plural().toLowerCase() + ". A push of this type would "
                + "remove them from linked courses, or keep them as course managed where they have grades.");
        setItems(items);
        setAllRowsVisible(true);
        setWidthFull();
    }
}
