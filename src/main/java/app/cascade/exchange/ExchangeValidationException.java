package app.cascade.exchange;

import java.util.List;

/**
 * A district document that cannot be imported. Nothing of it was written. The message starts with the JSON path of
 * the first problem, e.g. {@code $.schools[0].calendars[1].courses[3].master.number: no master ENG999 in catalog
 * "High School Catalog"}; {@link #errors()} lists every problem found (the schema and text checks, and then the
 * grading-setup rules, report all of theirs, up to 20; the reference and key checks stop at the first). No message
 * carries a database's own text.
 */
public class ExchangeValidationException extends RuntimeException {

    /** One problem: where (a JSON path starting with {@code $}) and what. */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    private final List<Problem> errors;

    public ExchangeValidationException(String path, String message) {
        this(List.of(new Problem(path, message)));
    }

    public ExchangeValidationException(List<Problem> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    private static String summary(List<Problem> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("at least one problem");
        }
        String first = errors.getFirst().toString();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more problem(s))";
    }

    /** The JSON path of the first problem. */
    public String path() {
        return errors.getFirst().path();
    }

    public List<Problem> errors() {
        return errors;
    }
}
