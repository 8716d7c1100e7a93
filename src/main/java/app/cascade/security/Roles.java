package app.cascade.security;

import java.util.LinkedHashSet;
import java.util.Set;

/** The application's roles. Names match the Keycloak realm roles one to one. */
public final class Roles {

    /** Runs pushes. Also reads everything a viewer reads. */
    public static final String PUSH_ADMIN = "PUSH_ADMIN";
    /** Manages catalogs, masters and courses, and reads reports. Also reads everything a viewer reads. */
    public static final String DISTRICT_ADMIN = "DISTRICT_ADMIN";
    /** Reads a district's catalog, courses and reports. */
    public static final String VIEWER = "VIEWER";
    /** Platform staff: job monitoring across districts, never grading data. */
    public static final String SUPPORT = "SUPPORT";

    public static final Set<String> ALL = Set.of(PUSH_ADMIN, DISTRICT_ADMIN, VIEWER, SUPPORT);

    private Roles() {
    }

    /** The effective roles of a user granted {@code granted}: both admin roles include {@link #VIEWER}. */
    public static Set<String> expand(Iterable<String> granted) {
        Set<String> roles = new LinkedHashSet<>();
        for (String role : granted) {
            if (!ALL.contains(role)) {
                continue;
            }
            roles.add(role);
            if (role.equals(PUSH_ADMIN) || role.equals(DISTRICT_ADMIN)) {
                roles.add(VIEWER);
            }
        }
        return roles;
    }
}
