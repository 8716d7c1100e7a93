package app.cascade.push.ui;

import app.cascade.catalog.CatalogSummary;
import app.cascade.catalog.SchoolYearRef;
import app.cascade.push.PushCommand;
import app.cascade.push.engine.DataType;
import app.cascade.push.engine.PushMode;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/** Push All Course Masters: a catalog of the year, the sections option and all six kinds of data. */
record CatalogScope(LongFunction<List<CatalogSummary>> catalogsForYear) implements PushScope<CatalogSummary> {

    static final String HELP_LOCKED = "Push locked data: pushes the data that is locked in the catalog to the "
            + "linked courses. Teacher-created and course-created grading setup is kept.";
    static final String HELP_OVERWRITE = "Overwrite existing course and section level data: a clean slate. It also "
            + "relinks courses that are out of sync with their course master, and wipes teacher-created and "
            + "course-created grading setup that has no grades or assignments. Anything that already has grades, "
            + "scores, comments or assignments is kept and shows as \"course managed\"; see it in the report. "
            + "Use Overwrite for future years.";
    static final String HELP_LOCKS = "Only data locked in the course catalog is pushed. Courses marked Ignore "
            + "Master Push are skipped.";
    static final String OVERWRITE_TEXT = "Overwrite replaces course and section grading setup with the course "
            + "master's. Setup without grades or assignments is deleted; setup with grades or assignments is kept "
            + "as \"course managed\".";
    static final String PREVIEW_EMPTY = "No course would be touched: no course of this year is linked to a master "
            + "of the catalog.";

    @Override
    public String label() {
        return "Select Course Catalog";
    }

    @Override
    public String fieldId() {
        return "push-catalog";
    }

    @Override
    public String itemLabel(CatalogSummary item) {
        return item.name();
    }

    @Override
    public List<CatalogSummary> forYear(long yearId) {
        return catalogsForYear.apply(yearId);
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public String missing() {
        return "Select a course catalog";
    }

    @Override
    public String noneFor(String yearCode) {
        return "No catalog has a course master linked to a course in " + yearCode;
    }

    @Override
    public boolean sectionsOption() {
        return true;
    }

    @Override
    public Set<DataType> types() {
        return EnumSet.allOf(DataType.class);
    }

    @Override
    public List<String> help() {
        return List.of(HELP_LOCKED, HELP_OVERWRITE, HELP_LOCKS);
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
    public PushCommand command(CatalogSummary choice, long yearId, PushMode mode, boolean toSections,
                               Set<DataType> types) {
        return PushCommand.catalog(choice.id(), yearId, mode, toSections, types);
    }

    @Override
    public String title(CatalogSummary choice, SchoolYearRef year) {
        return choice.name() + " (" + year.code() + ")";
    }
}
