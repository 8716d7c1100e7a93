package app.cascade.catalog.ui;

import app.cascade.catalog.CourseInfoValues;
import app.cascade.catalog.MasterDetails;
import app.cascade.catalog.SetupEditException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.Optional;

/**
 * Creates a course master (number and Course Info) in a catalog, or edits an existing master's Course Info. Course
 * Info is not grading setup: changing it does not show on the Awaiting Push report.
 */
class MasterDialog extends Dialog {

    /** Saves; throws {@link SetupEditException} to refuse with a message. */
    interface Save {
        void save(String number, CourseInfoValues info);
    }

    final TextField number = new TextField("Number");
    final TextField name = new TextField("Name");
    final TextField stateCode = new TextField("State code");
    final TextField department = new TextField("Department");
    final BigDecimalField credits = new BigDecimalField("Credits");
    final BigDecimalField gpaWeight = new BigDecimalField("GPA weight");
    final TextArea description = new TextArea("Description");
    private final Span error = new Span();

    MasterDialog(String catalogName, Optional<MasterDetails> existing, Save save) {
        setId("master-dialog");
        setHeaderTitle(existing.map(m -> "Edit attributes of " + m.number())
                .orElse("New course master in " + catalogName));
        setWidth("40em");
        number.setId("master-number");
        number.setRequired(true);
        number.setHelperText("Unique in the catalog");
        name.setId("master-name");
        name.setRequired(true);
        stateCode.setId("master-state-code");
        department.setId("master-department");
        credits.setId("master-credits");
        gpaWeight.setId("master-gpa-weight");
        description.setId("master-description");
        existing.ifPresent(m -> {
            number.setValue(m.number());
            number.setReadOnly(true);
            number.setHelperText(null);
            CourseInfoValues info = m.info();
            name.setValue(nonNull(info.name()));
            stateCode.setValue(nonNull(info.stateCode()));
            department.setValue(nonNull(info.department()));
            credits.setValue(info.credits());
            gpaWeight.setValue(info.gpaWeight());
            description.setValue(nonNull(info.description()));
        });
        FormLayout form = new FormLayout(number, name, stateCode, department, credits, gpaWeight, description);
        form.setColspan(description, 2);
        Paragraph note = new Paragraph(existing.isPresent()
                ? "Locked Course Info fields reach linked courses at the next push. Attribute changes are not "
                + "listed on the Awaiting Push report, which lists grading setup only."
                : "The new master starts with no grading setup: add items on its tabs, or copy another master "
                + "into it.");
        note.addClassName("cascade-help");
        error.setId("master-error");
        error.addClassName("cascade-error");
        error.setVisible(false);
        VerticalLayout body = new VerticalLayout(form, note, error);
        body.setPadding(false);
        add(body);

        Button cancel = new Button("Cancel", e -> close());
        Button ok = new Button(existing.isPresent() ? "Save" : "Create", e -> {
            try {
                save.save(number.getValue(), new CourseInfoValues(name.getValue(), stateCode.getValue(),
                        department.getValue(), credits.getValue(), gpaWeight.getValue(), description.getValue()));
                close();
            } catch (SetupEditException refused) {
                error.setText(refused.getMessage());
                error.setVisible(true);
            }
        });
        ok.setId("master-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, ok);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
