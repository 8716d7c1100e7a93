package app.cascade.notifications;

import app.cascade.catalog.Plural;
import app.cascade.push.DistrictTime;
import app.cascade.push.PushEnded;
import app.cascade.push.PushKind;
import app.cascade.push.PushRequestSummary;
import app.cascade.push.PushStatus;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of the notification (bell entry, and the mail's subject and body) about an ended request: for a push,
 * "High School Catalog (26-27): push completed"; for an undo, what it put back and what it left, e.g. "Undo of the
 * push of High School Catalog (Dec 1, 2026, 6:30 AM CST) completed: 38 courses restored, 2 left as they are (changed
 * since the push)". The one place these words are made.
 */
final class PushEndedText {

    private PushEndedText() {
    }

    /** The title of the bell entry and the mail's subject. */
    static String title(PushEnded ended, ZoneId zone) {
        PushRequestSummary r = ended.request();
        PushEnded.Undo undo = ended.undo();
        if (r.kind() == PushKind.UNDO && undo != null) {
            return "Undo of the push of " + what(r) + " (" + DistrictTime.format(undo.pushScheduledAt(), zone) + ") "
                    + undoStatus(r.status()) + ": " + String.join(", ", counts(undo, r.status()));
        }
        return what(r) + " (" + r.schoolYear() + "): push " + status(r.status());
    }

    /** The bell entry's text under its title, and the mail's body. */
    static String body(PushEnded ended) {
        PushRequestSummary r = ended.request();
        String courses = ". Courses: " + r.coursesDone() + (r.coursesTotal() == null ? "" : " of " + r.coursesTotal())
                + ".";
        String message = r.message() == null ? "" : " " + r.message();
        PushEnded.Undo undo = ended.undo();
        if (r.kind() == PushKind.UNDO && undo != null) {
            boolean left = undo.changedSincePush() + undo.keptForGrades() + undo.failed() > 0;
            return "The push undone: " + r.mode().label() + (r.toSections() ? ", pushed to sections" : "") + ", "
                    + r.schoolYear() + ". Data: " + r.pushedData() + courses
                    + (left ? " Its report lists each course it did not restore, with the reason." : "") + message;
        }
        return r.mode().label() + (r.toSections() ? ", pushed to sections" : "") + ". Data: " + r.pushedData()
                + courses + message;
    }

    private static String what(PushRequestSummary r) {
        return r.catalog() != null ? r.catalog() : r.master() != null ? "Course master " + r.master()
                : "Push All Courses";
    }

    private static String status(PushStatus status) {
        return switch (status) {
            case COMPLETED -> "completed";
            case COMPLETED_WITH_WARNINGS -> "completed with warnings";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
            default -> status.name().toLowerCase();
        };
    }

    /** An undo that left courses as they are completed all the same: its counts say which it left, and why. */
    private static String undoStatus(PushStatus status) {
        return status == PushStatus.COMPLETED_WITH_WARNINGS ? "completed" : status(status);
    }

    /** "38 courses restored", "2 left as they are (changed since the push)", …: the counts that are not zero. */
    private static List<String> counts(PushEnded.Undo u, PushStatus status) {
        List<String> parts = new ArrayList<>();
        parts.add(u.restored() == 0 ? "no course restored"
                : Plural.of(u.restored(), "course") + " restored"
                + (status == PushStatus.FAILED ? " before it stopped" : ""));
        if (u.changedSincePush() > 0) {
            parts.add(left(u.changedSincePush()) + " (changed since the push)");
        }
        if (u.keptForGrades() > 0) {
            parts.add(left(u.keptForGrades()) + " (an item has grades or assignments)");
        }
        if (u.failed() > 0) {
            parts.add(u.failed() + " failed and rolled back");
        }
        return parts;
    }

    private static String left(int courses) {
        return courses + (courses == 1 ? " left as it is" : " left as they are");
    }
}
