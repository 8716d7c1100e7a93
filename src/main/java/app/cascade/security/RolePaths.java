package app.cascade.security;

import java.util.List;

/**
 * Paths a feature serves outside the Vaadin UI to one role only, declared by that feature as a bean (support's
 * relayed job dashboard is one). The UI filter chain grants each pattern to its role alone and leaves it out of CSRF
 * protection, which the feature must make unnecessary (the dashboard relay refuses every method but GET and HEAD).
 * So the security configuration needs no import of the feature that serves them.
 *
 * @param patterns path patterns as Spring's {@code PathPatternRequestMatcher} reads them
 */
public record RolePaths(String role, List<String> patterns) {

    public RolePaths {
        patterns = List.copyOf(patterns);
    }
}
