package app.cascade.reports.api;

import app.cascade.api.Paging;
import app.cascade.api.ProblemResponses;
import app.cascade.api.ReportFormat;
import app.cascade.reports.AwaitingPushService;
import app.cascade.reports.CourseAuditService;
import app.cascade.reports.ReportFilter;
import app.cascade.reports.ResidualReportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The three district reports (push-rules §6) with the screens' filters: JSON rows paged by {@link Paging}, or the
 * whole report as the screens' CSV and PDF downloads, chosen by {@code Accept} ({@link ReportFormat}). The report
 * services read and authorize (VIEWER); this class only translates HTTP.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "The district reports of the Reports screens: Residual Data, Course Master "
        + "Awaiting Push and Course Audit, as JSON rows (paged), CSV or PDF")
class ReportsController {

    private static final String FILTERS = " Filters, as on the report's screen: `schoolYearId` (a school year's id, or "
            + "`all`; default: the current school year, or every year when none is current), `catalogId`, ";
    private static final String FILTERS_END = "`dataType` (may repeat; default: all). A filter value that names "
            + "nothing in the caller's district (an id of another district's or of nothing, an unknown data type) "
            + "is refused with 400 problem JSON whose `field` names the parameter, never 404 (the same rule on the "
            + "three reports).";
    private static final String FORMATS = " Formats by `Accept`: `application/json` answers the rows in the report's "
            + "order, paged: `limit` (1-500, default 50) and `cursor`; while more rows follow, a "
            + "`Link: <…>; rel=\"next\"` header gives the next page's URL (a page without it is the last). `text/csv` "
            + "(UTF-8 with a BOM) and `application/pdf` answer the whole report for the filters as an attachment, the "
            + "same file as the screen's Download CSV and PDF (`limit` and `cursor` do not apply). No `Accept` or a "
            + "wildcard: CSV; none of the three acceptable: 406. Requires VIEWER.";
    private static final String DATA_TYPES = "A data type, as `item_type` names it: TASK, STANDARD, CATEGORY, "
            + "ASSESSMENT, CALC_OPTION, COMPOSITE; repeat it for several (or separate them by commas)";
    private static final String YEAR = "A school year's id, or `all`; default: the current school year";
    private static final String LIMIT = "Rows per JSON page (1-500); default 50";
    private static final String CURSOR = "The next JSON page, from the previous page's `Link` header";
    private static final String NOT_ACCEPTABLE = "`Accept` allows none of application/json, text/csv, application/pdf";

    private final ResidualReportService residual;
    private final AwaitingPushService awaiting;
    private final CourseAuditService audit;
    private final ReportParameters parameters;

    ReportsController(ResidualReportService residual, AwaitingPushService awaiting, CourseAuditService audit,
                      ReportParameters parameters) {
        this.residual = residual;
        this.awaiting = awaiting;
        this.audit = audit;
        this.parameters = parameters;
    }

    @GetMapping(path = "/residual", produces = {MediaType.APPLICATION_JSON_VALUE, ReportFormat.TEXT_CSV_VALUE,
            MediaType.APPLICATION_PDF_VALUE})
    @Operation(summary = "Residual Data Report", description = "Course and section items kept as \"course managed\" "
            + "because of their assignments, scores, posted grades or comments, with those counted, by school, "
            + "course, section, data type and item." + FILTERS + "`schoolId` and " + FILTERS_END + FORMATS)
    @ApiResponse(responseCode = "200", description = "The rows (JSON) or the report (CSV, PDF attachment)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = ResidualResource.class))),
            @Content(mediaType = ReportFormat.TEXT_CSV_VALUE, schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @ProblemResponses.BadField
    @ProblemResponses.Viewer
    @ApiResponse(responseCode = "406", description = NOT_ACCEPTABLE, content = @Content)
    @ProblemResponses.ServerFailure
    ResponseEntity<?> residual(
            @Parameter(description = YEAR, schema = @Schema(type = "string", example = "all"))
            @RequestParam(required = false) String schoolYearId,
            @Parameter(description = "A catalog's id: courses linked to its masters") @RequestParam(required = false)
            Long catalogId,
            @Parameter(description = "A school's id") @RequestParam(required = false) Long schoolId,
            @Parameter(description = DATA_TYPES) @RequestParam(name = "dataType", required = false)
            List<String> dataType,
            @Parameter(description = LIMIT) @RequestParam(required = false) Integer limit,
            @Parameter(description = CURSOR) @RequestParam(required = false) String cursor,
            NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
        Paging page = Paging.of(limit, cursor);
        ReportFilter filter = parameters.filter(schoolYearId, catalogId, schoolId, dataType, false);
        return answer(request, page, filter, new Report<>(residual::page, residual::csv, residual::pdf,
                residual::fileName, ResidualResource::of));
    }

    @GetMapping(path = "/awaiting-push", produces = {MediaType.APPLICATION_JSON_VALUE, ReportFormat.TEXT_CSV_VALUE,
            MediaType.APPLICATION_PDF_VALUE})
    @Operation(summary = "Course Master Awaiting Push", description = "Grading-setup changes (added, modified or "
            + "removed items) made to course masters since they were last pushed, netted per item, by catalog, "
            + "master and time of change; attribute changes are not listed. With a school year, only pushes of that "
            + "year count and the pending courses are that year's. No school filter: the report is about masters."
            + FILTERS + "and " + FILTERS_END + FORMATS)
    @ApiResponse(responseCode = "200", description = "The rows (JSON) or the report (CSV, PDF attachment)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = AwaitingPushResource.class))),
            @Content(mediaType = ReportFormat.TEXT_CSV_VALUE, schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @ProblemResponses.BadField
    @ProblemResponses.Viewer
    @ApiResponse(responseCode = "406", description = NOT_ACCEPTABLE, content = @Content)
    @ProblemResponses.ServerFailure
    ResponseEntity<?> awaitingPush(
            @Parameter(description = YEAR, schema = @Schema(type = "string", example = "all"))
            @RequestParam(required = false) String schoolYearId,
            @Parameter(description = "A catalog's id: its masters") @RequestParam(required = false) Long catalogId,
            @Parameter(description = DATA_TYPES) @RequestParam(name = "dataType", required = false)
            List<String> dataType,
            @Parameter(description = LIMIT) @RequestParam(required = false) Integer limit,
            @Parameter(description = CURSOR) @RequestParam(required = false) String cursor,
            NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
        Paging page = Paging.of(limit, cursor);
        ReportFilter filter = parameters.filter(schoolYearId, catalogId, null, dataType, false);
        return answer(request, page, filter, new Report<>(awaiting::page, awaiting::csv, awaiting::pdf,
                awaiting::fileName, AwaitingPushResource::of));
    }

    @GetMapping(path = "/course-audit", produces = {MediaType.APPLICATION_JSON_VALUE, ReportFormat.TEXT_CSV_VALUE,
            MediaType.APPLICATION_PDF_VALUE})
    @Operation(summary = "Course Audit Report", description = "Linked courses out of sync with their master, one row "
            + "per discrepancy (desyncs, locked fields and items that differ, items missing or removed until the "
            + "next push), by school, course, data type and item; `dataType` also takes COURSE_INFO." + FILTERS
            + "`schoolId` and " + FILTERS_END + FORMATS)
    @ApiResponse(responseCode = "200", description = "The rows (JSON) or the report (CSV, PDF attachment)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = CourseAuditResource.class))),
            @Content(mediaType = ReportFormat.TEXT_CSV_VALUE, schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @ProblemResponses.BadField
    @ProblemResponses.Viewer
    @ApiResponse(responseCode = "406", description = NOT_ACCEPTABLE, content = @Content)
    @ProblemResponses.ServerFailure
    ResponseEntity<?> courseAudit(
            @Parameter(description = YEAR, schema = @Schema(type = "string", example = "all"))
            @RequestParam(required = false) String schoolYearId,
            @Parameter(description = "A catalog's id: courses linked to its masters") @RequestParam(required = false)
            Long catalogId,
            @Parameter(description = "A school's id") @RequestParam(required = false) Long schoolId,
            @Parameter(description = DATA_TYPES + "; COURSE_INFO for the locked Course Info fields")
            @RequestParam(name = "dataType", required = false) List<String> dataType,
            @Parameter(description = LIMIT) @RequestParam(required = false) Integer limit,
            @Parameter(description = CURSOR) @RequestParam(required = false) String cursor,
            NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
        Paging page = Paging.of(limit, cursor);
        ReportFilter filter = parameters.filter(schoolYearId, catalogId, schoolId, dataType, true);
        return answer(request, page, filter, new Report<>(audit::page, audit::csv, audit::pdf, audit::fileName,
                CourseAuditResource::of));
    }

    /** What a report endpoint needs of its service, as functions of the filter, and its JSON row. */
    private record Report<R, J>(Rows<R> page, Function<ReportFilter, byte[]> csv, Function<ReportFilter, byte[]> pdf,
                                BiFunction<ReportFilter, String, String> fileName, Function<R, J> json) {
    }

    @FunctionalInterface
    private interface Rows<R> {
        List<R> page(ReportFilter filter, int offset, int limit);
    }

    private static <R, J> ResponseEntity<?> answer(NativeWebRequest request, Paging page, ReportFilter filter,
                                                   Report<R, J> report) throws HttpMediaTypeNotAcceptableException {
        ReportFormat format = ReportFormat.of(request);
        if (format != ReportFormat.JSON) {
            byte[] file = format == ReportFormat.PDF ? report.pdf().apply(filter) : report.csv().apply(filter);
            return format.attachment(file, report.fileName().apply(filter, format.extension()));
        }
        if (page.offset() > Integer.MAX_VALUE - page.fetchSize()) {
            throw Paging.badCursor();
        }
        ResponseEntity<List<J>> rows = page.respond(report.page().page(filter, (int) page.offset(), page.fetchSize())
                .stream().map(report.json()).toList());
        return ResponseEntity.status(rows.getStatusCode()).headers(rows.getHeaders())
                .contentType(MediaType.APPLICATION_JSON).body(rows.getBody());
    }
}
