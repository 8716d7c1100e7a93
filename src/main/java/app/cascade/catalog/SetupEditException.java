package app.cascade.catalog;

/** An edit that cannot be applied for another reason than a lock: a bad value, a key clash, dependents. */
public class SetupEditException extends RuntimeException {

    private final String field;

    public SetupEditException(String message) {
        this(message, null);
    }

    /**
     * @param field the value at fault, named like the component of {@link ItemEdit} or {@link CourseInfoValues} that
     *              holds it ({@code weight}, {@code parts[1].weight}...), or {@code null} when no single value is
     */
    public SetupEditException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The value at fault (see the constructor), or {@code null}. */
    public String field() {
        return field;
    }
}
