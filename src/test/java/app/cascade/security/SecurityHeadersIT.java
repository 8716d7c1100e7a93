package app.cascade.security;

import app.cascade.CascadeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page carries a CSP that forbids framing, and the session cookie is HttpOnly and SameSite. HSTS behind a
 * trusted TLS proxy: {@link TrustedProxyIT}.
 */
@CascadeIntegrationTest
class SecurityHeadersIT {

    @LocalServerPort
    int port;

    @Test
    void the_sign_in_page_sends_the_security_headers_and_a_same_site_session_cookie() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.headers().map().toString()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'none'").contains("default-src 'self'");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: no HSTS").isEmpty();
    }

    /** No proxy is trusted by default: a client's own X-Forwarded-Proto does not make the request HTTPS. */
    @Test
    void an_x_forwarded_proto_from_a_client_that_is_no_trusted_proxy_gets_no_hsts() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/login")).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
