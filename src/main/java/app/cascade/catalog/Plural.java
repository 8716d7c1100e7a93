package app.cascade.catalog;

/** A count with its noun in the right number, for the messages a person reads: "1 assignment", "2 assignments". */
public final class Plural {

    private Plural() {
    }

    /** {@code count} and {@code singular}, with an "s" unless the count is one. */
    public static String of(long count, String singular) {
        return count + " " + (count == 1 ? singular : singular + "s");
    }
}
