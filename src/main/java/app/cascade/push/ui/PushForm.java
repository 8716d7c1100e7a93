package app.cascade.push.ui;

import app.cascade.catalog.CatalogSummary;
import app.cascade.catalog.SchoolYearRef;
import app.cascade.push.PushCommand;
import app.cascade.push.engine.DataType;
import app.cascade.push.engine.PushMode;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
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
import java.util.function.LongFunction;

/**
 * The settings of a Push All Course Masters request, as the users know them: Select Year (which filters Select
 * Course Catalog), Push Mode, Push locked data to sections and the six kinds of Data to be pushed.
 */
class PushForm extends VerticalLayout {

    static final String HELP_LOCKED = "Push locked data: pushes the data that is locked in the catalog to the "
            + "linked courses. Teacher-created and course-created grading setup is kept.";
    static final String HELP_OVERWRITE = "Overwrite existing course and section level data: a clean slate. It also "
            + "relinks courses that are out of sync with their course master, and wipes teacher-created and "
            + "course-created grading setup that has no grades or assignments. Anything that already has grades, "
            + "scores, comments or assignments is kept and shows as \"course managed\"; see it in the report. "
            + "Use Overwrite for future years.";
    static final String HELP_LOCKS = "Only data locked in the course catalog is pushed. Courses marked Ignore "
            + "Master Push are skipped.";

    final ComboBox<SchoolYearRef> year = new ComboBox<>("Select Year");
    final ComboBox<CatalogSummary> catalog = new ComboBox<>("Select Course Catalog");
    final RadioButtonGroup<PushMode> mode = new RadioButtonGroup<>("Push Mode");
    final Checkbox toSections = new Checkbox("Push locked data to sections");
    final Map<DataType, Checkbox> types = new EnumMap<>(DataType.class);
    private final Span typesError = new Span("Select at least one kind of data to push");
    /** Set for Push to Courses on one master: then there is no catalog to choose. */
    private Long masterId;

    PushForm(List<SchoolYearRef> years, LongFunction<List<CatalogSummary>> catalogsForYear) {
        setPadding(false);
        setSpacing(false);
        year.setId("push-year");
        year.setItems(years);
        year.setItemLabelGenerator(y -> y.code() + (y.current() ? " (current)" : ""));
        year.setRequired(true);
        catalog.setId("push-catalog");
        catalog.setItemLabelGenerator(CatalogSummary::name);
        catalog.setRequired(true);
        catalog.setWidth("22em");
        year.addValueChangeListener(e -> {
            List<CatalogSummary> found = e.getValue() == null ? List.of() : catalogsForYear.apply(e.getValue().id());
            catalog.setItems(found);
            catalog.setValue(found.size() == 1 ? found.getFirst() : null);
            catalog.setHelperText(e.getValue() != null && found.isEmpty()
                    ? "No catalog has a course master linked to a course in " + e.getValue().code() : null);
        });

        mode.setId("push-mode");
        mode.setItems(PushMode.values());
        mode.setItemLabelGenerator(PushMode::label);
        mode.setValue(PushMode.PUSH_LOCKED);
        toSections.setId("push-to-sections");

        Div typeBoxes = new Div();
        typeBoxes.setId("push-types");
        typeBoxes.addClassName("cascade-push-types");
        for (DataType type : DataType.values()) {
            Checkbox box = new Checkbox(type.label(), true);
            box.setId("push-type-" + type.name().toLowerCase().replace('_', '-'));
            types.put(type, box);
            typeBoxes.add(box);
        }
        Span typesLabel = new Span("Data to be pushed:");
        typesLabel.addClassName("cascade-field-label");

        FormLayout fields = new FormLayout(year, catalog);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        typesError.addClassName("cascade-error");
        typesError.setVisible(false);
        add(fields, mode, toSections, typesLabel, typeBoxes, typesError, help());

        years.stream().filter(SchoolYearRef::current).findFirst().ifPresent(year::setValue);
    }

    private static Div help() {
        Div help = new Div(new Paragraph(HELP_LOCKED), new Paragraph(HELP_OVERWRITE), new Paragraph(HELP_LOCKS));
        help.setId("push-help");
        help.addClassName("cascade-help");
        return help;
    }

    Set<DataType> selectedTypes() {
        Set<DataType> selected = EnumSet.noneOf(DataType.class);
        types.forEach((type, box) -> {
            if (box.getValue()) {
                selected.add(type);
            }
        });
        return selected;
    }

    /** Scopes the form to Push to Courses of one master (push-rules §7): the catalog is the master's. */
    PushForm scopedToMaster(long masterId) {
        this.masterId = masterId;
        catalog.setVisible(false);
        catalog.setRequired(false);
        return this;
    }

    /** The command, or empty after marking what is missing. */
    Optional<PushCommand> command() {
        year.setInvalid(year.getValue() == null);
        year.setErrorMessage("Select a year");
        if (masterId != null) {
            boolean none = selectedTypes().isEmpty();
            typesError.setVisible(none);
            return year.isInvalid() || none ? Optional.empty() : Optional.of(PushCommand.master(masterId,
                    year.getValue().id(), mode.getValue(), toSections.getValue(), selectedTypes()));
        }
        catalog.setInvalid(catalog.getValue() == null);
        catalog.setErrorMessage("Select a course catalog");
        boolean noTypes = selectedTypes().isEmpty();
        typesError.setVisible(noTypes);
        if (year.isInvalid() || catalog.isInvalid() || noTypes) {
            return Optional.empty();
        }
        return Optional.of(PushCommand.catalog(catalog.getValue().id(), year.getValue().id(), mode.getValue(),
                toSections.getValue(), selectedTypes()));
    }

    boolean overwrite() {
        return mode.getValue() == PushMode.OVERWRITE;
    }

    Optional<SchoolYearRef> selectedYear() {
        return Optional.ofNullable(year.getValue());
    }
}
