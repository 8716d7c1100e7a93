package app.cascade.catalog.ui;

import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.CourseInfoValues;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

import java.util.Set;

/** The six Course Info fields, read-only, with a padlock on each locked one. */
class CourseInfoForm extends FormLayout {

    CourseInfoForm(CourseInfoValues info, Set<CatalogLock> locked) {
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2), new ResponsiveStep("50em", 3));
        for (CatalogLock field : CatalogLock.courseInfoFields()) {
            String text = info.text(field);
            Span value = new Span(text.isEmpty() ? "—" : text);
            value.addClassName("cascade-value");
            value.setId("info-" + field.dbName());
            if (locked.contains(field)) {
                Icon lock = VaadinIcon.LOCK.create();
                lock.addClassName("cascade-icon-s");
                lock.setTooltipText("Locked in the catalog");
                value.addComponentAsFirst(lock);
            }
            addFormItem(value, field.label());
        }
    }
}
