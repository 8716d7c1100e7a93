package app.cascade.catalog.ui;

import app.cascade.catalog.CalcMethod;
import app.cascade.catalog.CompositeParts;
import app.cascade.catalog.GradingItem;
import app.cascade.catalog.ItemEdit;
import app.cascade.catalog.SetupEditException;
import app.cascade.catalog.SetupLockedException;
import app.cascade.catalog.TermChoices;
import app.cascade.grading.ItemType;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Adds or edits one grading-setup item of a course master, a course or a section, showing only the fields its data
 * type uses (see V1__district_model.sql). The calculation method is chosen from the methods Cascade knows and, on a
 * master, the term from the term codes of the school year's calendars ({@link TermChoices}), with a warning naming
 * the calendars that lack it. The service validates; its refusal (a bad value or a lock) shows in the dialog, which
 * stays open with the field at fault marked, and nothing is saved.
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
    final ComboBox<String> termCode = new ComboBox<>("Term");
    final BigDecimalField weight = new BigDecimalField("Weight");
    final IntegerField seq = new IntegerField("Sequence");
    final Select<CalcMethod> calcMethod = new Select<>();
    final IntegerField rounding = new IntegerField("Rounding (decimals)");
    final TextArea parts = new TextArea("Parts");

    private final Optional<TermChoices> terms;
    private final List<String> termItems = new ArrayList<>();

    /** A master's item: its terms come from {@code terms}. */
    MasterItemDialog(ItemType type, Optional<GradingItem> existing, TermChoices terms, Save save) {
        this(type, existing, MASTER_NOTE, Optional.of(terms), save);
    }

    /**
     * @param noteText what saving does at this level, shown under the fields
     * @param terms    the terms to choose from; without them, any term may be typed (the service checks it)
     */
    MasterItemDialog(ItemType type, Optional<GradingItem> existing, String noteText, Optional<TermChoices> terms,
                     Save save) {
        super("item-dialog", (existing.isPresent() ? "Edit " : "Add ") + type.singular().toLowerCase(), "36em",
                "item-error");
        code.setId("item-code");
        name.setId("item-name");
        taskCode.setId("item-task-code");
        termCode.setId("item-term-code");
        weight.setId("item-weight");
        weight.setHelperText("Not negative");
        seq.setId("item-seq");
        this.terms = terms;
        termItems.addAll(terms.map(TermChoices::codes).orElse(List.of()));
        existing.map(GradingItem::termCode).filter(t -> !termItems.contains(t)).ifPresent(termItems::add);
        termCode.setItems(termItems);
        termCode.addCustomValueSetListener(e -> {
            String typed = e.getDetail().strip();
            if (!termItems.contains(typed)) {
                termItems.add(typed);
                termCode.setItems(termItems);
            }
            termCode.setValue(typed);
        });
        // after the listener, which allows custom values by itself: a master's terms come from the list only
        termCode.setAllowCustomValue(terms.isEmpty());
        termCode.addValueChangeListener(e -> termChanged());
        terms.ifPresent(t -> termCode.setHelperText("A term of the calendars of " + String.join(", ", t.years())));
        calcMethod.setId("item-calc-method");
        calcMethod.setLabel("Calculation method");
        calcMethod.setItems(CalcMethod.values());
        calcMethod.setItemLabelGenerator(CalcMethod::label);
        calcMethod.setPlaceholder("Choose a method");
        rounding.setId("item-rounding");
        rounding.setMin(0);
        parts.setId("item-parts");
        parts.setHelperText("One part a line: task or standard code, term, weight in percent, e.g. \"Q1 T1 50\". "
                + "The weights must add up to 100.");
        if (type == ItemType.COMPOSITE) {
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
            termCode.setValue(item.termCode());
            weight.setValue(item.weight());
            seq.setValue(item.seq());
            CalcMethod.of(item.calcMethod()).ifPresentOrElse(calcMethod::setValue, () -> {
                if (item.calcMethod() != null) {
                    calcMethod.setHelperText("Was \"" + item.calcMethod() + "\", which Cascade does not know: "
                            + "choose a method");
                }
            });
            rounding.setValue(item.rounding());
            parts.setValue(item.parts() == null ? "" : CompositeParts.parse(item.parts()).toLines());
        });
        Paragraph note = new Paragraph(noteText);
        note.addClassName("cascade-help");
        addBody(form, note);
        cancelButton.setId("item-cancel");
        addFooter(existing.isPresent() ? "Save" : "Add", "item-save", () -> save.save(edit(type)));
    }

    private ItemEdit edit(ItemType type) {
        String json = type == ItemType.COMPOSITE ? CompositeParts.fromLines(parts.getValue()).toJson() : null;
        return switch (type) {
            case TASK, STANDARD -> new ItemEdit(blank(code), blank(name), null, null, null, seq.getValue(), null,
                    null, null);
            case CATEGORY -> new ItemEdit(null, blank(name), null, null, weight.getValue(), seq.getValue(), null,
                    null, null);
            case ASSESSMENT -> new ItemEdit(blank(code), blank(name), null, null, weight.getValue(), null, null,
                    null, null);
            case CALC_OPTION -> new ItemEdit(null, null, blank(taskCode), term(), null, null,
                    calcMethod.getValue() == null ? null : calcMethod.getValue().name(), rounding.getValue(), null);
            case COMPOSITE -> new ItemEdit(null, blank(name), blank(taskCode), term(), null, null, null,
                    null, json);
        };
    }

    private String term() {
        return termCode.getValue() == null || termCode.getValue().isBlank() ? null : termCode.getValue().strip();
    }

    /** Shows, under the term, the calendars that lack it, or where the terms come from. */
    private void termChanged() {
        termCode.setInvalid(false);
        terms.ifPresent(t -> {
            Optional<String> warning = t.warning(term());
            termCode.setHelperText(warning.orElse("A term of the calendars of " + String.join(", ", t.years())));
            if (warning.isPresent()) {
                termCode.addClassName("cascade-term-warning");
            } else {
                termCode.removeClassName("cascade-term-warning");
            }
        });
    }

    /** Shows the refusal and marks the field it names, e.g. {@code termCode} or {@code parts[1].weight}. */
    @Override
    void showRefusal(RuntimeException refused) {
        super.showRefusal(refused);
        Stream.<HasValidation>of(code, name, taskCode, termCode, weight, seq, calcMethod, rounding, parts)
                .forEach(f -> f.setInvalid(false));
        if (refused instanceof SetupEditException edit && edit.field() != null) {
            HasValidation field = switch (edit.field().replaceAll("[\\[.].*", "")) {
                case "code" -> code;
                case "name" -> name;
                case "taskCode" -> taskCode;
                case "termCode" -> termCode;
                case "weight" -> weight;
                case "seq" -> seq;
                case "calcMethod" -> calcMethod;
                case "rounding" -> rounding;
                case "parts" -> parts;
                default -> null;
            };
            if (field != null) {
                field.setErrorMessage(refused.getMessage());
                field.setInvalid(true);
            }
        }
    }

    private static String blank(TextField field) {
        return field.getValue() == null || field.getValue().isBlank() ? null : field.getValue().strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
