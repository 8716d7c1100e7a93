package app.cascade.security;

import app.cascade.CascadeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Host header injection, on the running app with no trusted proxy (the default): a request naming a foreign host is
 * refused before anything builds a URL from it, and forwarded headers from an ordinary client are ignored.
 */
@CascadeIntegrationTest
class RequestHostIT {

    @LocalServerPort
    int port;

    private RawHttp http() {
        return new RawHttp(port, "127.0.0.1");
    }

    @Test
    void a_foreign_host_header_is_refused_with_400_and_never_reaches_a_location() throws Exception {
        for (String path : List.of("/catalogs", "/login", "/api/v1/school-years", "/oauth2/authorization/keycloak")) {
            RawHttp.Response response = http().get(path, "Host: evil.example");

            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.header("Location")).as(path).isEmpty();
            assertThat(response.text()).as(path).doesNotContain("evil.example");
        }
        assertThat(http().get("/catalogs", "Host: evil.example:" + port).status()).isEqualTo(400);
    }

    @Test
    void x_forwarded_host_and_proto_from_a_client_that_is_no_trusted_proxy_are_ignored() throws Exception {
        RawHttp.Response response = http().get("/catalogs", "Host: localhost:" + port,
                "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https", "X-Forwarded-Port: 443");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).contains("http://localhost:" + port + "/login");
        assertThat(response.text()).doesNotContain("evil.example");
        assertThat(response.header("Strict-Transport-Security")).as("not believed to be HTTPS").isEmpty();
    }

    @Test
    void the_loopback_names_and_the_base_url_host_are_served() throws Exception {
        // the it profile's base URL is the default http://localhost:8080
        for (String host : List.of("localhost", "127.0.0.1", "[::1]", "LOCALHOST")) {
            RawHttp.Response response = http().get("/catalogs", "Host: " + host + ":" + port);

            assertThat(response.status()).as(host).isEqualTo(302);
            assertThat(response.header("Location")).as(host).get().asString()
                    .startsWith("http://" + host + ":" + port + "/login");
        }
        assertThat(http().get("/login", "Host: localhost:" + port).status()).isEqualTo(200);
    }
}
