package app.cascade.catalog;

/** One school's calendar of one school year, as the push tools offer it, with how many courses it holds. */
public record CalendarRef(long id, String schoolCode, String schoolName, int courses) {

    public String label() {
        return schoolCode + " – " + schoolName + " (" + courses + (courses == 1 ? " course)" : " courses)");
    }
}
