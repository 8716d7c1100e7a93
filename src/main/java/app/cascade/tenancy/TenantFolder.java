package app.cascade.tenancy;

import java.util.List;

/** The tenant folder as this node reads it while it runs (issue 19: districts come and go without a restart). */
public interface TenantFolder {

    /** The files the last reading left out, and why; empty when every file is in force. */
    List<TenantFileProblem> problems();
}
