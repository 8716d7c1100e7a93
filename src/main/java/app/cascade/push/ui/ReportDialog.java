package app.cascade.push.ui;

import app.cascade.push.PushRequestSummary;
import app.cascade.push.engine.ReportRow;
import app.cascade.push.PushReportExporter;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

/**
 * "Get the report": the rows a finished request wrote, filterable by reason, with the settings used; Undo for a push
 * that may be undone, offered to a push admin.
 */
class ReportDialog extends Dialog {

    /** @param undo opens the undo's confirmation (this dialog closes first); null when Undo is not offered */
    ReportDialog(PushRequestSummary request, List<ReportRow> rows, PushReportExporter exporter, Runnable undo) {
        setId("report-dialog");
        setHeaderTitle(request.kind().reportName() + ": " + request.catalog() + " " + request.schoolYear());
        setWidth("min(90vw, 70em)");
        setHeight("80vh");
        setResizable(true);
        Paragraph settings = new Paragraph(request.status().label() + ". " + request.mode().label()
                + (request.toSections() ? ", pushed to sections" : ", not pushed to sections") + ". Data: "
                + request.pushedData() + ". Submitted by " + request.submitter() + ".");
        settings.setId("report-settings");
        add(settings, new ReportRowsGrid("report-rows", rows));
        UUID id = request.id();
        getFooter().add(download("report-csv", "Download CSV", exporter.fileName(id, "csv"), "text/csv",
                        () -> exporter.csv(id)),
                download("report-pdf", "Download PDF", exporter.fileName(id, "pdf"), "application/pdf",
                        () -> exporter.pdf(id)),
                new Button("Close", e -> close()));
        if (undo != null) {
            Button undoButton = new Button("Undo", VaadinIcon.ARROW_BACKWARD.create(), e -> {
                close();
                undo.run();
            });
            undoButton.setId("report-undo");
            undoButton.setAriaLabel("Undo this push");
            undoButton.setDisableOnClick(true);
            undoButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
            getFooter().addComponentAsFirst(undoButton);
        }
    }

    /** A link whose file is made when clicked, in the download request (which passes the security filters). */
    static Anchor download(String id, String text, String fileName, String contentType,
                           java.util.function.Supplier<byte[]> content) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        }), AttachmentType.DOWNLOAD, "");
        link.add(VaadinIcon.DOWNLOAD.create(), new com.vaadin.flow.component.html.Span(text));
        link.setId(id);
        link.addClassName("cascade-download");
        return link;
    }
}
