package app.cascade.push.job;

import app.cascade.push.PushKind;
import app.cascade.push.PushRequestSummary;
import app.cascade.tenancy.Tenant;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

import static org.jobrunr.scheduling.JobBuilder.aJob;

/** Creates the JobRunr job of a request, named so that support staff can read it. */
@Component
public class PushJobScheduler {

    private final JobScheduler jobs;

    public PushJobScheduler(JobScheduler jobs) {
        this.jobs = jobs;
    }

    /** @return the JobRunr job id (new for every call, so a request can be enqueued again after waiting) */
    public UUID schedule(Tenant tenant, PushRequestSummary request, Instant at) {
        UUID jobId = UUID.randomUUID();
        String tenantId = tenant.id();
        UUID requestId = request.id();
        jobs.create(aJob()
                .withId(jobId)
                .withName(name(tenant, request))
                .withAmountOfRetries(PushJob.RETRIES)
                .scheduleAt(at)
                .withLabels("district:" + tenantId)
                .<PushJob>withJobLambda(job -> job.run(tenantId, requestId, JobContext.Null)));
        return jobId;
    }

    public void delete(UUID jobId) {
        if (jobId != null) {
            jobs.delete(jobId, "push request cancelled");
        }
    }

    static String name(Tenant tenant, PushRequestSummary r) {
        String tool = r.kind() == PushKind.CATALOG ? "Push All Course Masters"
                : r.kind() == PushKind.MASTER ? "Push to Courses " + r.master() : "Push All Courses";
        String catalog = r.catalog() == null ? "" : " · " + r.catalog();
        return tenant.displayName() + " · " + tool + catalog + " · " + r.schoolYear() + " · " + r.mode().label()
                + (r.toSections() ? " + sections" : "");
    }
}
