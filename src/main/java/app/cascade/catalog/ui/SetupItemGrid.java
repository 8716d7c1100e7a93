package app.cascade.catalog.ui;

import app.cascade.catalog.SetupItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import java.util.List;

/** A course's or a section's items with origin, derived link state and "course managed". */
class SetupItemGrid extends Grid<SetupItem> {

    static final String COURSE_MANAGED = "course managed";

    SetupItemGrid(List<SetupItem> items, String emptyText) {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addColumn(i -> i.type().singular()).setKey("type").setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        addColumn(i -> ItemText.key(i.values())).setKey("key").setHeader("Key");
        addColumn(i -> i.values().name()).setKey("name").setHeader("Name");
        addColumn(i -> ItemText.details(i.values())
                + (i.forcedNoCalc() ? " (forced to no calculation: its task is residual)" : ""))
                .setKey("details").setHeader("Values");
        addColumn(i -> i.origin().name()).setKey("origin").setHeader("Origin").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(i -> Locks.linkState(i.linkState())).setKey("link").setHeader("Link")
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(i -> i.residual() ? COURSE_MANAGED : "").setKey("residual").setHeader("Managed")
                .setTooltipGenerator(i -> i.residual()
                        ? "Kept after it left the master because grades or assignments depend on it" : null)
                .setAutoWidth(true).setFlexGrow(0);
        setEmptyStateText(emptyText);
        setItems(items);
        setAllRowsVisible(true);
        setWidthFull();
    }
}
