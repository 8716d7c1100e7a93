package app.cascade.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import org.springframework.http.MediaType;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error responses the API's endpoints share, documented once: each annotation here is meta-annotated with
 * {@link ApiResponses}, which springdoc merges with the method's own {@link ApiResponse}s. 401 has no body; the
 * others are RFC 9457 problem details ({@link ApiProblems} and each feature's own advice) of the {@link Problem}
 * schema, each with examples of what the API answers ({@link #EXAMPLES}: a 400 naming its field, a 403 of a role and
 * one of a foreign district, a 404, a 413 with its limit, a 500 with its correlation id, a 503 with when to retry).
 */
public final class ProblemResponses {

    /** Where the examples are: {@code components/examples} of the document, one per case, written once. */
    public static final String EXAMPLES = "#/components/examples/";

    private ProblemResponses() {
    }

    /** 401 and 403 of an endpoint that requires PUSH_ADMIN. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @ApiResponses({
            @ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content),
            @ApiResponse(responseCode = "403", description = "Not a push admin of the district, or the "
                    + "`X-Cascade-District` header names a district that is not one of the caller's",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = Problem.class), examples = {
                            @ExampleObject(name = "forbidden", ref = EXAMPLES + "forbidden"),
                            @ExampleObject(name = "notYourDistrict", ref = EXAMPLES + "notYourDistrict")}))})
    public @interface PushAdmin {
    }

    /** 401 and 403 of an endpoint that requires VIEWER. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @ApiResponses({
            @ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content),
            @ApiResponse(responseCode = "403", description = "Not a viewer of a district, or the "
                    + "`X-Cascade-District` header names a district that is not one of the caller's",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = Problem.class), examples = {
                            @ExampleObject(name = "forbidden", ref = EXAMPLES + "forbidden"),
                            @ExampleObject(name = "notYourDistrict", ref = EXAMPLES + "notYourDistrict")}))})
    public @interface Viewer {
    }

    /** 400 of an endpoint with a body or parameters that may be wrong. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @ApiResponses(@ApiResponse(responseCode = "400",
            description = "A bad field: the problem's `field` and `detail` name it", content = @Content(
                    mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "badField", ref = EXAMPLES + "badField"))))
    public @interface BadField {
    }

    /** 404 of an endpoint about one thing of the district (a push request, a master, a course). */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @ApiResponses(@ApiResponse(responseCode = "404", description = "No such thing in the caller's district "
            + "(another district's thing is not found either, never forbidden)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "notFound", ref = EXAMPLES + "notFound"))))
    public @interface NotFound {
    }

    /** 413 of an endpoint that reads a JSON body. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @ApiResponses(@ApiResponse(responseCode = "413",
            description = "The body is larger than 64 KB (also when sent chunked); the problem's `limit` is the limit "
                    + "in bytes", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "tooLarge", ref = EXAMPLES + "tooLarge"))))
    public @interface TooLarge {
    }

    /** 500 and 503, which any endpoint may answer. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @ApiResponses({
            @ApiResponse(responseCode = "500", description = "A server error: the problem's `correlationId` names "
                    + "the server's log line", content = @Content(
                    mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "serverError", ref = EXAMPLES + "serverError"))),
            @ApiResponse(responseCode = "503", description = "The node is too busy (nothing was stored) or the "
                    + "database cannot be reached; try again after `Retry-After` seconds", content = @Content(
                    mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unavailable", ref = EXAMPLES + "unavailable")))})
    public @interface ServerFailure {
    }
}
