package app.cascade.tenancy;

/** Whether a registered district's schema can be used on this node. */
public enum DistrictState {
    /** Its schema is being migrated (or waits for a migration thread); a call for it waits, then goes on. */
    MIGRATING,
    /** Its schema is at the latest version: usable. */
    READY,
    /** Its migration failed: the district is unavailable on this node until its file changes or the node restarts. */
    UNAVAILABLE
}
