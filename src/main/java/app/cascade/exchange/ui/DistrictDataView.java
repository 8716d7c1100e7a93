package app.cascade.exchange.ui;

import app.cascade.exchange.DistrictExchangeService;
import app.cascade.exchange.ExchangeValidationException;
import app.cascade.exchange.ImportSummary;
import app.cascade.security.Roles;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;

/**
 * District admins download the whole district as a {@code cascade.district/v1} document and upload one to import it.
 * The view only calls {@link DistrictExchangeService}; an invalid document is reported with its JSON path.
 */
@Route("district-data")
@PageTitle("District data")
@Menu(title = "District data", order = 90, icon = "DATABASE")
@RolesAllowed(Roles.DISTRICT_ADMIN)
class DistrictDataView extends VerticalLayout {

    static final int MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

    private final transient DistrictExchangeService exchange;
    private final Div result = new Div();

    DistrictDataView(DistrictExchangeService exchange) {
        this.exchange = exchange;
        setId("district-data");
        add(new H2("District data"));
        add(new Paragraph("Export the whole district as one JSON document (cascade.district/v1), or import one. "
                + "An import inserts or updates everything the document holds and never deletes anything; "
                + "a document with any error is rejected as a whole."));

        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] json = exchange.exportDistrictJson();
            return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(json),
                    "district.json", "application/json", json.length);
        }), "");
        download.setId("district-export");
        download.getElement().setAttribute("download", true);
        download.add(VaadinIcon.DOWNLOAD.create(), new Span(" Download district document"));

        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String outcome;
            boolean ok;
            try {
                ImportSummary summary = exchange.importDistrict(bytes);
                outcome = describe(metadata.fileName(), summary);
                ok = true;
            } catch (ExchangeValidationException e) {
                outcome = metadata.fileName() + " was not imported: " + e.getMessage();
                ok = false;
            }
            show(outcome, ok);
        }));
        upload.setId("district-import");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_DOCUMENT_BYTES);
        upload.setAcceptedFileExtensions(".json");
        upload.setAcceptedMimeTypes("application/json");

        result.setId("district-import-result");
        add(new H3("Export"), download, new H3("Import"), upload, result);
    }

    static String describe(String file, ImportSummary s) {
        return "%s imported into %s: %d school year(s), %d catalog(s), %d master(s) with %d item(s), %d school(s), "
                .formatted(file, s.district(), s.schoolYears(), s.catalogs(), s.masters(), s.masterItems(),
                        s.schools())
                + "%d calendar(s), %d course(s) with %d item(s), %d section(s) with %d item(s), %d assignment(s), "
                .formatted(s.calendars(), s.courses(), s.courseItems(), s.sections(), s.sectionItems(),
                        s.assignments())
                + "%d score(s), %d comment(s), %d posted grade(s).".formatted(s.scores(), s.comments(),
                s.postedGrades());
    }

    private void show(String message, boolean ok) {
        UI ui = getUI().orElse(null);
        Runnable update = () -> {
            result.removeAll();
            Paragraph text = new Paragraph(message);
            text.getStyle().set("color", ok ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            result.add(text);
        };
        if (ui == null) {
            update.run();
        } else {
            ui.access(update::run);
        }
    }
}
