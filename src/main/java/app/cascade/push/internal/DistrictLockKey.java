package app.cascade.push.internal;

/**
 * The one rule for the PostgreSQL advisory-lock keys of a district's pushes: the first key is the hash of
 * {@code cascade.push:<schema>}, the second names what is locked in that district. A catalog's push lock
 * ({@link CatalogPushLock}) uses the catalog's id (always positive); the claim of a running slot ({@link PushSlots})
 * uses {@link #SLOTS}, which no catalog can have. Both live on the server that holds the district's schema.
 */
final class DistrictLockKey {

    /** The second key of the lock that serialises the claims of a district's running slots. */
    static final int SLOTS = -1;

    private DistrictLockKey() {
    }

    /** The text whose {@code hashtext} is the first key of every push lock of the district's schema. */
    static String of(String schema) {
        return "cascade.push:" + schema;
    }
}
