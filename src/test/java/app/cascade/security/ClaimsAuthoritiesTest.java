package app.cascade.security;

import app.cascade.security.internal.ClaimsAuthorities;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimsAuthoritiesTest {

    private final TenantRegistry registry = new TenantRegistry(List.of(
            new Tenant("lakeside", "Lakeside", "district_lakeside", "lakeside-org", ZoneId.of("UTC"), true,
                    "a@b.example", "lakeside.yml"),
            new Tenant("cedar", "Cedar", "district_cedar", "cedar-org", ZoneId.of("UTC"), true,
                    "a@b.example", "cedar.yml")));
    private final ClaimsAuthorities mapper = new ClaimsAuthorities(registry);

    private Set<String> names(Map<String, Object> claims) {
        return mapper.authorities(claims).stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    @Test
    void realm_roles_and_organizations_become_roles_and_district_memberships() {
        assertThat(names(Map.of("roles", List.of("PUSH_ADMIN", "offline_access"),
                "organization", List.of("lakeside-org"))))
                .containsExactlyInAnyOrder("ROLE_PUSH_ADMIN", "ROLE_VIEWER", "DISTRICT_lakeside");
    }

    @Test
    void realm_access_roles_and_an_organization_map_claim_are_understood() {
        assertThat(names(Map.of("realm_access", Map.of("roles", List.of("VIEWER")),
                "organization", Map.of("lakeside-org", Map.of(), "cedar-org", Map.of()))))
                .containsExactlyInAnyOrder("ROLE_VIEWER", "DISTRICT_lakeside", "DISTRICT_cedar");
    }

    @Test
    void an_organization_that_is_not_a_known_district_grants_nothing() {
        assertThat(names(Map.of("roles", List.of("DISTRICT_ADMIN"), "organization", List.of("unknown-org"))))
                .containsExactlyInAnyOrder("ROLE_DISTRICT_ADMIN", "ROLE_VIEWER");
        assertThat(names(Map.of())).isEmpty();
    }

    @Test
    void support_is_not_a_district_role() {
        assertThat(names(Map.of("roles", List.of("SUPPORT")))).containsExactly("ROLE_SUPPORT");
    }
}
