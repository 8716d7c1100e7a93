package app.cascade.support;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.PushCommand;
import app.cascade.push.PushRequestService;
import app.cascade.push.engine.PushMode;
import app.cascade.support.internal.JobDashboardProxy;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Support watches, it does not push: through the relayed JobRunr dashboard, as the support user, every method but GET
 * and HEAD on every relayed path is refused with 403 problem JSON and logged, and the job and its push request are
 * unchanged afterwards — the Overwrite scheduled a month ahead does not run, the request does not lose its job.
 */
@CascadeIntegrationTest
@AutoConfigureMockMvc
class JobDashboardReadOnlyIT {

    static final List<HttpMethod> WRITES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    PushRequestService requests;
    @Autowired
    StorageProvider storage;

    SupportFixture f;
    UUID request;
    UUID job;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger proxyLogger = (Logger) LoggerFactory.getLogger(JobDashboardProxy.class);

    @BeforeEach
    void an_overwrite_scheduled_a_month_ahead() {
        f = new SupportFixture(context, "alpha");
        TestUsers.signIn(context, "alpha.push");
        request = requests.submit(PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class)), Instant.now().plus(Duration.ofDays(30)));
        TestUsers.signOut();
        job = f.d.query("select job_id from push_request where id = ?", UUID.class, request);
        log.start();
        proxyLogger.addAppender(log);
    }

    @AfterEach
    void tearDown() {
        proxyLogger.detachAppender(log);
    }

    @Test
    void every_state_changing_method_on_every_relayed_path_is_refused_logged_and_changes_nothing() throws Exception {
        String before = f.row(request);
        List<String> paths = List.of("/api/jobs/" + job + "/requeue", "/api/jobs/" + job, "/api/jobs",
                "/api/recurring-jobs/any-id", "/api/recurring-jobs/any-id/trigger", "/api/problems/any-type",
                "/api/servers", "/api/version", "/api/metadata/any/owner", "/dashboard/overview",
                "/sse/jobs/" + job);
        List<String> refused = new ArrayList<>();
        for (String path : paths) {
            for (HttpMethod method : WRITES) {
                MvcResult result = mvc.perform(request(method, path).with(support())
                        .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
                assertThat(result.getResponse().getStatus()).as("%s %s", method, path).isEqualTo(403);
                assertThat(result.getResponse().getContentType()).as("%s %s", method, path)
                        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                assertThat(result.getResponse().getContentAsString()).as("%s %s", method, path)
                        .contains("\"status\":403", "read-only", "Support view");
                refused.add(method + " " + path);
            }
        }

        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.WARN);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).hasSameSizeAs(refused)
                .allSatisfy(line -> assertThat(line).contains("for support"))
                .anySatisfy(line -> assertThat(line).contains("POST /api/jobs/" + job + "/requeue"))
                .anySatisfy(line -> assertThat(line).contains("DELETE /api/jobs/" + job + " "));
        assertThat(storage.getJobById(job).getState()).as("the job in JobRunr's storage")
                .isEqualTo(StateName.SCHEDULED);
        assertThat(f.row(request)).as("the push request").isEqualTo(before);
        assertThat(f.status(request)).isEqualTo("SCHEDULED");
    }

    @Test
    void any_other_method_is_refused_too_and_reading_still_works() throws Exception {
        // (OPTIONS Spring MVC answers itself, with an Allow list: it never reaches the proxy nor JobRunr)
        for (String method : List.of("TRACE", "PROPFIND")) {
            // Spring Security's firewall turns these away before any handler; nothing reaches JobRunr
            MvcResult result = mvc.perform(request(HttpMethod.valueOf(method), "/api/jobs/" + job + "/requeue")
                    .with(support())).andReturn();
            assertThat(result.getResponse().getStatus()).as(method).isBetween(400, 499);
        }

        MvcResult read = mvc.perform(get("/api/jobs/" + job).with(support())).andReturn();
        assertThat(read.getResponse().getStatus()).isEqualTo(200);
        assertThat(read.getResponse().getContentAsString()).contains(job.toString(), "SCHEDULED");
        MvcResult page = mvc.perform(get("/dashboard/overview").with(support())).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(storage.getJobById(job).getState()).isEqualTo(StateName.SCHEDULED);
    }

    @Test
    void a_district_user_is_refused_before_the_proxy() throws Exception {
        MvcResult result = mvc.perform(request(HttpMethod.POST, "/api/jobs/" + job + "/requeue")
                .with(authentication(TestUsers.authentication(context, "alpha.push")))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(storage.getJobById(job).getState()).isEqualTo(StateName.SCHEDULED);
    }

    private RequestPostProcessor support() {
        return authentication(TestUsers.authentication(context, "support"));
    }
}
