package app.cascade.catalog.ui;

import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.DataType;
import app.cascade.catalog.MasterDetails;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;

import java.util.Optional;
import java.util.stream.Collectors;

/** One master's attributes and its grading setup, one tab per data type. */
class MasterDetailsPanel extends VerticalLayout {

    static final String NOTHING_SELECTED = "Select a master to see its attributes and grading setup.";

    MasterDetailsPanel() {
        setId("master-details");
        setPadding(false);
        show(Optional.empty());
    }

    void show(Optional<MasterDetails> master) {
        removeAll();
        if (master.isEmpty()) {
            Paragraph empty = new Paragraph(NOTHING_SELECTED);
            empty.addClassName("cascade-empty");
            add(empty);
            return;
        }
        MasterDetails m = master.get();
        H3 title = new H3(m.number() + " – " + m.info().name());
        title.setId("master-title");
        Paragraph catalog = new Paragraph("Catalog " + m.catalogName() + ". Locked types: " + lockedTypes(m) + ".");
        catalog.addClassName("cascade-intro");
        TabSheet tabs = new TabSheet();
        tabs.setId("master-tabs");
        tabs.setWidthFull();
        for (DataType type : DataType.values()) {
            String label = type.plural() + " (" + m.items(type).size() + ")";
            tabs.add(label, new MasterItemsGrid(type, m.items(type)));
        }
        add(title, catalog, new CourseInfoForm(m.info(), m.catalogLocks()), tabs);
    }

    private static String lockedTypes(MasterDetails m) {
        String locked = m.catalogLocks().stream().filter(l -> !l.courseInfoField()).sorted()
                .map(CatalogLock::label).collect(Collectors.joining(", "));
        return locked.isEmpty() ? "none" : locked;
    }
}
