package app.cascade.api.internal;

import app.cascade.api.ApiProblems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Problem JSON for {@code /api/**} where no controller advice can help, in front of Spring Security:
 * <ul>
 *   <li>an exception that escapes the filters or the servlet (a filter's own failure, or one Spring MVC did not
 *   resolve) is answered here as {@link ServerErrors} says (500, or 503), instead of reaching the container;</li>
 *   <li>the container's error dispatch of an API request (after a {@code sendError}) is answered here with a problem
 *   of its status, instead of going to {@code /error}, which the UI's security chain guards and answered with an
 *   empty 403.</li>
 * </ul>
 */
class ApiErrorFilter extends HttpFilter {

    private final ServerErrors errors;
    private final JsonMapper json;

    ApiErrorFilter(ServerErrors errors, JsonMapper json) {
        this.errors = errors;
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            if (isApi(request, ServerErrors.path(request))) {
                write(errorDispatch(request), response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (!isApi(request, request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(e)) {
                throw e; // too late for another answer, or nobody to answer
            }
            response.reset();
            write(e instanceof RequestRejectedException rejected ? rejected(rejected) : errors.answer(e, request),
                    response);
        }
    }

    /** The status a {@code sendError} chose, as a problem; a 5xx also gets a correlation id and a log line. */
    private ResponseEntity<ProblemDetail> errorDispatch(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable e) {
            return errors.answer(e, request);
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code
                : HttpStatus.INTERNAL_SERVER_ERROR.value();
        if (status >= 500) {
            return ApiProblems.response(errors.status(status, request));
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        HttpStatus known = HttpStatus.resolve(status);
        problem.setTitle(known == null ? "Error " + status : known.getReasonPhrase());
        return ApiProblems.response(problem);
    }

    /** Spring Security's firewall refused the request line (e.g. an encoded slash): the client's mistake. */
    private static ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return ApiProblems.response(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
    }

    private void write(ResponseEntity<ProblemDetail> answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), answer.getBody());
    }

    private static boolean isApi(HttpServletRequest request, String uri) {
        return uri != null && uri.startsWith(request.getContextPath() + "/api/");
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Just in front of Spring Security's filter chain (-100), for requests and error dispatches. */
        static final int ORDER = -101;

        @Bean
        FilterRegistrationBean<ApiErrorFilter> apiErrorFilter(ServerErrors errors, JsonMapper json) {
            FilterRegistrationBean<ApiErrorFilter> registration =
                    new FilterRegistrationBean<>(new ApiErrorFilter(errors, json));
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
            registration.setOrder(ORDER);
            return registration;
        }
    }
}
