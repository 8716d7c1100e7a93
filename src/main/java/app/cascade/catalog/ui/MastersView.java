package app.cascade.catalog.ui;

import app.cascade.catalog.CatalogService;
import app.cascade.catalog.CatalogSummary;
import app.cascade.catalog.CourseMasterService;
import app.cascade.catalog.MasterRow;
import app.cascade.security.Roles;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Optional;

/** The course masters of one catalog, filtered and paged in the database, with one master's grading setup. */
@Route("masters")
@PageTitle("Course Masters | Cascade")
@Menu(title = "Course Masters", order = 20, icon = "FILE_TREE")
@RolesAllowed(Roles.VIEWER)
class MastersView extends VerticalLayout {

    static final String NO_CATALOG = "Choose a catalog to list its course masters.";
    static final String NO_MASTERS = "No course master in this catalog matches. Masters are created by district "
            + "admins; a catalog without masters pushes nothing.";

    private final transient CourseMasterService masters;
    private final ComboBox<CatalogSummary> catalog = new ComboBox<>("Catalog");
    private final TextField filter = new TextField("Filter");
    private final Grid<MasterRow> grid = new Grid<>();
    private final MasterDetailsPanel details = new MasterDetailsPanel();

    MastersView(CatalogService catalogs, CourseMasterService masters) {
        this.masters = masters;
        addClassName("cascade-view");
        setSizeFull();

        List<CatalogSummary> all = catalogs.catalogs();
        catalog.setId("catalog-select");
        catalog.setItems(all);
        catalog.setItemLabelGenerator(CatalogSummary::name);
        catalog.setPlaceholder(all.isEmpty() ? "No catalogs in this district" : "Choose a catalog");
        catalog.setWidth("20em");
        filter.setId("master-filter");
        filter.setPlaceholder("Number, name or department");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        HorizontalLayout toolbar = new HorizontalLayout(catalog, filter);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("masters-grid");
        grid.addColumn(MasterRow::number).setKey("number").setHeader("Number").setAutoWidth(true);
        grid.addColumn(MasterRow::name).setKey("name").setHeader("Name").setFlexGrow(2);
        grid.addColumn(MasterRow::department).setKey("department").setHeader("Department");
        grid.addColumn(MasterRow::stateCode).setKey("stateCode").setHeader("State code").setAutoWidth(true);
        grid.addColumn(r -> r.credits() == null ? "" : r.credits().toPlainString()).setKey("credits")
                .setHeader("Credits").setAutoWidth(true);
        grid.setItems(query -> {
            int offset = query.getOffset();
            int limit = query.getLimit();
            return selectedCatalog().map(id -> masters.page(id, filter.getValue(), offset, limit)).orElse(List.of())
                    .stream();
        }, query -> selectedCatalog().map(id -> masters.count(id, filter.getValue())).orElse(0));
        grid.setEmptyStateText(all.isEmpty() ? CatalogsView.EMPTY : NO_CATALOG);
        grid.asSingleSelect().addValueChangeListener(e -> details.show(
                Optional.ofNullable(e.getValue()).flatMap(row -> masters.master(row.id()))));

        catalog.addValueChangeListener(e -> refresh());
        filter.addValueChangeListener(e -> refresh());
        if (!all.isEmpty()) {
            catalog.setValue(all.getFirst());
        }

        SplitLayout split = new SplitLayout(grid, details);
        split.setSizeFull();
        split.setSplitterPosition(45);
        details.addClassName("cascade-details");
        add(new H2("Course Masters"), toolbar, split);
        setFlexGrow(1, split);
    }

    private Optional<Long> selectedCatalog() {
        return Optional.ofNullable(catalog.getValue()).map(CatalogSummary::id);
    }

    private void refresh() {
        grid.setEmptyStateText(catalog.isEmpty() ? NO_CATALOG : NO_MASTERS);
        grid.asSingleSelect().clear();
        grid.getDataProvider().refreshAll();
    }
}
