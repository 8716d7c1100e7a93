package app.cascade.push.ui;

import app.cascade.catalog.CalendarRef;
import app.cascade.catalog.SchoolYearRef;
import app.cascade.push.PushCommand;
import app.cascade.push.engine.DataType;
import app.cascade.push.engine.PushMode;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Push All Courses (push-rules §7): course → sections for every course of a year, or of one calendar; only the
 * section-level kinds of data, each counting as locked; always to sections.
 */
record CoursesScope(LongFunction<List<CalendarRef>> calendarsForYear) implements PushScope<CalendarRef> {

    static final String HELP_WHAT = "Push All Courses pushes each course's categories, grade calc options and "
            + "composite grades to its sections. No course master is involved: every selected kind of data is "
            + "pushed, whatever the catalog locks, and courses marked Ignore Master Push are included.";
    static final String HELP_LOCKED = "Push locked data: creates and updates the sections' copies of the course's "
            + "items. Teacher-created setup is kept.";
    static final String HELP_OVERWRITE = "Overwrite existing course and section level data: also wipes "
            + "teacher-created setup of the selected kinds that has no grades or assignments. Anything with grades "
            + "or assignments is kept and shows as \"course managed\"; see it in the report. Use Overwrite for "
            + "future years.";
    static final String OVERWRITE_TEXT = "Overwrite replaces the sections' grading setup with their course's. "
            + "Teacher-created setup without grades or assignments is deleted; setup with grades or assignments is "
            + "kept as \"course managed\".";
    static final String PREVIEW_EMPTY = "No course would be touched: this year (or calendar) has no course.";
    static final Set<DataType> TYPES = EnumSet.of(DataType.CATEGORIES, DataType.CALC_OPTIONS, DataType.COMPOSITES);

    @Override
    public String label() {
        return "Select Calendar";
    }

    @Override
    public String fieldId() {
        return "push-calendar";
    }

    @Override
    public String itemLabel(CalendarRef item) {
        return item.label();
    }

    @Override
    public List<CalendarRef> forYear(long yearId) {
        return calendarsForYear.apply(yearId);
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public String placeholder() {
        return "All calendars of the year";
    }

    @Override
    public String noneFor(String yearCode) {
        return "No calendar of " + yearCode + " has a course";
    }

    @Override
    public boolean sectionsOption() {
        return false;
    }

    @Override
    public Set<DataType> types() {
        return TYPES;
    }

    @Override
    public List<String> help() {
        return List.of(HELP_WHAT, HELP_LOCKED, HELP_OVERWRITE);
    }

    @Override
    public String overwriteText() {
        return OVERWRITE_TEXT;
    }

    @Override
    public String previewEmpty() {
        return PREVIEW_EMPTY;
    }

    @Override
    public PushCommand command(CalendarRef choice, long yearId, PushMode mode, boolean toSections,
                               Set<DataType> types) {
        return PushCommand.courses(yearId, choice == null ? null : choice.id(), mode, types);
    }

    @Override
    public String title(CalendarRef choice, SchoolYearRef year) {
        return "All courses of " + (choice == null ? year.code() : choice.schoolName() + ", " + year.code());
    }
}
