package app.cascade.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Duration;

/**
 * The RFC 9457 problem details every API endpoint shares: a role that does not allow the call (403), a path that is no
 * endpoint (404), a body over its limit (413), a node or database that cannot serve right now (503 with {@code
 * Retry-After}) and an unexpected server error (500 with a correlation id). The features' own problems (a bad field,
 * not found, a wrong state) stay with their controllers.
 */
public final class ApiProblems {

    public static final URI FORBIDDEN = URI.create("https://cascade.app/problems/forbidden");
    public static final URI NOT_FOUND = URI.create("https://cascade.app/problems/not-found");
    public static final URI BODY_TOO_LARGE = URI.create("https://cascade.app/problems/body-too-large");
    public static final URI UNAVAILABLE = URI.create("https://cascade.app/problems/unavailable");
    public static final URI SERVER_ERROR = URI.create("https://cascade.app/problems/server-error");
    /** The problem property (and log marker) that ties an answer to the server's log lines. */
    public static final String CORRELATION_ID = "correlationId";

    private ApiProblems() {
    }

    public static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return response(problem, HttpHeaders.EMPTY);
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** 403: the caller's role (or lack of a district) does not allow this call. */
    public static ProblemDetail forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", detail);
    }

    /** 404: no endpoint of the API has this path (a feature's own "no such thing" has a type of its own). */
    public static ProblemDetail notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", detail);
    }

    /** 403: the caller is a member of no district, and every API call is about a district's data. */
    public static ProblemDetail noDistrict() {
        return forbidden("You are not a member of a district this call could be about");
    }

    /** 413: the body is larger than the endpoint accepts; {@code limit} is the limit in bytes. */
    public static ProblemDetail tooLarge(BodyTooLargeException e) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, BODY_TOO_LARGE, "Request body too large",
                e.getMessage());
        problem.setProperty("limit", e.limit().toBytes());
        return problem;
    }

    /** 503: try again after {@code retryAfter} (also sent as the {@code Retry-After} header, in whole seconds). */
    public static ResponseEntity<ProblemDetail> unavailable(String detail, Duration retryAfter) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, "Service unavailable", detail);
        long seconds = retryAfterSeconds(retryAfter);
        problem.setProperty("retryAfterSeconds", seconds);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return response(problem, headers);
    }

    /** {@code Retry-After} in whole seconds, rounded up, at least 1. */
    public static long retryAfterSeconds(Duration retryAfter) {
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            return 1;
        }
        long seconds = retryAfter.toSeconds();
        return retryAfter.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1;
    }
}
