package app.cascade.support;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * JobRunr's dashboard is reachable only through the app, only for SUPPORT; its own server refuses anyone without the
 * credentials only the app knows.
 */
@CascadeIntegrationTest
@AutoConfigureMockMvc
class JobsDashboardIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    app.cascade.support.internal.JobDashboard dashboard;
    @LocalServerPort
    int port;

    @Test
    void an_anonymous_visitor_is_sent_to_sign_in() throws Exception {
        MvcResult result = mvc.perform(get("/support/jobs/")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).contains("/login");
        assertThat(mvc.perform(get("/api/jobs?state=SUCCEEDED")).andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    void a_push_admin_is_refused() throws Exception {
        var pushAdmin = authentication(TestUsers.authentication(context, "alpha.push"));
        assertThat(mvc.perform(get("/dashboard/overview").with(pushAdmin)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/api/jobs?state=SUCCEEDED").with(pushAdmin)).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void support_gets_the_dashboard_and_its_data() throws Exception {
        var support = authentication(TestUsers.authentication(context, "support"));

        MvcResult open = mvc.perform(get("/support/jobs/").with(support)).andReturn();
        assertThat(open.getResponse().getRedirectedUrl()).isEqualTo("/dashboard/overview");
        MvcResult page = mvc.perform(get("/dashboard/overview").with(support)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString()).contains("JobRunr");
        MvcResult jobs = mvc.perform(get("/api/jobs?state=SUCCEEDED&offset=0&limit=20").with(support)).andReturn();
        assertThat(jobs.getResponse().getStatus()).isEqualTo(200);
        assertThat(jobs.getResponse().getContentAsString()).contains("\"items\"");
    }

    @Test
    void the_dashboard_server_itself_refuses_requests_without_the_apps_credentials() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var direct = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + internalPort() + "/api/jobs?state=SUCCEEDED")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(401);
        assertThat(dashboard.boundAddress().getAddress().isLoopbackAddress()).as("listens on loopback only").isTrue();
    }

    @Test
    void the_dashboard_page_fetches_its_manifest_signed_in_like_every_other_dashboard_path() throws Exception {
        var support = authentication(TestUsers.authentication(context, "support"));

        String page = mvc.perform(get("/dashboard/overview").with(support)).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("<link rel=\"manifest\" href=\"/dashboard/manifest.json\""
                + " crossorigin=\"use-credentials\"");
    }

    @Test
    void the_dashboard_script_calls_no_one_outside_the_installation_and_its_version_check_gets_no_content()
            throws Exception {
        var support = authentication(TestUsers.authentication(context, "support"));
        String page = mvc.perform(get("/dashboard/overview").with(support)).andReturn().getResponse()
                .getContentAsString();
        Matcher script = Pattern.compile("/dashboard/static/js/index\\.[0-9a-f]+\\.js").matcher(page);
        assertThat(script.find()).as("the dashboard's main script in " + page).isTrue();

        MvcResult js = mvc.perform(get(script.group()).with(support)).andReturn();

        assertThat(js.getResponse().getStatus()).isEqualTo(200);
        assertThat(js.getResponse().getContentAsString()).doesNotContain("api.jobrunr.io")
                .contains("/dashboard/jobrunr-io-offline/api/version/jobrunr/latest");
        assertThat(mvc.perform(get("/dashboard/jobrunr-io-offline/api/version/jobrunr/latest").with(support))
                .andReturn().getResponse().getStatus()).isEqualTo(204);
        assertThat(mvc.perform(get("/dashboard/jobrunr-io-offline/api/version/jobrunr/latest")).andReturn()
                .getResponse().getStatus()).as("anonymous").isEqualTo(302);
    }

    @Test
    void a_request_without_a_session_cookie_is_sent_to_sign_in_with_no_session_id_in_the_url() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();

        var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/dashboard/manifest.json")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).get().asString().contains("/login")
                .doesNotContainIgnoringCase("jsessionid");
    }

    private int internalPort() {
        return dashboard.internalPort();
    }
}
