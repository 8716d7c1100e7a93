package app.cascade.api.internal;

import app.cascade.api.Problem;
import app.cascade.api.ProblemResponses;
import app.cascade.security.CurrentUserService;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers every operation of the API may give, whatever it does, added to each operation that does not document
 * them itself: 401 (every operation requires sign-in), 403 (a role that does not allow it, or an {@code
 * X-Cascade-District} header naming a district that is not the caller's), 500 and 503. The problem examples are
 * declared once under {@code components/examples} and referenced from there.
 */
final class CommonResponses {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CommonResponses() {
    }

    /**
     * The {@link Problem} schema (present already when an operation's annotations name it) and the problem examples,
     * by name: a 400 with a field, two 403s, a 404, a 413, a 500 and a 503.
     */
    static void addProblem(OpenAPI openApi) {
        Components components = openApi.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey("Problem")) {
            ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31).read(Problem.class)
                    .forEach(components::addSchemas);
        }
        example(components, "badField", "400: a query parameter out of range", ProblemExamples.BAD_FIELD);
        example(components, "forbidden", "403: the caller's role does not allow this", ProblemExamples.FORBIDDEN);
        example(components, "notYourDistrict", "403: " + CurrentUserService.DISTRICT_HEADER + " names a district "
                + "that is not the caller's", ProblemExamples.NOT_YOUR_DISTRICT);
        example(components, "notFound", "404: no such thing in the caller's district (here a push request)",
                ProblemExamples.NOT_FOUND);
        example(components, "tooLarge", "413: a body over the limit", ProblemExamples.TOO_LARGE);
        example(components, "serverError", "500: an unexpected failure", ProblemExamples.SERVER_ERROR);
        example(components, "unavailable", "503: the database cannot be reached", ProblemExamples.UNAVAILABLE);
    }

    static void addTo(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.putIfAbsent("401", new ApiResponse().description("Not authenticated"));
        responses.putIfAbsent("403", problem("The caller's role does not allow this call, or the "
                + CurrentUserService.DISTRICT_HEADER + " header names a district that is not one of the caller's",
                "forbidden", "notYourDistrict"));
        responses.putIfAbsent("500", problem("A server error: the problem's `correlationId` names the server's log "
                + "line", "serverError"));
        responses.putIfAbsent("503", problem("The node is too busy or the database cannot be reached; try again "
                + "after `Retry-After` seconds", "unavailable"));
        operation.setResponses(responses);
    }

    private static ApiResponse problem(String description, String... examples) {
        MediaType json = new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA));
        for (String example : examples) {
            json.addExamples(example, new Example().$ref(ProblemResponses.EXAMPLES + example));
        }
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON, json));
    }

    private static void example(Components components, String name, String summary, String json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> value = JSON.readValue(json, LinkedHashMap.class);
        components.addExamples(name, new Example().summary(summary).value(value));
    }
}
