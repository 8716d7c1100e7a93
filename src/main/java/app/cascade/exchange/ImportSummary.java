package app.cascade.exchange;

/**
 * What an import wrote: the number of rows of each kind that the document holds, all of them inserted or updated.
 * Rows the document does not mention are left as they were.
 */
public record ImportSummary(String district, int schoolYears, int catalogs, int masters, int masterItems, int schools,
                            int calendars, int terms, int courses, int courseItems, int sections, int sectionItems,
                            int assignments, int scores, int comments, int postedGrades) {
}
