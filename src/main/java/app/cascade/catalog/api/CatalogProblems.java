package app.cascade.catalog.api;

import app.cascade.api.ApiProblems;
import app.cascade.catalog.NotInDistrictException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * The problem the catalog family's read endpoints add to those every endpoint shares ({@link ApiProblems}, a bad
 * parameter, 403): an id the caller's district does not have is 404, whether it does not exist or belongs to another
 * district.
 */
@RestControllerAdvice(assignableTypes = {CatalogController.class, MasterController.class, CourseController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogProblems {

    static final URI NOT_FOUND = URI.create("https://cascade.app/problems/not-found");

    @ExceptionHandler(NotInDistrictException.class)
    ResponseEntity<ProblemDetail> notFound(NotInDistrictException e) {
        return ApiProblems.response(ApiProblems.problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found",
                e.getMessage()));
    }
}
