package app.cascade.security.internal;

import app.cascade.security.RolePaths;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests of the API's security chain: the OpenAPI document, and every path under {@code /api/}, known or not,
 * so that a mistyped API path is answered by the API (401 before sign-in, then 404 problem JSON) and never by the
 * UI's sign-in redirect. Left to the UI chain are the pages that live under {@code /api/} yet are opened in a signed-in
 * browser: Swagger UI (springdoc serves its page at {@code springdoc.swagger-ui.path} and its files under
 * {@code <that path's parent>/swagger-ui/}) and the paths a feature grants to one role ({@link RolePaths}, e.g. the
 * relayed jobs dashboard's {@code /api/jobs}).
 */
final class ApiPaths {

    private ApiPaths() {
    }

    static RequestMatcher matcher(String swaggerUi, List<RolePaths> rolePaths) {
        List<RequestMatcher> pages = new ArrayList<>(swaggerUi(swaggerUi).stream().map(ApiPaths::path).toList());
        rolePaths.stream().flatMap(paths -> paths.patterns().stream()).map(ApiPaths::path).forEach(pages::add);
        RequestMatcher api = new AndRequestMatcher(path("/api/**"), new NegatedRequestMatcher(new OrRequestMatcher(
                pages)));
        return new OrRequestMatcher(api, path("/v3/api-docs"), path("/v3/api-docs/**"));
    }

    /** Swagger UI's page and files, e.g. {@code /api/docs}, {@code /api/docs/**}, {@code /api/swagger-ui/**}. */
    static List<String> swaggerUi(String path) {
        String page = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String parent = page.substring(0, page.lastIndexOf('/'));
        return List.of(page, page + "/**", parent + "/swagger-ui/**");
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
