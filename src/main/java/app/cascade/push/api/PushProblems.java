package app.cascade.push.api;

import app.cascade.push.PushNotFoundException;
import app.cascade.push.PushStateException;
import app.cascade.push.PushValidationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 9457 problem details for the push API, in the style of the district exchange API. A bad value always names
 * its field, both in the {@code field} property and at the start of {@code detail}; this holds for the services'
 * validation as well as for JSON, enum and instant values that could not even be read.
 */
@RestControllerAdvice(assignableTypes = PushController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PushProblems {

    static final URI INVALID_REQUEST = URI.create("https://cascade.app/problems/invalid-push-request");
    static final URI NOT_FOUND = URI.create("https://cascade.app/problems/push-request-not-found");
    static final URI WRONG_STATE = URI.create("https://cascade.app/problems/push-request-state");
    static final URI FORBIDDEN = URI.create("https://cascade.app/problems/forbidden");

    @ExceptionHandler(PushValidationException.class)
    ResponseEntity<ProblemDetail> invalid(PushValidationException e) {
        return badRequest(e.field(), e.getMessage());
    }

    /** Malformed JSON, an unknown enum constant, an unreadable instant: still a 400 that names the field. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        JacksonException json = located(e);
        if (json != null) {
            List<JacksonException.Reference> path = json.getPath();
            String field = path.getFirst().getPropertyName();
            String at = path.stream().map(r -> r.getPropertyName() != null ? "." + r.getPropertyName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining());
            at = at.startsWith(".") ? at.substring(1) : at;
            return badRequest(field == null ? "body" : field, at + ": " + describe(json));
        }
        if (e.getCause() == null) { // Spring's own message would name the controller method
            return badRequest("body", "A JSON request body is required");
        }
        return badRequest("body", "The request body is not valid JSON: " + e.getMostSpecificCause().getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another value" : e.getRequiredType().getSimpleName();
        String example = switch (expected) {
            case "Instant" -> " (an ISO-8601 instant such as 2026-12-01T06:00:00Z)";
            case "UUID" -> " (a request id)";
            default -> "";
        };
        return badRequest(e.getName(), "'" + e.getValue() + "' is not a valid " + expected + example);
    }

    @ExceptionHandler(PushNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(PushNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Push request not found", e.getMessage());
    }

    @ExceptionHandler(PushStateException.class)
    ResponseEntity<ProblemDetail> wrongState(PushStateException e) {
        return problem(HttpStatus.CONFLICT, WRONG_STATE, "Not possible in the request's status", e.getMessage());
    }

    /** The services' {@code @PreAuthorize}: the user's role does not allow this. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden",
                "Your role in this district does not allow this action");
    }

    /** The outermost Jackson exception that knows where in the document it happened, if any. */
    private static JacksonException located(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof JacksonException json && !json.getPath().isEmpty()) {
                return json;
            }
        }
        return null;
    }

    private static String describe(JacksonException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "unknown value '" + format.getValue() + "'; expected one of "
                    + Arrays.stream(format.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() == java.time.Instant.class) {
            return "'" + format.getValue() + "' is not an ISO-8601 instant such as 2026-12-01T06:00:00Z";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected a value of type " + mismatch.getTargetType().getSimpleName();
        }
        return e.getOriginalMessage();
    }

    private static ResponseEntity<ProblemDetail> badRequest(String field, String message) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST,
                "Invalid push request", message.startsWith(field) ? message : field + ": " + message);
        response.getBody().setProperty("field", field);
        return response;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
