package app.cascade.catalog.ui;

import app.cascade.catalog.CatalogService;
import app.cascade.catalog.CatalogSummary;
import app.cascade.catalog.CourseMasterCopyService;
import app.cascade.catalog.CourseMasterEditService;
import app.cascade.catalog.CourseMasterService;
import app.cascade.catalog.MasterDetails;
import app.cascade.catalog.MasterRow;
import app.cascade.security.CurrentUserService;
import app.cascade.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;

import java.util.List;
import java.util.Optional;

/**
 * The course masters of one catalog, filtered and paged in the database, with one master's grading setup. District
 * admins create, edit, copy and delete masters here; push admins push a master to its courses.
 */
@Route("masters")
@PageTitle("Course Masters | Cascade")
@Menu(title = "Course Masters", order = 20, icon = "FILE_TREE")
@RolesAllowed(Roles.VIEWER)
class MastersView extends VerticalLayout implements BeforeEnterObserver {

    static final String NO_CATALOG = "Choose a catalog to list its course masters.";
    static final String NO_MASTERS = "No course master in this catalog matches. Masters are created by district "
            + "admins; a catalog without masters pushes nothing.";

    /** How far down the list {@link #open} looks for a master to scroll to. */
    private static final int OPEN_LIMIT = 5000;

    private final transient CourseMasterService masters;
    private final ComboBox<CatalogSummary> catalog = new ComboBox<>("Catalog");
    private final TextField filter = new TextField("Filter");
    private final Grid<MasterRow> grid = new Grid<>();
    private final MasterDetailsPanel details;
    private final List<CatalogSummary> all;

    MastersView(CatalogService catalogs, CourseMasterService masters, CourseMasterEditService edits,
                CourseMasterCopyService copies, CurrentUserService users, ObjectProvider<PushToCourses> pushToCourses) {
        this.masters = masters;
        addClassName("cascade-view");
        setSizeFull();
        boolean canEdit = users.current().map(u -> u.hasRole(Roles.DISTRICT_ADMIN)).orElse(false);
        PushToCourses pushing = users.current().map(u -> u.hasRole(Roles.PUSH_ADMIN)).orElse(false)
                ? pushToCourses.getIfAvailable() : null;
        MasterEditor editor = canEdit ? new MasterEditor(edits, copies, masters, catalogs, this::changed,
                this::deleted, this::open)
                : null;
        java.util.function.Consumer<MasterDetails> push = pushing == null ? null
                : m -> pushing.open(m.id(), m.number() + " – " + m.info().name());
        details = new MasterDetailsPanel(editor, push);

        all = catalogs.catalogs();
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
        toolbar.addClassName("cascade-toolbar");
        if (editor != null) {
            Button create = new Button("New master", VaadinIcon.PLUS.create(), e -> {
                if (catalog.getValue() == null) {
                    catalog.setInvalid(true);
                    catalog.setErrorMessage("Choose the catalog of the new master");
                } else {
                    editor.create(catalog.getValue());
                }
            });
            create.setId("master-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("masters-grid");
        grid.setHeightFull();
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
        split.addClassName("cascade-split");
        addClassName("cascade-list-details");
        details.addClassName("cascade-details");
        add(new H2("Course Masters"), toolbar, split);
        setFlexGrow(1, split);
    }

    /**
     * A link {@code masters?catalog=<id>&master=<id>} (from the reports) opens that catalog with the master selected.
     * A master that no longer exists, or is in another catalog, selects nothing and says so.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        LinkParameters link = new LinkParameters(event);
        link.id("catalog").flatMap(id -> all.stream().filter(c -> c.id() == id).findFirst())
                .ifPresent(catalog::setValue);
        link.id("master").ifPresent(masterId -> {
            Optional<MasterDetails> master = masters.master(masterId)
                    .filter(m -> catalog.getValue() != null && m.catalogId() == catalog.getValue().id());
            master.ifPresentOrElse(m -> {
                filter.setValue(m.number());
                masters.page(m.catalogId(), m.number(), 0, 50).stream().filter(r -> r.id() == masterId)
                        .findFirst().ifPresent(grid.asSingleSelect()::setValue);
            }, () -> Notification.show("That course master no longer exists in this catalog.", 5000,
                    Notification.Position.MIDDLE));
        });
    }

    private Optional<Long> selectedCatalog() {
        return Optional.ofNullable(catalog.getValue()).map(CatalogSummary::id);
    }

    /** After an edit: the list shows the new values, and the details show the master that changed. */
    private void changed(long masterId) {
        grid.getDataProvider().refreshAll();
        MasterRow selected = grid.asSingleSelect().getValue();
        if (selected != null && selected.id() != masterId) {
            grid.asSingleSelect().clear();
        }
        details.show(masters.master(masterId));
    }

    /**
     * Selects and shows {@code masterId} (e.g. a new copy): switches to its catalog if needed, clears a filter that
     * hides it, and scrolls the list to it.
     */
    private void open(long masterId) {
        masters.master(masterId).ifPresent(m -> {
            if (catalog.getValue() == null || catalog.getValue().id() != m.catalogId()) {
                all.stream().filter(c -> c.id() == m.catalogId()).findFirst().ifPresent(catalog::setValue);
            }
            List<MasterRow> rows = masters.page(m.catalogId(), filter.getValue(), 0, OPEN_LIMIT);
            if (rows.stream().noneMatch(r -> r.id() == masterId)) {
                filter.clear();
                rows = masters.page(m.catalogId(), "", 0, OPEN_LIMIT);
            }
            grid.getDataProvider().refreshAll();
            List<MasterRow> listed = rows;
            listed.stream().filter(r -> r.id() == masterId).findFirst().ifPresentOrElse(row -> {
                grid.asSingleSelect().setValue(row);
                grid.scrollToIndex(listed.indexOf(row));
            }, () -> details.show(Optional.of(m)));
        });
    }

    private void deleted() {
        grid.asSingleSelect().clear();
        grid.getDataProvider().refreshAll();
        details.show(Optional.empty());
    }

    private void refresh() {
        grid.setEmptyStateText(catalog.isEmpty() ? NO_CATALOG : NO_MASTERS);
        grid.asSingleSelect().clear();
        grid.getDataProvider().refreshAll();
    }
}
