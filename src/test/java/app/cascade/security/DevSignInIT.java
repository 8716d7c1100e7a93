package app.cascade.security;

import app.cascade.CascadeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dev-mode sign-in on the running app: failed passwords are throttled per user name and client address, on the
 * sign-in form and on HTTP Basic alike (5 failures, then a lock-out of 1 s that doubles, during which even the right
 * password is refused without being checked); and the form needs the page's CSRF token, so no other site can sign a
 * browser in (login CSRF). What the form then says: {@link LoginViewKaribuIT}. Each test uses its own user names,
 * since the throttle outlives a test; the throttle's clock is moved by hand ({@link ProxiedTestSetup}). 127.0.0.1
 * and 127.0.0.2 are two clients.
 */
@CascadeIntegrationTest
@TestPropertySource(properties = {ProxiedTestSetup.TRUSTED_LOOPBACK, ProxiedTestSetup.ALLOWED_HOST})
@Import(ProxiedTestSetup.class)
class DevSignInIT {

    private static final Pattern META = Pattern.compile("<meta\\s[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(name|content)=\"([^\"]*)\"");

    @LocalServerPort
    int port;
    @Autowired
    ProxiedTestSetup.Clock clock;

    /** A browser: its own cookies, from its own loopback address. */
    final class Browser {

        final HttpClient http;
        final Map<String, String> meta = new HashMap<>();

        Browser(String address) throws Exception {
            http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).localAddress(InetAddress.getByName(address)).build();
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Opens the sign-in page and keeps its meta tags, where Vaadin writes Spring's CSRF token. */
        Browser openSignInPage() throws Exception {
            HttpResponse<String> page = get("/login");
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher tag = META.matcher(page.body());
            while (tag.find()) {
                Map<String, String> attributes = new HashMap<>();
                Matcher attribute = ATTRIBUTE.matcher(tag.group());
                while (attribute.find()) {
                    attributes.put(attribute.group(1), attribute.group(2));
                }
                if (attributes.containsKey("name") && attributes.containsKey("content")) {
                    meta.put(attributes.get("name"), attributes.get("content"));
                }
            }
            return this;
        }

        /** What vaadin-login-form posts: user name, password and the token its page carries, from this origin. */
        HttpResponse<String> signIn(String username, String password) throws Exception {
            return post(username, password, meta.get("_csrf_parameter"), meta.get("_csrf"),
                    "http://localhost:" + port);
        }

        HttpResponse<String> post(String username, String password, String tokenName, String token, String origin)
                throws Exception {
            String form = "username=" + encode(username) + "&password=" + encode(password)
                    + (tokenName == null ? "" : "&" + encode(tokenName) + "=" + encode(token));
            return http.send(HttpRequest.newBuilder(uri("/login")).header("Origin", origin)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** A route only a signed-in user may open: 200 signed in, a redirect to the sign-in page otherwise. */
        boolean signedIn() throws Exception {
            HttpResponse<String> catalogs = get("/catalogs");
            assertThat(catalogs.statusCode()).isIn(200, 302);
            return catalogs.statusCode() == 200;
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> api(String address, String user, String password, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/school-years")).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- throttle: the form ----

    @Test
    void after_five_wrong_passwords_on_the_form_the_right_one_is_refused_until_the_lock_out_has_passed()
            throws Exception {
        Browser browser = new Browser("127.0.0.1").openSignInPage();
        for (int i = 0; i < 5; i++) {
            assertThat(location(browser.signIn("alpha.viewer", "wrong-" + i))).endsWith("/login?error");
        }

        HttpResponse<String> refused = browser.signIn("alpha.viewer", "demo");

        assertThat(location(refused)).endsWith("/login?error");
        assertThat(browser.signedIn()).isFalse();

        clock.advance(Duration.ofMillis(999));
        assertThat(location(browser.signIn("alpha.viewer", "demo"))).endsWith("/login?error");
        clock.advance(Duration.ofMillis(1));
        HttpResponse<String> signedIn = browser.signIn("alpha.viewer", "demo");
        assertThat(location(signedIn)).doesNotContain("/login");
        assertThat(browser.signedIn()).isTrue();
    }

    @Test
    void a_locked_out_user_name_does_not_lock_out_another_name_or_the_same_name_from_another_client()
            throws Exception {
        Browser attacker = new Browser("127.0.0.1").openSignInPage();
        for (int i = 0; i < 5; i++) {
            attacker.signIn("beta.viewer", "wrong-" + i);
        }
        assertThat(location(attacker.signIn("beta.viewer", "demo"))).endsWith("/login?error");

        Browser colleague = new Browser("127.0.0.1").openSignInPage();
        assertThat(location(colleague.signIn("beta.admin", "demo"))).doesNotContain("/login");
        assertThat(colleague.signedIn()).isTrue();
        Browser owner = new Browser("127.0.0.2").openSignInPage();
        assertThat(location(owner.signIn("beta.viewer", "demo"))).doesNotContain("/login");
        assertThat(owner.signedIn()).isTrue();
    }

    // ---- throttle: HTTP Basic ----

    @Test
    void after_five_wrong_basic_passwords_the_api_answers_429_with_retry_after_and_the_lock_out_doubles()
            throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(api("127.0.0.1", "alpha.admin", "wrong-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = api("127.0.0.1", "alpha.admin", "demo");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(refused.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"status\":429")
                .contains("Too many failed sign-ins for this user name from this address. Try again in 1 second.");
        // another user from this client, and this user from another client, are served
        assertThat(api("127.0.0.1", "alpha.push", "demo").statusCode()).isEqualTo(200);
        assertThat(api("127.0.0.2", "alpha.admin", "demo").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        assertThat(api("127.0.0.1", "alpha.admin", "wrong-again").statusCode()).isEqualTo(401);
        HttpResponse<String> doubled = api("127.0.0.1", "alpha.admin", "demo");
        assertThat(doubled.statusCode()).isEqualTo(429);
        assertThat(doubled.headers().firstValue("Retry-After")).contains("2");

        clock.advance(Duration.ofSeconds(2));
        assertThat(api("127.0.0.1", "alpha.admin", "demo").statusCode()).isEqualTo(200);
    }

    @Test
    void behind_the_trusted_proxy_each_forwarded_client_is_throttled_on_its_own() throws Exception {
        for (int i = 0; i < 5; i++) {
            api("127.0.0.1", "beta.push", "wrong-" + i, "X-Forwarded-For", "203.0.113.7");
        }

        assertThat(api("127.0.0.1", "beta.push", "demo", "X-Forwarded-For", "203.0.113.7").statusCode())
                .isEqualTo(429);
        assertThat(api("127.0.0.1", "beta.push", "demo", "X-Forwarded-For", "203.0.113.8").statusCode())
                .isEqualTo(200);
    }

    // ---- login CSRF ----

    @Test
    void the_sign_in_page_carries_the_csrf_token_and_the_form_post_with_it_signs_in() throws Exception {
        Browser browser = new Browser("127.0.0.1").openSignInPage();

        assertThat(browser.meta).containsEntry("_csrf_parameter", "_csrf").containsKey("_csrf");
        HttpResponse<String> signedIn = browser.signIn("alpha.push", "demo");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).doesNotContain("/login");
        assertThat(browser.signedIn()).isTrue();
    }

    @Test
    void a_post_to_login_from_another_site_without_the_token_does_not_sign_in() throws Exception {
        // the attacker's page posts its own credentials: the victim's browser has no session of Cascade yet
        Browser victim = new Browser("127.0.0.1");

        HttpResponse<String> forged = victim.post("beta.push", "demo", null, null, "http://evil.example");

        assertThat(location(forged)).doesNotEndWith("/").contains("/login");
        assertThat(victim.signedIn()).isFalse();
    }

    @Test
    void a_post_to_login_without_the_token_or_with_a_wrong_one_does_not_sign_in_even_with_a_session()
            throws Exception {
        Browser browser = new Browser("127.0.0.1").openSignInPage();

        HttpResponse<String> tokenless = browser.post("beta.push", "demo", null, null, "http://localhost:" + port);
        HttpResponse<String> forged = browser.post("beta.push", "demo", "_csrf", "forged",
                "http://localhost:" + port);

        assertThat(location(tokenless)).endsWith("/login?expired");
        assertThat(location(forged)).endsWith("/login?expired");
        assertThat(browser.signedIn()).isFalse();
    }
}
