package app.cascade.exchange;

import app.cascade.exchange.internal.DistrictExporter;
import app.cascade.exchange.internal.DistrictImporter;
import app.cascade.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Import and export of a whole district in the exchange format ({@code docs/exchange-format.md}), always for the
 * current tenant: the signed-in user's district (or an explicit {@code TenantContext} binding).
 *
 * <p>Import upserts everything the document holds in one transaction and never deletes a row the document does not
 * mention; any bad value or reference rejects the whole document with an {@link ExchangeValidationException} naming
 * its JSON path, and leaves the district unchanged. Export is deterministic: {@code import(export())} changes nothing.
 */
@Service
public class DistrictExchangeService {

    private final DistrictImporter importer;
    private final DistrictExporter exporter;

    public DistrictExchangeService(DistrictImporter importer, DistrictExporter exporter) {
        this.importer = importer;
        this.exporter = exporter;
    }

    @PreAuthorize("hasRole('" + Roles.DISTRICT_ADMIN + "')")
    public ImportSummary importDistrict(byte[] json) {
        return importer.importDistrict(json);
    }

    @PreAuthorize("hasRole('" + Roles.DISTRICT_ADMIN + "')")
    public ImportSummary importDistrict(InputStream json) {
        try {
            return importer.importDistrict(json.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The current district as a document. Viewers and admins; never {@code SUPPORT} (no grading data). */
    @PreAuthorize("hasRole('" + Roles.VIEWER + "')")
    public DistrictDocument exportDistrict() {
        return exporter.exportDistrict();
    }

    /** {@link #exportDistrict()} as pretty-printed UTF-8 JSON. */
    @PreAuthorize("hasRole('" + Roles.VIEWER + "')")
    public byte[] exportDistrictJson() {
        return exporter.toJson(exporter.exportDistrict());
    }
}
