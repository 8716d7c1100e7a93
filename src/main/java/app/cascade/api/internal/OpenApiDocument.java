package app.cascade.api.internal;

import app.cascade.api.Problem;
import app.cascade.security.CurrentUserService;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /api/docs}) says beyond the controllers'
 * annotations: its title, the build's version ({@link BuildProperties}, from the build-info that Maven writes), a
 * description of what holds for every endpoint, both security schemes with a requirement on every operation, and the
 * documented {@link Problem} schema in place of Spring's {@link ProblemDetail}. Everything here is generic: an
 * endpoint added later gets its security requirement and tag declaration without naming them.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final String TITLE = "Cascade API";
    /** The version when no build-info was written (a run from an IDE without Maven). */
    static final String UNKNOWN_VERSION = "development";
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

    static {
        SpringDocUtils.getConfig().replaceWithClass(ProblemDetail.class, Problem.class);
    }

    @Bean
    OpenAPI cascadeOpenApi(ObjectProvider<BuildProperties> build,
                           @Value("${cascade.security.oidc.issuer:}") String issuer) {
        boolean oidc = !issuer.isBlank();
        String version = build.stream().map(BuildProperties::getVersion).filter(Objects::nonNull).findFirst()
                .orElse(UNKNOWN_VERSION);
        return new OpenAPI()
                .info(new Info().title(TITLE).version(version).description(description(oidc)))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("HTTP Basic with a demo user's name and password. **Dev mode only** "
                                        + "(no Keycloak issuer configured): refused in production."
                                        + (oidc ? " Not accepted by this server, which runs in OIDC mode."
                                        : " This server runs in dev mode: use this one.")))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("An access token (JWT) of the Keycloak realm"
                                        + (oidc ? " " + issuer : "") + " (its token endpoint is "
                                        + "`<issuer>/protocol/openid-connect/token`): the `organization` claim "
                                        + "selects the district, the realm roles are the roles. OIDC mode only."
                                        + (oidc ? " This server runs in OIDC mode: use this one."
                                        : " Not accepted by this server, which runs in dev mode."))));
    }

    /**
     * Every operation requires one of the two schemes and documents the answers any call may get ({@link
     * CommonResponses}); every tag an operation uses is declared once.
     */
    @Bean
    OpenApiCustomizer cascadeOperations(@Value("${cascade.security.oidc.issuer:}") String issuer) {
        List<String> schemes = issuer.isBlank() ? List.of(BASIC, BEARER) : List.of(BEARER, BASIC);
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            Map<String, Tag> tags = new LinkedHashMap<>();
            if (openApi.getTags() != null) {
                openApi.getTags().forEach(tag -> tags.merge(tag.getName(), tag, OpenApiDocument::described));
            }
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            CommonResponses.addProblem(openApi);
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                secure(operation, schemes);
                CommonResponses.addTo(operation);
                if (operation.getTags() != null) {
                    operation.getTags().forEach(name -> tags.putIfAbsent(name, new Tag().name(name)));
                }
            }));
            List<Tag> declared = new ArrayList<>(tags.values());
            declared.sort((a, b) -> a.getName().compareToIgnoreCase(b.getName()));
            openApi.setTags(declared);
        };
    }

    private static void secure(Operation operation, List<String> schemes) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            schemes.forEach(scheme -> operation.addSecurityItem(new SecurityRequirement().addList(scheme)));
        }
    }

    /** Of two declarations of one tag (one controller with the description, another with the name only). */
    private static Tag described(Tag first, Tag second) {
        return first.getDescription() == null || first.getDescription().isBlank() ? second : first;
    }

    private static String description(boolean oidc) {
        String header = CurrentUserService.DISTRICT_HEADER;
        return """
                Cascade pushes grading setup and course-master attributes from the course masters of a district's \
                course catalog down to the linked courses and their sections (*Push All Course Masters*). This API \
                lets a district's automation do what the screens do: load the district's data, push, follow the \
                push, and read its report and the district reports.

                **Districts.** Every call works in one district, and sees only that district's data: another \
                district's push request, master or course is *not found* (404), never forbidden. A caller who is a \
                member of one district works in it. A caller in several districts names the district of each call \
                with the `%1$s` header (without it: 400 `district-required`). Naming in that header a district the \
                caller is not a member of, or one that does not exist, answers 403 `not-your-district`, the same for \
                every caller. A caller who is a member of no district gets 403 `forbidden` from every call.

                **Roles.** `VIEWER` reads its district; `PUSH_ADMIN` also runs, cancels and restarts pushes; \
                `DISTRICT_ADMIN` also manages catalogs, masters and courses and imports the district (both admin \
                roles include `VIEWER`). `SUPPORT` (platform staff) sees no grading data. Each operation's \
                description names the role it requires; a role that does not allow a call answers 403 `forbidden`.

                **Sign-in.** %2$s Unauthenticated calls answer 401 with no body.

                **Errors** are RFC 9457 problem details (`application/problem+json`, schema `Problem`): `type` \
                names the kind of problem, `detail` explains it, a 400 names the field at fault in `field`, a 413 \
                gives the limit in bytes in `limit`, a 503 says when to come back in `retryAfterSeconds` (and \
                `Retry-After`), a 5xx carries the `correlationId` of the server's log line. A path that is no \
                endpoint (a trailing slash included) answers 404 `not-found`; a known path with another method 405.

                **Paging.** Every list takes `limit` (1-500, default 50) and an opaque `cursor`; the body is a JSON \
                array of one page, and while more follow the answer carries `Link: <...>; rel="next"`: follow that \
                URL, never build a cursor. A page without that header is the last. Report downloads (CSV, PDF) are \
                whole files, chosen by `Accept`.
                """.formatted(header, oidc
                ? "This server signs in through Keycloak: send a bearer token (`bearerAuth`)."
                : "This server runs in dev mode: send a demo user's name and password with HTTP Basic (`basicAuth`).");
    }
}
