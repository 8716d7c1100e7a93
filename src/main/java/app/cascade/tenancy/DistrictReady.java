package app.cascade.tenancy;

/**
 * Published on a node when a district's schema has been migrated there: for every district after start-up, and for a
 * district whose tenant file was added while the node ran. Listeners run on the migration thread (a few at a time),
 * never on a user's request: they must not assume another node has seen it too.
 */
public record DistrictReady(String tenantId) {
}
