package app.cascade.security.internal;

import app.cascade.security.DevUser;
import app.cascade.security.DistrictAuthorities;
import app.cascade.security.RolePaths;
import app.cascade.security.ui.LoginView;
import app.cascade.tenancy.TenantRegistry;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Two filter chains: the REST API (stateless; HTTP Basic in dev mode, Keycloak bearer JWTs in OIDC mode; CSRF off
 * for {@code /api/**} only: every path under it, known or not, except the pages {@link ApiPaths} leaves to the UI) and
 * the Vaadin UI (form login in dev mode, Keycloak in OIDC mode; also Swagger UI at {@code /api/docs}). Authorization
 * is enforced again in the services with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    static final String REGISTRATION_ID = "keycloak";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /**
     * {@link SecurityContextHolder} is static, so its strategy is one per JVM too: every application context (a
     * restarted one, or the several contexts of a test run) shares this instance, and the filters, method security and
     * {@code CurrentUserService} always read the same holder. Vaadin's strategy falls back to the security context
     * stored in the {@code VaadinSession}, so websocket push and {@code UI.access} see the signed-in user.
     */
    private static final SecurityContextHolderStrategy STRATEGY = new VaadinAwareSecurityContextHolderStrategy();

    @Bean
    @Primary
    SecurityContextHolderStrategy securityContextHolderStrategy() {
        SecurityContextHolder.setContextHolderStrategy(STRATEGY);
        return STRATEGY;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, SecurityProperties properties,
                                 org.springframework.beans.factory.ObjectProvider<JwtDecoder> jwtDecoder,
                                 TenantRegistry registry, List<RolePaths> rolePaths,
                                 @org.springframework.beans.factory.annotation.Value(
                                         "${springdoc.swagger-ui.path:/api/docs}") String swaggerUi)
            throws Exception {
        http.securityMatcher(ApiPaths.matcher(swaggerUi, rolePaths))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        if (properties.oidcMode()) {
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            ClaimsAuthorities claims = new ClaimsAuthorities(registry);
            converter.setJwtGrantedAuthoritiesConverter(jwt -> new ArrayList<>(claims.authorities(jwt.getClaims())));
            converter.setPrincipalClaimName("preferred_username");
            http.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.decoder(jwtDecoder.getObject())
                    .jwtAuthenticationConverter(converter)));
        } else {
            // status only, no sendError(): an error dispatch would fall into the UI chain and redirect to sign-in
            http.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                if (e instanceof SignInThrottledException throttled) {
                    SignInConfiguration.tooManySignIns(throttled, response);
                    return;
                }
                response.setHeader("WWW-Authenticate", "Basic realm=\"Cascade\"");
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
            }));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, SecurityProperties properties, RequestUtil vaadinRequests,
                                List<RolePaths> rolePaths) throws Exception {
        http.authorizeHttpRequests(auth -> {
            auth.requestMatchers("/styles/**", "/images/**").permitAll();
            // paths a feature serves to one role only, e.g. JobRunr's dashboard relayed to support staff
            rolePaths.forEach(paths -> auth.requestMatchers(paths.patterns().toArray(String[]::new))
                    .hasRole(paths.role()));
        });
        http.csrf(csrf -> csrf.ignoringRequestMatchers(rolePaths.stream().flatMap(paths -> paths.patterns().stream())
                .map(p -> org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher
                        .withDefaults().matcher(p))
                .toArray(org.springframework.security.web.util.matcher.RequestMatcher[]::new)));
        /*
         * Login CSRF: Vaadin's configurer exempts the login URL from CSRF protection, so a page of any other origin
         * could post a user name and password to /login and sign the visitor's browser in as the attacker. The
         * vaadin-login-form can carry the real token: Vaadin writes Spring's token into the page's <meta name="_csrf">
         * and <meta name="_csrf_parameter"> tags, and the form posts it as a hidden field. So Cascade configures CSRF
         * itself (vaadin.enableCsrfConfiguration(false) below): exactly Vaadin's own exemption for its internal
         * requests (UIDL, heartbeat, push carry Vaadin's own CSRF token) and none for /login, which now needs the
         * token like every other POST. A token that went stale while the sign-in page stood open (the session
         * expired) sends the user back to the sign-in page with a message instead of a bare 403.
         */
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        org.springframework.security.web.access.AccessDeniedHandler forbidden =
                new org.springframework.security.web.access.AccessDeniedHandlerImpl();
        http.exceptionHandling(e -> e.defaultAccessDeniedHandlerFor((request, response, denied) -> {
            if (denied instanceof org.springframework.security.web.csrf.CsrfException) {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            } else {
                forbidden.handle(request, response, denied);
            }
        }, org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults()
                .matcher(org.springframework.http.HttpMethod.POST, "/login")));
        // A CSP that Vaadin's client accepts; nobody may frame the app; HSTS is sent on HTTPS requests
        http.headers(headers -> {
            // written before the response is handed to Vaadin, which forwards to its own servlet
            headers.addObjectPostProcessor(new org.springframework.security.config.ObjectPostProcessor<
                    org.springframework.security.web.header.HeaderWriterFilter>() {
                @Override
                public <O extends org.springframework.security.web.header.HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            });
            headers                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
                                .SAME_ORIGIN));
        });
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            vaadin.enableCsrfConfiguration(false);
            /*
             * An address that is no view (a mistyped URL) reaches Vaadin for a signed-in user, who sees the not-found
             * page inside the app (ui.NotFoundView) instead of a bare 403 (Vaadin's default denies it); visitors are
             * sent to sign in. Views keep their own access annotations (navigation access control), the API and the
             * dashboard paths their own rules above.
             */
            vaadin.anyRequest(org.springframework.security.config.annotation.web.configurers
                    .AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated);
            if (properties.oidcMode()) {
                vaadin.oauth2LoginPage("/oauth2/authorization/" + REGISTRATION_ID, "{baseUrl}");
            } else {
                vaadin.loginView(LoginView.class);
            }
        }).build();
    }

    /**
     * Dev mode only checks passwords (the demo users share one published password; production signs in through
     * Keycloak). BCrypt at cost 4 instead of 10: with the API's Basic credentials checked on every call, a burst of
     * 50 clients spent seconds of CPU on hashing and kept the virtual threads' few carriers from every other request.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new org.springframework.security.crypto.password.DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4)));
    }

    /** Dev mode only: the demo users. In OIDC mode no password of any kind is accepted. */
    @Bean
    UserDetailsService userDetailsService(SecurityProperties properties, PasswordEncoder encoder) {
        if (properties.oidcMode()) {
            return username -> {
                throw new UsernameNotFoundException("Passwords are not accepted: sign in through Keycloak");
            };
        }
        String hash = encoder.encode(properties.devPassword());
        Map<String, DevUser> users = new HashMap<>();
        for (SecurityProperties.DevUserEntry entry : properties.devUsers()) {
            Set<GrantedAuthority> authorities = new HashSet<>(DistrictAuthorities.forRoles(entry.roles()));
            // every configured district: which of them is registered and switched on is decided on each call
            // (CurrentUserService), so a district added or switched off while the node runs counts at once
            entry.districts().stream().map(DistrictAuthorities::member).forEach(authorities::add);
            users.put(entry.username(), new DevUser(entry.username(), entry.name(), entry.email(), hash,
                    authorities));
        }
        return username -> {
            DevUser user = users.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("No such user");
            }
            return new DevUser(user.getUsername(), user.displayName(), user.email(), user.getPassword(),
                    user.getAuthorities());
        };
    }

    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
            "!'${cascade.security.oidc.issuer:}'.isBlank()")
    static class OidcConfiguration {

        /** Endpoints are explicit, so start-up never depends on Keycloak being reachable. */
        @Bean
        ClientRegistrationRepository clientRegistrationRepository(SecurityProperties properties) {
            SecurityProperties.Oidc oidc = properties.oidc();
            String issuer = trimSlash(oidc.issuer());
            ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                    .clientName("Keycloak")
                    .clientId(oidc.clientId())
                    .clientSecret(oidc.clientSecret())
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope("openid", "profile", "email", "organization")
                    .authorizationUri(issuer + "/protocol/openid-connect/auth")
                    .tokenUri(issuer + "/protocol/openid-connect/token")
                    .jwkSetUri(issuer + "/protocol/openid-connect/certs")
                    .userInfoUri(issuer + "/protocol/openid-connect/userinfo")
                    .userNameAttributeName("preferred_username")
                    .issuerUri(issuer)
                    .providerConfigurationMetadata(
                            Map.of("end_session_endpoint", issuer + "/protocol/openid-connect/logout"))
                    .build();
            return new InMemoryClientRegistrationRepository(registration);
        }

        /** Keys are fetched on the first token, not at start-up. */
        @Bean
        JwtDecoder jwtDecoder(SecurityProperties properties) {
            String issuer = trimSlash(properties.oidc().issuer());
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer + "/protocol/openid-connect/certs")
                    .build();
            List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
            validators.add(new org.springframework.security.oauth2.jwt.JwtTimestampValidator(
                    properties.oidc().clockSkew()));
            validators.add(new org.springframework.security.oauth2.jwt.JwtIssuerValidator(issuer));
            String audience = properties.oidc().apiAudience();
            if (audience != null && !audience.isBlank()) {
                validators.add(new JwtClaimValidator<Collection<String>>("aud",
                        aud -> aud != null && aud.contains(audience)));
            }
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
            return decoder;
        }

        /** Sign-in through Keycloak: realm roles and organizations become the app's authorities. */
        @Bean
        GrantedAuthoritiesMapper keycloakAuthoritiesMapper(TenantRegistry registry) {
            ClaimsAuthorities claims = new ClaimsAuthorities(registry);
            return authorities -> authorities.stream()
                    .flatMap(a -> switch (a) {
                        case OidcUserAuthority oidc -> {
                            Map<String, Object> all = new HashMap<>(oidc.getIdToken().getClaims());
                            if (oidc.getUserInfo() != null) {
                                all.putAll(oidc.getUserInfo().getClaims());
                            }
                            yield claims.authorities(all).stream();
                        }
                        case OAuth2UserAuthority oauth -> claims.authorities(oauth.getAttributes()).stream();
                        default -> java.util.stream.Stream.<GrantedAuthority>empty();
                    })
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        }

        private static String trimSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }
}
