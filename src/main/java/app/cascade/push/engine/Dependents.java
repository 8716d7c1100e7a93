package app.cascade.push.engine;

/**
 * Gradebook data hanging on an item (push-rules §1 "Dependents"). An item with any assignment or posted grade is
 * never deleted by a push. Scores and comments hang on assignments and are counted for the report.
 */
public record Dependents(int assignments, int scores, int postedGrades, int comments) {

    public static final Dependents NONE = new Dependents(0, 0, 0, 0);

    public boolean any() {
        return assignments > 0 || postedGrades > 0;
    }

    /** Used to pick among candidates: the one with the most dependents wins. */
    public int weight() {
        return assignments + postedGrades;
    }
}
