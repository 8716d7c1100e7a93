package app.cascade.support;

import java.util.List;

/**
 * The paths under which the app relays JobRunr's dashboard to support staff: {@code /support/jobs/} opens it, and its
 * own pages, API calls and event streams follow (they do not clash with Cascade's {@code /api/v1}). The security
 * configuration grants them to the SUPPORT role only.
 */
public final class JobDashboardPaths {

    public static final List<String> ALL = List.of("/support/jobs", "/support/jobs/**", "/dashboard",
            "/dashboard/**", "/sse/**", "/api/jobs", "/api/jobs/**", "/api/recurring-jobs", "/api/recurring-jobs/**",
            "/api/problems", "/api/problems/**", "/api/servers", "/api/servers/**", "/api/version",
            "/api/metadata/**");

    private JobDashboardPaths() {
    }
}
