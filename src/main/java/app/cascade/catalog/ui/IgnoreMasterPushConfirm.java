package app.cascade.catalog.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Asks before Ignore Master Push is set or cleared on a course, saying what the flag means (push-rules §2, §3). */
class IgnoreMasterPushConfirm extends ConfirmDialog {

    static final String SET_TEXT = "The school will manage course %s itself: nothing on it is locked any more, so "
            + "its Course Info and grading setup can be edited freely, and every master push (Push All Course Masters "
            + "and Push to Courses) skips it and lists it in its report as \"Ignore Master Push\". Its current setup "
            + "and links are kept. Push All Courses still pushes its setup to its sections.";
    static final String CLEAR_TEXT = "Course %s will follow its course master %s again: the items and Course Info "
            + "fields the catalog locks become read-only, and the next master push updates it.";

    IgnoreMasterPushConfirm(String courseNumber, String masterLabel, boolean set, Runnable confirmed) {
        setId("ignore-master-push-confirm");
        setHeader(set ? "Ignore Master Push for " + courseNumber + "?" : "Stop ignoring master pushes for "
                + courseNumber + "?");
        setText(set ? SET_TEXT.formatted(courseNumber) : CLEAR_TEXT.formatted(courseNumber, masterLabel));
        setCancelable(true);
        setConfirmText(set ? "Ignore Master Push" : "Follow the master again");
        addConfirmListener(e -> confirmed.run());
    }
}
