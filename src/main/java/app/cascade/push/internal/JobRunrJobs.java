package app.cascade.push.internal;

import java.util.Set;

/**
 * How Cascade reads JobRunr's jobs table: where it is and which job states are live. The one definition for the job
 * reconciler and support's stuck-request rule. JobRunr's pool keeps its connections in the {@code public} schema
 * ({@code push.job.JobRunrPool}), where the main pool's connections also rest when not lent to a district, so the
 * table is {@code public.jobrunr_jobs} for both.
 */
public final class JobRunrJobs {

    /** JobRunr's jobs, schema-qualified (a district connection reaches them only so). */
    public static final String TABLE = "public.jobrunr_jobs";
    /** The schema JobRunr's own pool works in. */
    public static final String SCHEMA = "public";
    /** The states in which JobRunr will still run a job, or runs it now: a request with such a job is not stuck. */
    public static final Set<String> LIVE = Set.of("AWAITING", "SCHEDULED", "ENQUEUED", "PROCESSING");

    private JobRunrJobs() {
    }
}
