package app.cascade.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The Edit and Delete (or Remove) icon buttons of an item row, the same on master, course and section grids. */
final class RowButtons {

    private RowButtons() {
    }

    /**
     * @param removeLabel "Delete" or "Remove": the tooltip and accessible name; the button's class is
     *                    {@code item-<label in lower case>}, the edit button's {@code item-edit}
     */
    static HorizontalLayout editAndRemove(Runnable edit, Runnable remove, String removeLabel) {
        Button editButton = new Button(VaadinIcon.EDIT.create(), e -> edit.run());
        editButton.setTooltipText("Edit");
        editButton.setAriaLabel("Edit");
        editButton.addClassName("item-edit");
        Button removeButton = new Button(VaadinIcon.TRASH.create(), e -> remove.run());
        removeButton.setTooltipText(removeLabel);
        removeButton.setAriaLabel(removeLabel);
        removeButton.addClassName("item-" + removeLabel.toLowerCase());
        removeButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        editButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        removeButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout cell = new HorizontalLayout(editButton, removeButton);
        cell.setSpacing(false);
        return cell;
    }
}
