package app.cascade.catalog.api;

import org.springframework.http.ResponseEntity;
import io.swagger.v3.oas.annotations.Parameter;
import app.cascade.api.Paging;
import app.cascade.api.ProblemResponses;
import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.CatalogService;
import app.cascade.catalog.CourseService;
import app.cascade.catalog.SchoolYearRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * What an automation client needs to submit pushes: the district's school years and catalogs with their ids. Read
 * access (VIEWER, which both admin roles include) is enforced in the services.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalogs", description = "School years and course catalogs of the caller's district")
public class CatalogController {

    /** A catalog as the API shows it. */
    public record CatalogResource(long id, String name, List<String> locks, long masters) {
    }

    private final CatalogService catalogs;
    private final CourseService courses;

    public CatalogController(CatalogService catalogs, CourseService courses) {
        this.catalogs = catalogs;
        this.courses = courses;
    }

    @GetMapping("/school-years")
    @Operation(summary = "The district's school years (the current one is flagged)",
            description = "Newest first; `current` is the year whose dates contain today in the district's time "
                    + "zone. Its id is the `schoolYearId` of calendars, catalogs and pushes. Paged (`limit`, `cursor`, "
                    + "`Link: rel=\"next\"`). Requires VIEWER.")
    @ApiResponse(responseCode = "200", description = "The school years")
    @ProblemResponses.Viewer
    @ProblemResponses.ServerFailure
    public ResponseEntity<List<SchoolYearRef>> schoolYears(
            @Parameter(description = Paging.LIMIT_DOC) @RequestParam(name = Paging.LIMIT, required = false)
            Integer limit,
            @Parameter(description = Paging.CURSOR_DOC) @RequestParam(name = Paging.CURSOR, required = false)
            String cursor) {
        return Paging.of(limit, cursor).respondFrom(courses.schoolYears());
    }

    @GetMapping("/catalogs")
    @Operation(summary = "The district's course catalogs; with schoolYearId, only those a push of that year touches",
            description = "By name, each with its locks (Course Info fields and grading types) and how many masters "
                    + "it holds. Paged (`limit`, `cursor`, `Link: rel=\"next\"`). Requires VIEWER.")
    @ApiResponse(responseCode = "200", description = "The catalogs")
    @ProblemResponses.BadField
    @ProblemResponses.Viewer
    @ProblemResponses.ServerFailure
    public ResponseEntity<List<CatalogResource>> catalogs(@RequestParam(required = false) Long schoolYearId,
            @Parameter(description = Paging.LIMIT_DOC) @RequestParam(name = Paging.LIMIT, required = false)
            Integer limit,
            @Parameter(description = Paging.CURSOR_DOC) @RequestParam(name = Paging.CURSOR, required = false)
            String cursor) {
        Paging page = Paging.of(limit, cursor);
        var list = schoolYearId == null ? catalogs.catalogs() : catalogs.catalogsForYear(schoolYearId);
        return page.respondFrom(list.stream().map(c -> new CatalogResource(c.id(), c.name(),
                c.locks().stream().map(CatalogLock::dbName).sorted().toList(), c.masterCount())).toList());
    }
}
