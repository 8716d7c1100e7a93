package app.cascade.api.internal;

import app.cascade.api.ApiProblems;
import app.cascade.api.BadParameterException;
import app.cascade.api.BodyTooLargeException;
import app.cascade.api.JsonBodyProblem;
import app.cascade.tenancy.UnknownTenantException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

import java.net.URI;

/**
 * The catch-all of every controller, at the lowest precedence: a feature's own advice (e.g. the push API's) answers
 * first, then Spring MVC's standard exceptions get their usual problem details (this replaces Spring Boot's
 * {@code ProblemDetailsExceptionHandler}), and whatever is left is a server error ({@link ServerErrors}): 500, or 503
 * when the database cannot be reached, never a 403 and never an empty body.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    static final URI INVALID_REQUEST = URI.create("https://cascade.app/problems/invalid-request");

    private final ServerErrors errors;

    ApiExceptionHandler(ServerErrors errors) {
        this.errors = errors;
    }

    /** The services' {@code @PreAuthorize}: the user's role does not allow this. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return ApiProblems.response(ApiProblems.forbidden("Your role in this district does not allow this action"));
    }

    /** No district is bound to the call: the caller is no member of one (a multi-district caller is told earlier). */
    @ExceptionHandler(UnknownTenantException.class)
    ResponseEntity<ProblemDetail> noDistrict(UnknownTenantException e) {
        return ApiProblems.response(ApiProblems.noDistrict());
    }

    /** A parameter or header the endpoint cannot use: 400 naming it. */
    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameterException e) {
        return ApiProblems.response(invalid(e.field(), e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AuthenticationException || DisconnectedClientHelper.isClientDisconnectedException(e)) {
            throw e; // the security chain answers 401; a client that is gone needs no answer
        }
        return errors.answer(e, request);
    }

    /** A body past its limit is a 413; else a 400 naming the field that could not be read. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = BodyTooLargeException.in(ex).map(ApiProblems::tooLarge).orElseGet(() -> {
            JsonBodyProblem json = JsonBodyProblem.of(ex);
            return invalid(json.field(), json.detail());
        });
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    /** A path or query parameter of the wrong type: 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        return handleExceptionInternal(ex, invalid(name, name + ": '" + ex.getValue() + "' is not a valid "
                + expected), headers, status, request);
    }

    /**
     * A path no controller maps: under {@code /api/} (Vaadin is kept out of it, {@code vaadin.exclude-urls}) Spring
     * MVC's resource handler finds nothing either. A trailing slash makes a known path unknown, and the detail says so.
     */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, noEndpoint(request), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
                                                                   HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, noEndpoint(request), headers, status, request);
    }

    /** Spring MVC's own 5xx answers (a response that cannot be written, a missing path variable) are logged too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getStatusCode().is5xxServerError()
                && response.getBody() instanceof ProblemDetail problem && request instanceof ServletWebRequest servlet) {
            errors.report(problem, ex, servlet.getRequest());
        }
        return response;
    }

    private static ProblemDetail noEndpoint(WebRequest request) {
        if (!(request instanceof ServletWebRequest servlet)) {
            return ApiProblems.notFound("No endpoint has this path");
        }
        String path = servlet.getRequest().getRequestURI();
        return ApiProblems.notFound("No endpoint answers " + servlet.getRequest().getMethod() + " " + path
                + (path.length() > 1 && path.endsWith("/") ? " (paths of the API never end with a slash)" : ""));
    }

    private static ProblemDetail invalid(String field, String detail) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request",
                detail);
        problem.setProperty("field", field);
        return problem;
    }
}
