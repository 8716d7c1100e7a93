package app.cascade.catalog;

/** A school, as lists and selectors show it. {@code catalogName} is the catalog assigned to it, or null. */
public record SchoolRef(long id, String code, String name, String catalogName) {

    public String label() {
        return code + " – " + name;
    }
}
