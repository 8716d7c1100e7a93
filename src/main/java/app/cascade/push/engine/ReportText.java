package app.cascade.push.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a report row reads to a person, written once for the report grid, the PDF and the CSV's text columns: the
 * dependents in words and the details without the engine's internal terms. Codes ({@link ReasonCode#name()}) stay
 * for scripts; {@link ReasonCode#label()} is the reason in words.
 */
public final class ReportText {

    /** "condition 3: " in front of a desync's details (push-rules §3 numbers the conditions; people read the words). */
    private static final Pattern CONDITION = Pattern.compile("^\\s*(desynced\\s*)?\\(?condition \\d+\\)?:\\s*",
            Pattern.CASE_INSENSITIVE);
    /** " (id 16)": a database id, which means nothing to a person. */
    private static final Pattern ID = Pattern.compile("\\s*\\(id \\d+\\)");
    /** "of course 16" in an error: the row names the course already. */
    private static final Pattern COURSE_ID = Pattern.compile("\\b(of|for|in) course \\d+\\b");

    private ReportText() {
    }

    /** "1 assignment, 2 scores, 1 posted grade, 3 comments", leaving out the zeros; "" when there is none. */
    public static String dependents(Dependents d) {
        if (d == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        count(parts, d.assignments(), "assignment");
        count(parts, d.scores(), "score");
        count(parts, d.postedGrades(), "posted grade");
        count(parts, d.comments(), "comment");
        return String.join(", ", parts);
    }

    /** The row's details without internal terms (desync condition numbers, database ids); "" for none. */
    public static String details(String message) {
        if (message == null) {
            return "";
        }
        String text = ID.matcher(CONDITION.matcher(message).replaceFirst("")).replaceAll("");
        return COURSE_ID.matcher(text).replaceAll("$1 the course");
    }

    /** "ENG101 English 9", or "(whole request)" for a request-level row such as Not locked in the catalog. */
    public static String course(ReportRow row) {
        return row.courseNumber() == null ? "(whole request)" : row.courseNumber() + " " + row.courseName();
    }

    private static void count(List<String> parts, int n, String noun) {
        if (n != 0) {
            parts.add(n + " " + noun + (n == 1 ? "" : "s"));
        }
    }
}
