package app.cascade.tenancy;

import java.time.Instant;
import java.util.Optional;

/**
 * A district's Batch Reporting switch as its district admins see it.
 *
 * @param on         whether push requests run (off: they wait as queued)
 * @param lastChange the last change made in Cascade; empty while the value is still the tenant file's initial one
 */
public record BatchReportingState(boolean on, Optional<Change> lastChange) {

    /** One change of the switch: who made it, when, and from which value to which. */
    public record Change(boolean from, boolean to, String byUsername, String byName, Instant at) {
    }
}
