package app.cascade.catalog.ui;

import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.CatalogSummary;
import app.cascade.catalog.SchoolRef;
import app.cascade.catalog.SetupEditException;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creates a catalog, or renames one, sets its locks and assigns schools to it (district admins only). */
class CatalogDialog extends EditDialog {

    /** Saves the dialog's values; throws {@link SetupEditException} to refuse them with a message. */
    interface Save {
        void save(String name, Set<CatalogLock> locks, List<Long> schoolIds);
    }

    final TextField name = new TextField("Catalog name");
    final CheckboxGroup<CatalogLock> infoLocks = new CheckboxGroup<>("Locked Course Info fields");
    final CheckboxGroup<CatalogLock> gradingLocks = new CheckboxGroup<>("Locked grading types");
    final MultiSelectComboBox<SchoolRef> schools = new MultiSelectComboBox<>("Schools assigned");

    CatalogDialog(Optional<CatalogSummary> existing, List<SchoolRef> allSchools, Save save) {
        super("catalog-dialog", existing.map(c -> "Edit catalog " + c.name()).orElse("New course catalog"), "40em",
                "catalog-error");

        name.setId("catalog-name");
        name.setRequired(true);
        name.setWidthFull();
        name.setHelperText("Unique in the district, whatever the case");
        infoLocks.setId("catalog-info-locks");
        infoLocks.setItems(CatalogLock.courseInfoFields());
        infoLocks.setItemLabelGenerator(CatalogLock::label);
        gradingLocks.setId("catalog-grading-locks");
        gradingLocks.setItems(CatalogLock.gradingTypes());
        gradingLocks.setItemLabelGenerator(CatalogLock::label);
        gradingLocks.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        schools.setId("catalog-schools");
        schools.setItems(allSchools);
        schools.setItemLabelGenerator(s -> s.label() + (s.catalogName() == null
                || existing.map(c -> c.name().equals(s.catalogName())).orElse(false) ? ""
                : " (now in " + s.catalogName() + ")"));
        schools.setWidthFull();
        schools.setHelperText("Informational: a push follows each master's catalog, not the school's.");
        existing.ifPresent(c -> {
            name.setValue(c.name());
            infoLocks.setValue(EnumSet.copyOf(union(c.lockedCourseInfoFields())));
            gradingLocks.setValue(EnumSet.copyOf(union(c.lockedGradingTypes())));
            Set<Long> assigned = new java.util.HashSet<>(c.schools().stream().map(SchoolRef::id).toList());
            schools.setValue(allSchools.stream().filter(s -> assigned.contains(s.id())).toList());
        });

        Paragraph legend = LockBadges.legend();
        legend.setId("catalog-dialog-legend");
        Paragraph effect = new Paragraph("A new lock makes the field or type read-only on linked courses at once; "
                + "course values only change when the master is pushed. Removing a lock makes it editable again and "
                + "stops pushing it.");
        effect.addClassName("cascade-help");
        addBody(name, infoLocks, gradingLocks, legend, effect, schools);
        addFooter(existing.isPresent() ? "Save" : "Create", "catalog-save", () -> {
            Set<CatalogLock> locks = EnumSet.noneOf(CatalogLock.class);
            locks.addAll(infoLocks.getValue());
            locks.addAll(gradingLocks.getValue());
            save.save(name.getValue(), locks, schools.getValue().stream().map(SchoolRef::id).toList());
        });
    }

    /** Also marks the name field when the refusal is about the name. */
    @Override
    void showRefusal(RuntimeException refused) {
        super.showRefusal(refused);
        name.setInvalid(refused.getMessage().contains("name"));
        name.setErrorMessage(refused.getMessage());
    }

    private static Set<CatalogLock> union(List<CatalogLock> locks) {
        Set<CatalogLock> set = EnumSet.noneOf(CatalogLock.class);
        set.addAll(locks);
        return set;
    }
}
