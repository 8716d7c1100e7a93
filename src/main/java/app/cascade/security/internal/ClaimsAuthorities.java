package app.cascade.security.internal;

import app.cascade.security.DistrictAuthorities;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import org.springframework.security.core.GrantedAuthority;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps Keycloak claims to authorities: realm roles (a flat {@code roles} claim or {@code realm_access.roles}) to
 * {@code ROLE_*}, and the {@code organization} claim's aliases to the districts registered with those aliases.
 * Organizations that are not a known district are dropped: they never select a default district.
 */
public final class ClaimsAuthorities {

    private final TenantRegistry registry;

    public ClaimsAuthorities(TenantRegistry registry) {
        this.registry = registry;
    }

    public Set<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>(DistrictAuthorities.forRoles(roles(claims)));
        for (String alias : organizations(claims.get("organization"))) {
            registry.byOrganization(alias).map(Tenant::id).map(DistrictAuthorities::member)
                    .ifPresent(authorities::add);
        }
        return authorities;
    }

    static List<String> roles(Map<String, Object> claims) {
        List<String> roles = new ArrayList<>(strings(claims.get("roles")));
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess) {
            roles.addAll(strings(realmAccess.get("roles")));
        }
        return roles;
    }

    /** Keycloak sends the aliases as a list, or as a map keyed by alias when organization attributes are mapped. */
    static List<String> organizations(Object claim) {
        if (claim instanceof Map<?, ?> map) {
            return map.keySet().stream().map(String::valueOf).toList();
        }
        return strings(claim);
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String value) {
            return List.of(value);
        }
        return List.of();
    }
}
