package app.cascade.catalog.api;

import app.cascade.api.BadParameterException;
import app.cascade.api.Paging;
import app.cascade.api.ProblemResponses;
import app.cascade.catalog.CourseMasterService;
import app.cascade.catalog.NotInDistrictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The course masters of the caller's district, read only: a catalog's list (to discover the {@code masterId} of Push
 * to Courses) and one master's grading setup. The service authorizes (VIEWER) and answers only the district's own.
 */
@RestController
@RequestMapping(path = "/api/v1/masters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Course masters", description = "The course masters of a catalog and their grading setup (read only)")
class MasterController {

    private final CourseMasterService masters;

    MasterController(CourseMasterService masters) {
        this.masters = masters;
    }

    @GetMapping
    @Operation(summary = "A catalog's course masters",
            description = "The masters of the catalog in the Course Masters tool's order (by number), each with its "
                    + "items counted by data type and its last recorded grading change. Paged: while more follow, "
                    + "the `Link` header's `rel=\"next\"` URL gives the next page. Requires VIEWER.")
    @ApiResponse(responseCode = "200", description = "A page of masters")
    @ProblemResponses.BadField
    @ProblemResponses.Viewer
    @ProblemResponses.NotFound
    @ProblemResponses.ServerFailure
    ResponseEntity<List<MasterResource>> list(
            @Parameter(description = "The catalog (`GET /api/v1/catalogs`); required", required = true)
            @RequestParam(required = false) Long catalogId,
            @Parameter(description = "At most this many masters (1-500); default 50")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "The position after the previous page, from its `Link` header; omit for the "
                    + "first page") @RequestParam(required = false) String cursor) {
        if (catalogId == null) {
            throw new BadParameterException("catalogId", "is required: the catalog whose masters to list");
        }
        Paging page = Paging.of(limit, cursor);
        return page.respond(masters.summaries(catalogId, page.offset(), page.fetchSize()).stream()
                .map(MasterResource::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One course master with its grading setup",
            description = "Its Course Info, its catalog's locks and its items of all six data types, as the Course "
                    + "Masters tool shows them. Requires VIEWER.")
    @ApiResponse(responseCode = "200", description = "The master")
    @ProblemResponses.BadField
    @ProblemResponses.Viewer
    @ProblemResponses.NotFound
    @ProblemResponses.ServerFailure
    MasterSetupResource get(@PathVariable long id) {
        return masters.master(id).map(MasterSetupResource::of).orElseThrow(() -> NotInDistrictException.master(id));
    }
}
