package app.cascade.catalog;

/**
 * The current district has no catalog, master, school year, calendar or course with this id: it does not exist, or
 * it belongs to another district, which is the same thing to the caller (never "forbidden"). The message names what
 * was asked for, e.g. "No course master 123 in this district".
 */
public class NotInDistrictException extends RuntimeException {

    private NotInDistrictException(String what, long id) {
        super("No " + what + " " + id + " in this district");
    }

    public static NotInDistrictException catalog(long id) {
        return new NotInDistrictException("course catalog", id);
    }

    public static NotInDistrictException master(long id) {
        return new NotInDistrictException("course master", id);
    }

    public static NotInDistrictException schoolYear(long id) {
        return new NotInDistrictException("school year", id);
    }

    public static NotInDistrictException calendar(long id) {
        return new NotInDistrictException("calendar", id);
    }

    public static NotInDistrictException course(long id) {
        return new NotInDistrictException("course", id);
    }
}
