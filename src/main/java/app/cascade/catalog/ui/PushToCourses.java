package app.cascade.catalog.ui;

/**
 * Opens Push to Courses for one master. The masters view owns this seam and the push feature implements it with its
 * one Push to Courses dialog, so catalog never imports push (push already depends on catalog). Without an
 * implementation the view shows no Push to Courses button.
 */
public interface PushToCourses {

    /** Opens the dialog for the master; {@code masterLabel} reads "ENG101 – English 1". */
    void open(long masterId, String masterLabel);
}
