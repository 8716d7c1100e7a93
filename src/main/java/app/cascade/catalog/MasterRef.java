package app.cascade.catalog;

/** A course's master link, named the way users know it: catalog and master number. */
public record MasterRef(long masterId, String catalogName, String number) {

    public String label() {
        return catalogName + " / " + number;
    }
}
