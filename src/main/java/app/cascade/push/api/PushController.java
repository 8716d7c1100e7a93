package app.cascade.push.api;

import app.cascade.api.BadParameterException;
import app.cascade.api.BodyLimit;
import app.cascade.api.Paging;
import app.cascade.api.ProblemResponses;
import app.cascade.api.ReportFormat;
import app.cascade.push.PushKind;
import app.cascade.push.PushListQuery;
import app.cascade.push.PushPreview;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushService;
import app.cascade.push.PushReportExporter;
import app.cascade.push.PushStatus;
import app.cascade.push.PushSubmission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.context.request.NativeWebRequest;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Push requests of the authenticated user's district (push-rules §5): submit (Run Now or Submit to Batch, safe to
 * retry with an Idempotency-Key), preview, the list of requests, cancel, restart and the report. The push services
 * decide and authorize; this class only translates HTTP. Errors are RFC 9457 problem details ({@link PushProblems}).
 */
@RestController
@RequestMapping(path = PushController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Push requests", description = "Push course masters to courses and sections, as background jobs")
class PushController {

    static final String BASE = "/api/v1/pushes";
    /** The largest push or preview body. */
    static final String PUSH_BODY_LIMIT = "64KB";

    private final PushRequestService requests;
    private final PushService pushes;
    private final PushReportExporter reports;

    PushController(PushRequestService requests, PushService pushes, PushReportExporter reports) {
        this.requests = requests;
        this.pushes = pushes;
        this.reports = reports;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a push request",
            description = "Run Now without `scheduledAt`, Submit to Batch with it. The request runs as a background "
                    + "job; poll `GET /api/v1/pushes/{id}` (the `Location`) for its status, or watch "
                    + "`GET /api/v1/events`. Requires PUSH_ADMIN.\n\n"
                    + "**Safe retries:** send an `Idempotency-Key` (IETF draft-ietf-httpapi-idempotency-key-header), "
                    + "e.g. a UUID per push. Retrying with the same key and the same push (the same parsed body: "
                    + "spaces, member order and spelled-out defaults do not matter) stores nothing and answers 200 "
                    + "with the first request and its `Location`, also while the first is still being stored. The "
                    + "same key with a different push is a 422. Keys belong to the district and are kept 24 hours.")
    @ApiResponse(responseCode = "202", description = "Accepted: the stored request; `Location` is its URL",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The request's URL"))
    @ApiResponse(responseCode = "200", description = "A retry: the `Idempotency-Key` was used for this same push "
            + "within 24 hours. Nothing new is stored; this is the first request, and `Location` its URL",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The first request's URL"))
    @ApiResponse(responseCode = "422", description = "The `Idempotency-Key` was used for a different push within 24 "
            + "hours; nothing is stored. The problem's `field` is `Idempotency-Key`", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ProblemResponses.BadField
    @ProblemResponses.PushAdmin
    @ProblemResponses.TooLarge
    @ProblemResponses.ServerFailure
    @BodyLimit(PUSH_BODY_LIMIT)
    ResponseEntity<PushRequestResource> submit(@RequestBody PushRequestBody body,
            @Parameter(in = ParameterIn.HEADER, description = "Makes the POST safe to retry: 1 to 255 printable "
                    + "ASCII characters, as a structured-field string (`\"4c1e-9d0e\"`) or bare (`4c1e-9d0e`); "
                    + "anything else is a 400 naming `Idempotency-Key`", example = "\"8e0f6c2a-1d4b-4e5f-a6b7\"")
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        String key = IdempotencyKey.parse(idempotencyKey);
        PushSubmission submission = requests.submit(body.toCommand(), body.scheduledAt(), key);
        if (submission.replayed()) {
            return ResponseEntity.ok().location(location(submission.id()))
                    .body(PushRequestResource.of(requests.details(submission.id())));
        }
        return accepted(submission.id());
    }

    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Preview a push (dry run)",
            description = "What the push would do to each course, the report rows it would write, and totals. "
                    + "Nothing is stored; `scheduledAt` is ignored. Requires PUSH_ADMIN.")
    @ApiResponse(responseCode = "200", description = "The preview")
    @ProblemResponses.BadField
    @ProblemResponses.PushAdmin
    @ProblemResponses.TooLarge
    @ProblemResponses.ServerFailure
    @BodyLimit(PUSH_BODY_LIMIT)
    PushPreview preview(@RequestBody PushRequestBody body) {
        return pushes.preview(body.toCommand());
    }

    @GetMapping
    @Operation(summary = "List push requests",
            description = "The district's push requests, newest `scheduledAt` first (then by id), filtered by "
                    + "status, tool, catalog and a window of `scheduledAt`; without `from` and `to`, all of them. "
                    + "Paged: at most `limit` per page; while more follow, the `Link` header's `rel=\"next\"` URL "
                    + "(with its `cursor`) is the next page. Pages are cut at a request (keyset), so a request "
                    + "submitted while a client pages never shifts the pages it has not read. Requires VIEWER.")
    @ApiResponse(responseCode = "200", description = "A page of requests",
            headers = @Header(name = HttpHeaders.LINK, description = "`<…&cursor=…>; rel=\"next\"` while more "
                    + "requests follow; absent on the last page"))
    @ApiResponse(responseCode = "400", description = "A bad parameter, named in `field`", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ProblemResponses.Viewer
    @ProblemResponses.ServerFailure
    ResponseEntity<List<PushRequestResource>> list(
            @Parameter(description = "Only requests in these statuses; repeat it for several "
                    + "(`status=FAILED&status=COMPLETED_WITH_WARNINGS`)", array = @ArraySchema(schema =
                    @Schema(implementation = PushStatus.class)))
            @RequestParam(required = false) List<String> status,
            @Parameter(description = "Only requests of these tools; repeat it for several", array = @ArraySchema(
                    schema = @Schema(implementation = PushKind.class)))
            @RequestParam(required = false) List<String> kind,
            @Parameter(description = "Only requests of this catalog (a Push to Courses counts for its master's "
                    + "catalog)") @RequestParam(required = false) Long catalogId,
            @Parameter(description = "Only requests scheduled at or after this ISO-8601 instant (2000 to 2100)")
            @RequestParam(required = false) Instant from,
            @Parameter(description = "Only requests scheduled before this ISO-8601 instant (2000 to 2100); after "
                    + "`from`") @RequestParam(required = false) Instant to,
            @Parameter(description = "At most this many per page (1-500); default 50")
            @RequestParam(name = Paging.LIMIT, required = false) Integer limit,
            @Parameter(description = "Where the page starts: take it from the previous page's `Link` header; "
                    + "leave it out for the first page") @RequestParam(name = Paging.CURSOR, required = false)
            String cursor) {
        Paging page = Paging.of(limit, cursor);
        PushListQuery query = new PushListQuery(values("status", status, PushStatus.class),
                values("kind", kind, PushKind.class), catalogId, from, to, PushListCursor.read(page.position()),
                page.fetchSize());
        return page.respond(requests.list(query).stream().map(PushRequestResource::of).toList(),
                PushListCursor::after);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One push request", description = "Its status, progress, times, results and links. "
            + "Requires VIEWER.")
    @ApiResponse(responseCode = "200", description = "The request")
    @ProblemResponses.Viewer
    @ProblemResponses.NotFound
    @ProblemResponses.ServerFailure
    PushRequestResource get(@PathVariable UUID id) {
        return PushRequestResource.of(requests.details(id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel a scheduled or queued request", description = "Requires PUSH_ADMIN.")
    @ApiResponse(responseCode = "204", description = "Cancelled")
    @ProblemResponses.PushAdmin
    @ProblemResponses.NotFound
    @ApiResponse(responseCode = "409", description = "Already running or finished", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ProblemResponses.ServerFailure
    ResponseEntity<Void> cancel(@PathVariable UUID id) {
        requests.cancel(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/restart")
    @Operation(summary = "Restart a cancelled or failed request",
            description = "Runs again as a new request with the same settings and the same schedule: at its "
                    + "`scheduledAt` while that is still ahead, else now. Restarting an Overwrite of a school year "
                    + "that has started needs `confirmOverwrite=true` (else 400, field `confirmOverwrite`), as the "
                    + "app asks before a new one. An undo (kind `UNDO`) runs again as itself, now, resuming with the "
                    + "courses it had not restored (a push is undone once). Requires PUSH_ADMIN.")
    @ApiResponse(responseCode = "202", description = "Accepted: the new request (an undo: the same request);"
            + " `Location` is its URL")
    @ProblemResponses.BadField
    @ProblemResponses.PushAdmin
    @ProblemResponses.NotFound
    @ApiResponse(responseCode = "409", description = "Neither cancelled nor failed", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ProblemResponses.ServerFailure
    ResponseEntity<PushRequestResource> restart(@PathVariable UUID id,
            @Parameter(description = "Confirms restarting an Overwrite of a school year that has started")
            @RequestParam(defaultValue = "false") boolean confirmOverwrite) {
        return accepted(requests.restart(id, confirmOverwrite));
    }

    @GetMapping(path = "/{id}/report", produces = {ReportFormat.TEXT_CSV_VALUE, MediaType.APPLICATION_PDF_VALUE,
            MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Get the report",
            description = "The request's report rows (push-rules §6), chosen by `Accept`: CSV (UTF-8 with a BOM, the "
                    + "whole report as an attachment), PDF (the same), or JSON (the rows with the CSV's columns, in "
                    + "its order, paged: at most `limit` per page, and while more follow the `Link` header's "
                    + "`rel=\"next\"` URL is the next page). The first acceptable type in the client's order "
                    + "decides; `*/*` or no `Accept` means CSV. Requires VIEWER.")
    @ApiResponse(responseCode = "200", description = "The report: an attachment, or a page of JSON rows",
            headers = @Header(name = HttpHeaders.LINK, description = "JSON only: `<…&cursor=…>; rel=\"next\"` "
                    + "while more rows follow"),
            content = {
                    @Content(mediaType = ReportFormat.TEXT_CSV_VALUE, schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string",
                            format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(
                            implementation = PushReportRowResource.class)))})
    @ProblemResponses.BadField
    @ProblemResponses.Viewer
    @ProblemResponses.NotFound
    @ApiResponse(responseCode = "406", description = "`Accept` allows none of text/csv, application/pdf and "
            + "application/json", content = @Content)
    @ProblemResponses.ServerFailure
    ResponseEntity<?> report(@PathVariable UUID id,
            @Parameter(description = "JSON only: at most this many rows per page (1-500); default 50")
            @RequestParam(name = Paging.LIMIT, required = false) Integer limit,
            @Parameter(description = "JSON only: where the page starts, from the previous page's `Link` header")
            @RequestParam(name = Paging.CURSOR, required = false) String cursor,
            NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
        ReportFormat format = ReportFormat.of(request);
        if (format == ReportFormat.JSON) {
            Paging page = Paging.of(limit, cursor);
            return page.respond(reports.rows(id, page.offset(), page.fetchSize()).stream()
                    .map(PushReportRowResource::of).toList());
        }
        byte[] body = format == ReportFormat.PDF ? reports.pdf(id) : reports.csv(id);
        return format.attachment(body, reports.fileName(id, format.extension()));
    }

    /** Each value of a repeatable parameter, as a constant of {@code type}; an unknown one is a 400 naming it. */
    private static <E extends Enum<E>> Set<E> values(String parameter, List<String> values, Class<E> type) {
        Set<E> constants = EnumSet.noneOf(type);
        if (values == null) {
            return constants;
        }
        for (String value : values) {
            try {
                constants.add(Enum.valueOf(type, value.strip()));
            } catch (IllegalArgumentException e) {
                throw new BadParameterException(parameter, "unknown value '" + value + "'; expected one of "
                        + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            }
        }
        return constants;
    }

    private ResponseEntity<PushRequestResource> accepted(UUID id) {
        return ResponseEntity.accepted().location(location(id))
                .body(PushRequestResource.of(requests.details(id)));
    }

    private static URI location(UUID id) {
        return URI.create(BASE + "/" + id);
    }
}
