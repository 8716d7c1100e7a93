package app.cascade.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The terms a course master's grade calc options and composite grades may name: the term codes of the calendars of
 * the school years that have not ended (all years when every one has ended), and, for each code, the calendars among
 * those the master reaches (its schools' or its courses') that lack it; a push reports those courses' items with it
 * as "Term not in the calendar".
 *
 * @param years        the codes of those school years, oldest first, e.g. ["26-27", "27-28"]
 * @param codes        every term code of their calendars, in term order
 * @param missingFrom  per code, the calendars that lack it, as "School name 26-27" (absent: none lacks it)
 */
public record TermChoices(List<String> years, List<String> codes, Map<String, List<String>> missingFrom) {

    public TermChoices {
        years = List.copyOf(years);
        codes = List.copyOf(codes);
        missingFrom = Map.copyOf(missingFrom);
    }

    /** Whether {@code code} is a term of one of the calendars (always, when the district has no terms at all). */
    public boolean known(String code) {
        return codes.isEmpty() || codes.contains(code);
    }

    /** A warning naming the calendars that lack {@code code}, if any do. */
    public Optional<String> warning(String code) {
        List<String> missing = code == null ? List.of() : missingFrom.getOrDefault(code, List.of());
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String calendars = missing.size() == 1 ? "The calendar " + missing.getFirst() + " has"
                : "The calendars " + String.join(", ", missing.subList(0, missing.size() - 1)) + " and "
                + missing.getLast() + " have";
        return Optional.of(calendars + " no term " + code + ": a push reports this item as \"Term not in the "
                + "calendar\" for their courses.");
    }

    /** Refuses a term that no calendar has, naming the field ({@code termCode}, or a composite part). */
    void require(String code, String field) {
        if (code != null && !known(code)) {
            throw new SetupEditException("Term " + code + " is not a term of any calendar of " + yearsText()
                    + ": choose one of " + String.join(", ", codes), field);
        }
    }

    private String yearsText() {
        return years.size() == 1 ? "the school year " + years.getFirst()
                : "the school years " + String.join(", ", years);
    }
}
