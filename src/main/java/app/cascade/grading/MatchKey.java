package app.cascade.grading;

/**
 * The match key (push-rules §1, "Match keys"): how an item is recognised as "the same" as an item above it. This is
 * the rule's one statement in Java; the database's generated {@code match_key} columns (V1) hold the same, and
 * {@code MatchKeyIT} checks the two agree.
 */
public final class MatchKey {

    private MatchKey() {
    }

    /**
     * A category's trimmed, lower-cased name; a calc option's or composite's {@code taskCode|termCode}; any other
     * item's code. Null where the database's column is null (a null part).
     */
    public static String of(ItemType type, String code, String name, String taskCode, String termCode) {
        return switch (type) {
            case CATEGORY -> name == null ? null : lower(trimSpaces(name));
            case CALC_OPTION, COMPOSITE -> taskCode == null || termCode == null ? null : taskCode + "|" + termCode;
            case TASK, STANDARD, ASSESSMENT -> code;
        };
    }

    /**
     * PostgreSQL's {@code lower(text)}: each character on its own (simple case mapping), so a final capital sigma
     * becomes σ, where Java's {@code String.toLowerCase} would write ς.
     */
    static String lower(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        text.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
        return lower.toString();
    }

    /** PostgreSQL's {@code btrim(text)}: spaces only, not tabs or other white space. */
    public static String trimSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(start, end);
    }
}
