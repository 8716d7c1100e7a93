package app.cascade.push.api;

import app.cascade.api.ApiProblems;
import app.cascade.api.BodyTooLargeException;
import app.cascade.api.JsonBodyProblem;
import app.cascade.push.IdempotencyKeyReusedException;
import app.cascade.push.PushNotFoundException;
import app.cascade.push.PushStateException;
import app.cascade.push.PushValidationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;
import java.util.Optional;

/**
 * RFC 9457 problem details for the push API, in the style of the district exchange API. A bad value always names
 * its field, both in the {@code field} property and at the start of {@code detail}; this holds for the services'
 * validation as well as for JSON, enum and instant values that could not even be read. What every API endpoint shares
 * (403, 413, 500, 503; a saturated node's {@code PushBusyException}) is in {@link ApiProblems}; anything not handled
 * here falls through to the application's catch-all handler.
 */
@RestControllerAdvice(assignableTypes = {PushController.class, PushUndoController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PushProblems {

    static final URI INVALID_REQUEST = URI.create("https://cascade.app/problems/invalid-push-request");
    static final URI NOT_FOUND = URI.create("https://cascade.app/problems/push-request-not-found");
    static final URI WRONG_STATE = URI.create("https://cascade.app/problems/push-request-state");
    static final URI KEY_REUSED = URI.create("https://cascade.app/problems/idempotency-key-reused");

    @ExceptionHandler(PushValidationException.class)
    ResponseEntity<ProblemDetail> invalid(PushValidationException e) {
        return badRequest(e.field(), e.getMessage());
    }

    /**
     * Malformed JSON, an unknown field, an unknown enum constant or a number for one, a fraction for an id, an
     * unreadable instant: still a 400 that names the field. A body past its limit is a 413.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Optional<BodyTooLargeException> tooLarge = BodyTooLargeException.in(e);
        if (tooLarge.isPresent()) {
            return ApiProblems.response(ApiProblems.tooLarge(tooLarge.get()));
        }
        JsonBodyProblem problem = JsonBodyProblem.of(e);
        return badRequest(problem.field(), problem.detail());
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

    /** The Idempotency-Key was used for a different push: 422, as the IETF draft has it, naming the header. */
    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNPROCESSABLE_CONTENT, KEY_REUSED,
                "Idempotency-Key already used", e.getMessage());
        response.getBody().setProperty("field", IdempotencyKey.HEADER);
        return response;
    }

    @ExceptionHandler(PushStateException.class)
    ResponseEntity<ProblemDetail> wrongState(PushStateException e) {
        return problem(HttpStatus.CONFLICT, WRONG_STATE, "Not possible in the request's status", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> badRequest(String field, String message) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST,
                "Invalid push request", message.startsWith(field) ? message : field + ": " + message);
        response.getBody().setProperty("field", field);
        return response;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String detail) {
        return ApiProblems.response(ApiProblems.problem(status, type, title, detail));
    }
}
