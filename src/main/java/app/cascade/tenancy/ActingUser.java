package app.cascade.tenancy;

import java.util.Optional;

/**
 * Who makes a change in the current call, for the audit of district settings. Implemented by the security feature,
 * as {@link UserTenantSource} is, so that tenancy never depends on how users sign in.
 */
public interface ActingUser {

    /** @param username the sign-in name; {@code displayName} the name people read */
    record Who(String username, String displayName) {
    }

    Optional<Who> current();
}
