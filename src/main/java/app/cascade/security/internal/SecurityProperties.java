package app.cascade.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code cascade.security.*}. With no {@code oidc.issuer}, Cascade runs in dev mode with the demo users below;
 * with an issuer, it signs users in through Keycloak and the demo users do not exist.
 */
@ConfigurationProperties("cascade.security")
public record SecurityProperties(Oidc oidc, @DefaultValue("demo") String devPassword, List<DevUserEntry> devUsers) {

    public SecurityProperties {
        devUsers = devUsers == null ? List.of() : List.copyOf(devUsers);
        oidc = oidc == null ? new Oidc(null, null, null, null, null) : oidc;
    }

    public boolean oidcMode() {
        return oidc.issuer() != null && !oidc.issuer().isBlank();
    }

    /**
     * @param issuer       the realm URL, e.g. {@code http://127.0.0.1:8180/realms/cascade}
     * @param clientId     the confidential web client
     * @param clientSecret its secret
     * @param apiAudience  an audience the API's bearer tokens must carry (optional)
     * @param clockSkew    how far a token's expiry may lie in the past (default 60 s)
     */
    public record Oidc(String issuer, String clientId, String clientSecret, String apiAudience,
                       java.time.Duration clockSkew) {

        public Oidc {
            clockSkew = clockSkew == null ? java.time.Duration.ofSeconds(60) : clockSkew;
        }
    }

    public record DevUserEntry(String username, String name, String email, List<String> roles,
                               List<String> districts) {

        public DevUserEntry {
            roles = roles == null ? List.of() : List.copyOf(roles);
            districts = districts == null ? List.of() : List.copyOf(districts);
        }
    }
}
