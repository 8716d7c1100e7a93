package app.cascade.security;

import java.util.Optional;
import java.util.Set;

/**
 * The signed-in user as the application sees it, whatever the sign-in method.
 *
 * @param username       login name
 * @param displayName    name to show
 * @param roles          effective roles (see {@link Roles#expand})
 * @param districts      the districts (tenant ids) the user is a member of
 * @param activeDistrict the district this session works in, once chosen (or implied by a single membership)
 * @param switchedOff    the user's districts that are switched off in Cascade (tenant file {@code enabled: false}):
 *                       not in {@code districts}, nothing of them can be used until they are switched on
 */
public record CurrentUser(String username, String displayName, Set<String> roles, Set<String> districts,
                          Optional<String> activeDistrict, Set<String> switchedOff) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean mustChooseDistrict() {
        return activeDistrict.isEmpty() && districts.size() > 1;
    }
}
