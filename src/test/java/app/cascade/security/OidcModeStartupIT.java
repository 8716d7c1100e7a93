package app.cascade.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OIDC mode with Keycloak unreachable (nothing listens on port 9): start-up must still succeed, the UI must send
 * users to Keycloak, and the API must accept neither anonymous calls nor the dev-mode passwords.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cascade.security.oidc.issuer=http://127.0.0.1:9/realms/cascade",
        "cascade.security.oidc.client-id=cascade-web",
        "cascade.security.oidc.client-secret=secret"})
@ActiveProfiles("it")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class OidcModeStartupIT {

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void signing_out_ends_the_keycloak_session_too() throws Exception {
        var keycloak = registrations.findByRegistrationId("keycloak");
        var result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/logout")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .oidcLogin().clientRegistration(keycloak))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl())
                .startsWith("http://127.0.0.1:9/realms/cascade/protocol/openid-connect/logout")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
    }

    @LocalServerPort
    int port;
    @Autowired
    ClientRegistrationRepository registrations;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void starts_without_keycloak_with_endpoints_derived_from_the_issuer() {
        var keycloak = registrations.findByRegistrationId("keycloak");
        assertThat(keycloak.getProviderDetails().getTokenUri())
                .isEqualTo("http://127.0.0.1:9/realms/cascade/protocol/openid-connect/token");
        assertThat(keycloak.getScopes()).contains("openid", "organization");
    }

    @Test
    void the_ui_sends_anonymous_users_to_keycloak() throws Exception {
        HttpResponse<String> response = get("/catalogs", null);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString()
                .contains("/oauth2/authorization/keycloak");
    }

    @Test
    void the_api_refuses_anonymous_calls_and_dev_passwords() throws Exception {
        assertThat(get("/api/v1/district", null).statusCode()).isEqualTo(401);
        String basic = "Basic " + Base64.getEncoder().encodeToString("alpha.admin:demo".getBytes());
        assertThat(get("/api/v1/district", basic).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/district", "Bearer not-a-jwt").statusCode()).isEqualTo(401);
    }
}
