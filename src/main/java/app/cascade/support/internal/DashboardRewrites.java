package app.cascade.support.internal;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The two changes Cascade makes to JobRunr's dashboard pages as it relays them, so that the dashboard loads with a
 * clean browser console behind the app's Content-Security-Policy and sign-in:
 * <ul>
 *   <li>Its page links its web-app manifest without {@code crossorigin}, and browsers fetch such a manifest without
 *   cookies: the request was not signed in, was sent to the sign-in page, and (with the session id in the URL) round
 *   and round ({@code login;jsessionid=…}, ERR_TOO_MANY_REDIRECTS). The link gets
 *   {@code crossorigin="use-credentials"}, so the manifest is fetched signed in, like every other dashboard path.</li>
 *   <li>Its script asks {@code https://api.jobrunr.io} for the latest version and for news on every page; the CSP
 *   ({@code connect-src 'self'}) refused that, and Cascade calls no one outside the installation anyway. Those calls
 *   go to {@link #OFFLINE} instead, which the proxy answers with "204 No Content" (the dashboard then shows neither,
 *   as when it is offline).</li>
 * </ul>
 * A JobRunr upgrade that changes either text leaves the page as JobRunr serves it; SupportBrowserE2E would then see
 * the console errors again.
 */
final class DashboardRewrites {

    /** Where the dashboard's calls to api.jobrunr.io go instead; answered locally, never relayed. */
    static final String OFFLINE = "/dashboard/jobrunr-io-offline/";

    private static final Pattern SCRIPT = Pattern.compile("/dashboard/static/js/.+\\.js");
    private static final String MANIFEST_LINK = "<link rel=\"manifest\" href=\"/dashboard/manifest.json\"";

    private DashboardRewrites() {
    }

    /** The rewrite of the text at {@code path} with this content type, if it needs one. */
    static Optional<UnaryOperator<String>> of(String path, String contentType) {
        if (contentType != null && contentType.startsWith("text/html")) {
            return Optional.of(html -> html.replace(MANIFEST_LINK,
                    MANIFEST_LINK + " crossorigin=\"use-credentials\""));
        }
        if (SCRIPT.matcher(path).matches()) {
            return Optional.of(script -> script.replace("https://api.jobrunr.io/", OFFLINE));
        }
        return Optional.empty();
    }
}
