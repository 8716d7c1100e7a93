package app.cascade.push.ui;

import app.cascade.catalog.CalendarRef;
import app.cascade.catalog.CatalogSummary;
import app.cascade.catalog.SchoolYearRef;
import app.cascade.grading.LockType;
import app.cascade.push.PushCommand;
import app.cascade.push.PushKind;
import app.cascade.push.engine.PushMode;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * What differs between the push tools that share {@link PushForm} and {@link PushTool}: the second choice after the
 * year (a catalog, or optionally a calendar), which options and data types are offered, the texts, and the command.
 *
 * @param label          the label of the second field, e.g. "Select Course Catalog"; null when there is nothing to
 *                       choose (Push to Courses of one master)
 * @param required       whether a choice is required; when not, no choice means "all" ({@code placeholder} says so)
 * @param missing        the error shown when a required choice is missing
 * @param noneFor        helper text for a year code when the year has nothing to choose from
 * @param sectionsOption whether "Push locked data to sections" is offered (Push All Courses always pushes to sections)
 * @param types          the kinds of data offered, all selected at first
 * @param overwriteText  what Overwrite does, shown in its confirmation
 * @param previewEmpty   what an empty preview means
 * @param title          how a request reads in titles and notifications, e.g. "High School Catalog (26-27)"
 * @param <S>            the kind of thing chosen in the second field
 */
record PushScope<S>(String label, String fieldId, Function<S, String> itemLabel, LongFunction<List<S>> forYear,
                    boolean required, String missing, String placeholder, Function<String, String> noneFor,
                    boolean sectionsOption, Set<LockType> types, List<String> help, String overwriteText,
                    String previewEmpty, Command<S> command, BiFunction<S, SchoolYearRef, String> title) {

    /** Builds the command from the form's values; {@code choice} may be null when not required. */
    interface Command<S> {
        PushCommand build(S choice, long yearId, PushMode mode, boolean toSections, Set<LockType> types);
    }

    static final String CATALOG_HELP_LOCKED = "Push locked data: pushes the data that is locked in the catalog to "
            + "the linked courses. Teacher-created and course-created grading setup is kept.";
    static final String CATALOG_HELP_OVERWRITE = "Overwrite existing course and section level data: a clean slate. It "
            + "also relinks courses that are out of sync with their course master, and wipes teacher-created and "
            + "course-created grading setup that has no grades or assignments. Anything that already has grades, "
            + "scores, comments or assignments is kept and shows as \"course managed\"; see it in the report. "
            + "Use Overwrite for future years.";
    static final String CATALOG_HELP_LOCKS = "Only data locked in the course catalog is pushed. Courses marked Ignore "
            + "Master Push are skipped.";

    static final String COURSES_HELP_WHAT = "Push All Courses pushes each course's categories, grade calc options and "
            + "composite grades to its sections. No course master is involved: every selected kind of data is "
            + "pushed, whatever the catalog locks, and courses marked Ignore Master Push are included.";
    static final String COURSES_HELP_LOCKED = "Push locked data: creates and updates the sections' copies of the "
            + "course's items. Teacher-created setup is kept.";
    static final String COURSES_HELP_OVERWRITE = "Overwrite existing course and section level data: also wipes "
            + "teacher-created setup of the selected kinds that has no grades or assignments. Anything with grades "
            + "or assignments is kept and shows as \"course managed\"; see it in the report. Use Overwrite for "
            + "future years.";

    static final String MASTERS_OVERWRITE = "Overwrite replaces course and section grading setup with the course "
            + "master's. Setup without grades or assignments is deleted; setup with grades or assignments is kept as "
            + "\"course managed\".";
    static final String COURSES_OVERWRITE = "Overwrite replaces the sections' grading setup with their course's. "
            + "Teacher-created setup without grades or assignments is deleted; setup with grades or assignments is "
            + "kept as \"course managed\".";

    /** What Overwrite does for a request of this kind (its confirmation, e.g. when it is restarted). */
    static String overwriteText(PushKind kind) {
        return kind == PushKind.COURSES ? COURSES_OVERWRITE : MASTERS_OVERWRITE;
    }

    /** Push All Course Masters: a catalog of the year, the sections option and all six kinds of data. */
    static PushScope<CatalogSummary> catalogs(LongFunction<List<CatalogSummary>> catalogsForYear) {
        return new PushScope<>("Select Course Catalog", "push-catalog", CatalogSummary::name, catalogsForYear, true,
                "Select a course catalog", null,
                year -> "No catalog has a course master linked to a course in " + year, true,
                EnumSet.allOf(LockType.class), List.of(CATALOG_HELP_LOCKED, CATALOG_HELP_OVERWRITE, CATALOG_HELP_LOCKS),
                MASTERS_OVERWRITE,
                "No course would be touched: no course of this year is linked to a master of the catalog.",
                (catalog, year, mode, toSections, types) -> PushCommand.catalog(catalog.id(), year, mode, toSections,
                        types),
                (catalog, year) -> catalog.name() + " (" + year.code() + ")");
    }

    /** Push to Courses (push-rules §7): one master, so nothing to choose after the year; otherwise as the catalog. */
    static PushScope<Void> master(long masterId, String masterLabel) {
        PushScope<CatalogSummary> catalog = catalogs(yearId -> List.of());
        return new PushScope<>(null, "push-master", choice -> masterLabel, yearId -> List.of(), false, null, null,
                year -> null, true, catalog.types(), catalog.help(), catalog.overwriteText(),
                "No course would be touched: no course of this year is linked to this master.",
                (none, year, mode, toSections, types) -> PushCommand.master(masterId, year, mode, toSections, types),
                (none, year) -> masterLabel + " (" + year.code() + ")");
    }

    /**
     * Push All Courses (push-rules §7): course → sections for every course of a year, or of one calendar; only the
     * section-level kinds of data, each counting as locked; always to sections.
     */
    static PushScope<CalendarRef> courses(LongFunction<List<CalendarRef>> calendarsForYear) {
        return new PushScope<>("Select Calendar", "push-calendar", CalendarRef::label, calendarsForYear, false,
                null, "All calendars of the year", year -> "No calendar of " + year + " has a course", false,
                EnumSet.of(LockType.CATEGORIES, LockType.CALC_OPTIONS, LockType.COMPOSITES),
                List.of(COURSES_HELP_WHAT, COURSES_HELP_LOCKED, COURSES_HELP_OVERWRITE),
                COURSES_OVERWRITE,
                "No course would be touched: this year (or calendar) has no course.",
                (calendar, year, mode, toSections, types) -> PushCommand.courses(year,
                        calendar == null ? null : calendar.id(), mode, types),
                (calendar, year) -> "All courses of " + (calendar == null ? year.code()
                        : calendar.schoolName() + ", " + year.code()));
    }
}
