package app.cascade.catalog.ui;

import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.CourseInfoValues;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The six Course Info fields. Locked ones are read-only with a padlock naming the catalog lock; when editable, the
 * others are text fields and {@link #changes()} returns what the user changed.
 */
class CourseInfoForm extends FormLayout {

    private final CourseInfoValues info;
    private final Map<CatalogLock, TextField> fields = new EnumMap<>(CatalogLock.class);

    /** Read-only, as on a master: a padlock on each locked field. */
    CourseInfoForm(CourseInfoValues info, Set<CatalogLock> locked) {
        this(info, locked, null, false);
    }

    /** @param catalogName the catalog of the course's master, named in the padlock tooltips */
    CourseInfoForm(CourseInfoValues info, Set<CatalogLock> locked, String catalogName, boolean editable) {
        this.info = info;
        setId("course-info");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2), new ResponsiveStep("50em", 3));
        for (CatalogLock field : CatalogLock.courseInfoFields()) {
            String text = info.text(field);
            if (editable && !locked.contains(field)) {
                TextField input = new TextField();
                input.setId("info-" + field.dbName());
                input.setValue(text);
                input.setWidthFull();
                fields.put(field, input);
                addFormItem(input, field.label());
                continue;
            }
            Span value = new Span(text.isEmpty() ? "—" : text);
            value.addClassName("cascade-value");
            value.setId("info-" + field.dbName());
            if (locked.contains(field)) {
                Icon lock = VaadinIcon.LOCK.create();
                lock.addClassName("cascade-icon-s");
                lock.setTooltipText(catalogName == null ? "Locked in the catalog"
                        : "Locked by catalog " + catalogName + ": " + field.label());
                value.addComponentAsFirst(lock);
            }
            addFormItem(value, field.label());
        }
    }

    /** The editable fields whose value differs from the course's, with their new values. */
    Map<CatalogLock, String> changes() {
        Map<CatalogLock, String> changed = new EnumMap<>(CatalogLock.class);
        fields.forEach((field, input) -> {
            if (!input.getValue().strip().equals(info.text(field))) {
                changed.put(field, input.getValue().strip());
            }
        });
        return changed;
    }

    boolean editable() {
        return !fields.isEmpty();
    }
}
