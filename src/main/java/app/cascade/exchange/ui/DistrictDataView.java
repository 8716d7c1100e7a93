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
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/**
 * District admins download the whole district as a {@code cascade.district/v1} document and upload one to import it.
 * The view only calls {@link DistrictExchangeService}; a rejected document is shown as rejected with every problem
 * and its JSON path, and the next document can be uploaded at once.
 */
@Route("district-data")
@PageTitle("District data")
@Menu(title = "District data", order = 90, icon = "DATABASE")
@RolesAllowed(Roles.DISTRICT_ADMIN)
class DistrictDataView extends VerticalLayout {

    static final int MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

    private final transient DistrictExchangeService exchange;
    private final Div result = new Div();
    private final Upload upload;

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

        upload = new Upload((UploadHandler) event -> {
            Outcome outcome = receive(event.getFileName(), event.getInputStream().readAllBytes());
            if (!outcome.imported()) {
                event.reject("Rejected: nothing was imported"); // the file's row shows the refusal, never a ✓
            }
            UI ui = event.getUI();
            ui.access(() -> show(outcome));
        });
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

    /** What an upload came to: imported (with its summary), or rejected (with every problem). */
    record Outcome(String fileName, ImportSummary summary, List<ExchangeValidationException.Problem> problems) {
        boolean imported() {
            return summary != null;
        }
    }

    /** Imports the document; a rejected one changes nothing and lists every problem found. */
    Outcome receive(String fileName, byte[] document) {
        try {
            return new Outcome(fileName, exchange.importDistrict(document), List.of());
        } catch (ExchangeValidationException e) {
            return new Outcome(fileName, null, e.errors());
        }
    }

    /**
     * Shows the outcome under the upload and empties the upload's file list, so the next document can be chosen at
     * once (one file at a time, and a finished one no longer blocks the next).
     */
    void show(Outcome outcome) {
        result.removeAll();
        upload.clearFileList();
        if (outcome.imported()) {
            Paragraph text = new Paragraph(VaadinIcon.CHECK_CIRCLE.create(),
                    new Span(" " + describe(outcome.fileName(), outcome.summary())));
            text.addClassName("cascade-import-imported");
            result.add(text);
            return;
        }
        int count = outcome.problems().size();
        Paragraph heading = new Paragraph(VaadinIcon.CLOSE_CIRCLE.create(), new Span(" %s was rejected: nothing was"
                .formatted(outcome.fileName()) + " imported. Fix %s and upload it again:"
                .formatted(count == 1 ? "this problem" : "these " + count + " problems")));
        heading.addClassName("cascade-import-rejected");
        UnorderedList problems = new UnorderedList();
        problems.setId("district-import-problems");
        problems.addClassName("cascade-problem-list");
        for (ExchangeValidationException.Problem problem : outcome.problems()) {
            Span path = new Span(problem.path());
            path.addClassName("cascade-problem-path");
            problems.add(new ListItem(path, new Span(" " + problem.message())));
        }
        result.add(heading, problems);
    }
}
