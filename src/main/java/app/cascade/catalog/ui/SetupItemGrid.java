package app.cascade.catalog.ui;

import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.ItemLinkState;
import app.cascade.catalog.SetupItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import java.util.List;
import java.util.function.Consumer;

/**
 * A course's or a section's items with origin, derived link state and "course managed". A LOCKED item shows a padlock
 * whose tooltip names the catalog lock, and a section calc option forced to No Calculation shows as read-only; with
 * {@link ItemActions}, every other item gets Edit and Delete buttons.
 */
class SetupItemGrid extends Grid<SetupItem> {

    static final String COURSE_MANAGED = "course managed";

    /** What Edit and Delete do; null for a read-only grid. */
    record ItemActions(Consumer<SetupItem> edit, Consumer<SetupItem> delete) {
    }

    /**
     * @param catalogName the catalog of the course's master, named in the padlock tooltips (null without master)
     * @param sectionLevel whether these are section items (a forced No Calculation option is then read-only)
     */
    SetupItemGrid(List<SetupItem> items, String emptyText, String catalogName, boolean sectionLevel,
                  ItemActions actions) {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addColumn(i -> i.type().singular()).setKey("type").setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        addColumn(i -> ItemText.key(i.values())).setKey("key").setHeader("Key");
        addColumn(i -> i.values().name()).setKey("name").setHeader("Name");
        addColumn(i -> ItemText.details(i.values())
                + (i.forcedNoCalc() ? " (forced to no calculation: its task is residual)" : ""))
                .setKey("details").setHeader("Values").setWidth("13rem").setFlexGrow(2);
        addColumn(i -> origin(i.origin())).setKey("origin").setHeader("Origin").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(i -> link(i, catalogName, sectionLevel)).setKey("link").setHeader("Link")
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(i -> i.residual() ? COURSE_MANAGED : "").setKey("residual").setHeader("Managed")
                .setTooltipGenerator(i -> i.residual()
                        ? "Kept after it left the master because grades or assignments depend on it; the course "
                        + "manages it now" : null)
                .setAutoWidth(true).setFlexGrow(0);
        if (actions != null) {
            addComponentColumn(i -> actions(i, sectionLevel, actions)).setKey("actions").setHeader("")
                    .setAutoWidth(true).setFlexGrow(0);
        }
        setEmptyStateText(emptyText);
        setItems(items);
        setAllRowsVisible(true);
        setWidthFull();
    }

    /** The origin as the UI words it: "Master", "Course" or "Teacher". */
    static String origin(app.cascade.grading.Origin origin) {
        return switch (origin) {
            case MASTER -> "Master";
            case COURSE -> "Course";
            case TEACHER -> "Teacher";
        };
    }

    /** Whether the item is read-only for everyone: LOCKED, or a section calc option forced to No Calculation. */
    static boolean readOnly(SetupItem item, boolean sectionLevel) {
        return item.linkState() == ItemLinkState.LOCKED || (sectionLevel && item.forcedNoCalc());
    }

    static String lockTooltip(SetupItem item, String catalogName) {
        return "Locked by catalog " + catalogName + ": " + CatalogLock.of(item.type()).label();
    }

    private static Component link(SetupItem item, String catalogName, boolean sectionLevel) {
        Component state = LockBadges.linkState(item.linkState());
        if (item.linkState() == ItemLinkState.LOCKED) {
            state.getChildren().filter(Icon.class::isInstance).map(Icon.class::cast).findFirst()
                    .ifPresent(icon -> icon.setTooltipText(lockTooltip(item, catalogName)));
        } else if (sectionLevel && item.forcedNoCalc()) {
            Icon lock = VaadinIcon.LOCK.create();
            lock.addClassName("cascade-icon-s");
            lock.setTooltipText("Read-only: forced to No Calculation because task " + item.values().taskCode()
                    + " is course managed (residual). Set up its calc option at the course and push it to sections.");
            Span readOnly = new Span(lock, new Span("No Calculation, read-only"));
            readOnly.addClassName("cascade-link-state");
            readOnly.addClassName("cascade-forced-no-calc");
            return readOnly;
        }
        return state;
    }

    private static Component actions(SetupItem item, boolean sectionLevel, ItemActions actions) {
        if (readOnly(item, sectionLevel)) {
            return new HorizontalLayout();
        }
        return RowButtons.editAndRemove(() -> actions.edit().accept(item), () -> actions.delete().accept(item),
                "Delete");
    }
}
