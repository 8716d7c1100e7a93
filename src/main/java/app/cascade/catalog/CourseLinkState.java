package app.cascade.catalog;

/** How a course stands towards its master, as shown in the course list. */
public enum CourseLinkState {
    /** Linked to a master; a push would update it. */
    LINKED("Linked"),
    /** Linked, but a locked type is out of sync with the master (push-rules §3): "Push locked data" would fail it. */
    DESYNCED("Desynced"),
    /** Linked, but Ignore Master Push is set: every master push skips it. */
    IGNORE("Ignore Master Push"),
    /** No master link: never touched by a push. */
    UNLINKED("No master");

    private final String label;

    CourseLinkState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
