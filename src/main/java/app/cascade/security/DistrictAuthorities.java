package app.cascade.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * District membership travels with the authentication as authorities, whatever the sign-in method: {@code
 * DISTRICT_<id>} for each membership and {@code ACTIVE_DISTRICT_<id>} once a multi-district user has chosen.
 */
public final class DistrictAuthorities {

    static final String MEMBER = "DISTRICT_";
    static final String ACTIVE = "ACTIVE_DISTRICT_";
    static final String ROLE = "ROLE_";

    private DistrictAuthorities() {
    }

    public static GrantedAuthority member(String districtId) {
        return new SimpleGrantedAuthority(MEMBER + districtId);
    }

    public static GrantedAuthority active(String districtId) {
        return new SimpleGrantedAuthority(ACTIVE + districtId);
    }

    public static Set<GrantedAuthority> forRoles(Iterable<String> granted) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        Roles.expand(granted).forEach(r -> authorities.add(new SimpleGrantedAuthority(ROLE + r)));
        return authorities;
    }

    public static Set<String> memberships(Authentication authentication) {
        return withPrefix(authentication.getAuthorities(), MEMBER);
    }

    public static Optional<String> activeDistrict(Authentication authentication) {
        return withPrefix(authentication.getAuthorities(), ACTIVE).stream().findFirst();
    }

    public static Set<String> roles(Authentication authentication) {
        return withPrefix(authentication.getAuthorities(), ROLE);
    }

    private static Set<String> withPrefix(Collection<? extends GrantedAuthority> authorities, String prefix) {
        Set<String> values = new LinkedHashSet<>();
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(prefix)) {
                values.add(name.substring(prefix.length()));
            }
        }
        return values;
    }
}
