package app.cascade.api;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The formats of every report endpoint, chosen by {@code Accept} (content negotiation): JSON (the rows, paged by
 * {@link Paging}), CSV (UTF-8 with a BOM, the whole report) or PDF (the whole report). The mapping declares
 * {@code produces = {TEXT_CSV_VALUE, APPLICATION_PDF_VALUE, APPLICATION_JSON_VALUE}} (an annotation takes no array
 * constant), so Spring answers 406 when none fits; the first acceptable type in the client's order decides,
 * and a wildcard (or no {@code Accept}) means CSV, as the push report has always answered.
 */
public enum ReportFormat {
    JSON, CSV, PDF;

    public static final String TEXT_CSV_VALUE = "text/csv";
    public static final MediaType TEXT_CSV = MediaType.parseMediaType(TEXT_CSV_VALUE);

    public static ReportFormat of(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
        return of(new HeaderContentNegotiationStrategy().resolveMediaTypes(request));
    }

    /** The acceptable types come sorted, highest quality and most specific first. */
    static ReportFormat of(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.getQualityValue() == 0 || type.isWildcardType()) {
                continue;
            }
            if (type.isCompatibleWith(TEXT_CSV)) {
                return CSV;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_PDF)) {
                return PDF;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return JSON;
            }
        }
        return CSV;
    }

    /** The file extension of a download in this format. */
    public String extension() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A CSV or PDF report as an attachment named {@code fileName}. */
    public ResponseEntity<byte[]> attachment(byte[] body, String fileName) {
        if (this == JSON) {
            throw new IllegalStateException("JSON is answered as rows, not as a file");
        }
        return ResponseEntity.ok()
                .contentType(this == PDF ? MediaType.APPLICATION_PDF : new MediaType(TEXT_CSV, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(body);
    }
}
