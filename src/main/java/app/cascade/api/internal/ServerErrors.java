package app.cascade.api.internal;

import app.cascade.api.ApiProblems;
import app.cascade.api.BusyException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.hibernate.exception.JDBCConnectionException;
import app.cascade.tenancy.DistrictUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.UUID;

/**
 * The answer to a failure of the server under {@code /api/**}, wherever it surfaced (a controller, a filter, the
 * container's error dispatch): 503 with {@code Retry-After} when the node is busy ({@link BusyException}) or the
 * database cannot be reached or the connection pool is exhausted, else 500. Both carry a correlation id that is also in the log line (its text, and the request id of
 * the line's {@code [district|request]} prefix), which holds the stack trace; the client never sees the exception's
 * own text (it may be PostgreSQL's).
 */
@Component
class ServerErrors {

    private static final Logger log = LoggerFactory.getLogger(ServerErrors.class);

    /** The MDC key of the HTTP request id that every log line of a request carries (tenancy's DistrictMdcFilter). */
    static final String REQUEST_ID = "request";
    /** PostgreSQL: too_many_connections, admin_shutdown, crash_shutdown, cannot_connect_now; class 08 is checked too. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("53300", "57P01", "57P02", "57P03");

    private final ApiProperties properties;

    ServerErrors(ApiProperties properties) {
        this.properties = properties;
    }

    /** An exception that no handler expected (or a {@link BusyException}, which needs no log line). */
    ResponseEntity<ProblemDetail> answer(Throwable e, HttpServletRequest request) {
        BusyException busy = busy(e);
        if (busy != null) {
            return ApiProblems.unavailable(busy.getMessage(), busy.retryAfter());
        }
        DistrictUnavailableException district = cause(e, DistrictUnavailableException.class);
        if (district != null) {
            log.warn("District {} unavailable on {} {}: {}", district.tenantId(), request.getMethod(), path(request),
                    district.getMessage());
            return ApiProblems.unavailable(district.getMessage(), properties.unavailableRetryAfter());
        }
        String id = correlationId();
        if (databaseUnavailable(e)) {
            logged(id, () -> log.warn("Database unavailable on {} {} (correlation id {})", request.getMethod(),
                    path(request), id, e));
            ResponseEntity<ProblemDetail> response = ApiProblems.unavailable(
                    "The database cannot be reached right now; try again later",
                    properties.unavailableRetryAfter());
            response.getBody().setProperty(ApiProblems.CORRELATION_ID, id);
            return response;
        }
        logged(id, () -> log.error("Unexpected error on {} {} (correlation id {})", request.getMethod(),
                path(request), id, e));
        return ApiProblems.response(serverError(HttpStatus.INTERNAL_SERVER_ERROR.value(), id));
    }

    /** {@code e} or its first cause of {@code type} (Spring wraps what a transaction's connection could not open). */
    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * A server error status that was decided without an unexpected exception (Spring MVC's own 5xx answers): its
     * problem gains a correlation id, and the log a line with the cause.
     */
    ProblemDetail report(ProblemDetail problem, Throwable cause, HttpServletRequest request) {
        problem.setProperty(ApiProblems.CORRELATION_ID, logged(problem.getStatus(), cause, request));
        return problem;
    }

    /** A {@code sendError(5xx)} with no exception: a problem of that status with a correlation id. */
    ProblemDetail status(int status, HttpServletRequest request) {
        return serverError(status, logged(status, null, request));
    }

    private static String logged(int status, Throwable cause, HttpServletRequest request) {
        String id = correlationId();
        logged(id, () -> log.error("{} {} answered {} (correlation id {})", request.getMethod(), path(request),
                status, id, cause));
        return id;
    }

    /** A 5xx problem that says nothing but how to find the log line. */
    private static ProblemDetail serverError(int status, String correlationId) {
        HttpStatus resolved = HttpStatus.resolve(status);
        ProblemDetail problem = ApiProblems.problem(resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved,
                ApiProblems.SERVER_ERROR, "Server error", "The server failed to handle this request. Quote "
                        + "correlation id " + correlationId + " when you report it");
        problem.setStatus(status);
        problem.setProperty(ApiProblems.CORRELATION_ID, correlationId);
        return problem;
    }

    private static BusyException busy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BusyException busy) {
                return busy;
            }
        }
        return null;
    }

    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The path the client called, also on the container's error dispatch (whose own path is {@code /error}). */
    static String path(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return original instanceof String uri ? uri : request.getRequestURI();
    }

    /** The request's id when the request is still being logged under one, else a new one of the same kind. */
    private static String correlationId() {
        String current = MDC.get(REQUEST_ID);
        return current != null ? current : UUID.randomUUID().toString().substring(0, 8);
    }

    /** Logs with the correlation id as the line's request id. */
    private static void logged(String id, Runnable logging) {
        String before = MDC.get(REQUEST_ID);
        MDC.put(REQUEST_ID, id);
        try {
            logging.run();
        } finally {
            if (before == null) {
                MDC.remove(REQUEST_ID);
            } else {
                MDC.put(REQUEST_ID, before);
            }
        }
    }
}
