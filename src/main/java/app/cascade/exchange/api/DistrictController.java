package app.cascade.exchange.api;

import app.cascade.api.BodyLimit;
import app.cascade.exchange.DistrictExchangeService;
import app.cascade.exchange.ExchangeValidationException;
import app.cascade.exchange.ImportSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The district exchange document of the authenticated user's district ({@code docs/exchange-format.md}). */
@RestController
@RequestMapping("/api/v1/district")
@Tag(name = "District exchange", description = "Import and export a whole district in the cascade.district/v1 format")
class DistrictController {

    static final URI INVALID_DOCUMENT = URI.create("https://cascade.app/problems/invalid-district-document");

    private final DistrictExchangeService exchange;

    DistrictController(DistrictExchangeService exchange) {
        this.exchange = exchange;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Export the district",
            description = "The whole district as one cascade.district/v1 document, deterministically ordered. "
                    + "Requires VIEWER (district admins and push admins have it).")
    @ApiResponse(responseCode = "200", description = "The document",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = app.cascade.exchange.DistrictDocument.class)))
    @ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content)
    @ApiResponse(responseCode = "403", description = "Not a viewer of a district", content = @Content)
    ResponseEntity<byte[]> export() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(exchange.exportDistrictJson());
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import (upsert) a district document",
            description = "Inserts or updates every row the document holds, in one transaction; never deletes. "
                    + "Any bad value or reference rejects the whole document (400, nothing written). "
                    + "Requires DISTRICT_ADMIN.")
    @RequestBody(description = "A cascade.district/v1 document (schema: classpath exchange/district.schema.json)",
            required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = app.cascade.exchange.DistrictDocument.class)))
    @ApiResponse(responseCode = "200", description = "Imported; the counts of what the document held")
    @ApiResponse(responseCode = "400", description = "Invalid document: RFC 9457 problem details; `detail` and "
            + "`path` name the JSON path, `errors` lists every problem found",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content)
    @ApiResponse(responseCode = "403", description = "Not a district admin", content = @Content)
    @ApiResponse(responseCode = "413", description = "The document is larger than cascade.exchange.max-import-size "
            + "(CASCADE_MAX_IMPORT_SIZE, default 100MB); nothing written. The problem's `limit` is the limit in bytes",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @BodyLimit("${cascade.exchange.max-import-size}")
    ImportSummary importDistrict(@org.springframework.web.bind.annotation.RequestBody byte[] document) {
        return exchange.importDistrict(document);
    }

    @ExceptionHandler(ExchangeValidationException.class)
    ResponseEntity<ProblemDetail> invalid(ExchangeValidationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(INVALID_DOCUMENT);
        problem.setTitle("Invalid district document");
        problem.setProperty("path", e.path());
        List<Map<String, String>> errors = e.errors().stream()
                .map(p -> Map.of("path", p.path(), "message", p.message())).toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
