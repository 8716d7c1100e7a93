package app.cascade.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URI;

/**
 * The OpenAPI schema of every API error, documentation only: the API writes Spring's {@link
 * org.springframework.http.ProblemDetail} (springdoc is told to show this record instead, {@code OpenApiDocument}),
 * whose extra properties are the last four fields here, each present only where it applies.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem detail, sent as `application/problem+json` with every "
        + "4xx and 5xx answer of the API (except a 401, which has no body). `type` identifies the kind of problem "
        + "for scripts; `detail` explains this occurrence to a person.")
public record Problem(
        @Schema(description = "The kind of problem, a stable URI (not a page to open)", format = "uri",
                example = "https://cascade.app/problems/invalid-request") URI type,
        @Schema(description = "A short summary of the kind of problem", example = "Invalid request") String title,
        @Schema(description = "The HTTP status", example = "400") int status,
        @Schema(description = "What went wrong with this request, for a person",
                example = "limit: must be between 1 and 500, was 0") String detail,
        @Schema(description = "The path of the request", format = "uri-reference", example = "/api/v1/pushes")
        URI instance,
        @Schema(description = "400 only: the body field, query parameter or header at fault (a JSON path for a "
                + "body field)", example = "limit") String field,
        @Schema(description = "5xx only: quote it when you report the error; the server's log line carries it",
                example = "6f1c2a9e0b7d4c31") String correlationId,
        @Schema(description = "413 only: the largest body the endpoint accepts, in bytes", example = "65536")
        Long limit,
        @Schema(description = "503 only: try again after this many seconds (also the `Retry-After` header)",
                example = "10") Long retryAfterSeconds) {
}
