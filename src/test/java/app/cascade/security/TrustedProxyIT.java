package app.cascade.security;

import app.cascade.CascadeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted proxy (here 127.0.0.1, {@code CASCADE_TRUSTED_PROXIES}): its forwarded headers are believed, so
 * redirects go to the public host and HTTPS requests get HSTS; a forwarded host that is not allowed is refused all
 * the same; and the same headers from another client (127.0.0.2) are ignored.
 */
@CascadeIntegrationTest
@TestPropertySource(properties = {ProxiedTestSetup.TRUSTED_LOOPBACK, ProxiedTestSetup.ALLOWED_HOST})
@Import(ProxiedTestSetup.class)
class TrustedProxyIT {

    @LocalServerPort
    int port;

    @Test
    void behind_a_tls_proxy_the_app_sends_hsts() throws Exception {
        RawHttp.Response response = new RawHttp(port, "127.0.0.1").get("/login", "Host: localhost:" + port,
                "X-Forwarded-Proto: https");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Strict-Transport-Security")).get().asString().contains("max-age=");
    }

    @Test
    void redirects_name_the_public_host_the_trusted_proxy_forwards() throws Exception {
        RawHttp.Response response = new RawHttp(port, "127.0.0.1").get("/catalogs", "Host: localhost:" + port,
                "X-Forwarded-Host: cascade.district.example", "X-Forwarded-Proto: https",
                "X-Forwarded-For: 203.0.113.7");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).get().asString().startsWith("https://cascade.district.example")
                .endsWith("/login");
    }

    @Test
    void a_forwarded_host_that_is_not_allowed_is_refused_even_from_the_trusted_proxy() throws Exception {
        RawHttp.Response response = new RawHttp(port, "127.0.0.1").get("/catalogs", "Host: localhost:" + port,
                "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Location")).isEmpty();
        assertThat(response.text()).doesNotContain("evil.example");
    }

    @Test
    void the_same_headers_from_a_client_that_is_no_trusted_proxy_are_ignored() throws Exception {
        RawHttp.Response response = new RawHttp(port, "127.0.0.2").get("/catalogs", "Host: localhost:" + port,
                "X-Forwarded-Host: cascade.district.example", "X-Forwarded-Proto: https");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).contains("http://localhost:" + port + "/login");
        assertThat(response.header("Strict-Transport-Security")).isEmpty();
    }
}
