package app.cascade.support;

import app.cascade.security.RolePaths;
import app.cascade.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The paths under which the app relays JobRunr's dashboard to support staff: {@code /support/jobs/} opens it, and its
 * own pages, API calls and event streams follow (they do not clash with Cascade's {@code /api/v1}). Declared as
 * {@link RolePaths}, so the security configuration grants them to the SUPPORT role only without knowing support.
 */
@Configuration(proxyBeanMethods = false)
public class JobDashboardPaths {

    public static final List<String> ALL = List.of("/support/jobs", "/support/jobs/**", "/dashboard",
            "/dashboard/**", "/sse/**", "/api/jobs", "/api/jobs/**", "/api/recurring-jobs", "/api/recurring-jobs/**",
            "/api/problems", "/api/problems/**", "/api/servers", "/api/servers/**", "/api/version",
            "/api/metadata/**");

    @Bean
    RolePaths jobDashboardRolePaths() {
        return new RolePaths(Roles.SUPPORT, ALL);
    }
}
