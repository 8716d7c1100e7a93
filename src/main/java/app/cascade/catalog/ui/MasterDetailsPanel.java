package app.cascade.catalog.ui;

import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.MasterDetails;
import app.cascade.grading.ItemType;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One master's attributes and its grading setup, one tab per data type. District admins (an {@code editor}) also get
 * Edit attributes, Copy, Delete and per-item editing; push admins (a {@code push} action) get Push to Courses.
 */
class MasterDetailsPanel extends VerticalLayout {

    static final String NOTHING_SELECTED = "Select a master to see its attributes and grading setup.";

    private final MasterEditor editor;
    private final Consumer<MasterDetails> push;
    /** The master shown and its selected tab, kept when the same master is shown again after an edit. */
    private Long shownId;
    private int selectedTab;

    MasterDetailsPanel(MasterEditor editor, Consumer<MasterDetails> push) {
        this.editor = editor;
        this.push = push;
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
        // vaadin-tabs keeps a focusable scroller between its tablist and the tabs, which a tablist may not contain
        // (WCAG 4.1.2, axe aria-required-children): the scroller takes over the tablist role (decision 0017)
        tabs.getElement().executeJs("const t = this.querySelector('vaadin-tabs');"
                + " customElements.whenDefined('vaadin-tabs').then(() => t.updateComplete).then(() => {"
                + " const s = t.shadowRoot.getElementById('scroll');"
                + " s.setAttribute('role', 'tablist'); s.setAttribute('aria-orientation', 'horizontal');"
                + " t.setAttribute('role', 'presentation'); t.removeAttribute('aria-orientation'); })");
        tabs.setWidthFull();
        for (ItemType type : ItemType.values()) {
            String label = type.plural() + " (" + m.items(type).size() + ")";
            tabs.add(label, tab(m, type));
        }
        if (Long.valueOf(m.id()).equals(shownId)) {
            tabs.setSelectedIndex(selectedTab);
        }
        shownId = m.id();
        selectedTab = tabs.getSelectedIndex();
        tabs.addSelectedChangeListener(e -> selectedTab = tabs.getSelectedIndex());
        add(title, catalog);
        actions(m).ifPresent(this::add);
        add(new CourseInfoForm(m.info(), m.catalogLocks()), tabs);
    }

    private VerticalLayout tab(MasterDetails m, ItemType type) {
        Optional<MasterItemsGrid.Actions> itemActions = Optional.ofNullable(editor).map(e ->
                new MasterItemsGrid.Actions(item -> e.editItem(m, item), item -> e.removeItem(m, item)));
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        if (editor != null) {
            Button add = new Button("Add " + type.singular().toLowerCase(), VaadinIcon.PLUS.create(),
                    e -> editor.addItem(m, type));
            add.setId("item-add-" + type.name().toLowerCase().replace('_', '-'));
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            content.add(add);
        }
        content.add(new MasterItemsGrid(type, m.items(type), itemActions));
        return content;
    }

    private Optional<HorizontalLayout> actions(MasterDetails m) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("master-actions");
        if (editor != null) {
            bar.add(button("master-edit", "Edit attributes", VaadinIcon.EDIT, () -> editor.editInfo(m)),
                    button("master-copy", "Copy", VaadinIcon.COPY, () -> editor.copy(m)),
                    button("master-delete", "Delete", VaadinIcon.TRASH, () -> editor.delete(m)));
        }
        if (push != null) {
            Button pushButton = button("master-push", "Push to Courses", VaadinIcon.UPLOAD, () -> push.accept(m));
            pushButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(pushButton);
        }
        return bar.getComponentCount() == 0 ? Optional.empty() : Optional.of(bar);
    }

    private static Button button(String id, String text, VaadinIcon icon, Runnable action) {
        Button button = new Button(text, icon.create(), e -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private static String lockedTypes(MasterDetails m) {
        String locked = m.catalogLocks().stream().filter(l -> !l.courseInfoField()).sorted()
                .map(CatalogLock::label).collect(Collectors.joining(", "));
        return locked.isEmpty() ? "none" : locked;
    }
}
