package app.cascade.support.internal;

import app.cascade.CascadeIntegrationTest;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The internal dashboard server is read-only itself: even with the proxy's own credentials it changes no job. */
@CascadeIntegrationTest
class JobDashboardServerIT {

    @Autowired
    JobDashboard dashboard;
    @Autowired
    JobScheduler scheduler;
    @Autowired
    StorageProvider storage;

    @Test
    void with_the_proxys_credentials_a_requeue_or_delete_is_refused_and_a_read_is_served() throws Exception {
        UUID job = scheduler.schedule(Instant.now().plus(30, ChronoUnit.DAYS), () -> System.out.println("later"))
                .asUUID();
        HttpClient http = HttpClient.newHttpClient();

        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            for (String path : List.of("/api/jobs/" + job + "/requeue", "/api/jobs/" + job)) {
                HttpResponse<String> answer = http.send(request(path).method(method,
                        HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("%s %s", method, path).isEqualTo(403);
            }
        }
        HttpResponse<String> read = http.send(request("/api/jobs/" + job).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(storage.getJobById(job).getState()).isEqualTo(StateName.SCHEDULED);
        scheduler.delete(job);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dashboard.internalPort() + path))
                .header("Authorization", dashboard.authorization());
    }
}
