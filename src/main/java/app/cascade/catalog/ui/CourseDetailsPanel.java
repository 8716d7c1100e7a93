package app.cascade.catalog.ui;

import app.cascade.catalog.CourseDetails;
import app.cascade.catalog.SectionSetup;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.util.Optional;

/** One course's setup (Course Info, master link, items) and each section's setup. */
class CourseDetailsPanel extends VerticalLayout {

    static final String NOTHING_SELECTED = "Select a course to see its setup and its sections.";

    CourseDetailsPanel() {
        setId("course-details");
        setPadding(false);
        show(Optional.empty());
    }

    void show(Optional<CourseDetails> course) {
        removeAll();
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
        SetupItemGrid items = new SetupItemGrid(c.items(), "This course has no grading setup yet: no item from its "
                + "master and none created at the course.");
        items.setId("course-items");
        add(title, link, new CourseInfoForm(c.info(), c.lockedInfoFields()), new H4("Course setup"), items);
        if (c.sections().isEmpty()) {
            add(new H4("Sections"), empty("This course has no sections, so there is no section setup."));
        }
        for (SectionSetup section : c.sections()) {
            H4 header = new H4("Section " + section.number() + " – " + section.teacher());
            SetupItemGrid grid = new SetupItemGrid(section.items(), "Section " + section.number()
                    + " has no categories, grade calc options or composite grades of its own.");
            grid.setId("section-" + section.id() + "-items");
            add(header, grid);
        }
    }

    private static String linkText(CourseDetails c) {
        String where = c.schoolName() + ", " + c.yearCode() + ". ";
        if (c.master() == null) {
            return where + "No master link: no push ever touches this course.";
        }
        String text = where + "Master " + c.master().label() + ". ";
        return text + switch (c.linkState()) {
            case IGNORE -> "Ignore Master Push is set: every master push skips this course and nothing on it is "
                    + "locked.";
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
