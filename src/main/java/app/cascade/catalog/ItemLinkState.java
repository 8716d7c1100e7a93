package app.cascade.catalog;

/** Derived link state of a course or section item (push-rules §1); never stored. */
public enum ItemLinkState {
    LOCKED("Locked"), LINKED_UNLOCKED("Linked, unlocked"), UNLINKED("Unlinked");

    private final String label;

    ItemLinkState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
