package app.cascade.push.ui;

import app.cascade.catalog.SchoolYearRef;
import app.cascade.push.PushCommand;
import app.cascade.push.engine.DataType;
import app.cascade.push.engine.PushMode;

import java.util.List;
import java.util.Set;

/**
 * What differs between the push tools that share {@link PushForm} and {@link PushTool}: the second choice after the
 * year (a catalog, or optionally a calendar), which options and data types are offered, the texts, and the command.
 *
 * @param <S> the kind of thing chosen in the second field
 */
interface PushScope<S> {

    /** The label of the second field, e.g. "Select Course Catalog". */
    String label();

    /** The id of the second field. */
    String fieldId();

    String itemLabel(S item);

    /** The choices for a school year. */
    List<S> forYear(long yearId);

    /** Whether a choice is required; when not, no choice means "all". */
    boolean required();

    /** The error shown when a required choice is missing. */
    default String missing() {
        return "Make a choice";
    }

    /** The placeholder of the second field, e.g. what no choice means; null for none. */
    default String placeholder() {
        return null;
    }

    /** Helper text when a year has nothing to choose from. */
    String noneFor(String yearCode);

    /** Whether "Push locked data to sections" is offered (Push All Courses always pushes to sections). */
    boolean sectionsOption();

    /** The data types offered, all selected at first. */
    Set<DataType> types();

    /** The help paragraphs under the form. */
    List<String> help();

    /** What Overwrite does, shown in its confirmation. */
    String overwriteText();

    /** What an empty preview means. */
    String previewEmpty();

    PushCommand command(S choice, long yearId, PushMode mode, boolean toSections, Set<DataType> types);

    /** How a request reads in titles and notifications, e.g. "High School Catalog (26-27)". */
    String title(S choice, SchoolYearRef year);
}
