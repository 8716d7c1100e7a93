package app.cascade.catalog.ui;

import app.cascade.catalog.CompositeParts;
import app.cascade.catalog.DataType;
import app.cascade.catalog.GradingItem;
import app.cascade.catalog.ItemEdit;
import app.cascade.catalog.SetupEditException;
import app.cascade.catalog.SetupLockedException;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.Optional;

/**
 * Adds or edits one grading-setup item of a course master, a course or a section, showing only the fields its data
 * type uses (see V1__district_model.sql). The service validates; its refusal (a bad value or a lock) shows in the
 * dialog, which stays open, and nothing is saved.
 */
class MasterItemDialog extends EditDialog {

    static final String MASTER_NOTE = "The change is recorded for the Awaiting Push report and reaches linked "
            + "courses at the next push of this master, if its type is locked in the catalog.";

    /** Saves; throws {@link SetupEditException} or {@link SetupLockedException} to refuse with a message. */
    interface Save {
        void save(ItemEdit edit);
    }

    final TextField code = new TextField("Code");
    final TextField name = new TextField("Name");
    final TextField taskCode = new TextField("Task or standard code");
    final TextField termCode = new TextField("Term");
    final BigDecimalField weight = new BigDecimalField("Weight");
    final IntegerField seq = new IntegerField("Sequence");
    final TextField calcMethod = new TextField("Calculation method");
    final IntegerField rounding = new IntegerField("Rounding (decimals)");
    final TextArea parts = new TextArea("Parts");

    MasterItemDialog(DataType type, Optional<GradingItem> existing, Save save) {
        this(type, existing, MASTER_NOTE, save);
    }

    /** @param noteText what saving does at this level, shown under the fields */
    MasterItemDialog(DataType type, Optional<GradingItem> existing, String noteText, Save save) {
        super("item-dialog", (existing.isPresent() ? "Edit " : "Add ") + type.singular().toLowerCase(), "36em",
                "item-error");
        code.setId("item-code");
        name.setId("item-name");
        taskCode.setId("item-task-code");
        termCode.setId("item-term-code");
        weight.setId("item-weight");
        weight.setHelperText("Not negative");
        seq.setId("item-seq");
        calcMethod.setId("item-calc-method");
        calcMethod.setHelperText("For example POINTS, WEIGHTED or NO_CALCULATION");
        rounding.setId("item-rounding");
        rounding.setMin(0);
        parts.setId("item-parts");
        parts.setHelperText("One part a line: task or standard code, term, weight in percent, e.g. \"Q1 T1 50\". "
                + "The weights must add up to 100.");
        if (type == DataType.COMPOSITE) {
            taskCode.setLabel("Parent task code");
        }
        FormLayout form = new FormLayout();
        switch (type) {
            case TASK, STANDARD -> form.add(code, name, seq);
            case CATEGORY -> form.add(name, weight, seq);
            case ASSESSMENT -> form.add(code, name, weight);
            case CALC_OPTION -> form.add(taskCode, termCode, calcMethod, rounding);
            case COMPOSITE -> {
                form.add(taskCode, termCode, name, parts);
                form.setColspan(parts, 2);
            }
        }
        existing.ifPresent(item -> {
            code.setValue(text(item.code()));
            name.setValue(text(item.name()));
            taskCode.setValue(text(item.taskCode()));
            termCode.setValue(text(item.termCode()));
            weight.setValue(item.weight());
            seq.setValue(item.seq());
            calcMethod.setValue(text(item.calcMethod()));
            rounding.setValue(item.rounding());
            parts.setValue(item.parts() == null ? "" : CompositeParts.parse(item.parts()).toLines());
        });
        Paragraph note = new Paragraph(noteText);
        note.addClassName("cascade-help");
        addBody(form, note);
        cancelButton.setId("item-cancel");
        addFooter(existing.isPresent() ? "Save" : "Add", "item-save", () -> save.save(edit(type)));
    }

    private ItemEdit edit(DataType type) {
        String json = type == DataType.COMPOSITE ? CompositeParts.fromLines(parts.getValue()).toJson() : null;
        return switch (type) {
            case TASK, STANDARD -> new ItemEdit(blank(code), blank(name), null, null, null, seq.getValue(), null,
                    null, null);
            case CATEGORY -> new ItemEdit(null, blank(name), null, null, weight.getValue(), seq.getValue(), null,
                    null, null);
            case ASSESSMENT -> new ItemEdit(blank(code), blank(name), null, null, weight.getValue(), null, null,
                    null, null);
            case CALC_OPTION -> new ItemEdit(null, null, blank(taskCode), blank(termCode), null, null,
                    blank(calcMethod), rounding.getValue(), null);
            case COMPOSITE -> new ItemEdit(null, blank(name), blank(taskCode), blank(termCode), null, null, null,
                    null, json);
        };
    }

    private static String blank(TextField field) {
        return field.getValue() == null || field.getValue().isBlank() ? null : field.getValue().strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
