package app.cascade.security;

import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import app.cascade.tenancy.UnknownTenantException;
import app.cascade.tenancy.UserTenantSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is signed in, and which district they work in. This is also the {@link UserTenantSource}: the tenant of every
 * interactive call is read from the authentication itself, never from a request-scoped thread-local alone.
 */
@Service
public class CurrentUserService implements UserTenantSource {

    /**
     * API clients name the district a call is about with this header: users in several districts must, others may.
     * It must name one of the caller's districts (else 403, the same for every caller).
     */
    public static final String DISTRICT_HEADER = "X-Cascade-District";

    private final TenantRegistry registry;

    public CurrentUserService(TenantRegistry registry) {
        this.registry = registry;
    }

    public Optional<CurrentUser> current() {
        return authentication().map(auth -> new CurrentUser(auth.getName(), displayName(auth),
                DistrictAuthorities.roles(auth), usable(auth), activeDistrict(auth), switchedOff(auth)));
    }

    /** The user's districts that are registered and switched on: the only ones a session or a call can work in. */
    private Set<String> usable(Authentication auth) {
        return DistrictAuthorities.memberships(auth).stream()
                .filter(id -> registry.find(id).filter(Tenant::enabled).isPresent())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private Set<String> switchedOff(Authentication auth) {
        return DistrictAuthorities.memberships(auth).stream()
                .filter(id -> registry.find(id).filter(t -> !t.enabled()).isPresent())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** The signed-in user's e-mail address, when the sign-in method knows it. */
    public Optional<String> email() {
        return authentication().map(auth -> {
            if (auth.getPrincipal() instanceof OidcUser oidc) {
                return oidc.getEmail();
            }
            if (auth instanceof JwtAuthenticationToken jwt) {
                return jwt.getToken().getClaimAsString("email");
            }
            if (auth.getPrincipal() instanceof DevUser dev) {
                return dev.email();
            }
            return null;
        });
    }

    @Override
    public Optional<String> currentTenantId() {
        return authentication().flatMap(this::activeDistrict);
    }

    /**
     * The district a call works in. A call that names one with {@link #DISTRICT_HEADER} works in that district if the
     * caller is a member of it, and in none otherwise: a foreign or unknown name is never ignored in favour of the
     * caller's own district (the API refuses it first, {@code ApiDistrictInterceptor}). Without the header: the
     * district chosen in the session, or the only one the caller is a member of.
     */
    private Optional<String> activeDistrict(Authentication auth) {
        Set<String> memberships = usable(auth);
        Optional<String> named = namedDistrict();
        Optional<String> chosen;
        if (named.isPresent()) {
            chosen = named.filter(memberships::contains);
        } else {
            chosen = DistrictAuthorities.activeDistrict(auth).filter(memberships::contains);
            if (chosen.isEmpty() && memberships.size() == 1) {
                chosen = memberships.stream().findFirst();
            }
        }
        return chosen;
    }

    /**
     * Makes {@code districtId} the session's district. Only a district the user is a member of can be chosen;
     * anything else is "unknown", exactly like a district that does not exist.
     */
    public void chooseDistrict(String districtId) {
        Authentication auth = authentication().orElseThrow(() -> new UnknownTenantException(districtId));
        if (!usable(auth).contains(districtId)) {
            throw new UnknownTenantException(districtId);
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        auth.getAuthorities().stream()
                .filter(a -> !a.getAuthority().startsWith(DistrictAuthorities.ACTIVE))
                .forEach(authorities::add);
        authorities.add(DistrictAuthorities.active(districtId));
        Authentication chosen = switch (auth) {
            case OAuth2AuthenticationToken oauth -> new OAuth2AuthenticationToken(oauth.getPrincipal(), authorities,
                    oauth.getAuthorizedClientRegistrationId());
            default -> UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null, authorities);
        };
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(chosen);
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getResponse() != null) {
            new HttpSessionSecurityContextRepository().saveContext(context, attributes.getRequest(),
                    attributes.getResponse());
        }
    }

    private static Optional<Authentication> authentication() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth);
    }

    /** The district the current request names with {@link #DISTRICT_HEADER}, if it names one (blank: none). */
    public Optional<String> namedDistrict() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return Optional.ofNullable(request.getHeader(DISTRICT_HEADER)).map(String::strip)
                    .filter(name -> !name.isEmpty());
        }
        return Optional.empty();
    }

    private static String displayName(Authentication auth) {
        Object principal = auth.getPrincipal();
        if (principal instanceof OidcUser oidc && oidc.getFullName() != null) {
            return oidc.getFullName();
        }
        if (auth instanceof JwtAuthenticationToken jwt) {
            Jwt token = jwt.getToken();
            String name = token.getClaimAsString("name");
            return name != null ? name : auth.getName();
        }
        if (principal instanceof DevUser dev) {
            return dev.displayName();
        }
        return auth.getName();
    }
}
