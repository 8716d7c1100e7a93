package app.cascade.catalog.ui;

import app.cascade.catalog.CourseInfoValues;
import app.cascade.catalog.MasterDetails;
import app.cascade.catalog.SetupEditException;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.Optional;

/**
 * Creates a course master (number and Course Info) in a catalog, or edits an existing master's Course Info. Course
 * Info is not grading setup: changing it does not show on the Awaiting Push report.
 */
class MasterDialog extends EditDialog {

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

    MasterDialog(String catalogName, Optional<MasterDetails> existing, Save save) {
        super("master-dialog", existing.map(m -> "Edit attributes of " + m.number())
                .orElse("New course master in " + catalogName), "40em", "master-error");
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
        addBody(form, note);
        addFooter(existing.isPresent() ? "Save" : "Create", "master-save", () -> save.save(number.getValue(),
                new CourseInfoValues(name.getValue(), stateCode.getValue(), department.getValue(),
                        credits.getValue(), gpaWeight.getValue(), description.getValue())));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
