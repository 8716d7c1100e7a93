package app.cascade.push.engine;

/** The two push modes of the tool. */
public enum PushMode {
    /** "Push locked data": pushes locked data, keeps teacher- and course-created setup. */
    PUSH_LOCKED("Push locked data"),
    /** "Overwrite existing course and section level data": a clean slate, except what has dependents. */
    OVERWRITE("Overwrite existing course and section level data");

    private final String label;

    PushMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
