package app.cascade.api;

import app.cascade.CascadeIntegrationTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document of the running app ({@code /v3/api-docs}), read by the official parser: it parses without a
 * message, and holds for every operation there is (those added later included) what a client needs: a summary, a
 * success and error responses, a security requirement naming a declared scheme, a declared and described tag, a path
 * under {@code /api/}; plus the title, the build's version, both security schemes and the documented problem schema
 * with examples of its cases.
 */
@CascadeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentIT {

    @LocalServerPort
    int port;
    @Autowired
    BuildProperties build;

    String json;
    OpenAPI document;

    @BeforeAll
    void readTheDocument() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        json = response.body();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(parsed.getMessages()).as("the parser's messages").isEmpty();
        document = parsed.getOpenAPI();
        assertThat(document).isNotNull();
    }

    /** Every operation as "METHOD path". */
    private Map<String, Operation> operations() {
        Map<String, Operation> all = new LinkedHashMap<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> all.put(method + " " + path, operation)));
        return all;
    }

    @Test
    void the_document_is_the_cascade_api_in_the_version_of_the_build_with_a_description() {
        assertThat(document.getInfo().getTitle()).isEqualTo("Cascade API");
        assertThat(document.getInfo().getVersion()).isEqualTo(build.getVersion()).isNotBlank();
        assertThat(document.getInfo().getDescription())
                .contains("X-Cascade-District", "PUSH_ADMIN", "DISTRICT_ADMIN", "VIEWER", "application/problem+json",
                        "limit", "cursor", "rel=\"next\"", "basicAuth");
    }

    @Test
    void every_path_is_under_api_and_the_api_has_operations() {
        assertThat(operations()).isNotEmpty();
        assertThat(document.getPaths().keySet()).allSatisfy(path -> assertThat(path).startsWith("/api/"));
    }

    @Test
    void every_operation_has_a_summary_a_success_and_error_responses() {
        List<String> faults = new ArrayList<>();
        operations().forEach((name, operation) -> {
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                faults.add(name + ": no summary");
            }
            Set<String> codes = operation.getResponses() == null ? Set.of() : operation.getResponses().keySet();
            if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
                faults.add(name + ": no 2xx response");
            }
            if (codes.stream().noneMatch(code -> code.startsWith("4") || code.startsWith("5"))) {
                faults.add(name + ": no error response");
            }
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void both_security_schemes_exist_and_every_operation_requires_one() {
        Map<String, SecurityScheme> schemes = document.getComponents().getSecuritySchemes();
        assertThat(schemes.get("basicAuth")).satisfies(basic -> {
            assertThat(basic.getType()).isEqualTo(SecurityScheme.Type.HTTP);
            assertThat(basic.getScheme()).isEqualTo("basic");
            assertThat(basic.getDescription()).contains("Dev mode only");
        });
        assertThat(schemes.get("bearerAuth")).satisfies(bearer -> {
            assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
            assertThat(bearer.getScheme()).isEqualTo("bearer");
            assertThat(bearer.getBearerFormat()).isEqualTo("JWT");
            assertThat(bearer.getDescription()).contains("Keycloak");
        });
        List<String> faults = new ArrayList<>();
        operations().forEach((name, operation) -> {
            if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                faults.add(name + ": no security requirement");
            } else {
                operation.getSecurity().forEach(requirement -> requirement.keySet().stream()
                        .filter(scheme -> !schemes.containsKey(scheme))
                        .forEach(scheme -> faults.add(name + ": undeclared scheme " + scheme)));
            }
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void every_tag_an_operation_uses_is_declared_with_a_description() {
        Map<String, String> declared = new LinkedHashMap<>();
        (document.getTags() == null ? List.<Tag>of() : document.getTags())
                .forEach(tag -> declared.put(tag.getName(), tag.getDescription()));
        List<String> faults = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        operations().forEach((name, operation) -> {
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                faults.add(name + ": no tag");
            } else {
                used.addAll(operation.getTags());
            }
        });
        used.stream().filter(tag -> declared.get(tag) == null || declared.get(tag).isBlank())
                .forEach(tag -> faults.add("tag " + tag + ": not declared with a description"));
        assertThat(faults).isEmpty();
        assertThat(used).contains("Push requests", "Catalogs", "District exchange");
    }

    @Test
    void every_problem_response_is_the_documented_problem_schema() {
        Schema<?> problem = document.getComponents().getSchemas().get("Problem");
        assertThat(problem).as("components/schemas/Problem").isNotNull();
        assertThat(problem.getDescription()).contains("RFC 9457");
        assertThat(problem.getProperties()).containsKeys("type", "title", "status", "detail", "instance", "field",
                "correlationId", "limit", "retryAfterSeconds");
        assertThat(problem.getProperties().values()).allSatisfy(property ->
                assertThat(property.getDescription()).isNotBlank());
        List<String> faults = new ArrayList<>();
        operations().forEach((name, operation) -> operation.getResponses().forEach((code, response) -> {
            MediaType content = problemJson(response);
            if (content != null && !"#/components/schemas/Problem".equals(content.getSchema().get$ref())) {
                faults.add(name + " " + code + ": " + content.getSchema().get$ref());
            }
        }));
        assertThat(faults).isEmpty();
    }

    @Test
    void the_problems_come_with_examples_of_each_case() {
        Map<String, List<Object>> examples = new LinkedHashMap<>();
        operations().values().forEach(operation -> operation.getResponses().forEach((code, response) -> {
            MediaType content = problemJson(response);
            if (content != null && content.getExamples() != null) {
                content.getExamples().values().forEach(example -> examples.computeIfAbsent(code,
                        c -> new ArrayList<>()).add(example.get$ref() == null ? example.getValue()
                        : document.getComponents().getExamples().get(example.get$ref()
                        .substring("#/components/examples/".length())).getValue()));
            }
        }));

        assertThat(examples).containsKeys("400", "403", "404", "413", "500", "503");
        assertThat(examples.get("400")).anySatisfy(e -> assertThat(property(e, "field")).isNotNull());
        assertThat(examples.get("403")).anySatisfy(e -> assertThat(property(e, "type"))
                .isEqualTo("https://cascade.app/problems/not-your-district"));
        assertThat(examples.get("413")).anySatisfy(e -> assertThat(property(e, "limit")).isNotNull());
        assertThat(examples.get("500")).anySatisfy(e -> assertThat(property(e, "correlationId")).isNotNull());
        assertThat(examples.get("503")).anySatisfy(e -> assertThat(property(e, "retryAfterSeconds")).isNotNull());
        examples.forEach((code, values) -> assertThat(values).allSatisfy(e ->
                assertThat(String.valueOf(property(e, "status"))).isEqualTo(code)));
    }

    private static MediaType problemJson(ApiResponse response) {
        return response.getContent() == null ? null : response.getContent().get("application/problem+json");
    }

    /** A property of an example's value, which the parser reads as a JSON tree or a map. */
    private static Object property(Object example, String name) {
        if (example instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if (example instanceof com.fasterxml.jackson.databind.JsonNode node) {
            com.fasterxml.jackson.databind.JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : value.isNumber() ? value.numberValue() : value.asText();
        }
        throw new AssertionError("an example that is no JSON object: " + example);
    }
}
