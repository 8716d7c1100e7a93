package app.cascade.catalog.ui;

import app.cascade.catalog.DataType;
import app.cascade.catalog.GradingItem;
import app.cascade.catalog.ItemEdit;
import app.cascade.catalog.SetupEditException;
import app.cascade.catalog.SetupLockedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Adds or edits one course or section item. Only the fields of the chosen type are shown; the service validates and
 * enforces the locks, and its refusal is shown in the dialog, which stays open with the values entered.
 */
class SetupItemDialog extends Dialog {

    static final List<String> CALC_METHODS = List.of("POINTS", "WEIGHTED", "NO_CALCULATION");

    final ComboBox<DataType> type = new ComboBox<>("Type");
    final TextField code = new TextField("Code");
    final TextField name = new TextField("Name");
    final TextField taskCode = new TextField("Task or standard code");
    final TextField termCode = new TextField("Term");
    final BigDecimalField weight = new BigDecimalField("Weight");
    final IntegerField seq = new IntegerField("Sequence");
    final ComboBox<String> calcMethod = new ComboBox<>("Calculation method");
    final IntegerField rounding = new IntegerField("Rounding (decimals)");
    final TextArea parts = new TextArea("Parts (JSON list)");
    private final Paragraph error = new Paragraph();
    private final BiConsumer<DataType, ItemEdit> save;

    /**
     * @param types    the types that can be added here (ignored when editing)
     * @param existing the item to edit, or null to add one
     * @param save     calls the service; a {@link SetupEditException} or {@link SetupLockedException} keeps the dialog
     *                 open and shows the message
     */
    SetupItemDialog(String title, Collection<DataType> types, GradingItem existing,
                    BiConsumer<DataType, ItemEdit> save) {
        this.save = save;
        setId("item-dialog");
        setHeaderTitle(title);
        type.setId("item-type");
        type.setItems(existing == null ? types : List.of(existing.type()));
        type.setItemLabelGenerator(DataType::singular);
        type.setReadOnly(existing != null);
        code.setId("item-code");
        name.setId("item-name");
        taskCode.setId("item-task-code");
        termCode.setId("item-term-code");
        weight.setId("item-weight");
        seq.setId("item-seq");
        calcMethod.setId("item-calc-method");
        List<String> methods = new ArrayList<>(CALC_METHODS);
        if (existing != null && existing.calcMethod() != null && !methods.contains(existing.calcMethod())) {
            methods.add(existing.calcMethod());
        }
        calcMethod.setItems(methods);
        rounding.setId("item-rounding");
        parts.setId("item-parts");
        parts.setPlaceholder("[{\"taskCode\":\"Q1\",\"termCode\":\"Q1\",\"weight\":50}, …]");
        error.setId("item-error");
        error.addClassName("cascade-error");
        error.setVisible(false);
        FormLayout form = new FormLayout(type, code, name, taskCode, termCode, weight, calcMethod, rounding, seq,
                parts);
        form.setColspan(parts, 2);
        add(form, error);
        type.addValueChangeListener(e -> showFieldsOf(e.getValue()));
        if (existing != null) {
            fill(existing);
        } else {
            type.setValue(types.iterator().next());
        }
        Button ok = new Button(existing == null ? "Add" : "Save", e -> submit());
        ok.setId("item-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("item-cancel");
        getFooter().add(cancel, ok);
    }

    private void fill(GradingItem item) {
        type.setValue(item.type());
        code.setValue(nonNull(item.code()));
        name.setValue(nonNull(item.name()));
        taskCode.setValue(nonNull(item.taskCode()));
        termCode.setValue(nonNull(item.termCode()));
        weight.setValue(item.weight());
        seq.setValue(item.seq());
        calcMethod.setValue(item.calcMethod());
        rounding.setValue(item.rounding());
        parts.setValue(nonNull(item.parts()));
    }

    private void showFieldsOf(DataType t) {
        boolean coded = t == DataType.TASK || t == DataType.STANDARD || t == DataType.ASSESSMENT;
        boolean keyed = t == DataType.CALC_OPTION || t == DataType.COMPOSITE;
        code.setVisible(coded);
        name.setVisible(t != DataType.CALC_OPTION);
        taskCode.setVisible(keyed);
        termCode.setVisible(keyed);
        weight.setVisible(t == DataType.CATEGORY);
        calcMethod.setVisible(t == DataType.CALC_OPTION);
        rounding.setVisible(t == DataType.CALC_OPTION);
        parts.setVisible(t == DataType.COMPOSITE);
    }

    /** The values of the visible fields; hidden ones are null, as the type has no such value. */
    ItemEdit edit() {
        DataType t = type.getValue();
        boolean calc = t == DataType.CALC_OPTION;
        return new ItemEdit(text(code), text(name), text(taskCode), text(termCode),
                weight.isVisible() ? weight.getValue() : null, seq.getValue() == null ? 0 : seq.getValue(),
                calc ? calcMethod.getValue() : null, calc ? rounding.getValue() : null, text(parts));
    }

    private void submit() {
        try {
            save.accept(type.getValue(), edit());
            close();
        } catch (SetupEditException | SetupLockedException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
        }
    }

    private static String text(TextField field) {
        return field.isVisible() && !field.getValue().isBlank() ? field.getValue().strip() : null;
    }

    private static String text(TextArea field) {
        return field.isVisible() && !field.getValue().isBlank() ? field.getValue().strip() : null;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
