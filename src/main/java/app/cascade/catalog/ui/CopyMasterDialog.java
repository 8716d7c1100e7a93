package app.cascade.catalog.ui;

import app.cascade.catalog.CatalogSummary;
import app.cascade.catalog.CopyResult;
import app.cascade.catalog.MasterDetails;
import app.cascade.catalog.MasterRow;
import app.cascade.catalog.SetupEditException;
import app.cascade.grading.LockType;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

/**
 * Copy course master (push-rules §7): copies a master's attributes and chosen data types into a new number, or into
 * chosen existing masters. Selecting Grade Calc Options also selects Grading Tasks/Standards.
 */
class CopyMasterDialog extends EditDialog {

    static final String TO_NEW = "To a new course master";
    static final String TO_EXISTING = "Into existing course masters";

    /** The copy services; each throws {@link SetupEditException} to refuse with a message. */
    interface Copier {
        CopyResult toNew(long catalogId, String number, String name, Set<LockType> types);

        CopyResult toExisting(List<Long> targetIds, Set<LockType> types);
    }

    final RadioButtonGroup<String> target = new RadioButtonGroup<>("Copy");
    final ComboBox<CatalogSummary> catalog = new ComboBox<>("Target catalog");
    final TextField number = new TextField("New number");
    final TextField name = new TextField("Name of the new master");
    final MultiSelectComboBox<MasterRow> masters = new MultiSelectComboBox<>("Course masters to copy into");
    final CheckboxGroup<LockType> types = new CheckboxGroup<>("Data to copy");

    CopyMasterDialog(MasterDetails source, List<CatalogSummary> catalogs, LongFunction<List<MasterRow>> mastersOf,
                     Copier copier, BiConsumer<CopyResult, Boolean> done) {
        super("copy-dialog", "Copy course master " + source.number(), "40em", "copy-error");
        target.setId("copy-target");
        target.setItems(TO_NEW, TO_EXISTING);
        target.setValue(TO_NEW);
        catalog.setId("copy-catalog");
        catalog.setItems(catalogs);
        catalog.setItemLabelGenerator(CatalogSummary::name);
        catalogs.stream().filter(c -> c.id() == source.catalogId()).findFirst().ifPresent(catalog::setValue);
        number.setId("copy-number");
        number.setHelperText("Unique in the target catalog");
        name.setId("copy-name");
        name.setValue(source.info().name());
        name.setHelperText("The source's name unless you change it");
        name.setWidthFull();
        masters.setId("copy-masters");
        masters.setItemLabelGenerator(m -> m.number() + " – " + m.name());
        masters.setWidthFull();
        types.setId("copy-types");
        types.setItems(LockType.values());
        types.setItemLabelGenerator(LockType::label);
        types.setValue(EnumSet.allOf(LockType.class));
        types.setHelperText("Copying into existing masters matches items by key: items of a copied type that the "
                + "source lacks are removed from the target. Grade Calc Options need their Grading Tasks/Standards, "
                + "so selecting them selects those too.");
        types.addValueChangeListener(e -> {
            if (e.getValue().contains(LockType.CALC_OPTIONS) && !e.getValue().contains(LockType.TASKS_STANDARDS)) {
                Set<LockType> with = EnumSet.copyOf(e.getValue());
                with.add(LockType.TASKS_STANDARDS);
                types.setValue(with);
            }
        });
        Runnable reloadMasters = () -> masters.setItems(catalog.getValue() == null ? List.of()
                : mastersOf.apply(catalog.getValue().id()).stream().filter(m -> m.id() != source.id()).toList());
        catalog.addValueChangeListener(e -> reloadMasters.run());
        reloadMasters.run();
        Runnable modeChanged = () -> {
            boolean toNew = TO_NEW.equals(target.getValue());
            number.setVisible(toNew);
            name.setVisible(toNew);
            masters.setVisible(!toNew);
        };
        target.addValueChangeListener(e -> modeChanged.run());
        modeChanged.run();
        addBody(target, catalog, number, name, masters, types);
        addFooter("Copy", "copy-save", () -> {
            if (catalog.getValue() == null) {
                throw new SetupEditException("Choose the target catalog", "catalog");
            }
            boolean toNew = TO_NEW.equals(target.getValue());
            done.accept(toNew
                    ? copier.toNew(catalog.getValue().id(), number.getValue(), name.getValue(), types.getValue())
                    : copier.toExisting(masters.getValue().stream().map(MasterRow::id).toList(),
                    types.getValue()), toNew);
        });
    }

    /** Shows the refusal and marks the number or the catalog when the refusal is about it. */
    @Override
    void showRefusal(RuntimeException refused) {
        super.showRefusal(refused);
        String field = refused instanceof SetupEditException edit ? edit.field() : null;
        number.setInvalid("number".equals(field));
        number.setErrorMessage(refused.getMessage());
        catalog.setInvalid("catalog".equals(field));
        catalog.setErrorMessage(refused.getMessage());
    }
}
