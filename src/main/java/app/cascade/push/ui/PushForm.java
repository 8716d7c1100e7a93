package app.cascade.push.ui;

import app.cascade.catalog.SchoolYearRef;
import app.cascade.grading.LockType;
import app.cascade.push.PushCommand;
import app.cascade.push.engine.PushMode;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of a push request, as the users know them: Select Year (which filters the second choice: a course
 * catalog, or a calendar), Push Mode, Push locked data to sections (where offered) and the kinds of Data to be pushed.
 * What differs between the tools comes from its {@link PushScope}.
 */
class PushForm<S> extends VerticalLayout {

    final ComboBox<SchoolYearRef> year = new ComboBox<>("Select Year");
    final ComboBox<S> choice;
    final RadioButtonGroup<PushMode> mode = new RadioButtonGroup<>("Push Mode");
    final Checkbox toSections = new Checkbox("Push locked data to sections");
    final Map<LockType, Checkbox> types = new EnumMap<>(LockType.class);
    private final PushScope<S> scope;
    static final String HELP_SUMMARY = "How Push locked data and Overwrite differ";
    private final Span typesError = new Span("Select at least one kind of data to push");

    PushForm(List<SchoolYearRef> years, PushScope<S> scope) {
        this.scope = scope;
        setPadding(false);
        setSpacing(false);
        year.setId("push-year");
        year.setItems(years);
        year.setItemLabelGenerator(y -> y.code() + (y.current() ? " (current)" : ""));
        year.setRequired(true);
        choice = new ComboBox<>(scope.label());
        choice.setVisible(scope.label() != null);
        choice.setId(scope.fieldId());
        choice.setItemLabelGenerator(scope.itemLabel()::apply);
        choice.setRequired(scope.required());
        choice.setClearButtonVisible(!scope.required());
        choice.setWidth("22em");
        choice.setPlaceholder(scope.placeholder());
        year.addValueChangeListener(e -> {
            List<S> found = e.getValue() == null ? List.of() : scope.forYear().apply(e.getValue().id());
            choice.setItems(found);
            choice.setValue(scope.required() && found.size() == 1 ? found.getFirst() : null);
            boolean none = e.getValue() != null && found.isEmpty();
            choice.setHelperText(none ? scope.noneFor().apply(e.getValue().code()) : null);
        });

        mode.setId("push-mode");
        mode.setItems(PushMode.values());
        mode.setItemLabelGenerator(PushMode::label);
        mode.setValue(PushMode.PUSH_LOCKED);
        toSections.setId("push-to-sections");
        toSections.setVisible(scope.sectionsOption());

        Div typeBoxes = new Div();
        typeBoxes.setId("push-types");
        typeBoxes.addClassName("cascade-push-types");
        for (LockType type : LockType.values()) {
            if (!scope.types().contains(type)) {
                continue;
            }
            Checkbox box = new Checkbox(type.label(), true);
            box.setId("push-type-" + type.name().toLowerCase().replace('_', '-'));
            types.put(type, box);
            typeBoxes.add(box);
        }
        Span typesLabel = new Span("Data to be pushed:");
        typesLabel.addClassName("cascade-field-label");

        FormLayout fields = new FormLayout(year, choice);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        typesError.addClassName("cascade-error");
        typesError.getElement().setAttribute("role", "alert");
        typesError.setVisible(false);
        add(fields, mode, toSections, typesLabel, typeBoxes, typesError, help());

        years.stream().filter(SchoolYearRef::current).findFirst().ifPresent(year::setValue);
    }

    /** What the modes do: closed at first, so that Run Now and the queue stay in view. */
    private Details help() {
        Div text = new Div();
        scope.help().forEach(paragraph -> text.add(new Paragraph(paragraph)));
        text.addClassName("cascade-help");
        Details help = new Details(HELP_SUMMARY, text);
        help.setId("push-help");
        help.setOpened(false);
        return help;
    }

    Set<LockType> selectedTypes() {
        Set<LockType> selected = EnumSet.noneOf(LockType.class);
        types.forEach((type, box) -> {
            if (box.getValue()) {
                selected.add(type);
            }
        });
        return selected;
    }

    /** The command, or empty after marking what is missing. */
    Optional<PushCommand> command() {
        year.setInvalid(year.getValue() == null);
        year.setErrorMessage("Select a year");
        choice.setInvalid(scope.required() && choice.getValue() == null);
        choice.setErrorMessage(scope.missing());
        boolean noTypes = selectedTypes().isEmpty();
        typesError.setVisible(noTypes);
        if (year.isInvalid() || choice.isInvalid() || noTypes) {
            return Optional.empty();
        }
        return Optional.of(scope.command().build(choice.getValue(), year.getValue().id(), mode.getValue(),
                toSections.getValue(), selectedTypes()));
    }

    /** How the request reads, e.g. "High School Catalog (26-27), Overwrite". */
    String title() {
        return scope.title().apply(choice.getValue(), year.getValue()) + (overwrite() ? ", Overwrite" : "");
    }

    PushScope<S> scope() {
        return scope;
    }

    boolean overwrite() {
        return mode.getValue() == PushMode.OVERWRITE;
    }

    Optional<SchoolYearRef> selectedYear() {
        return Optional.ofNullable(year.getValue());
    }
}
