package app.cascade.push.api;

import app.cascade.api.BodyLimit;
import app.cascade.api.ProblemResponses;
import app.cascade.push.PushPreview;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushService;
import app.cascade.push.PushReportExporter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Push requests of the authenticated user's district (push-rules §5): submit (Run Now or Submit to Batch), preview,
 * the batch queue list, cancel and restart. The push services decide and authorize; this class only translates HTTP.
 * Errors are RFC 9457 problem details ({@link PushProblems}).
 */
@RestController
@RequestMapping(path = PushController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Push requests", description = "Push course masters to courses and sections, as background jobs")
class PushController {

    static final String BASE = "/api/v1/pushes";
    /** The batch queue list's default window (push-rules §5): the last two weeks, up to a day ahead. */
    static final Duration DEFAULT_LOOKBACK = Duration.ofDays(14);
    static final Duration DEFAULT_LOOKAHEAD = Duration.ofDays(1);
    static final int DEFAULT_LIMIT = 50;
    /** The largest push or preview body. */
    static final String PUSH_BODY_LIMIT = "64KB";

    static final String TEXT_CSV_VALUE = "text/csv";
    static final MediaType TEXT_CSV = MediaType.parseMediaType(TEXT_CSV_VALUE);

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
                    + "job; poll `GET /api/v1/pushes/{id}` (the `Location`) for its status. Requires PUSH_ADMIN.")
    @ApiResponse(responseCode = "202", description = "Accepted: the stored request; `Location` is its URL")
    @ProblemResponses.BadField
    @ProblemResponses.PushAdmin
    @ProblemResponses.TooLarge
    @ProblemResponses.ServerFailure
    @BodyLimit(PUSH_BODY_LIMIT)
    ResponseEntity<PushRequestResource> submit(@RequestBody PushRequestBody body) {
        return accepted(requests.submit(body.toCommand(), body.scheduledAt()));
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
    @Operation(summary = "The batch queue list",
            description = "The district's requests scheduled in [from, to), newest first. Requires VIEWER.")
    @ApiResponse(responseCode = "200", description = "The requests")
    @ApiResponse(responseCode = "400", description = "A bad parameter, named in `field`", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ProblemResponses.Viewer
    @ProblemResponses.ServerFailure
    List<PushRequestResource> list(
            @Parameter(description = "ISO-8601 instant; default 14 days ago") @RequestParam(required = false)
            Instant from,
            @Parameter(description = "ISO-8601 instant, exclusive; default 1 day from now")
            @RequestParam(required = false) Instant to,
            @Parameter(description = "At most this many (1-500); default 50") @RequestParam(required = false)
            Integer limit) {
        Instant now = Instant.now();
        return requests.queue(from == null ? now.minus(DEFAULT_LOOKBACK) : from,
                        to == null ? now.plus(DEFAULT_LOOKAHEAD) : to, limit == null ? DEFAULT_LIMIT : limit)
                .stream().map(PushRequestResource::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One push request", description = "Its status and progress. Requires VIEWER.")
    @ApiResponse(responseCode = "200", description = "The request")
    @ProblemResponses.Viewer
    @ProblemResponses.NotFound
    @ProblemResponses.ServerFailure
    PushRequestResource get(@PathVariable UUID id) {
        return PushRequestResource.of(requests.summary(id));
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
                    + "app asks before a new one. Requires PUSH_ADMIN.")
    @ApiResponse(responseCode = "202", description = "Accepted: the new request; `Location` is its URL")
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

    @GetMapping(path = "/{id}/report", produces = {TEXT_CSV_VALUE, MediaType.APPLICATION_PDF_VALUE})
    @Operation(summary = "Get the report",
            description = "The request's result rows (push-rules §6) as CSV (UTF-8 with a BOM) or PDF, chosen by "
                    + "`Accept`; CSV when both are acceptable. Requires VIEWER.")
    @ApiResponse(responseCode = "200", description = "The report as an attachment", content = {
            @Content(mediaType = TEXT_CSV_VALUE, schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string",
                    format = "binary"))})
    @ProblemResponses.Viewer
    @ProblemResponses.NotFound
    @ApiResponse(responseCode = "406", description = "`Accept` allows neither text/csv nor application/pdf",
            content = @Content)
    @ProblemResponses.ServerFailure
    ResponseEntity<byte[]> report(@PathVariable UUID id, NativeWebRequest request)
            throws HttpMediaTypeNotAcceptableException {
        boolean pdf = prefersPdf(new HeaderContentNegotiationStrategy().resolveMediaTypes(request));
        byte[] body = pdf ? reports.pdf(id) : reports.csv(id);
        String fileName = reports.fileName(id, pdf ? "pdf" : "csv");
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : new MediaType(TEXT_CSV, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(body);
    }

    /**
     * The acceptable types come sorted, highest quality and most specific first; the first that fits decides, and
     * a wildcard means CSV. The mapping's {@code produces} already answered 406 when neither fits.
     */
    private static boolean prefersPdf(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.isCompatibleWith(TEXT_CSV)) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_PDF)) {
                return true;
            }
        }
        return false;
    }

    private ResponseEntity<PushRequestResource> accepted(UUID id) {
        return ResponseEntity.accepted().location(URI.create(BASE + "/" + id))
                .body(PushRequestResource.of(requests.summary(id)));
    }
}
