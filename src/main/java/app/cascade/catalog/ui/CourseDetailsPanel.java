package app.cascade.catalog.ui;

import app.cascade.catalog.CourseDetails;
import app.cascade.catalog.CourseService;
import app.cascade.catalog.CourseSetupService;
import app.cascade.catalog.SectionSetup;
import app.cascade.catalog.SetupEditException;
import app.cascade.catalog.SetupItem;
import app.cascade.catalog.SetupLockedException;
import app.cascade.grading.ItemType;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One course's setup (Course Info, master link, items) and each section's setup. When editable (DISTRICT_ADMIN), the
 * Course Info fields and items that are not locked can be changed, items added at the course and in each section as a
 * teacher would, and Ignore Master Push toggled after a confirmation; the service enforces the locks again.
 */
class CourseDetailsPanel extends VerticalLayout {

    static final String NOTHING_SELECTED = "Select a course to see its setup and its sections.";
    static final String COURSE_NOTE = "Editing an item that came from the master unlinks it, except an assessment, "
            + "which the next push restores. A course-managed item becomes the course's own.";
    static final String SECTION_NOTE = "Edits a section item as the teacher would: an item that came from the course "
            + "is unlinked by the edit.";

    private final transient CourseService courses;
    private final transient CourseSetupService setup;
    private final boolean editable;
    private final LongConsumer courseChanged;
    private CourseDetails shown;

    /** @param courseChanged told the course id after a change that the course list shows (Ignore Master Push) */
    CourseDetailsPanel(CourseService courses, CourseSetupService setup, boolean editable, LongConsumer courseChanged) {
        this.courses = courses;
        this.setup = setup;
        this.editable = editable;
        this.courseChanged = courseChanged;
        setId("course-details");
        setPadding(false);
        show(Optional.empty());
    }

    void show(Optional<CourseDetails> course) {
        removeAll();
        shown = course.orElse(null);
        if (course.isEmpty()) {
            add(empty(NOTHING_SELECTED));
            return;
        }
        CourseDetails c = course.get();
        H3 title = new H3(c.number() + " – " + c.info().name());
        title.setId("course-title");
        Paragraph link = new Paragraph(linkText(c));
        link.setId("course-link");
        link.addClassName("cascade-intro");
        add(title, link);
        if (editable && c.master() != null) {
            add(ignoreToggle(c));
        }
        String catalog = c.master() == null ? null : c.master().catalogName();
        CourseInfoForm info = new CourseInfoForm(c.info(), c.lockedInfoFields(), catalog, editable);
        add(info);
        if (info.editable()) {
            Button save = new Button("Save Course Info", e -> guarded(() -> setup.editCourseInfo(c.id(),
                    info.changes())));
            save.setId("course-info-save");
            add(save);
        }
        SetupItemGrid items = new SetupItemGrid(c.items(), "This course has no grading setup yet: no item from its "
                + "master and none created at the course.", catalog, false, actions(false));
        items.setId("course-items");
        add(header("Course setup", "course-add-item", Arrays.asList(ItemType.values()), COURSE_NOTE,
                (type, edit) -> setup.addCourseItem(c.id(), type, edit)), items);
        if (c.sections().isEmpty()) {
            add(new H4("Sections"), empty("This course has no sections, so there is no section setup."));
        }
        List<ItemType> sectionTypes = Arrays.stream(ItemType.values()).filter(ItemType::sectionLevel).toList();
        for (SectionSetup section : c.sections()) {
            SetupItemGrid grid = new SetupItemGrid(section.items(), "Section " + section.number()
                    + " has no categories, grade calc options or composite grades of its own.", catalog, true,
                    actions(true));
            grid.setId("section-" + section.id() + "-items");
            add(header("Section " + section.number() + " – " + section.teacher(), "section-" + section.id() + "-add",
                    sectionTypes, SECTION_NOTE,
                    (type, edit) -> setup.addSectionItem(section.id(), type, edit)), grid);
        }
    }

    /** Shows the course again from the database, e.g. after a change. */
    private void reload() {
        if (shown != null) {
            long id = shown.id();
            show(courses.course(id));
            courseChanged.accept(id);
        }
    }

    private Component header(String text, String addId, List<ItemType> types, String note,
                             java.util.function.BiConsumer<ItemType, app.cascade.catalog.ItemEdit> add) {
        H4 h = new H4(text);
        if (!editable) {
            return h;
        }
        Select<ItemType> type = new Select<>();
        type.setId(addId.replace("-item", "") + "-type");
        type.setItems(types);
        type.setItemLabelGenerator(ItemType::singular);
        type.setValue(types.getFirst());
        type.setAriaLabel("Type of item to add");
        Button addButton = new Button("Add", VaadinIcon.PLUS.create(), e -> new MasterItemDialog(type.getValue(),
                Optional.empty(), note, Optional.empty(), edit -> {
            add.accept(type.getValue(), edit);
            reload();
        }).open());
        addButton.setId(addId);
        addButton.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout bar = new HorizontalLayout(h, type, addButton);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private SetupItemGrid.ItemActions actions(boolean sectionLevel) {
        if (!editable) {
            return null;
        }
        Consumer<SetupItem> edit = item -> new MasterItemDialog(item.type(), Optional.of(item.values()),
                sectionLevel ? SECTION_NOTE : COURSE_NOTE, Optional.empty(), values -> {
            if (sectionLevel) {
                setup.editSectionItem(item.values().id(), values);
            } else {
                setup.editCourseItem(item.values().id(), values);
            }
            reload();
        }).open();
        Consumer<SetupItem> delete = item -> {
            ConfirmDialog confirm = new ConfirmDialog("Delete " + item.type().singular().toLowerCase() + " \""
                    + ItemText.key(item.values()) + "\"?", sectionLevel ? "It is removed from this section."
                    : "It is removed from the course and from its sections.", "Delete",
                    e -> guarded(() -> {
                        if (sectionLevel) {
                            setup.deleteSectionItem(item.values().id());
                        } else {
                            setup.deleteCourseItem(item.values().id());
                        }
                    }));
            confirm.setId("item-delete-confirm");
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        };
        return new SetupItemGrid.ItemActions(edit, delete);
    }

    private Component ignoreToggle(CourseDetails c) {
        boolean set = !c.ignoreMasterPush();
        Button toggle = new Button(set ? "Ignore Master Push" : "Follow the master again",
                set ? VaadinIcon.BAN.create() : VaadinIcon.LINK.create(),
                e -> new IgnoreMasterPushConfirm(c.number(), c.master().label(), set,
                        () -> guarded(() -> setup.setIgnoreMasterPush(c.id(), set))).open());
        toggle.setId("ignore-master-push");
        return toggle;
    }

    /**
     * Runs a change, then shows the course again; a refusal is shown as an error, changes nothing, and keeps what the
     * user typed on screen.
     */
    private void guarded(Runnable change) {
        try {
            change.run();
        } catch (SetupEditException | SetupLockedException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        Notification.show("Saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        reload();
    }

    private static String linkText(CourseDetails c) {
        String where = c.schoolName() + ", " + c.yearCode() + ". ";
        if (c.master() == null) {
            return where + "No master link: no push ever touches this course.";
        }
        String text = where + "Master " + c.master().label() + ". ";
        return text + switch (c.linkState()) {
            case IGNORE -> "Ignore Master Push is set: the school manages this course, every master push skips it "
                    + "and nothing on it is locked.";
            case DESYNCED -> "Desynced: an item of a locked type is linked elsewhere, linked twice, or detached "
                    + "although the master has it. \"Push locked data\" fails this course; \"Overwrite\" repairs it.";
            case LINKED -> "Linked: locked data comes from the master.";
            case UNLINKED -> "";
        };
    }

    private static Paragraph empty(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("cascade-empty");
        return p;
    }
}
