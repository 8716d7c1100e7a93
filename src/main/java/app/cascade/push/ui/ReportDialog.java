package app.cascade.push.ui;

import app.cascade.push.PushRequestSummary;
import app.cascade.push.engine.ReportRow;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

import java.util.List;

/** "Get the report": the rows a finished request wrote, filterable by reason, with the settings used. */
class ReportDialog extends Dialog {

    ReportDialog(PushRequestSummary request, List<ReportRow> rows) {
        setId("report-dialog");
        setHeaderTitle("Push report: " + request.catalog() + " " + request.schoolYear());
        setWidth("min(90vw, 70em)");
        setHeight("80vh");
        setResizable(true);
        Paragraph settings = new Paragraph(PushQueue.label(request.status()) + ". " + request.mode().label()
                + (request.toSections() ? ", pushed to sections" : ", not pushed to sections") + ". Data: "
                + request.pushedData() + ". Submitted by " + request.submittedBy() + ".");
        settings.setId("report-settings");
        add(settings, new ReportRowsGrid("report-rows", rows));
        getFooter().add(new Button("Close", e -> close()));
    }
}
