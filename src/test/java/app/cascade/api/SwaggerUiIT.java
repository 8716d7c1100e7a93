package app.cascade.api;

import app.cascade.CascadeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI at {@code /api/docs} over HTTP, as a browser gets it: a visitor is sent to sign in; a signed-in user of
 * any role gets the page with the app's Content-Security-Policy, every script and stylesheet it names, and an
 * initializer whose configuration points at {@code /v3/api-docs}. That the CSP lets it run: {@code
 * SwaggerUiBrowserE2E}.
 */
@CascadeIntegrationTest
class SwaggerUiIT {

    private static final Pattern META = Pattern.compile("<meta\\s[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(name|content)=\"([^\"]*)\"");
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+\\.(?:js|css))\"");

    @LocalServerPort
    int port;

    /** A browser: its own cookies, redirects seen one by one. */
    final class Browser {

        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Follows redirects within the app, as a browser does, and answers the last response. */
        HttpResponse<String> open(String path) throws Exception {
            HttpResponse<String> response = get(path);
            for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
                response = get(URI.create(location(response)).getPath());
            }
            return response;
        }

        /** The dev sign-in form: user name, password and the CSRF token its page carries. */
        Browser signIn(String username) throws Exception {
            Map<String, String> meta = new HashMap<>();
            Matcher tag = META.matcher(get("/login").body());
            while (tag.find()) {
                Map<String, String> attributes = new HashMap<>();
                Matcher attribute = ATTRIBUTE.matcher(tag.group());
                while (attribute.find()) {
                    attributes.put(attribute.group(1), attribute.group(2));
                }
                if (attributes.containsKey("name")) {
                    meta.put(attributes.get("name"), attributes.get("content"));
                }
            }
            String form = "username=" + encode(username) + "&password=demo&" + encode(meta.get("_csrf_parameter"))
                    + "=" + encode(meta.get("_csrf"));
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Origin", "http://localhost:" + port)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(location(signedIn)).as("signed in").doesNotContain("/login");
            return this;
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

    @Test
    void a_visitor_is_sent_to_sign_in_for_the_page_and_its_files() throws Exception {
        Browser visitor = new Browser();

        for (String path : List.of("/api/docs", "/api/swagger-ui/index.html",
                "/api/swagger-ui/swagger-initializer.js")) {
            HttpResponse<String> response = visitor.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(location(response)).as(path).endsWith("/login");
        }
    }

    @Test
    void a_signed_in_user_of_any_role_gets_the_page_and_every_file_it_names() throws Exception {
        for (String user : List.of("alpha.viewer", "alpha.push", "support")) {
            Browser browser = new Browser().signIn(user);

            HttpResponse<String> page = browser.open("/api/docs");

            assertThat(page.statusCode()).as(user).isEqualTo(200);
            assertThat(page.uri().getPath()).isEqualTo("/api/swagger-ui/index.html");
            assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
            assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("default-src 'self'");
            List<String> assets = new ArrayList<>();
            Matcher asset = ASSET.matcher(page.body());
            while (asset.find()) {
                assets.add(asset.group(1));
            }
            assertThat(assets).contains("./swagger-ui-bundle.js", "./swagger-initializer.js", "./swagger-ui.css");
            for (String file : assets) {
                String path = page.uri().resolve(file).getPath();
                HttpResponse<String> response = browser.get(path);
                assertThat(response.statusCode()).as(user + " " + path).isEqualTo(200);
                assertThat(response.body()).as(path).isNotBlank();
            }
        }
    }

    @Test
    void the_initializer_points_at_the_api_document() throws Exception {
        Browser browser = new Browser().signIn("alpha.viewer");

        String initializer = browser.open("/api/swagger-ui/swagger-initializer.js").body();
        assertThat(initializer).contains("/v3/api-docs/swagger-config");
        HttpResponse<String> config = browser.get("/v3/api-docs/swagger-config");

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("\"url\":\"/v3/api-docs\"").contains("\"validatorUrl\":\"none\"");
        assertThat(browser.get("/v3/api-docs").statusCode()).isEqualTo(200);
    }
}
